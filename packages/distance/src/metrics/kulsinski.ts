import { pairThroughCdist } from '../cdist.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Boolean dissimilarity `(ntf + nft - ntt + n) / (ntf + nft + n)` (removed from scipy 1.11; scipy 1.10's definition), over `u != 0` and `v != 0`. */
export function kulsinski(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('kulsinski', u, v);
  return pairThroughCdist('kulsinski', a, b);
}
