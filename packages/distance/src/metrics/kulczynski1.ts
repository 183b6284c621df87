import { pairThroughCdist } from '../cdist.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Boolean dissimilarity `ntt / (ntf + nft)` (scipy's kulczynski1; 0/0 gives NaN, x/0 inf), over `u != 0` and `v != 0`. */
export function kulczynski1(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('kulczynski1', u, v);
  return pairThroughCdist('kulczynski1', a, b);
}
