import { binarize } from '../kernels/boolean.js';
import { ml } from '../kernels/viaMlDistance.js';
import { toPair, type VectorLike } from '../util/input.js';

/**
 * Dice dissimilarity `(ntf + nft) / (2 ntt + ntf + nft)` over `u != 0` and `v != 0`
 * (ml-distance's `dice` on the 0/1 vectors, which is that exact quotient; 0/0 gives NaN).
 */
export function dice(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('dice', u, v);
  return ml.dice(binarize(a), binarize(b));
}
