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
  /** Scalars [b, maps] (dense float64) for a batch of b outputs; validates the batch. */
  scalars(outputs: NdArray, b: number): Float64Array;
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
    const { fn } = this.scoring;
    this.assertLive();
    const [H, W] = this.size;
    const { N } = assertShape(`${fn}: masks`, masks, ['N', H, W]);
    const b = N as number;
    const scalars = this.scoring.scalars(outputs, b);
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
    this.acc.add(scalars, 0, mdata, 0, b);
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
