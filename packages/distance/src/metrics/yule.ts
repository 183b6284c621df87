import { pairThroughCdist } from '../cdist.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Boolean dissimilarity `2 ntf nft / (ntt nff + ntf nft)`, 0 when `ntf nft = 0`, over `u != 0` and `v != 0`. */
export function yule(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('yule', u, v);
  return pairThroughCdist('yule', a, b);
}
