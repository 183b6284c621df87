import { wminkowskiPair } from '../kernels/pairs.js';
import { checkP, checkWeights } from '../options.js';
import { toPair, type VectorLike } from '../util/input.js';

/**
 * Classic weighted Minkowski distance (scipy < 1.8 `wminkowski`): `(sum |w (u - v)|^p)^(1/p)`,
 * equal to scipy >= 1.8's `minkowski(u, v, p, w ** p)`. `p` and `w` are required.
 */
export function wminkowski(u: VectorLike, v: VectorLike, p: number, w: VectorLike): number {
  const [a, b] = toPair('wminkowski', u, v);
  checkP('wminkowski', 'p', p);
  return wminkowskiPair(p, checkWeights('wminkowski', 'w', w, a.length))(a, 0, b, 0, a.length);
}
