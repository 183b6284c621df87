/**
 * Per-pair kernels over contiguous float64 rows: `f(a, ao, b, bo, n)` is the distance between
 * `a[ao .. ao+n)` and `b[bo .. bo+n)`. Each one follows scipy 1.10's C/C++ loop for that metric
 * (same operations, same order), so results agree to the last bit or nearly so.
 */
export type PairFn = (a: Float64Array, ao: number, b: Float64Array, bo: number, n: number) => number;

/** Fills `out[i * mB + j]` with `f(row i of a, row j of b)`. */
export function eachPair(
  a: Float64Array,
  b: Float64Array,
  mA: number,
  mB: number,
  n: number,
  out: Float64Array,
  f: PairFn,
): void {
  for (let i = 0; i < mA; i++) {
    const ao = i * n;
    const oo = i * mB;
    for (let j = 0; j < mB; j++) out[oo + j] = f(a, ao, b, j * n, n);
  }
}

/** sum |u - v| / sum |u + v| (0/0 gives NaN). */
export const braycurtisPair: PairFn = (a, ao, b, bo, n) => {
  let s1 = 0;
  let s2 = 0;
  for (let k = 0; k < n; k++) {
    const x = a[ao + k] as number;
    const y = b[bo + k] as number;
    s1 += Math.abs(x - y);
    s2 += Math.abs(x + y);
  }
  return s1 / s2;
};

/** sum |u - v| / (|u| + |v|), a term with |u| + |v| = 0 counting as 0. */
export const canberraPair: PairFn = (a, ao, b, bo, n) => {
  let s = 0;
  for (let k = 0; k < n; k++) {
    const x = a[ao + k] as number;
    const y = b[bo + k] as number;
    const denom = Math.abs(x) + Math.abs(y);
    // scipy's branchless form: num / (denom + (denom == 0)); NaN stays NaN
    s += Math.abs(x - y) / (denom === 0 ? 1 : denom);
  }
  return s;
};

/** Fraction of unequal entries (NaN != NaN), weighted: sum w [u != v] / sum w. */
export function hammingPair(w?: Float64Array): PairFn {
  if (!w) {
    return (a, ao, b, bo, n) => {
      let s = 0;
      for (let k = 0; k < n; k++) if (a[ao + k] !== b[bo + k]) s++;
      return s / n;
    };
  }
  return (a, ao, b, bo, n) => {
    let s = 0;
    let ws = 0;
    for (let k = 0; k < n; k++) {
      const wk = w[k] as number;
      s += (a[ao + k] !== b[bo + k] ? 1 : 0) * wk;
      ws += wk;
    }
    return s / ws;
  };
}

/** #(u != v and (u != 0 or v != 0)) / #(u != 0 or v != 0), 0 when nothing is non-zero. */
export const jaccardPair: PairFn = (a, ao, b, bo, n) => {
  let num = 0;
  let denom = 0;
  for (let k = 0; k < n; k++) {
    const x = a[ao + k] as number;
    const y = b[bo + k] as number;
    if (x !== 0 || y !== 0) {
      denom++;
      if (x !== y) num++;
    }
  }
  return denom === 0 ? 0 : num / denom;
};

/** sqrt(sum (u - v)^2 / V). */
export function seuclideanPair(V: Float64Array): PairFn {
  return (a, ao, b, bo, n) => {
    let s = 0;
    for (let k = 0; k < n; k++) {
      const d = (a[ao + k] as number) - (b[bo + k] as number);
      s += (d * d) / (V[k] as number);
    }
    return Math.sqrt(s);
  };
}

/**
 * sqrt(d^T VI d) with d = u - v, computed as scipy's C loop: t_i = sum_j d_j VI[i, j], then
 * sqrt(sum_i d_i t_i). The two scratch rows are allocated once per call of this factory.
 */
export function mahalanobisPair(VI: Float64Array, n: number): PairFn {
  const d = new Float64Array(n);
  const t = new Float64Array(n);
  return (a, ao, b, bo) => {
    for (let k = 0; k < n; k++) d[k] = (a[ao + k] as number) - (b[bo + k] as number);
    for (let i = 0; i < n; i++) {
      const r = i * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += (d[j] as number) * (VI[r + j] as number);
      t[i] = s;
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += (d[i] as number) * (t[i] as number);
    return Math.sqrt(s);
  };
}

/**
 * scipy >= 1.8 weighted Minkowski: (sum w |u - v|^p)^(1/p); p = 1, 2 and Infinity use scipy's
 * dedicated loops (weighted cityblock, weighted euclidean, max over w > 0).
 */
export function weightedMinkowskiPair(p: number, w: Float64Array): PairFn {
  if (p === 1) {
    return (a, ao, b, bo, n) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += (w[k] as number) * Math.abs((a[ao + k] as number) - (b[bo + k] as number));
      return s;
    };
  }
  if (p === 2) {
    return (a, ao, b, bo, n) => {
      let s = 0;
      for (let k = 0; k < n; k++) {
        const d = Math.abs((a[ao + k] as number) - (b[bo + k] as number));
        s += (w[k] as number) * (d * d);
      }
      return Math.sqrt(s);
    };
  }
  if (p === Number.POSITIVE_INFINITY) {
    return (a, ao, b, bo, n) => {
      let m = 0;
      for (let k = 0; k < n; k++) {
        const d = Math.abs((a[ao + k] as number) - (b[bo + k] as number));
        if ((w[k] as number) > 0 && d > m) m = d;
      }
      return m;
    };
  }
  const invp = 1 / p;
  return (a, ao, b, bo, n) => {
    let s = 0;
    for (let k = 0; k < n; k++) s += (w[k] as number) * Math.abs((a[ao + k] as number) - (b[bo + k] as number)) ** p;
    return s ** invp;
  };
}

/**
 * Classic weighted Minkowski (scipy < 1.8 `wminkowski`): (sum |w (u - v)|^p)^(1/p);
 * p = Infinity gives max |w (u - v)|.
 */
export function wminkowskiPair(p: number, w: Float64Array): PairFn {
  if (p === Number.POSITIVE_INFINITY) {
    return (a, ao, b, bo, n) => {
      let m = 0;
      for (let k = 0; k < n; k++) {
        const d = Math.abs(((a[ao + k] as number) - (b[bo + k] as number)) * (w[k] as number));
        if (m < d) m = d;
      }
      return m;
    };
  }
  if (p === 2) {
    return (a, ao, b, bo, n) => {
      let s = 0;
      for (let k = 0; k < n; k++) {
        const d = ((a[ao + k] as number) - (b[bo + k] as number)) * (w[k] as number);
        s += d * d;
      }
      return Math.sqrt(s);
    };
  }
  const invp = 1 / p;
  return (a, ao, b, bo, n) => {
    let s = 0;
    for (let k = 0; k < n; k++) s += Math.abs(((a[ao + k] as number) - (b[bo + k] as number)) * (w[k] as number)) ** p;
    return s ** invp;
  };
}
