/**
 * The boolean metrics. scipy converts their input to bool (non-zero, NaN included, is true) and
 * counts, per pair, ntt (both true), ntf, nft and nff; every formula below is scipy 1.10's C
 * expression on those integer counts. The counts are exact, so the results are bit-identical
 * to scipy's.
 */

/** `dist(ntt, ndiff, ntf, nft, nff, n)`, ndiff = ntf + nft. */
export type BoolFormula = (ntt: number, ndiff: number, ntf: number, nft: number, nff: number, n: number) => number;

/** 0/1 bytes: 1 where x != 0 (NaN counts as true, as numpy's astype(bool)). */
export function binarize(x: Float64Array): Uint8Array {
  const out = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] !== 0 ? 1 : 0;
  return out;
}

function rowCounts(x: Uint8Array, m: number, n: number): Int32Array {
  const c = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    const o = i * n;
    for (let k = 0; k < n; k++) s += x[o + k] as number;
    c[i] = s;
  }
  return c;
}

/** Fills `out` with `formula` of each pair's counts. */
export function boolCdist(
  a: Float64Array,
  b: Float64Array,
  mA: number,
  mB: number,
  n: number,
  out: Float64Array,
  formula: BoolFormula,
): void {
  const ba = binarize(a);
  const bb = binarize(b);
  const ca = rowCounts(ba, mA, n);
  const cb = rowCounts(bb, mB, n);
  for (let i = 0; i < mA; i++) {
    const ao = i * n;
    const cu = ca[i] as number;
    for (let j = 0; j < mB; j++) {
      const bo = j * n;
      let ntt = 0;
      for (let k = 0; k < n; k++) ntt += (ba[ao + k] as number) & (bb[bo + k] as number);
      const ntf = cu - ntt;
      const nft = (cb[j] as number) - ntt;
      const ndiff = ntf + nft;
      out[i * mB + j] = formula(ntt, ndiff, ntf, nft, n - ntt - ndiff, n);
    }
  }
}

/** kulsinski: (ndiff - ntt + n) / (ndiff + n). */
export const kulsinskiFormula: BoolFormula = (ntt, ndiff, _tf, _ft, _ff, n) => (ndiff - ntt + n) / (ndiff + n);

/** kulczynski1: ntt / ndiff (0/0 NaN, x/0 inf). */
export const kulczynski1Formula: BoolFormula = (ntt, ndiff) => ntt / ndiff;

/** rogerstanimoto: 2 ndiff / (n + ndiff). */
export const rogerstanimotoFormula: BoolFormula = (_tt, ndiff, _tf, _ft, _ff, n) => (2 * ndiff) / (n + ndiff);

/**
 * russellrao: (n - ntt) / n, computed as scipy 1.10's compiled loop does it, (n - ntt) * (1 / n)
 * (its build hoists the division out of the loop), so that the values match bit for bit.
 */
export const russellraoFormula: BoolFormula = (ntt, _d, _tf, _ft, _ff, n) => (n - ntt) * (1 / n);

/** sokalmichener: 2 ndiff / (ndiff + n) (the same value as rogerstanimoto). */
export const sokalmichenerFormula: BoolFormula = (_tt, ndiff, _tf, _ft, _ff, n) => (2 * ndiff) / (ndiff + n);

/** sokalsneath: 2 ndiff / (2 ndiff + ntt). */
export const sokalsneathFormula: BoolFormula = (ntt, ndiff) => (2 * ndiff) / (2 * ndiff + ntt);

/** yule: 2 ntf nft / (ntt nff + ntf nft), 0 when ntf nft = 0. */
export const yuleFormula: BoolFormula = (ntt, _d, ntf, nft, nff) => {
  const halfR = ntf * nft;
  if (halfR === 0) return 0;
  return (2 * halfR) / (ntt * nff + halfR);
};

/** dice: ndiff / (2 ntt + ndiff). cdist runs ml-distance's dice instead; the tests check the two agree exactly. */
export const diceFormula: BoolFormula = (ntt, ndiff) => ndiff / (2 * ntt + ndiff);
