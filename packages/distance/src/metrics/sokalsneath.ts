import { pairThroughCdist } from '../cdist.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Boolean dissimilarity `2 (ntf + nft) / (ntt + 2 (ntf + nft))` (0/0 gives NaN), over `u != 0` and `v != 0`. */
export function sokalsneath(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('sokalsneath', u, v);
  return pairThroughCdist('sokalsneath', a, b);
}
