import { pairwiseSum } from '@salkit/ndarray';
import { dotCdist } from './blocked.js';

/**
 * Euclidean norm of each row (squares added in column order, then the square root). Four rows
 * are summed side by side for instruction-level parallelism; each row's sum keeps its order.
 */
export function rowNorms(x: Float64Array, m: number, n: number): Float64Array {
  const norms = new Float64Array(m);
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const o0 = i * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let k = 0; k < n; k++) {
      const v0 = x[o0 + k] as number;
      const v1 = x[o1 + k] as number;
      const v2 = x[o2 + k] as number;
      const v3 = x[o3 + k] as number;
      s0 += v0 * v0;
      s1 += v1 * v1;
      s2 += v2 * v2;
      s3 += v3 * v3;
    }
    norms[i] = Math.sqrt(s0);
    norms[i + 1] = Math.sqrt(s1);
    norms[i + 2] = Math.sqrt(s2);
    norms[i + 3] = Math.sqrt(s3);
  }
  for (; i < m; i++) {
    const o = i * n;
    let s = 0;
    for (let k = 0; k < n; k++) {
      const v = x[o + k] as number;
      s += v * v;
    }
    norms[i] = Math.sqrt(s);
  }
  return norms;
}

/**
 * scipy's cosine step: `c = dot / (|u| |v|)`, clipped to [-1, 1] when rounding pushed it
 * outside, distance `1 - c`. A zero vector gives 0/0 = NaN, as in scipy 1.10.
 */
export function cosineFromDot(dot: number, normU: number, normV: number): number {
  let c = dot / (normU * normV);
  if (Math.abs(c) > 1) c = c > 0 ? 1 : -1;
  return 1 - c;
}

/** cdist 'cosine' (scipy's C loop: row norms first, then one dot product per pair). */
export function cosineCdist(
  a: Float64Array,
  b: Float64Array,
  mA: number,
  mB: number,
  n: number,
  out: Float64Array,
): void {
  const na = rowNorms(a, mA, n);
  const nb = rowNorms(b, mB, n);
  dotCdist(a, b, mA, mB, n, out);
  for (let i = 0; i < mA; i++) {
    const u = na[i] as number;
    const o = i * mB;
    for (let j = 0; j < mB; j++) out[o + j] = cosineFromDot(out[o + j] as number, u, nb[j] as number);
  }
}

/** Each row minus its mean (numpy's `X - X.mean(axis=1, keepdims=True)`). */
export function centerRows(x: Float64Array, m: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const o = i * n;
    const mean = pairwiseSum(x, o, n) / n;
    for (let k = 0; k < n; k++) c[o + k] = (x[o + k] as number) - mean;
  }
  return c;
}

/** cdist 'correlation': cosine distance of the mean-centred rows. */
export function correlationCdist(
  a: Float64Array,
  b: Float64Array,
  mA: number,
  mB: number,
  n: number,
  out: Float64Array,
): void {
  cosineCdist(centerRows(a, mA, n), centerRows(b, mB, n), mA, mB, n, out);
}
