import ndarray from 'ndarray';
import type { NdArray } from './array.js';
import { describe, type TypedArray } from './dtype.js';
import { imgAsFloat } from './img-as-float.js';
import { assertFinite, assertInteger, assertShape, checkShapeArg } from './validate.js';

/**
 * skimage.transform.resize with `order: 1, mode: 'reflect', antiAliasing: false` (skimage
 * 0.19 on scipy >= 1.6): `scipy.ndimage.zoom(image, grid_mode=True, mode='mirror', order=1)`
 * then a clip to the input's [min, max].
 *
 * Per output index `o` along an axis of `n` input and `m` output samples the input coordinate
 * is `(o + 0.5) * (n / m) - 0.5`, mirrored at the borders (whole-sample mirror), and the two
 * taps `floor(c)`, `floor(c) + 1` (mirrored indices) get weights `w0 = 1 - frac`,
 * `w1 = 1 - w0`. Pixels are summed in scipy's order `((v00*wy0)*wx0 + (v01*wy0)*wx1) +
 * (v10*wy1)*wx0 + (v11*wy1)*wx1`, so float64 results are bit-identical to scipy's.
 */

export interface ResizeOptions {
  /** Spline order: only 1 (bilinear) is implemented. */
  order?: 1;
  /** Border mode: only 'reflect' (skimage's whole-sample mirror) is implemented. */
  mode?: 'reflect';
  /** Gaussian pre-smoothing when downsampling: only false is implemented (skimage's default differs when shrinking). */
  antiAliasing?: false;
  /** Clip the result to the input's [min, max] (skimage's default true). */
  clip?: boolean;
  /** Keep the range of integer images instead of scaling them to [0, 1] as skimage's img_as_float. */
  preserveRange?: boolean;
}

/** One axis of a resize: the two source taps and their weights for every output index. */
export interface ResizeAxisTable {
  readonly inSize: number;
  readonly outSize: number;
  readonly idx0: Int32Array;
  readonly idx1: Int32Array;
  readonly w0: Float64Array;
  readonly w1: Float64Array;
  /** Runs of consecutive outputs sharing the same taps: run `s` covers `[segStart[s], segStart[s + 1])`. */
  readonly segStart: Int32Array;
}

/** scipy's map_coordinate for mode 'mirror' (NI_EXTEND_MIRROR) on a real coordinate. */
function mirrorCoordinate(c: number, len: number): number {
  if (c < 0) {
    if (len <= 1) return 0;
    const sz2 = 2 * len - 2;
    c = sz2 * Math.trunc(-c / sz2) + c;
    return c <= 1 - len ? c + sz2 : -c;
  }
  if (c > len - 1) {
    if (len <= 1) return 0;
    const sz2 = 2 * len - 2;
    c -= sz2 * Math.trunc(c / sz2);
    if (c >= len) c = sz2 - c;
  }
  return c;
}

/** scipy's whole-sample mirror of an integer tap index. */
function mirrorIndex(i: number, len: number): number {
  if (len <= 1) return 0;
  const s2 = 2 * len - 2;
  if (i < 0) {
    i = s2 * Math.trunc(-i / s2) + i;
    return i <= 1 - len ? i + s2 : -i;
  }
  if (i >= len) {
    i -= s2 * Math.trunc(i / s2);
    if (i >= len) i = s2 - i;
  }
  return i;
}

/** The per-axis taps and weights of a resize from `inSize` to `outSize` samples. */
export function resizeAxisTable(inSize: number, outSize: number): ResizeAxisTable {
  assertInteger('resizeAxisTable: inSize', inSize, { min: 1 });
  assertInteger('resizeAxisTable: outSize', outSize, { min: 1 });
  const zoom = inSize / outSize;
  const idx0 = new Int32Array(outSize);
  const idx1 = new Int32Array(outSize);
  const w0 = new Float64Array(outSize);
  const w1 = new Float64Array(outSize);
  for (let k = 0; k < outSize; k++) {
    const cc = mirrorCoordinate((k + 0.5) * zoom - 0.5, inSize);
    const start = Math.floor(cc);
    const a = 1 - (cc - start);
    w0[k] = a;
    w1[k] = 1 - a;
    idx0[k] = mirrorIndex(start, inSize);
    idx1[k] = mirrorIndex(start + 1, inSize);
  }
  const starts = [0];
  for (let k = 1; k < outSize; k++) {
    if (idx0[k] !== idx0[k - 1] || idx1[k] !== idx1[k - 1]) starts.push(k);
  }
  starts.push(outSize);
  return { inSize, outSize, idx0, idx1, w0, w1, segStart: Int32Array.from(starts) };
}

