import { cdist, METRICS, type MetricName } from '@salkit/distance';
import { array, assertShape, type NdArray, reshape, toContiguous } from '@salkit/ndarray';
import { registerPlugin } from '@salkit/plugin';
import { z } from 'zod';
import { GenerateDescriptorSimilaritySaliency } from '../interfaces/GenerateDescriptorSimilaritySaliency.js';
import type { SaliencyAccumulator } from '../interfaces/SaliencyAccumulator.js';
import { assertAllFinite } from '../kernels/assertAllFinite.js';
import { BufferingAccumulator } from '../kernels/bufferingAccumulator.js';
import { RegionSaliencyAccumulator } from '../kernels/regionSaliencyAccumulator.js';

/** xaitk's constructor probe: a metric is usable when cdist([[1],[1]], [[1],[1]]) works with defaults. */
function metricUsable(metric: string): boolean {
  try {
    const one = array(Float64Array.of(1, 1), [2, 1]);
    cdist(one, one, metric);
    return true;
  } catch {
    return false;
  }
}

const Schema = z.object({
  /** A scipy cdist metric name (mahalanobis and wminkowski fail xaitk's probe and are refused). */
  proximityMetric: z.enum(METRICS).default('euclidean').refine(metricUsable, {
    message:
      'chosen comparison metric is not supported with default parameters (xaitk probes cdist([[1],[1]], [[1],[1]]))',
  }),
});
export type SimilarityScoringOptions = z.input<typeof Schema>;

/** Metrics whose default parameters scipy estimates from the rows of each cdist call. */
const DATA_DEPENDENT: ReadonlySet<string> = new Set(['seuclidean', 'mahalanobis']);

/**
 * Similarity saliency (xaitk's `SimilarityScoring`): for each query, a perturbation that moves
 * the reference's descriptor further from the query than the unperturbed reference was
 * (`max(d(query, perturbed) - d(query, ref), 0)`) marks the occluded region as making the
 * reference similar. Weighted occluded regions, normalised by coverage, max-abs scaled, clipped.
 */
export class SimilarityScoring extends GenerateDescriptorSimilaritySaliency {
  static {
    registerPlugin(this, 'salkit.scoring.SimilarityScoring');
  }
  static override readonly configSchema = Schema;
  declare readonly options: z.output<typeof Schema>;

  constructor(options: SimilarityScoringOptions = {}) {
    super(options);
  }

  generate(queryDescr: NdArray, refDescr: NdArray, perturbedDescrs: NdArray, masks: NdArray): NdArray {
    const fn = 'SimilarityScoring.generate';
    const dims = assertShape(`${fn}: masks`, masks, ['N', 'H', 'W']);
    if ((perturbedDescrs as NdArray)?.shape?.length === 2 && perturbedDescrs.shape[0] !== dims.N) {
      throw new Error(
        `${fn}: perturbedDescrs [${perturbedDescrs.shape}] and masks [${masks.shape}] disagree on the number of perturbations N`,
      );
    }
    const acc = this.streamingAccumulator(queryDescr, refDescr, [dims.H as number, dims.W as number], fn);
    acc.add(perturbedDescrs, masks);
    const maps = acc.finish();
    acc.release?.();
    return queryDescr.shape.length === 1 ? reshape(maps, maps.shape.slice(1)) : maps;
  }

  /**
   * Streams in O(Q*H*W), except for seuclidean and mahalanobis, whose default V / VI scipy
   * estimates from all perturbed descriptors at once: those keep every batch until `finish`.
   * Maps are always [Q,H,W].
   */
  override accumulator(queryDescr: NdArray, refDescr: NdArray, size: readonly [number, number]): SaliencyAccumulator {
    if (DATA_DEPENDENT.has(this.options.proximityMetric)) {
      return new BufferingAccumulator(size, (descrs, masks) => {
        const maps = this.generate(queryDescr, refDescr, descrs, masks);
        return maps.shape.length === 2 ? reshape(maps, [1, ...maps.shape]) : maps;
      });
    }
    return this.streamingAccumulator(queryDescr, refDescr, size, 'SimilarityScoring');
  }

  private streamingAccumulator(
    queryDescr: NdArray,
    refDescr: NdArray,
    size: readonly [number, number],
    fn: string,
  ): SaliencyAccumulator {
    const { F } = assertShape(`${fn}: refDescr`, refDescr, ['F']);
    const dims = assertShape(`${fn}: queryDescr`, queryDescr, [['F'], ['Q', 'F']], { F: F as number });
    assertAllFinite(`${fn}: refDescr`, refDescr);
    assertAllFinite(`${fn}: queryDescr`, queryDescr);
    const Q = (dims.Q as number | undefined) ?? 1;
    const queries = reshape(toContiguous(queryDescr), [Q, F as number]);
    const metric = this.options.proximityMetric as MetricName;
    const d0 = cdist(reshape(toContiguous(refDescr), [1, F as number]), queries, metric).data;
    return new RegionSaliencyAccumulator(
      {
        fn: `${fn}`,
        maps: Q,
        alpha: 1,
        beta: -1,
        normalize: true,
        scalars(outputs, b) {
          assertShape(`${fn}: perturbedDescrs`, outputs, [b, F as number]);
          assertAllFinite(`${fn}: perturbedDescrs`, outputs);
          const dp = cdist(queries, outputs, metric).data; // [Q, b]
          const s = new Float64Array(b * Q);
          for (let q = 0; q < Q; q++) {
            const base = d0[q] as number;
            for (let n = 0; n < b; n++) {
              const d = (dp[q * b + n] as number) - base;
              // NaN (e.g. cosine of a zero vector) carries no evidence: weight 0, never a NaN map.
              // biome-ignore lint/complexity/useMathMinMax: Math.max(NaN, 0) is NaN; this must give 0.
              s[n * Q + q] = d > 0 ? d : 0;
            }
          }
          return s;
        },
        float32Output: () => false,
        float32Weights: () => false,
      },
      size,
    );
  }
}
