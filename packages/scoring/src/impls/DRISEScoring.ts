import { array, assertShape, dtypeOfData, type NdArray, toContiguous } from '@salkit/ndarray';
import { registerPlugin } from '@salkit/plugin';
import { z } from 'zod';
import { GenerateDetectorProposalSaliency } from '../interfaces/GenerateDetectorProposalSaliency.js';
import type { SaliencyAccumulator } from '../interfaces/SaliencyAccumulator.js';
import { assertAllFinite } from '../kernels/assertAllFinite.js';
import { classNorms } from '../kernels/classCosine.js';
import { iouBox } from '../kernels/iou.js';
import { bestProposals, classDots, proposalScores } from '../kernels/proposalScores.js';
import { maskKeepsFloat32, RegionSaliencyAccumulator } from '../kernels/regionSaliencyAccumulator.js';
import { ProposalScoreKernel } from '../kernels/wasm/proposalScoreKernel.js';

const Schema = z.object({
  /** Distance between class-score vectors; xaitk's D-RISE uses cosine. */
  proximityMetric: z.literal('cosine').default('cosine'),
});
export type DRISEScoringOptions = z.input<typeof Schema>;

/**
 * D-RISE saliency (xaitk's `DRISEScoring`, Petsiuk et al. 2021): for each mask and reference
 * detection, the best matching proposal's `IoU x (1 - cosine distance of class scores) x
 * objectness` weights the kept (unoccluded) region; normalised by coverage, max-abs scaled, clipped.
 */
export class DRISEScoring extends GenerateDetectorProposalSaliency {
  static {
    registerPlugin(this, 'salkit.scoring.DRISEScoring');
  }
  static override readonly configSchema = Schema;
  declare readonly options: z.output<typeof Schema>;

  constructor(options: DRISEScoringOptions = {}) {
    super(options);
  }

  /** IoU of boxes [A,4] x [B,4] (rows `[x1,y1,x2,y2]`, inclusive pixels) -> [A,B]. */
  iou(boxA: NdArray, boxB: NdArray): NdArray {
    const { A } = assertShape('DRISEScoring.iou: boxA', boxA, ['A', 4]);
    const { B } = assertShape('DRISEScoring.iou: boxB', boxB, ['B', 4]);
    const a = toContiguous(boxA).data;
    const b = toContiguous(boxB).data;
    const out = new Float64Array((A as number) * (B as number));
    for (let i = 0; i < (A as number); i++) {
      for (let j = 0; j < (B as number); j++) out[i * (B as number) + j] = iouBox(a, i * 4, b, j * 4);
    }
    return array(out, [A as number, B as number]);
  }

  generate(refDets: NdArray, perturbedDets: NdArray, masks: NdArray): NdArray {
    const fn = 'DRISEScoring.generate';
    const dims = assertShape(`${fn}: masks`, masks, ['N', 'H', 'W']);
    if ((perturbedDets as NdArray)?.shape?.length === 3 && perturbedDets.shape[0] !== dims.N) {
      throw new Error(
        `${fn}: perturbedDets [${perturbedDets.shape}] and masks [${masks.shape}] disagree on the number of perturbations N`,
      );
    }
    const acc = this.detectionAccumulator(refDets, [dims.H as number, dims.W as number], fn);
    // the proposal scores of most masks are computed while the threads add the first ones
    acc.addAll(perturbedDets, masks);
    const maps = acc.finish();
    acc.release?.();
    return maps;
  }

  override accumulator(refDets: NdArray, size: readonly [number, number]): SaliencyAccumulator {
    return this.detectionAccumulator(refDets, size, 'DRISEScoring');
  }

  private detectionAccumulator(
    refDets: NdArray,
    size: readonly [number, number],
    fn: string,
  ): RegionSaliencyAccumulator {
    const { D, K } = assertShape(`${fn}: refDets`, refDets, ['D', 'K']);
    const nD = D as number;
    const nK = K as number;
    if (nK < 6) {
      throw new Error(
        `${fn}: refDets: expected rows [x1,y1,x2,y2,objectness,class scores...] (>= 6 columns), got [${refDets.shape}]`,
      );
    }
    assertAllFinite(`${fn}: refDets`, refDets);
    const ref = toContiguous(refDets);
    const refData = ref.data instanceof Float32Array ? ref.data : toFloat64(ref.data);
    const refNorms = classNorms(refData, nD, nK);
    const refF32 = dtypeOfData(refDets.data) === 'float32';
    let detsF32 = refF32;
    let kernel: ProposalScoreKernel | null | undefined;
    return new RegionSaliencyAccumulator(
      {
        fn,
        maps: nD,
        alpha: 0,
        beta: 1,
        normalize: true,
        partialScalars: true,
        scalars(outputs, b, from = 0, to = b) {
          const { P } = assertShape(`${fn}: perturbedDets`, outputs, [b, 'P', nK]);
          const nP = P as number;
          if (nP < 1)
            throw new Error(`${fn}: perturbedDets: expected at least one proposal per mask, got [${outputs.shape}]`);
          detsF32 = refF32 && dtypeOfData(outputs.data) === 'float32';
          const pert = toContiguous(outputs);
          const all = pert.data instanceof Float32Array ? pert.data : toFloat64(pert.data);
          const data = all.subarray(from * nP * nK, to * nP * nK);
          const rows = (to - from) * nP;
          const scores = new Float64Array(rows * nD);
          if (kernel === undefined) kernel = ProposalScoreKernel.create(refData, refNorms, nD, nK);
          let finite: boolean;
          if (kernel) finite = kernel.run(data, rows, scores);
          else {
            const dots = new Float64Array(rows * (nD + 1));
            classDots(data, rows, refData, nD, nK, dots);
            finite = proposalScores(data, dots, rows, refData, refNorms, nD, nK, scores);
          }
          // the check rides along the pass over the proposals; a failure names the whole batch's
          // first non-finite value (the masks before `from` had none)
          if (!finite) assertAllFinite(`${fn}: perturbedDets`, outputs);
          const s = new Float64Array((to - from) * nD);
          bestProposals(scores, to - from, nP, nD, s);
          if (detsF32) for (let i = 0; i < s.length; i++) s[i] = Math.fround(s[i] as number);
          return s;
        },
        float32Output: (md) => detsF32 && maskKeepsFloat32(md),
        float32Weights: () => false,
      },
      size,
    );
  }
}

/** Float64 values of any numeric data (the same array when it already is one). */
function toFloat64(data: NdArray['data']): Float64Array {
  return data instanceof Float64Array ? data : Float64Array.from(data as ArrayLike<number>, Number);
}