/** A window of the resized image: rows `[y0, y0 + h)` and columns `[x0, x0 + w)`. */
export interface ResizeWindow {
  y0: number;
  x0: number;
  h: number;
  w: number;
}

export interface ResizeIntoOptions {
  /** Index of the first input value in `src` (default 0). */
  srcOffset?: number;
  /** Index where the first output value goes in `dst` (default 0). */
  dstOffset?: number;
  /** Only compute (and write) this window of the output, as a dense `h x w` block (default: everything). */
  window?: ResizeWindow;
  /** Clip bounds; default: the min and max of this input image, as skimage clips. Pass null to skip clipping. */
  clip?: readonly [number, number] | null;
}

type FloatData = Float64Array | Float32Array;

/**
 * A resize between fixed shapes with its tables computed once, for resizing many same-size
 * images (e.g. RISE's N grids): `const r = makeResizer([9, 9], [232, 232]); r.resizeInto(src, dst, {...})`.
 */
export interface Resizer {
  readonly inShape: readonly [number, number];
  readonly outShape: readonly [number, number];
  readonly rows: ResizeAxisTable;
  readonly cols: ResizeAxisTable;
  /**
   * Resizes the dense row-major `inH x inW` image at `src[srcOffset...]` into
   * `dst[dstOffset...]` (row-major; `window.h x window.w` when a window is given), computing in
   * float64 and storing into `dst`'s type (float32 rounds once, like scipy). Clips to the
   * input's [min, max] unless told otherwise. No allocation besides a scratch row.
   */
  resizeInto(src: ArrayLike<number>, dst: FloatData, options?: ResizeIntoOptions): void;
}

