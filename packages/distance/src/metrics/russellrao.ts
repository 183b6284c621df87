import { pairThroughCdist } from '../cdist.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Boolean dissimilarity `(n - ntt) / n`, over `u != 0` and `v != 0`. */
export function russellrao(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('russellrao', u, v);
  return pairThroughCdist('russellrao', a, b);
}
