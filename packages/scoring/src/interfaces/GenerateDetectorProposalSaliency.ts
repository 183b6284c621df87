import type { NdArray } from '@salkit/ndarray';
import { declareAbstract, Plugfigurable } from '@salkit/plugin';
import { BufferingAccumulator } from '../kernels/bufferingAccumulator.js';
import type { SaliencyAccumulator } from './SaliencyAccumulator.js';

/**
 * Turns detector proposals on perturbed images into saliency maps (xaitk's
 * `GenerateDetectorProposalSaliency`): `generate(refDets [D,5+C], perturbedDets [N,P,5+C],
 * masks [N,H,W]) -> [D,H,W]`, one map per reference detection. Detection rows are
 * `[x1, y1, x2, y2, objectness, class scores...]`.
 */
export abstract class GenerateDetectorProposalSaliency extends Plugfigurable {
  static {
    declareAbstract(this, 'generate');
  }

  abstract generate(refDets: NdArray, perturbedDets: NdArray, masks: NdArray): NdArray;

  /**
   * A batch-by-batch accumulator (`add(perturbedDets [b,P,5+C], masks [b,H,W])`) of the maps
   * `generate` gives. The default keeps every batch and calls `generate` at the end.
   */
  accumulator(refDets: NdArray, size: readonly [number, number]): SaliencyAccumulator {
    return new BufferingAccumulator(size, (dets, masks) => this.generate(refDets, dets, masks));
  }
}
