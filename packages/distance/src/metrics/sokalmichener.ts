import { pairThroughCdist } from '../cdist.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Boolean dissimilarity `2 (ntf + nft) / (ntt + nff + 2 (ntf + nft))` (the same value as rogerstanimoto), over `u != 0` and `v != 0`. */
export function sokalmichener(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('sokalmichener', u, v);
  return pairThroughCdist('sokalmichener', a, b);
}
