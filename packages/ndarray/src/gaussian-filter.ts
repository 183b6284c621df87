import ndarray from 'ndarray';
import { type NdArray, toContiguous } from './array.js';
import { describe, dtypeOfData } from './dtype.js';
import { pairwiseSum } from './kernels/pairwise-sum.js';
import { correlateSymmetric } from './kernels/symmetric-correlate.js';
import { assertFinite, assertInteger, assertNdArray } from './validate.js';

/** Border extensions of scipy.ndimage (the index-based ones). */
export type FilterMode = 'reflect' | 'mirror' | 'nearest' | 'wrap';

const MODES: readonly FilterMode[] = ['reflect', 'mirror', 'nearest', 'wrap'];

export interface GaussianFilterOptions {
  /** Kernel radius = floor(truncate * sigma + 0.5) (default 4, as scipy). */
  truncate?: number;
  /** Border mode (default 'reflect': half-sample symmetric `d c b a | a b c d | d c b a`). */
  mode?: FilterMode;
  /** Explicit kernel radius per axis (or one for all), overriding `truncate` (scipy >= 1.10's `radius`). */
  radius?: number | readonly number[];
}

/**
 * scipy's `_gaussian_kernel1d(sigma, 0, radius)`: `exp(-0.5 / sigma^2 * x^2)` for integer
 * `x` in [-radius, radius], divided by its numpy (pairwise) sum. Returns the half kernel
 * `w[0..radius]` (the kernel is symmetric).
 */
export function gaussianKernel1d(sigma: number, radius: number): Float64Array {
  assertFinite('gaussianKernel1d: sigma', sigma, { min: 0 });
  assertInteger('gaussianKernel1d: radius', radius, { min: 0 });
  const c = -0.5 / (sigma * sigma);
  const full = new Float64Array(2 * radius + 1);
  for (let i = 0; i <= 2 * radius; i++) {
    const x = i - radius;
    full[i] = Math.exp(c * (x * x));
  }
  const sum = pairwiseSum(full);
  const half = new Float64Array(radius + 1);
  for (let k = 0; k <= radius; k++) half[k] = (full[radius + k] as number) / sum;
  return half;
}

/** Source index of padded position `p` (input index `p - r`) for a line of length `n`. */
function extendIndex(i: number, n: number, mode: FilterMode): number {
  if (i >= 0 && i < n) return i;
  switch (mode) {
    case 'reflect': {
      const period = 2 * n;
      let q = i % period;
      if (q < 0) q += period;
      return q >= n ? period - 1 - q : q;
    }
    case 'mirror': {
      if (n === 1) return 0;
      const period = 2 * n - 2;
      let q = i % period;
      if (q < 0) q += period;
      return q >= n ? period - q : q;
    }
    case 'nearest':
      return i < 0 ? 0 : n - 1;
    case 'wrap': {
      let q = i % n;
      if (q < 0) q += n;
      return q;
    }
  }
}

function paddedIndex(n: number, r: number, mode: FilterMode): Int32Array {
  const pad = new Int32Array(n + 2 * r);
  for (let p = 0; p < pad.length; p++) pad[p] = extendIndex(p - r, n, mode);
  return pad;
}

type FloatData = Float64Array | Float32Array;

/**
 * One symmetric 1-D correlation along an axis of a dense array, in scipy's arithmetic order
 * (`out = x[i]*w0; out += (x[i-k] + x[i+k]) * w[k]` for k = r..1), results stored in `dst`.
 * The array is `outer` blocks of `n` lines of `inner` contiguous values. Four outputs are
 * computed side by side: their sums stay in scipy's order, but the CPU overlaps them.
 */
function correlateAxis(
  src: FloatData,
  dst: FloatData,
  outer: number,
  n: number,
  inner: number,
  w: Float64Array,
  mode: FilterMode,
): void {
  const r = w.length - 1;
  const pad = paddedIndex(n, r, mode);
  if (inner === 1) correlateLines(src, dst, outer, n, w, pad);
  else correlateAcross(src, dst, outer, n, inner, w, pad);
}

/** Contiguous lines: extend each into a float64 buffer, then filter it. */
function correlateLines(
  src: FloatData,
  dst: FloatData,
  outer: number,
  n: number,
  w: Float64Array,
  pad: Int32Array,
): void {
  const r = w.length - 1;
  const ext = new Float64Array(n + 2 * r);
  const m = ext.length;
  for (let o = 0; o < outer; o++) {
    const base = o * n;
    for (let p = 0; p < m; p++) ext[p] = src[base + (pad[p] as number)] as number;
    correlateSymmetric(ext, r, n, w, dst, base);
  }
}

