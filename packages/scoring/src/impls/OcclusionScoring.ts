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

const Schema = z.object({});
export type OcclusionScoringOptions = z.input<typeof Schema>;

/**
 * Occlusion saliency (xaitk's `OcclusionScoring`): each occluded region is weighted by the drop
 * in confidence it causes, `imageConf - perturbedConf`, normalised by how often each pixel was
 * occluded; maps are max-abs scaled and clipped to [-1, 1].
 */
export class OcclusionScoring extends GenerateClassifierConfidenceSaliency {
  static {
    registerPlugin(this, 'salkit.scoring.OcclusionScoring');
  }
  static override readonly configSchema = Schema;

  constructor(options: OcclusionScoringOptions = {}) {
    super(options);
  }

  generate(imageConf: NdArray, perturbedConf: NdArray, masks: NdArray): NdArray {
    const { H, W } = checkConfidenceArgs('OcclusionScoring.generate', imageConf, perturbedConf, masks);
    const acc = this.accumulator(imageConf, [H, W]);
    acc.add(perturbedConf, masks);
    const maps = acc.finish();
    acc.release?.();
    return maps;
  }

  override accumulator(imageConf: NdArray, size: readonly [number, number]): SaliencyAccumulator {
    const fn = 'OcclusionScoring';
    const { C } = assertShape(`${fn}: imageConf`, imageConf, ['C']);
    assertAllFinite(`${fn}: imageConf`, imageConf);
    const nC = C as number;
    const ref = new Float64Array(nC);
    for (let c = 0; c < nC; c++) ref[c] = imageConf.get(c);
    const refF32 = dtypeOfData(imageConf.data) === 'float32';
    let confF32 = refF32;
    return new RegionSaliencyAccumulator(
      {
        fn: `${fn}.generate`,
        maps: nC,
        alpha: 1,
        beta: -1,
        normalize: true,
        scalars(outputs, b) {
          assertShape(`${fn}.generate: perturbedConf`, outputs, [b, nC]);
          assertAllFinite(`${fn}.generate: perturbedConf`, outputs);
          confF32 = refF32 && dtypeOfData(outputs.data) === 'float32';
          const s = new Float64Array(b * nC);
          for (let n = 0; n < b; n++) {
            for (let c = 0; c < nC; c++) {
              const d = (ref[c] as number) - outputs.get(n, c);
              // numpy subtracts float32 confidences in float32.
              s[n * nC + c] = confF32 ? Math.fround(d) : d;
            }
          }
          return s;
        },
        float32Output: (md) => confF32 && maskKeepsFloat32(md),
        float32Weights: (_md, f32) => f32,
      },
      size,
    );
  }
}
