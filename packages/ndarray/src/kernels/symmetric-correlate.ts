/**
 * scipy's symmetric 1-D correlation sums at `line[c0 + j]` for j < n, into `out[o + j]` (stored,
 * so float32 outputs round once): `x[c]*w[0] + sum_{k=r..1} (x[c-k] + x[c+k])*w[k]` in float64,
 * in that order, with `w` the half kernel `w[0..r]` (`line` is read from `c0 - r` to
 * `c0 + n - 1 + r`). Four outputs are summed side by side: four independent chains of adds, each
 * still in scipy's order.
 */
export function correlateSymmetric(
  line: Float64Array,
  c0: number,
  n: number,
  w: Float64Array,
  out: Float32Array | Float64Array,
  o: number,
): void {
  const r = w.length - 1;
  const w0 = w[0] as number;
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const c = c0 + j;
    let a0 = (line[c] as number) * w0;
    let a1 = (line[c + 1] as number) * w0;
    let a2 = (line[c + 2] as number) * w0;
    let a3 = (line[c + 3] as number) * w0;
    for (let k = r; k >= 1; k--) {
      const wk = w[k] as number;
      const lo = c - k;
      const hi = c + k;
      a0 += ((line[lo] as number) + (line[hi] as number)) * wk;
      a1 += ((line[lo + 1] as number) + (line[hi + 1] as number)) * wk;
      a2 += ((line[lo + 2] as number) + (line[hi + 2] as number)) * wk;
      a3 += ((line[lo + 3] as number) + (line[hi + 3] as number)) * wk;
    }
    out[o + j] = a0;
    out[o + j + 1] = a1;
    out[o + j + 2] = a2;
    out[o + j + 3] = a3;
  }
  for (; j < n; j++) {
    const c = c0 + j;
    let a = (line[c] as number) * w0;
    for (let k = r; k >= 1; k--) a += ((line[c - k] as number) + (line[c + k] as number)) * (w[k] as number);
    out[o + j] = a;
  }
}
