import { weightedMinkowskiPair } from '../kernels/pairs.js';
import { ml } from '../kernels/viaMlDistance.js';
import { checkP, checkWeights } from '../options.js';
import { toPair, type VectorLike } from '../util/input.js';

/**
 * Minkowski distance `(sum |u - v|^p)^(1/p)` (p > 0, default 2, `Infinity` gives chebyshev), or
 * with weights scipy's `(sum w |u - v|^p)^(1/p)`. Unweighted it is ml-distance's `minkowski`
 * (the same loop as scipy's, including its p = 1 and p = 2 shortcuts).
 */
export function minkowski(u: VectorLike, v: VectorLike, p = 2, w?: VectorLike): number {
  const [a, b] = toPair('minkowski', u, v);
  checkP('minkowski', 'p', p);
  if (w !== undefined) {
    return weightedMinkowskiPair(p, checkWeights('minkowski', 'w', w, a.length))(a, 0, b, 0, a.length);
  }
  if (p === Number.POSITIVE_INFINITY) return ml.chebyshev(a, b);
  return ml.minkowski(a, b, p);
}
