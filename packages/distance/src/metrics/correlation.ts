import { pairThroughCdist } from '../cdist.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Correlation distance: `1 - (u - mean u).(v - mean v) / (|u - mean u| |v - mean v|)` (NaN for a constant vector, as scipy 1.10). */
export function correlation(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('correlation', u, v);
  return pairThroughCdist('correlation', a, b);
}
