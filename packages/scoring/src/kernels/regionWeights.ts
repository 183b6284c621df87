import type { NdArray, TypedArray } from '@salkit/ndarray';
import { regionAddKernel } from './regionAddKernel.js';
import type { RegionWeightEngine } from './regionWeightEngine.js';
import { ScalarRegionWeights } from './regionWeightsScalar.js';
import { WasmRegionWeights } from './wasm/wasmRegionWeights.js';

export interface RegionWeightOptions {
  /**
   * 'js' forces the plain-JS engine (tests compare the two); default 'auto': the kernel set by
   * useRegionAddKernel when there is one, else WebAssembly SIMD where available, else plain JS.
   */
  engine?: 'auto' | 'js';
  /** Accumulate the coverage (needed by `finish(normalize = true)`); default true. */
  coverage?: boolean;
  /**
   * numpy's float32 arithmetic, for float32 masks and float32 scalars: weights, products, sums
   * and the final division in float32, masks in order (default false: float64 throughout).
   */
  float32?: boolean;
}

/**
 * Streaming accumulator of `out[c,p] = sum_n s[n,c] * w[n,p]` and `cov[p] = sum_n w[n,p]`, where
 * the region weight is affine in the mask value, `w = alpha + beta * m` (1 - m for inverted
 * masks, m - p1 for RISE). Masks arrive in batches; memory is O(C*H*W), never O(N*H*W).
 *
 * Runs on a WebAssembly SIMD kernel when the platform has one (the same products and, except for
 * 0/1 masks, the same summation order as the plain-JS engine), else on plain JS. Arithmetic is
 * float64, or numpy's float32 with the `float32` option.
 */
export class RegionWeightAccumulator {
  readonly channels: number;
  readonly pixels: number;
  /** Number of masks seen so far. */
  count = 0;
  private readonly engine: RegionWeightEngine;
  private released = false;

  constructor(
    channels: number,
    pixels: number,
    alpha: number,
    beta: number,
    /** numpy forms `alpha + beta*m` in float32 when the masks are float32. */
    roundF32Weights = false,
    options: RegionWeightOptions = {},
  ) {
    this.channels = channels;
    this.pixels = pixels;
    const { engine = 'auto', coverage = true, float32 = false } = options;
    const kernel = engine === 'auto' ? regionAddKernel() : null;
    this.engine =
      (engine === 'auto' && kernel === null
        ? WasmRegionWeights.create(channels, pixels, alpha, beta, roundF32Weights, coverage, float32)
        : null) ?? new ScalarRegionWeights(channels, pixels, alpha, beta, roundF32Weights, float32, kernel);
  }

  /** True when the WebAssembly SIMD engine is in use. */
  get usesWasm(): boolean {
    return this.engine instanceof WasmRegionWeights;
  }

  /** The name of the add kernel in use (useRegionAddKernel), or null for the built-in engines. */
  get addKernel(): string | null {
    return this.engine instanceof ScalarRegionWeights ? (this.engine.kernel?.name ?? null) : null;
  }

  /**
   * Adds `n` masks (dense row-major data, `n * pixels` values from `maskOffset`) weighted by
   * the rows of `scalars` (dense [n, channels] float64 from `scalarOffset`). `overlap`: work of
   * the calling thread's own (e.g. the next masks' scalars), run once while the WebAssembly
   * engine's threads start on these masks, or first where there are none; an error it throws is
   * rethrown after them, and the sums are then incomplete (the accumulator must be dropped).
   */
  add(
    scalars: Float64Array,
    scalarOffset: number,
    masks: TypedArray,
    maskOffset: number,
    n: number,
    overlap?: () => void,
  ): void {
    this.assertLive('add');
    this.engine.add(scalars, scalarOffset, masks, maskOffset, n, overlap);
    this.count += n;
  }

  /**
   * The weighted maps [C, pixels]; with `normalize`, each pixel divided by its coverage (a zero
   * coverage counts as 1, as in xaitk). Writes into `out` (Float32Array stores numpy's float32 result);
   * with `scale`, each map is then max-abs scaled and clipped to [-1, 1] (maxAbsScaleAndClip).
   */
  finish(normalize: boolean, out: Float64Array | Float32Array, scale = false): Float64Array | Float32Array {
    this.assertLive('finish');
    return this.engine.finish(normalize, out, scale);
  }

  /**
   * Ends the accumulator: its WebAssembly memory goes to the next accumulator, which then skips
   * allocating (and page-faulting) a fresh one. Idempotent; add and finish throw afterwards.
   */
  release(): void {
    if (!this.released) this.engine.release?.();
    this.released = true;
  }

  private assertLive(method: string): void {
    if (this.released) throw new Error(`RegionWeightAccumulator.${method}: the accumulator was released`);
  }
}

/** Dense float64 copy of a 2-D [rows, cols] ndarray (any strides, any numeric dtype). */
export function denseFloat64(a: NdArray): Float64Array {
  const [rows, cols] = a.shape as [number, number];
  const [s0, s1] = a.stride as [number, number];
  const out = new Float64Array(rows * cols);
  const data = a.data;
  for (let i = 0; i < rows; i++) {
    const o = a.offset + i * s0;
    for (let j = 0; j < cols; j++) out[i * cols + j] = Number(data[o + j * s1]);
  }
  return out;
}
