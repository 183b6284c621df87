import { hammingPair } from '../kernels/pairs.js';
import { checkWeights } from '../options.js';
import { toPair, type VectorLike } from '../util/input.js';

/**
 * Hamming distance: the fraction of entries where `u != v` (NaN != NaN), or with weights
 * `sum w [u != v] / sum w`. On 0/1 input this is `(ntf + nft) / n`.
 */
export function hamming(u: VectorLike, v: VectorLike, w?: VectorLike): number {
  const [a, b] = toPair('hamming', u, v);
  const weights = w === undefined ? undefined : checkWeights('hamming', 'w', w, a.length);
  return hammingPair(weights)(a, 0, b, 0, a.length);
}
