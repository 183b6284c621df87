import { array, type NdArray } from '@salkit/ndarray';
import { declareAbstract, Plugfigurable } from '@salkit/plugin';

/**
 * Makes occlusion masks for a reference image (xaitk's `PerturbImage`). A mask is [H,W] with 1
 * keeping a pixel and 0 occluding it; `perturb` returns all N masks as [N,H,W].
 *
 * Stacks consume masks through `perturbBatches`, which yields the same masks in the same order a
 * batch at a time. The default slices `perturb()` (so holds all N masks); the built-in perturbers
 * override it to generate each batch on demand, keeping memory at O(batch).
 */
export abstract class PerturbImage extends Plugfigurable {
  static {
    declareAbstract(this, 'perturb');
  }

  /** All masks for `refImage` ([H,W] or [H,W,C]) as [N,H,W]. */
  abstract perturb(refImage: NdArray): NdArray;

  /** How many masks `perturb(refImage)` returns. The default runs `perturb`; implementations override. */
  maskCount(refImage: NdArray): number {
    return this.perturb(refImage).shape[0] as number;
  }

  /** The masks of `perturb(refImage)` as consecutive [b,H,W] batches with b <= batchSize. */
  *perturbBatches(refImage: NdArray, batchSize: number): Generator<NdArray, void, undefined> {
    checkBatchSize(`${this.constructor.name}.perturbBatches`, batchSize);
    const all = this.perturb(refImage);
    const [N, H, W] = all.shape as [number, number, number];
    const data = all.data;
    for (let i = 0; i < N; i += batchSize) {
      const b = Math.min(batchSize, N - i);
      yield array(data.subarray(i * H * W, (i + b) * H * W), [b, H, W]);
    }
  }
}

export function checkBatchSize(fn: string, batchSize: unknown): asserts batchSize is number {
  if (typeof batchSize !== 'number' || !Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new Error(`${fn}: batchSize: expected a positive integer, got ${String(batchSize)}`);
  }
}

/** [H, W] of a reference image, which must be an ndarray [H,W] or [H,W,C] with H, W >= 1. */
export function imageSize(fn: string, refImage: unknown): [number, number] {
  const shape = (refImage as NdArray | null)?.shape;
  if (!Array.isArray(shape) || typeof refImage !== 'object' || !('data' in (refImage as object))) {
    throw new Error(
      `${fn}: refImage: expected an ndarray [H,W] or [H,W,C], got ${refImage === null ? 'null' : typeof refImage}`,
    );
  }
  if ((shape.length !== 2 && shape.length !== 3) || (shape[0] as number) < 1 || (shape[1] as number) < 1) {
    throw new Error(`${fn}: refImage: expected shape [H,W] or [H,W,C] with H, W >= 1, got [${shape}]`);
  }
  return [shape[0] as number, shape[1] as number];
}
