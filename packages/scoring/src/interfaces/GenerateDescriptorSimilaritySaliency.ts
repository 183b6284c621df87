import type { NdArray } from '@salkit/ndarray';
import { declareAbstract, Plugfigurable } from '@salkit/plugin';
import { BufferingAccumulator } from '../kernels/bufferingAccumulator.js';
import type { SaliencyAccumulator } from './SaliencyAccumulator.js';

/**
 * Turns image descriptors of perturbed reference images into saliency maps (xaitk's
 * `GenerateDescriptorSimilaritySaliency`): `generate(queryDescr [F] or [Q,F], refDescr [F],
 * perturbedDescrs [N,F], masks [N,H,W]) -> [H,W] or [Q,H,W]`: which regions of the reference
 * make it resemble each query.
 */
export abstract class GenerateDescriptorSimilaritySaliency extends Plugfigurable {
  static {
    declareAbstract(this, 'generate');
  }

  abstract generate(queryDescr: NdArray, refDescr: NdArray, perturbedDescrs: NdArray, masks: NdArray): NdArray;

  /**
   * A batch-by-batch accumulator (`add(perturbedDescrs [b,F], masks [b,H,W])`) of the maps
   * `generate` gives. The default keeps every batch and calls `generate` at the end.
   */
  accumulator(queryDescr: NdArray, refDescr: NdArray, size: readonly [number, number]): SaliencyAccumulator {
    return new BufferingAccumulator(size, (descrs, masks) => this.generate(queryDescr, refDescr, descrs, masks));
  }
}
