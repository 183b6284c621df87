import { assertShape, type NdArray } from '@salkit/ndarray';
import { declareAbstract, Plugfigurable } from '@salkit/plugin';
import { assertAllFinite } from '../kernels/assertAllFinite.js';
import { BufferingAccumulator } from '../kernels/bufferingAccumulator.js';
import type { SaliencyAccumulator } from './SaliencyAccumulator.js';

/**
 * Turns classifier confidences on perturbed images into saliency maps (xaitk's
 * `GenerateClassifierConfidenceSaliency`): `generate(imageConf [C], perturbedConf [N,C],
 * masks [N,H,W]) -> [C,H,W]` in [-1, 1].
 */
export abstract class GenerateClassifierConfidenceSaliency extends Plugfigurable {
  static {
    declareAbstract(this, 'generate');
  }

  abstract generate(imageConf: NdArray, perturbedConf: NdArray, masks: NdArray): NdArray;

  /**
   * A batch-by-batch accumulator for the maps of `imageConf` over [H,W] masks. The default keeps
   * every batch and calls `generate` at the end; the built-in scorers stream in O(C*H*W).
   */
  accumulator(imageConf: NdArray, size: readonly [number, number]): SaliencyAccumulator {
    return new BufferingAccumulator(size, (conf, masks) => this.generate(imageConf, conf, masks));
  }
}

/** Validates generate()'s arguments; returns C, N, H, W. */
export function checkConfidenceArgs(
  fn: string,
  imageConf: unknown,
  perturbedConf: unknown,
  masks: unknown,
): { C: number; N: number; H: number; W: number } {
  const { C } = assertShape(`${fn}: imageConf`, imageConf, ['C']);
  const dims = assertShape(`${fn}: masks`, masks, ['N', 'H', 'W']);
  if ((perturbedConf as NdArray)?.shape?.length === 2 && (perturbedConf as NdArray).shape[0] !== dims.N) {
    throw new Error(
      `${fn}: perturbedConf [${(perturbedConf as NdArray).shape}] and masks [${(masks as NdArray).shape}] disagree on the number of perturbations N`,
    );
  }
  assertShape(`${fn}: perturbedConf`, perturbedConf, ['N', 'C'], { ...dims, C: C as number });
  assertAllFinite(`${fn}: imageConf`, imageConf as NdArray);
  assertAllFinite(`${fn}: perturbedConf`, perturbedConf as NdArray);
  return { C: C as number, N: dims.N as number, H: dims.H as number, W: dims.W as number };
}
