import { assertShape, dtypeOfData, type NdArray } from '@salkit/ndarray';
import { registerPlugin } from '@salkit/plugin';
import { z } from 'zod';
import {
  checkConfidenceArgs,
  GenerateClassifierConfidenceSaliency,
} from '../interfaces/GenerateClassifierConfidenceSaliency.js';
import type { SaliencyAccumulator } from '../interfaces/SaliencyAccumulator.js';
import { assertAllFinite } from '../kernels/assertAllFinite.js';
import { maskKeepsFloat32, RegionSaliencyAccumulator } from '../kernels/regionSaliencyAccumulator.js';

const Schema = z.object({
  /** Debiasing probability (the RISEGrid p1 the masks were made with), in [0, 1]. */
  p1: z.number().min(0).max(1).default(0),
});
export type RISEScoringOptions = z.input<typeof Schema>;

/**
 * RISE saliency (xaitk's `RISEScoring`): each mask, shifted by `-p1` (debiased RISE), weighted by
 * the perturbed confidence itself; maps are max-abs scaled and clipped to [-1, 1]. `imageConf`
 * only fixes the number of classes.
 */
export class RISEScoring extends GenerateClassifierConfidenceSaliency {
  static {
    registerPlugin(this, 'salkit.scoring.RISEScoring');
  }
  static override readonly configSchema = Schema;
  declare readonly options: z.output<typeof Schema>;

  constructor(options: RISEScoringOptions = {}) {
    super(options);
  }

  generate(imageConf: NdArray, perturbedConf: NdArray, masks: NdArray): NdArray {
    const { H, W } = checkConfidenceArgs('RISEScoring.generate', imageConf, perturbedConf, masks);
    const acc = this.accumulator(imageConf, [H, W]);
    acc.add(perturbedConf, masks);
    const maps = acc.finish();
    acc.release?.();
    return maps;
  }

  override accumulator(imageConf: NdArray, size: readonly [number, number]): SaliencyAccumulator {
    const fn = 'RISEScoring';
    const { C } = assertShape(`${fn}: imageConf`, imageConf, ['C']);
    const nC = C as number;
    let confF32 = false;
    return new RegionSaliencyAccumulator(
      {
        fn: `${fn}.generate`,
        maps: nC,
        alpha: -this.options.p1,
        beta: 1,
        normalize: false,
        scalars(outputs, b) {
          assertShape(`${fn}.generate: perturbedConf`, outputs, [b, nC]);
          assertAllFinite(`${fn}.generate: perturbedConf`, outputs);
          confF32 = dtypeOfData(outputs.data) === 'float32';
          const s = new Float64Array(b * nC);
          for (let n = 0; n < b; n++) for (let c = 0; c < nC; c++) s[n * nC + c] = outputs.get(n, c);
          return s;
        },
        float32Output: (md) => confF32 && maskKeepsFloat32(md),
        // numpy forms `masks - p1` in float32 for float32 masks, before any upcast.
        float32Weights: (md) => md === 'float32',
      },
      size,
    );
  }
}
