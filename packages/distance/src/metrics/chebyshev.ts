import { ml } from '../kernels/viaMlDistance.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Chebyshev distance `max |u - v|` (ml-distance's `chebyshev`; like scipy it skips NaN terms). */
export function chebyshev(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('chebyshev', u, v);
  return ml.chebyshev(a, b);
}
