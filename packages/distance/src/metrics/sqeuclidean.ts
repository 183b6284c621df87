import { ml } from '../kernels/viaMlDistance.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Squared Euclidean distance `sum (u - v)^2` (ml-distance's `squaredEuclidean`, identical to scipy's). */
export function sqeuclidean(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('sqeuclidean', u, v);
  return ml.squaredEuclidean(a, b);
}
