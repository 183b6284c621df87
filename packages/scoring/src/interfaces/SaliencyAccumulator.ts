import type { NdArray } from '@salkit/ndarray';

/**
 * Builds saliency maps from perturbation results that arrive in batches: `add` takes the black
 * box's outputs for b perturbed images (rows parallel to the b masks [b,H,W]); `finish` returns
 * the maps. Stacks use it so they never hold all N masks; `generate(...)` of a scorer equals one
 * accumulator fed everything at once.
 */
export interface SaliencyAccumulator {
  add(outputs: NdArray, masks: NdArray): void;
  finish(): NdArray;
  /**
   * Optional: ends the accumulator once its maps are taken, so that its working memory serves the
   * next accumulator (salkit's WebAssembly engines reuse it instead of allocating afresh). Add
   * and finish throw afterwards.
   */
  release?(): void;
}
