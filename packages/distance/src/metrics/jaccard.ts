import { jaccardPair } from '../kernels/pairs.js';
import { toPair, type VectorLike } from '../util/input.js';

/** Jaccard distance as scipy computes it on any numbers: `#(u != v and (u != 0 or v != 0)) / #(u != 0 or v != 0)`, 0 when both vectors are all zero (for 0/1 input: `(ntf + nft) / (ntt + ntf + nft)`). */
export function jaccard(u: VectorLike, v: VectorLike): number {
  const [a, b] = toPair('jaccard', u, v);
  return jaccardPair(a, 0, b, 0, a.length);
}
