/**
 * Dot product of `a[ao + 5 .. ao + K)` and `b[bo + 5 .. bo + K)` (the class-score parts of two
 * detection rows), with four partial sums side by side for instruction-level parallelism.
 */
export function classDot(a: ArrayLike<number>, ao: number, b: ArrayLike<number>, bo: number, K: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 5;
  for (; k + 3 < K; k += 4) {
    s0 += (a[ao + k] as number) * (b[bo + k] as number);
    s1 += (a[ao + k + 1] as number) * (b[bo + k + 1] as number);
    s2 += (a[ao + k + 2] as number) * (b[bo + k + 2] as number);
    s3 += (a[ao + k + 3] as number) * (b[bo + k + 3] as number);
  }
  for (; k < K; k++) s0 += (a[ao + k] as number) * (b[bo + k] as number);
  return s0 + s1 + (s2 + s3);
}

/** Euclidean norms of the class-score parts (columns 5..K-1) of `rows` detection rows of K values. */
export function classNorms(dets: ArrayLike<number>, rows: number, K: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = Math.sqrt(classDot(dets, r * K, dets, r * K, K));
  return out;
}
