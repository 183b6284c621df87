import { similarity } from 'ml-distance';
import { toPair, type VectorLike } from '../util/input.js';

/**
 * Cosine distance `1 - u.v / (|u| |v|)`, the cosine clipped to [-1, 1] as scipy's C loop does
 * (ml-distance's `similarity.cosine` computes the same quotient). A zero vector gives NaN.
 */
export function cosine(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('cosine', u, v);
  let c = similarity.cosine(a, b);
  if (Math.abs(c) > 1) c = c > 0 ? 1 : -1;
  return 1 - c;
}
