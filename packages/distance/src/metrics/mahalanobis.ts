import type { NdArray } from '@salkit/ndarray';
import { mahalanobisPair } from '../kernels/pairs.js';
import { toPair, toSquare, type VectorLike } from '../util/input.js';

/** Mahalanobis distance `sqrt((u - v) VI (u - v)^T)` with `VI` the inverse covariance [n, n] (required). */
export function mahalanobis(u: VectorLike, v: VectorLike, VI: NdArray): number {
  const [a, b] = toPair('mahalanobis', u, v);
  const n = a.length;
  return mahalanobisPair(toSquare('mahalanobis', 'VI', VI, n), n)(a, 0, b, 0, n);
}
