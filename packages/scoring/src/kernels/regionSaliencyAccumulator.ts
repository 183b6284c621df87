import { array, assertShape, dtypeOfData, type NdArray, toContiguous } from '@salkit/ndarray';
import type { SaliencyAccumulator } from '../interfaces/SaliencyAccumulator.js';
import { RegionWeightAccumulator } from './regionWeights.js';

/** How a scorer turns a batch of black-box outputs into per-mask scalars and weights regions. */
export interface RegionScoring {
  /** Scorer name for error messages, e.g. 'OcclusionScoring.generate'. */
  fn: string;
  /** Number of maps (C, Q or D). */
  maps: number;
  /** Region weight `alpha + beta * mask`. */
  alpha: number;
  beta: number;
  normalize: boolean;
  /**
   * Scalars [b, maps] (dense float64) for a batch of b outputs; validates the batch. With
   * `partialScalars`, also [to - from, maps] for masks [from, to) of the batch.
   */
  scalars(outputs: NdArray, b: number, from?: number, to?: number): Float64Array;
  /** True when `scalars` takes parts, and they cost enough to compute while the threads add masks. */
  partialScalars?: boolean;
  /** True when numpy would compute the maps in float32 for masks of this dtype. */
  float32Output(maskDType: string): boolean;
  /** True when numpy forms the weights `alpha + beta*m` in float32 for masks of this dtype. */
  float32Weights(maskDType: string, float32Output: boolean): boolean;
}

/**
 * A SaliencyAccumulator over the region-weight kernel: scalars per mask, weighted masks summed,
 * optionally normalised by coverage, then per-map max-abs scaling and a clip to [-1, 1].
 */
export class RegionSaliencyAccumulator implements SaliencyAccumulator {
  private acc: RegionWeightAccumulator | undefined;
  private f32 = false;
  private maskDType: string | undefined;
  private released = false;

  constructor(
    private readonly scoring: RegionScoring,
    private readonly size: readonly [number, number],
  ) {}

  add(outputs: NdArray, masks: NdArray): void {
    this.addBatch(outputs, masks, false);
  }

  /**
   * For a scorer's generate, which adds one batch and drops the accumulator on an error: as add,
   * but when the scorer's scalars come in parts, those of the masks after the first eighth are
   * computed on the calling thread while the threads add the first eighth. An error after the
   * first part leaves the sums incomplete: the accumulator is then released.
   */
  addAll(outputs: NdArray, masks: NdArray): void {
    this.addBatch(outputs, masks, true);
  }

  private addBatch(outputs: NdArray, masks: NdArray, overlapped: boolean): void {
    const { fn } = this.scoring;
    this.assertLive();
    const [H, W] = this.size;
    const { N } = assertShape(`${fn}: masks`, masks, ['N', H, W]);
    const b = N as number;
    const first = overlapped && this.scoring.partialScalars === true && b >= 16 ? Math.ceil(b / 8) : b;
    const scalars = first === b ? this.scoring.scalars(outputs, b) : this.scoring.scalars(outputs, b, 0, first);
    const mdata = toContiguous(masks).data;
    const md = dtypeOfData(mdata);
    if (this.acc === undefined) {
      this.maskDType = md;
      this.f32 = this.scoring.float32Output(md);
      const { maps, alpha, beta } = this.scoring;
      const round = this.scoring.float32Weights(md, this.f32);
      // float32 maps from float32 masks: numpy's float32 arithmetic, step for step
      this.acc = new RegionWeightAccumulator(maps, H * W, alpha, beta, round, {
        coverage: this.scoring.normalize,
        float32: this.f32 && md === 'float32',
      });
    } else if (md !== this.maskDType) {
      throw new Error(`${fn}: masks: every batch must have the same dtype; got ${md} after ${this.maskDType}`);
    }
    if (first === b) {
      this.acc.add(scalars, 0, mdata, 0, b);
      return;
    }
    let rest: Float64Array | undefined;
    try {
      this.acc.add(scalars, 0, mdata, 0, first, () => {
        rest = this.scoring.scalars(outputs, b, first, b);
      });
      this.acc.add(rest as Float64Array, 0, mdata, first * H * W, b - first);
    } catch (e) {
      this.release();
      throw e;
    }
  }

  finish(): NdArray {
    const { fn, maps, normalize } = this.scoring;
    const [H, W] = this.size;
    this.assertLive();
    if (this.acc === undefined) throw new Error(`${fn}: no perturbations were added (N = 0)`);
    const out = this.f32 ? new Float32Array(maps * H * W) : new Float64Array(maps * H * W);
    this.acc.finish(normalize, out, true);
    return array(out, [maps, H, W]);
  }

  release(): void {
    this.acc?.release();
    this.released = true;
  }

  private assertLive(): void {
    if (this.released) throw new Error(`${this.scoring.fn}: the accumulator was released (release() ends it)`);
  }
}

/** True for mask dtypes that numpy keeps in float32 next to float32 scalars (bool, small ints, float32). */
export function maskKeepsFloat32(maskDType: string): boolean {
  return (
    maskDType === 'float32' ||
    maskDType === 'uint8' ||
    maskDType === 'int8' ||
    maskDType === 'uint16' ||
    maskDType === 'int16'
  );
}
