import type { TypedArray } from '@salkit/ndarray';
import type { RegionAddKernel } from './regionAddKernel.js';
import type { RegionWeightEngine } from './regionWeightEngine.js';
import { maxAbsScaleAndClip } from './scaleMaps.js';

/**
 * Plain-JS engine of RegionWeightAccumulator (used when WebAssembly SIMD is unavailable):
 * streaming accumulator of `out[c,p] = sum_n s[n,c] * w[n,p]` and `cov[p] = sum_n w[n,p]`, where
 * the region weight is affine in the mask value, `w = alpha + beta * m` (1 - m for inverted
 * masks, m - p1 for RISE). Masks arrive in batches; memory is O(C*H*W), never O(N*H*W).
 */
export class ScalarRegionWeights implements RegionWeightEngine {
  readonly channels: number;
  readonly pixels: number;
  private readonly acc: Float64Array | Float32Array;
  private readonly cov: Float64Array | Float32Array;
  private readonly wb: Float64Array;
  private readonly lut = new Float64Array(256);

  constructor(
    channels: number,
    pixels: number,
    private readonly alpha: number,
    private readonly beta: number,
    /** numpy forms `alpha + beta*m` in float32 when the masks are float32. */
    private readonly roundF32Weights = false,
    /** numpy's float32 arithmetic (float32 masks): float32 products, float32 accumulators. */
    private readonly float32 = false,
    /** Forms the sums instead of the JS loops below (the same bits). */
    readonly kernel: RegionAddKernel | null = null,
  ) {
    this.channels = channels;
    this.pixels = pixels;
    // Float32Array stores round each sum: a float64 sum of two float32 values, rounded once, is float32 addition.
    this.acc = float32 ? new Float32Array(channels * pixels) : new Float64Array(channels * pixels);
    this.cov = float32 ? new Float32Array(pixels) : new Float64Array(pixels);
    this.wb = new Float64Array(BLOCK);
    for (let v = 0; v < 256; v++) this.lut[v] = alpha + beta * v;
  }

  /**
   * Adds `n` masks (dense row-major data, `n * pixels` values from `maskOffset`) weighted by
   * the rows of `scalars` (dense [n, channels] float64 from `scalarOffset`).
   */
  add(
    scalars: Float64Array,
    scalarOffset: number,
    masks: TypedArray,
    maskOffset: number,
    n: number,
    overlap?: () => void,
  ): void {
    const { channels: C, pixels: P, acc, cov, kernel } = this;
    if (kernel !== null && (!this.float32 || masks instanceof Float32Array)) {
      // 0/1 and uint8 masks take the table below, which never rounds the weights to float32
      const round = !this.float32 && this.roundF32Weights && !(masks instanceof Uint8Array);
      const { alpha, beta } = this;
      kernel.add(
        acc,
        cov,
        scalars,
        scalarOffset,
        masks,
        maskOffset,
        n,
        C,
        P,
        alpha,
        beta,
        round,
        this.float32,
        overlap,
      );
      return;
    }
    // one thread: the overlap work simply comes first
    overlap?.();
    if (this.float32) {
      if (!(masks instanceof Float32Array))
        throw new Error('RegionWeightAccumulator: float32 arithmetic needs float32 masks');
      this.addFloat32(scalars, scalarOffset, masks, maskOffset, n);
    } else if (masks instanceof Uint8Array) {
      this.addUint8(scalars, scalarOffset, masks, maskOffset, n);
    } else {
      const { alpha, beta, wb } = this;
      const f32 = this.roundF32Weights;
      for (let p0 = 0; p0 < P; p0 += BLOCK) {
        const nb = Math.min(BLOCK, P - p0);
        for (let k = 0; k < n; k++) {
          const mo = maskOffset + k * P + p0;
          for (let j = 0; j < nb; j++) {
            const w = f32
              ? Math.fround(alpha + beta * (masks[mo + j] as number))
              : alpha + beta * (masks[mo + j] as number);
            wb[j] = w;
            cov[p0 + j] += w;
          }
          const so = scalarOffset + k * C;
          for (let c = 0; c < C; c++) {
            const sc = scalars[so + c] as number;
            if (sc === 0) continue;
            const base = c * P + p0;
            for (let j = 0; j < nb; j++) acc[base + j] += sc * (wb[j] as number);
          }
        }
      }
    }
  }

  /** numpy's float32 steps: `w = f32(f32(alpha) + f32(f32(beta)*m))`, `acc = f32(acc + f32(s*w))`, `cov = f32(cov + w)`. */
  private addFloat32(
    scalars: Float64Array,
    scalarOffset: number,
    masks: Float32Array,
    maskOffset: number,
    n: number,
  ): void {
    const { channels: C, pixels: P, acc, cov, wb } = this;
    // numpy casts the Python scalars to float32 before the float32 operations
    const alpha = Math.fround(this.alpha);
    const beta = Math.fround(this.beta);
    for (let p0 = 0; p0 < P; p0 += BLOCK) {
      const nb = Math.min(BLOCK, P - p0);
      for (let k = 0; k < n; k++) {
        const mo = maskOffset + k * P + p0;
        for (let j = 0; j < nb; j++) {
          const w = Math.fround(alpha + Math.fround(beta * (masks[mo + j] as number)));
          wb[j] = w;
          cov[p0 + j] += w;
        }
        const so = scalarOffset + k * C;
        for (let c = 0; c < C; c++) {
          const sc = scalars[so + c] as number;
          const base = c * P + p0;
          for (let j = 0; j < nb; j++) acc[base + j] += Math.fround(sc * (wb[j] as number));
        }
      }
    }
  }

  /** 0/1 (bool) and uint8 masks: table lookup, and pixels whose weight is 0 are skipped. */
  private addUint8(
    scalars: Float64Array,
    scalarOffset: number,
    masks: Uint8Array,
    maskOffset: number,
    n: number,
  ): void {
    const { channels: C, pixels: P, acc, cov, lut } = this;
    for (let p0 = 0; p0 < P; p0 += BLOCK) {
      const p1 = Math.min(P, p0 + BLOCK);
      for (let k = 0; k < n; k++) {
        const mo = maskOffset + k * P;
        const so = scalarOffset + k * C;
        for (let p = p0; p < p1; p++) {
          const w = lut[masks[mo + p] as number] as number;
          if (w === 0) continue;
          cov[p] += w;
          for (let c = 0, q = p; c < C; c++, q += P) acc[q] += (scalars[so + c] as number) * w;
        }
      }
    }
  }

  /**
   * The weighted maps [C, pixels]; with `normalize`, each pixel divided by its coverage (a zero
   * coverage counts as 1, as in xaitk). Writes into `out` (Float32Array stores numpy's float32 result).
   */
  finish(normalize: boolean, out: Float64Array | Float32Array, scale = false): Float64Array | Float32Array {
    const { channels: C, pixels: P, acc, cov } = this;
    for (let c = 0; c < C; c++) {
      const base = c * P;
      for (let p = 0; p < P; p++) {
        const v = acc[base + p] as number;
        if (normalize) {
          const d = cov[p] as number;
          // float32 maps: the float64 quotient of two float32 values, rounded once, is float32 division
          out[base + p] = d === 0 ? v : this.float32 ? Math.fround(v / d) : v / d;
        } else out[base + p] = v;
      }
    }
    if (scale) maxAbsScaleAndClip(out, C, P);
    return out;
  }
}

/** Pixels per block: the C accumulator rows of a block stay in cache while masks stream by. */
const BLOCK = 2048;
