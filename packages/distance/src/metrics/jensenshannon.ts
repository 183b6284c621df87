import { pairThroughCdist } from '../cdist.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Jensen-Shannon distance (natural log) of `u` and `v` each normalised to sum 1: `sqrt((KL(p||m) + KL(q||m)) / 2)`, `m = (p + q) / 2`; inf when an entry is negative or a vector sums to 0 (scipy 1.10). */
export function jensenshannon(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('jensenshannon', u, v);
  return pairThroughCdist('jensenshannon', a, b);
}
