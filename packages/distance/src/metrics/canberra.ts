import { canberraPair } from '../kernels/pairs.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Canberra distance: `sum |u - v| / (|u| + |v|)`, terms with `|u| + |v| = 0` counting as 0. */
export function canberra(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('canberra', u, v);
  return canberraPair(a, 0, b, 0, a.length);
}
