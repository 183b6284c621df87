import { pairThroughCdist } from '../cdist.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Boolean dissimilarity `2 (ntf + nft) / (ntt + nff + 2 (ntf + nft))`, over `u != 0` and `v != 0`. */
export function rogerstanimoto(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('rogerstanimoto', u, v);
  return pairThroughCdist('rogerstanimoto', a, b);
}
