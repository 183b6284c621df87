/**
 * Sum of `n` contiguous values from `x[offset]`, in the order numpy's `add.reduce` uses over a
 * contiguous axis (pairwise summation: below 8 values a plain loop, up to 128 eight interleaved
 * partial sums, above that the halves recursively). Used where scipy takes `mean(axis=1)`, so
 * that the means agree to the last bit.
 */
export function pairwiseSum(x: Float64Array, offset: number, n: number): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[offset + i] as number;
    return s;
  }
  if (n <= 128) {
    let r0 = x[offset] as number;
    let r1 = x[offset + 1] as number;
    let r2 = x[offset + 2] as number;
    let r3 = x[offset + 3] as number;
    let r4 = x[offset + 4] as number;
    let r5 = x[offset + 5] as number;
    let r6 = x[offset + 6] as number;
    let r7 = x[offset + 7] as number;
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = offset + i;
      r0 += x[p] as number;
      r1 += x[p + 1] as number;
      r2 += x[p + 2] as number;
      r3 += x[p + 3] as number;
      r4 += x[p + 4] as number;
      r5 += x[p + 5] as number;
      r6 += x[p + 6] as number;
      r7 += x[p + 7] as number;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += x[offset + i] as number;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(x, offset, n2) + pairwiseSum(x, offset + n2, n - n2);
}
