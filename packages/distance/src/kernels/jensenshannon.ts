/**
 * cdist 'jensenshannon' as scipy 1.10's C loop: a pair with a negative entry in either row is
 * inf, and so is a pair where either row sums to 0; otherwise each row is divided by its sum,
 * m = (p + q) / 2 and the distance is sqrt((sum_{p>0} p ln(p/m) + sum_{q>0} q ln(q/m)) / 2).
 * The per-row parts (negativity, sum, normalised row) depend on one row only, so they are
 * computed once per row rather than once per pair; the values are the same.
 */
export function jensenshannonCdist(
  a: Float64Array,
  b: Float64Array,
  mA: number,
  mB: number,
  n: number,
  out: Float64Array,
): void {
  const pa = prepare(a, mA, n);
  const pb = prepare(b, mB, n);
  for (let i = 0; i < mA; i++) {
    const ao = i * n;
    const badA = pa.bad[i] === 1;
    for (let j = 0; j < mB; j++) {
      if (badA || pb.bad[j] === 1) {
        out[i * mB + j] = Number.POSITIVE_INFINITY;
        continue;
      }
      const bo = j * n;
      let s = 0;
      for (let k = 0; k < n; k++) {
        const p = pa.norm[ao + k] as number;
        const q = pb.norm[bo + k] as number;
        const m = (p + q) / 2;
        if (p > 0) s += p * Math.log(p / m);
        if (q > 0) s += q * Math.log(q / m);
      }
      out[i * mB + j] = Math.sqrt(s / 2);
    }
  }
}

function prepare(x: Float64Array, m: number, n: number): { norm: Float64Array; bad: Uint8Array } {
  const norm = new Float64Array(m * n);
  const bad = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    const o = i * n;
    let sum = 0;
    let negative = false;
    for (let k = 0; k < n; k++) {
      const v = x[o + k] as number;
      if (v < 0) negative = true;
      sum += v;
    }
    if (negative || sum === 0) {
      bad[i] = 1;
      continue;
    }
    for (let k = 0; k < n; k++) norm[o + k] = (x[o + k] as number) / sum;
  }
  return { norm, bad };
}
