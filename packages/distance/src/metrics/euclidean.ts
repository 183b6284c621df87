import { ml } from '../kernels/viaMlDistance.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Euclidean distance `sqrt(sum (u - v)^2)` (ml-distance's `euclidean`, identical to scipy's). */
export function euclidean(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('euclidean', u, v);
  return ml.euclidean(a, b);
}
