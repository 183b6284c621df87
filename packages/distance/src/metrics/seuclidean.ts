import { seuclideanPair } from '../kernels/pairs.js';
import { toPair, toVector, type VectorLike } from '../util/input.js';

/** Standardised Euclidean distance `sqrt(sum (u - v)^2 / V)` with `V` the per-column variances (required). */
export function seuclidean(u: VectorLike, v: VectorLike, V: VectorLike): number {
  const [a, b] = toPair('seuclidean', u, v);
  return seuclideanPair(toVector('seuclidean', 'V', V, a.length, 'variance'))(a, 0, b, 0, a.length);
}
