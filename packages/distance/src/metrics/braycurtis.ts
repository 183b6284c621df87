import { braycurtisPair } from '../kernels/pairs.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Bray-Curtis distance: `sum |u - v| / sum |u + v|` (0/0 gives NaN). */
export function braycurtis(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('braycurtis', u, v);
  return braycurtisPair(a, 0, b, 0, a.length);
}
