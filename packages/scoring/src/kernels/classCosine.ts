import type { TypedArray } from '@salkit/ndarray';

/** Euclidean norms of the class-score parts (columns 5..K-1) of `rows` detection rows of K values. */
export function classNorms(dets: ArrayLike<number>, rows: number, K: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const o = r * K;
    let s = 0;
    for (let k = 5; k < K; k++) {
      const v = dets[o + k] as number;
      s += v * v;
    }
    out[r] = Math.sqrt(s);
  }
  return out;
}

/**
 * `1 - cosine distance` between the class scores of each of `rows` detection rows and each of
 * the D reference rows, as [rows, D], computed in place of `cdist(classes, refClasses, 'cosine')`
 * without copying the class columns out: scipy's steps (row norms, one dot product per pair,
 * `c = dot / (|u| |v|)` clipped to [-1, 1], distance `1 - c`). A zero vector gives NaN.
 */
export function classSimilarities(
  dets: TypedArray,
  rows: number,
  ref: ArrayLike<number>,
  refNorms: Float64Array,
  D: number,
  K: number,
): Float64Array {
  const norms = classNorms(dets, rows, K);
  const out = new Float64Array(rows * D);
  for (let r = 0; r < rows; r++) {
    const o = r * K;
    const nu = norms[r] as number;
    for (let d = 0; d < D; d++) {
      const q = d * K;
      let dot = 0;
      for (let k = 5; k < K; k++) dot += (dets[o + k] as number) * (ref[q + k] as number);
      let c = dot / (nu * (refNorms[d] as number));
      if (Math.abs(c) > 1) c = c > 0 ? 1 : -1;
      out[r * D + d] = 1 - (1 - c);
    }
  }
  return out;
}
