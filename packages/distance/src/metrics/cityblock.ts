import { ml } from '../kernels/viaMlDistance.js';
import { toPair, type VectorLike } from '../util/input.js';

/** City block (Manhattan) distance `sum |u - v|` (ml-distance's `manhattan`, identical to scipy's). */
export function cityblock(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('cityblock', u, v);
  return ml.manhattan(a, b);
}
