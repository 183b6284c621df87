/**
 * The hot cdist loops, over contiguous row-major float64 rows `a` [mA, n] and `b` [mB, n],
 * writing `out[i * mB + j]`. Four rows of `b` are processed together against one row of `a`
 * (four independent accumulators hide the add latency); each pair's sum still runs over the
 * columns in order, so every value equals scipy's plain loop bit for bit.
 */

/** out = sum_k (a_ik - b_jk)^2 */
export function sqeuclideanCdist(
  a: Float64Array,
  b: Float64Array,
  mA: number,
  mB: number,
  n: number,
  out: Float64Array,
): void {
  for (let i = 0; i < mA; i++) {
    const ao = i * n;
    const oo = i * mB;
    let j = 0;
    for (; j + 3 < mB; j += 4) {
      const b0 = j * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < n; k++) {
        const x = a[ao + k] as number;
        const d0 = x - (b[b0 + k] as number);
        const d1 = x - (b[b1 + k] as number);
        const d2 = x - (b[b2 + k] as number);
        const d3 = x - (b[b3 + k] as number);
        s0 += d0 * d0;
        s1 += d1 * d1;
        s2 += d2 * d2;
        s3 += d3 * d3;
      }
      out[oo + j] = s0;
      out[oo + j + 1] = s1;
      out[oo + j + 2] = s2;
      out[oo + j + 3] = s3;
    }
    for (; j < mB; j++) {
      const bo = j * n;
      let s = 0;
      for (let k = 0; k < n; k++) {
        const d = (a[ao + k] as number) - (b[bo + k] as number);
        s += d * d;
      }
      out[oo + j] = s;
    }
  }
}

/** out = sqrt(sum_k (a_ik - b_jk)^2) */
export function euclideanCdist(
  a: Float64Array,
  b: Float64Array,
  mA: number,
  mB: number,
  n: number,
  out: Float64Array,
): void {
  sqeuclideanCdist(a, b, mA, mB, n, out);
  for (let t = 0; t < out.length; t++) out[t] = Math.sqrt(out[t] as number);
}

/** out = sum_k |a_ik - b_jk| */
export function cityblockCdist(
  a: Float64Array,
  b: Float64Array,
  mA: number,
  mB: number,
  n: number,
  out: Float64Array,
): void {
  for (let i = 0; i < mA; i++) {
    const ao = i * n;
    const oo = i * mB;
    let j = 0;
    for (; j + 3 < mB; j += 4) {
      const b0 = j * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < n; k++) {
        const x = a[ao + k] as number;
        s0 += Math.abs(x - (b[b0 + k] as number));
        s1 += Math.abs(x - (b[b1 + k] as number));
        s2 += Math.abs(x - (b[b2 + k] as number));
        s3 += Math.abs(x - (b[b3 + k] as number));
      }
      out[oo + j] = s0;
      out[oo + j + 1] = s1;
      out[oo + j + 2] = s2;
      out[oo + j + 3] = s3;
    }
    for (; j < mB; j++) {
      const bo = j * n;
      let s = 0;
      for (let k = 0; k < n; k++) s += Math.abs((a[ao + k] as number) - (b[bo + k] as number));
      out[oo + j] = s;
    }
  }
}

/** out = sum_k a_ik * b_jk */
export function dotCdist(a: Float64Array, b: Float64Array, mA: number, mB: number, n: number, out: Float64Array): void {
  for (let i = 0; i < mA; i++) {
    const ao = i * n;
    const oo = i * mB;
    let j = 0;
    for (; j + 3 < mB; j += 4) {
      const b0 = j * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < n; k++) {
        const x = a[ao + k] as number;
        s0 += x * (b[b0 + k] as number);
        s1 += x * (b[b1 + k] as number);
        s2 += x * (b[b2 + k] as number);
        s3 += x * (b[b3 + k] as number);
      }
      out[oo + j] = s0;
      out[oo + j + 1] = s1;
      out[oo + j + 2] = s2;
      out[oo + j + 3] = s3;
    }
    for (; j < mB; j++) {
      const bo = j * n;
      let s = 0;
      for (let k = 0; k < n; k++) s += (a[ao + k] as number) * (b[bo + k] as number);
      out[oo + j] = s;
    }
  }
}
