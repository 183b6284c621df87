import type { NdArray } from '@salkit/ndarray';
import { declareAbstract, Plugfigurable } from '@salkit/plugin';
import type { ClassifyImageLike } from '../blackbox/types.js';
import type { GenerateOptions } from '../engine/runOcclusion.js';

/**
 * End-to-end classifier saliency (xaitk's `GenerateImageClassifierBlackboxSaliency`):
 * `generate(refImage [H,W] or [H,W,C], classifier) -> Promise<[K,H,W]>`, one map in [-1, 1]
 * per label of `classifier.getLabels()`, in that order.
 */
export abstract class GenerateImageClassifierBlackboxSaliency extends Plugfigurable {
  static {
    declareAbstract(this, 'generate');
  }
  abstract generate(refImage: NdArray, blackbox: ClassifyImageLike, options?: GenerateOptions): Promise<NdArray>;
}

/** Throws unless `refImage` is an ndarray [H,W] or [H,W,C] with H, W >= 1. */
export function checkRefImage(fn: string, refImage: unknown): [number, number] {
  const shape = (refImage as NdArray | null)?.shape;
  if (!Array.isArray(shape) || !ArrayBuffer.isView((refImage as NdArray).data)) {
    throw new Error(
      `${fn}: refImage: expected an ndarray [H,W] or [H,W,C], got ${refImage === null ? 'null' : typeof refImage}`,
    );
  }
  if ((shape.length !== 2 && shape.length !== 3) || (shape[0] as number) < 1 || (shape[1] as number) < 1) {
    throw new Error(`${fn}: refImage: expected shape [H,W] or [H,W,C], got [${shape}]`);
  }
  return [shape[0] as number, shape[1] as number];
}

/** Throws unless the maps are [count,H,W]. */
export function checkMaps(fn: string, maps: NdArray, count: number, what: string, H: number, W: number): NdArray {
  const s = maps.shape;
  if (s.length !== 3 || s[0] !== count || s[1] !== H || s[2] !== W) {
    throw new Error(
      `${fn}: the saliency generator returned maps [${s}], expected [${count},${H},${W}] (${count} ${what})`,
    );
  }
  return maps;
}