/** Lines across rows (`inner` > 1): for each output row, four columns at a time, rows found through `pad`. */
function correlateAcross(
  src: FloatData,
  dst: FloatData,
  outer: number,
  n: number,
  inner: number,
  w: Float64Array,
  pad: Int32Array,
): void {
  const r = w.length - 1;
  const w0 = w[0] as number;
  const offA = new Int32Array(r + 1);
  const offB = new Int32Array(r + 1);
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    for (let i = 0; i < n; i++) {
      const pc = base + i * inner;
      for (let k = 1; k <= r; k++) {
        offA[k] = base + (pad[i + r - k] as number) * inner;
        offB[k] = base + (pad[i + r + k] as number) * inner;
      }
      let j = 0;
      for (; j + 3 < inner; j += 4) {
        const q = pc + j;
        let a0 = (src[q] as number) * w0;
        let a1 = (src[q + 1] as number) * w0;
        let a2 = (src[q + 2] as number) * w0;
        let a3 = (src[q + 3] as number) * w0;
        for (let k = r; k >= 1; k--) {
          const wk = w[k] as number;
          const pa = (offA[k] as number) + j;
          const pb = (offB[k] as number) + j;
          a0 += ((src[pa] as number) + (src[pb] as number)) * wk;
          a1 += ((src[pa + 1] as number) + (src[pb + 1] as number)) * wk;
          a2 += ((src[pa + 2] as number) + (src[pb + 2] as number)) * wk;
          a3 += ((src[pa + 3] as number) + (src[pb + 3] as number)) * wk;
        }
        dst[q] = a0;
        dst[q + 1] = a1;
        dst[q + 2] = a2;
        dst[q + 3] = a3;
      }
      for (; j < inner; j++) {
        const q = pc + j;
        let acc = (src[q] as number) * w0;
        for (let k = r; k >= 1; k--) {
          acc +=
            ((src[(offA[k] as number) + j] as number) + (src[(offB[k] as number) + j] as number)) * (w[k] as number);
        }
        dst[q] = acc;
      }
    }
  }
}

/**
 * `scipy.ndimage.gaussian_filter(image, sigma, truncate=4, mode='reflect')` for float32 or
 * float64 arrays of any rank (`[H,W]` images above all): one 1-D correlation per axis in axis
 * order, skipping axes whose sigma is 0 (<= 1e-15), each pass stored in the input's dtype
 * (float32 input: float32 intermediate and result, as scipy). `sigma` is one number or one
 * per axis. Kernels wider than the image repeat the border extension, as scipy does.
 */
export function gaussianFilter(
  image: NdArray<Float32Array>,
  sigma: number | readonly number[],
  options?: GaussianFilterOptions,
): NdArray<Float32Array>;
export function gaussianFilter(
  image: NdArray<Float64Array>,
  sigma: number | readonly number[],
  options?: GaussianFilterOptions,
): NdArray<Float64Array>;
export function gaussianFilter(
  image: NdArray,
  sigma: number | readonly number[],
  options?: GaussianFilterOptions,
): NdArray<Float64Array> | NdArray<Float32Array>;
export function gaussianFilter(
  image: NdArray,
  sigma: number | readonly number[],
  options: GaussianFilterOptions = {},
): NdArray<Float64Array> | NdArray<Float32Array> {
  assertNdArray('gaussianFilter: image', image);
  const dt = dtypeOfData(image.data);
  if (dt !== 'float32' && dt !== 'float64') {
    throw new TypeError(
      `gaussianFilter: image: expected float32 or float64 data (cast integer images first), got ${dt}`,
    );
  }
  const rank = image.shape.length;
  if (rank === 0) throw new Error('gaussianFilter: image: expected at least 1 dimension, got a 0-d array');
  const sigmas = perAxis('gaussianFilter: sigma', sigma, rank);
  for (let a = 0; a < rank; a++) assertFinite(`gaussianFilter: sigma[${a}]`, sigmas[a], { min: 0 });
  const truncate = options.truncate ?? 4;
  assertFinite('gaussianFilter: options.truncate', truncate, { min: 0 });
  const mode = options.mode ?? 'reflect';
  if (!MODES.includes(mode)) {
    throw new Error(`gaussianFilter: options.mode: expected one of ${MODES.join(', ')}, got ${describe(mode)}`);
  }
  let radii: number[] | null = null;
  if (options.radius !== undefined && options.radius !== null) {
    radii = perAxis('gaussianFilter: options.radius', options.radius, rank);
    for (let a = 0; a < rank; a++) assertInteger(`gaussianFilter: options.radius[${a}]`, radii[a], { min: 0 });
  }

  const src = toContiguous(image);
  const shape = [...src.shape];
  const size = src.size;
  const Ctor = src.data instanceof Float32Array ? Float32Array : Float64Array;
  let cur = src.data as FloatData;
  let owned = false;
  for (let a = 0; a < rank; a++) {
    const s = sigmas[a] as number;
    if (!(s > 1e-15)) continue;
    const r = radii ? (radii[a] as number) : Math.trunc(truncate * s + 0.5);
    const w = gaussianKernel1d(s, r);
    const n = shape[a] as number;
    if (n === 0 || size === 0) break;
    let inner = 1;
    for (let b = a + 1; b < rank; b++) inner *= shape[b] as number;
    const outer = size / (n * inner);
    const next = new Ctor(size);
    correlateAxis(cur, next, outer, n, inner, w, mode);
    cur = next;
    owned = true;
  }
  if (!owned) cur = (src.data as FloatData).slice();
  return ndarray(cur, shape) as NdArray<Float64Array> | NdArray<Float32Array>;
}

function perAxis(label: string, v: number | readonly number[], rank: number): number[] {
  if (typeof v === 'number') return new Array<number>(rank).fill(v);
  if (!Array.isArray(v) || v.length !== rank) {
    throw new Error(
      `${label}: expected a number or ${rank} numbers (one per axis), got ${Array.isArray(v) ? `${v.length} numbers` : describe(v)}`,
    );
  }
  return [...v];
}
