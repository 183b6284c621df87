import type { TypedArray } from '@salkit/ndarray';

/** What RegionWeightAccumulator delegates to: the WebAssembly SIMD engine or the plain-JS one. */
export interface RegionWeightEngine {
  /**
   * Adds n masks weighted by their scalars; `overlap` (once) is the calling thread's own work, done
   * while the threads start on the masks where there are threads (see RegionWeightAccumulator.add).
   */
  add(
    scalars: Float64Array,
    scalarOffset: number,
    masks: TypedArray,
    maskOffset: number,
    n: number,
    overlap?: () => void,
  ): void;
  /** The maps into `out`; with `scale`, each then max-abs scaled and clipped (maxAbsScaleAndClip). */
  finish(normalize: boolean, out: Float64Array | Float32Array, scale?: boolean): Float64Array | Float32Array;
  /** Gives up the engine's working memory (for reuse by the next engine); the engine is not used again. */
  release?(): void;
}
