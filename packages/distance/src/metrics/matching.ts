import type { VectorLike } from '../util/input.js';
import { hamming } from './hamming.js';

/** scipy's `matching`: an alias of {@link hamming}. */
export function matching(u: VectorLike, v: VectorLike, w?: VectorLike): number {
  return hamming(u, v, w);
}