function minMax(src: ArrayLike<number>, off: number, n: number): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = off; i < off + n; i++) {
    const v = src[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** Tables and a kernel for resizing `[inH, inW]` images to `[outH, outW]` (skimage order-1 reflect semantics). */
export function makeResizer(inShape: readonly number[], outShape: readonly number[]): Resizer {
  const [inH, inW] = checkShapeArg('makeResizer: inShape', inShape, { rank: 2, min: 1 }) as [number, number];
  const [outH, outW] = checkShapeArg('makeResizer: outShape', outShape, { rank: 2, min: 1 }) as [number, number];
  const rows = resizeAxisTable(inH, outH);
  const cols = resizeAxisTable(inW, outW);
  const scratchA = new Float64Array(inW);
  const scratchB = new Float64Array(inW);
  const nSeg = cols.segStart.length - 1;
  const segFrom = new Int32Array(nSeg);
  const segTo = new Int32Array(nSeg);
  const segJ0 = new Int32Array(nSeg);
  const segJ1 = new Int32Array(nSeg);
  const bounds = new Float64Array(2);
  const inSize = inH * inW;

  const resizeInto = (src: ArrayLike<number>, dst: FloatData, options: ResizeIntoOptions = {}): void => {
    const srcOffset = options.srcOffset ?? 0;
    const dstOffset = options.dstOffset ?? 0;
    const win = options.window ?? { y0: 0, x0: 0, h: outH, w: outW };
    assertInteger('Resizer.resizeInto: options.srcOffset', srcOffset, { min: 0 });
    assertInteger('Resizer.resizeInto: options.dstOffset', dstOffset, { min: 0 });
    const { y0, x0, h, w } = win;
    assertInteger('Resizer.resizeInto: options.window.y0', y0, { min: 0, max: outH });
    assertInteger('Resizer.resizeInto: options.window.x0', x0, { min: 0, max: outW });
    assertInteger('Resizer.resizeInto: options.window.h', h, { min: 0, max: outH - y0 });
    assertInteger('Resizer.resizeInto: options.window.w', w, { min: 0, max: outW - x0 });
    if (srcOffset + inSize > src.length) {
      throw new RangeError(
        `Resizer.resizeInto: src: expected ${inH}x${inW} values from index ${srcOffset}, got length ${src.length}`,
      );
    }
    if (dstOffset + h * w > dst.length) {
      throw new RangeError(
        `Resizer.resizeInto: dst: expected room for ${h}x${w} values from index ${dstOffset}, got length ${dst.length}`,
      );
    }
    // Clip bounds go through a Float64Array so the kernel always sees doubles: small integer
    // bounds (0 and 1) arriving as V8 Smis made the clip's result mixed-type and boxed every pixel.
    bounds[0] = Number.NEGATIVE_INFINITY;
    bounds[1] = Number.POSITIVE_INFINITY;
    if (options.clip === undefined) {
      const [mn, mx] = minMax(src, srcOffset, inSize);
      if (mn <= mx) {
        // an all-NaN image has no bounds
        bounds[0] = mn;
        bounds[1] = mx;
      }
    } else if (options.clip !== null) {
      const [lo, hi] = options.clip;
      assertFinite('Resizer.resizeInto: options.clip[0]', lo);
      assertFinite('Resizer.resizeInto: options.clip[1]', hi, { min: lo });
      bounds[0] = lo;
      bounds[1] = hi;
    }
    // Runs of columns inside the window that share their two taps.
    const seg = cols.segStart;
    let ns = 0;
    for (let s = 0; s < nSeg; s++) {
      const xs = Math.max(seg[s] as number, x0);
      const xe = Math.min(seg[s + 1] as number, x0 + w);
      if (xs < xe) {
        segFrom[ns] = xs;
        segTo[ns] = xe;
        segJ0[ns] = cols.idx0[xs] as number;
        segJ1[ns] = cols.idx1[xs] as number;
        ns++;
      }
    }
    resizeKernel(
      src,
      srcOffset,
      dst,
      dstOffset - x0,
      w,
      inW,
      rows.idx0,
      rows.idx1,
      rows.w0,
      rows.w1,
      cols.w0,
      cols.w1,
      ns,
      segFrom,
      segTo,
      segJ0,
      segJ1,
      y0,
      h,
      bounds,
      scratchA,
      scratchB,
    );
  };
  return { inShape: [inH, inW], outShape: [outH, outW], rows, cols, resizeInto };
}

/**
 * The hot loop. Per output row: pre-weight the two source rows (`a = top * wy0`,
 * `b = bottom * wy1`); then per run of columns sharing the same two taps, keep the four
 * pre-weighted values in registers and load only the two column weights per pixel. Every
 * table comes in as an argument (not read from an object), which lets V8 keep the loops tight.
 */
function resizeKernel(
  src: ArrayLike<number>,
  srcOffset: number,
  dst: FloatData,
  dstBase: number,
  w: number,
  inW: number,
  ry0: Int32Array,
  ry1: Int32Array,
  rw0: Float64Array,
  rw1: Float64Array,
  cw0: Float64Array,
  cw1: Float64Array,
  ns: number,
  segFrom: Int32Array,
  segTo: Int32Array,
  segJ0: Int32Array,
  segJ1: Int32Array,
  y0: number,
  h: number,
  bounds: Float64Array,
  a: Float64Array,
  b: Float64Array,
): void {
  const lo = bounds[0] as number;
  const hi = bounds[1] as number;
  for (let yy = 0; yy < h; yy++) {
    const y = y0 + yy;
    const wy0 = rw0[y] as number;
    const wy1 = rw1[y] as number;
    const pa = srcOffset + (ry0[y] as number) * inW;
    const pb = srcOffset + (ry1[y] as number) * inW;
    for (let j = 0; j < inW; j++) {
      a[j] = (src[pa + j] as number) * wy0;
      b[j] = (src[pb + j] as number) * wy1;
    }
    const rowBase = dstBase + yy * w;
    for (let s = 0; s < ns; s++) {
      const j0 = segJ0[s] as number;
      const j1 = segJ1[s] as number;
      const a0 = a[j0] as number;
      const a1 = a[j1] as number;
      const b0 = b[j0] as number;
      const b1 = b[j1] as number;
      const end = segTo[s] as number;
      for (let x = segFrom[s] as number; x < end; x++) {
        const wx0 = cw0[x] as number;
        const wx1 = cw1[x] as number;
        // scipy's order: ((v00*wy0)*wx0 + (v01*wy0)*wx1) + (v10*wy1)*wx0 + (v11*wy1)*wx1
        const t = a0 * wx0 + a1 * wx1 + b0 * wx0 + b1 * wx1;
        // numpy.clip (NaN stays NaN); a ternary is much faster than Math.min/max here
        // biome-ignore lint/complexity/useMathMinMax: measured faster in V8
        dst[rowBase + x] = t < lo ? lo : t > hi ? hi : t;
      }
    }
  }
}

const RESIZER_CACHE = new Map<string, Resizer>();
const RESIZER_CACHE_SIZE = 16;

/** A resizer per shape pair, kept for the last few pairs: repeated resizes reuse tables and warm compiled code. */
function cachedResizer(inH: number, inW: number, outH: number, outW: number): Resizer {
  const key = `${inH}x${inW}>${outH}x${outW}`;
  let r = RESIZER_CACHE.get(key);
  if (r) {
    RESIZER_CACHE.delete(key); // move to the back: least recently used goes first
  } else {
    r = makeResizer([inH, inW], [outH, outW]);
    if (RESIZER_CACHE.size >= RESIZER_CACHE_SIZE) {
      RESIZER_CACHE.delete(RESIZER_CACHE.keys().next().value as string);
    }
  }
  RESIZER_CACHE.set(key, r);
  return r;
}

/**
 * `skimage.transform.resize(image, outputShape, order=1, mode='reflect', anti_aliasing=False)`
 * for `[H,W]` or channels-last `[H,W,C]` images (channels are not mixed). A float32 image
 * gives float32 (computed in float64, stored once), anything else float64; integer images are
 * scaled as skimage's img_as_float unless `preserveRange`. The result is clipped to the
 * input's [min, max] (`clip: false` to skip).
 */
export function resize(
  image: NdArray<Float32Array>,
  outputShape: readonly number[],
  options?: ResizeOptions,
): NdArray<Float32Array>;
export function resize(
  image: NdArray<Exclude<TypedArray, Float32Array>>,
  outputShape: readonly number[],
  options?: ResizeOptions,
): NdArray<Float64Array>;
export function resize(
  image: NdArray,
  outputShape: readonly number[],
  options?: ResizeOptions,
): NdArray<Float64Array> | NdArray<Float32Array>;
export function resize(
  image: NdArray,
  outputShape: readonly number[],
  options: ResizeOptions = {},
): NdArray<Float64Array> | NdArray<Float32Array> {
  assertShape('resize: image', image, [
    ['H', 'W'],
    ['H', 'W', 'C'],
  ]);
  const rank = image.shape.length;
  const out = checkShapeArg('resize: outputShape', outputShape, { min: 1 });
  if (out.length !== 2 && !(rank === 3 && out.length === 3)) {
    throw new Error(`resize: outputShape: expected [h, w]${rank === 3 ? ' or [h, w, C]' : ''}, got [${out.join(',')}]`);
  }
  if (out.length === 3 && out[2] !== image.shape[2]) {
    throw new Error(`resize: outputShape: channel count must stay ${image.shape[2]}, got [${out.join(',')}]`);
  }
  if (image.shape.some((d) => d === 0)) {
    throw new Error(`resize: image: expected a non-empty image, got shape [${image.shape.join(',')}]`);
  }
  const order = options.order ?? 1;
  const mode = options.mode ?? 'reflect';
  const anti = options.antiAliasing ?? false;
  if (order !== 1) throw new Error(`resize: options.order: only 1 (bilinear) is implemented, got ${describe(order)}`);
  if (mode !== 'reflect') throw new Error(`resize: options.mode: only 'reflect' is implemented, got ${describe(mode)}`);
  if (anti !== false) {
    throw new Error(`resize: options.antiAliasing: only false is implemented, got ${describe(anti)}`);
  }
  const clip = options.clip ?? true;
  if (typeof clip !== 'boolean') throw new TypeError(`resize: options.clip: expected a boolean, got ${describe(clip)}`);

  const img = imgAsFloat(image, { preserveRange: options.preserveRange ?? false, label: 'resize: image' });
  const [inH, inW] = img.shape as [number, number];
  const C = rank === 3 ? (img.shape[2] as number) : 1;
  const [outH, outW] = out as [number, number];
  const data = img.data;
  const dst = data instanceof Float32Array ? new Float32Array(outH * outW * C) : new Float64Array(outH * outW * C);
  let bounds: [number, number] | null = null;
  if (clip) {
    // skimage clips to min/max over the whole image (all channels), ignoring NaN.
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < data.length; i++) {
      const v = data[i] as number;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    bounds = lo <= hi ? [lo, hi] : null;
  }
  const r = cachedResizer(inH, inW, outH, outW);
  if (C === 1) {
    r.resizeInto(data, dst, { clip: bounds });
  } else {
    // Channels are resized one at a time through dense scratch planes.
    const plane = data instanceof Float32Array ? new Float32Array(inH * inW) : new Float64Array(inH * inW);
    const outPlane = dst instanceof Float32Array ? new Float32Array(outH * outW) : new Float64Array(outH * outW);
    for (let c = 0; c < C; c++) {
      for (let i = 0; i < plane.length; i++) plane[i] = data[i * C + c] as number;
      r.resizeInto(plane, outPlane, { clip: bounds });
      for (let i = 0; i < outPlane.length; i++) dst[i * C + c] = outPlane[i] as number;
    }
  }
  return ndarray(dst, rank === 3 ? [outH, outW, C] : [outH, outW]) as NdArray<Float64Array> | NdArray<Float32Array>;
}
