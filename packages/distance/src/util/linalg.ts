import { pairwiseSum } from '@salkit/ndarray';

/** Row-major stacking of two [m, n] blocks: `vstack(a, b)`. */
export function vstack(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Column means of X [m, n] as numpy's `mean(axis=0)` computes them: rows added in order
 * (a single column is one contiguous run, which numpy sums pairwise, so that case does too).
 */
function columnMeans(x: Float64Array, m: number, n: number): Float64Array {
  const mean = new Float64Array(n);
  if (n === 1) {
    // numpy: pairwise summation over the one contiguous column
    mean[0] = pairwiseSum(x, 0, m) / m;
    return mean;
  }
  for (let i = 0; i < m; i++) {
    const o = i * n;
    for (let j = 0; j < n; j++) mean[j] = (mean[j] as number) + (x[o + j] as number);
  }
  for (let j = 0; j < n; j++) mean[j] = (mean[j] as number) / m;
  return mean;
}

/** `var(X, axis=0, ddof=1)` of X [m, n] (NaN when m < 2, as numpy). */
export function sampleVariance(x: Float64Array, m: number, n: number): Float64Array {
  const mean = columnMeans(x, m, n);
  const sq = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const o = i * n;
    for (let j = 0; j < n; j++) {
      const d = (x[o + j] as number) - (mean[j] as number);
      sq[o + j] = d * d;
    }
  }
  const out = n === 1 ? Float64Array.of(pairwiseSum(sq, 0, m)) : new Float64Array(n);
  if (n !== 1) {
    for (let i = 0; i < m; i++) {
      const o = i * n;
      for (let j = 0; j < n; j++) out[j] = (out[j] as number) + (sq[o + j] as number);
    }
  }
  const denom = Math.max(m - 1, 0);
  for (let j = 0; j < n; j++) out[j] = (out[j] as number) / denom;
  return out;
}

/**
 * `cov(X.T)` of X [m, n] (rows are observations), normalised by m - 1 as numpy does it:
 * centre the columns, take the products, multiply by `1 / (m - 1)`.
 */
export function covariance(x: Float64Array, m: number, n: number): Float64Array {
  const mean = columnMeans(x, m, n);
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const o = i * n;
    for (let j = 0; j < n; j++) c[o + j] = (x[o + j] as number) - (mean[j] as number);
  }
  const cov = new Float64Array(n * n);
  const scale = 1 / Math.max(m - 1, 0);
  for (let r = 0; r < n; r++) {
    for (let s = r; s < n; s++) {
      let acc = 0;
      for (let i = 0; i < m; i++) acc += (c[i * n + r] as number) * (c[i * n + s] as number);
      const v = acc * scale;
      cov[r * n + s] = v;
      cov[s * n + r] = v;
    }
  }
  return cov;
}

/**
 * Inverse of the [n, n] matrix `a` by LU decomposition with partial pivoting (as LAPACK's
 * `gesv` on the identity, which `numpy.linalg.inv` uses). Returns null when a pivot is exactly
 * zero, the case where numpy raises `LinAlgError: Singular matrix`.
 */
export function invert(a: Float64Array, n: number): Float64Array | null {
  const lu = Float64Array.from(a);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let k = 0; k < n; k++) {
    let piv = k;
    let best = Math.abs(lu[k * n + k] as number);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k] as number);
      if (v > best) {
        best = v;
        piv = i;
      }
    }
    if (best === 0 || Number.isNaN(best)) return null;
    if (piv !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j] as number;
        lu[k * n + j] = lu[piv * n + j] as number;
        lu[piv * n + j] = t;
      }
      const t = perm[k] as number;
      perm[k] = perm[piv] as number;
      perm[piv] = t;
    }
    const d = lu[k * n + k] as number;
    for (let i = k + 1; i < n; i++) {
      const f = (lu[i * n + k] as number) / d;
      lu[i * n + k] = f;
      for (let j = k + 1; j < n; j++) lu[i * n + j] = (lu[i * n + j] as number) - f * (lu[k * n + j] as number);
    }
  }
  // Solve L U X = P I column by column.
  const inv = new Float64Array(n * n);
  const col = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < n; i++) col[i] = perm[i] === c ? 1 : 0;
    for (let i = 1; i < n; i++) {
      let s = col[i] as number;
      for (let j = 0; j < i; j++) s -= (lu[i * n + j] as number) * (col[j] as number);
      col[i] = s;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = col[i] as number;
      for (let j = i + 1; j < n; j++) s -= (lu[i * n + j] as number) * (col[j] as number);
      col[i] = s / (lu[i * n + i] as number);
    }
    for (let i = 0; i < n; i++) inv[i * n + c] = col[i] as number;
  }
  return inv;
}

/** Transpose of an [n, n] matrix. */
export function transpose(a: Float64Array, n: number): Float64Array {
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j * n + i] = a[i * n + j] as number;
  return t;
}
