import { classDot } from './classCosine.js';
import { iouBox } from './iou.js';

/**
 * Per detection row, `out[r*(D+1)]` = classDot(row, row) and `out[r*(D+1) + 1 + d]` =
 * classDot(row, ref row d), for `rows` rows of K values (the plain-JS twin of ClassDotKernel).
 */
export function classDots(
  dets: Float64Array | Float32Array,
  rows: number,
  ref: Float64Array | Float32Array,
  D: number,
  K: number,
  out: Float64Array,
): void {
  for (let r = 0, o = 0, q = 0; r < rows; r++, o += K, q += D + 1) {
    // |u|^2 and u.ref[0] in one pass over the row, each summed as classDot sums it
    selfAndRefDots(dets, o, ref, K, out, q);
    for (let d = 1; d < D; d++) out[q + 1 + d] = classDot(dets, o, ref, d * K, K);
  }
}

/**
 * D-RISE's per-mask scalars: `out[n*D + d]` is the max over the P proposals of mask n of
 * `iou(box, ref box d) * (1 - cosine distance of class scores) * objectness` (0 when every
 * candidate is NaN, i.e. all-zero class vectors). Rows are `[x1, y1, x2, y2, objectness, class
 * scores...]` of K values; `dets` holds b*P rows, `dots` their classDots, `ref` D rows with class
 * norms `refNorms`. The cosine is scipy's (`c = dot / (|u| |v|)` clipped to [-1, 1], then
 * `1 - (1 - c)`): the numbers of classSimilarities followed by the max, bit for bit.
 *
 * Returns false when a value of `dets` may be non-finite (the caller then names it with
 * assertAllFinite): a NaN or infinite class score makes the row's sum of squares non-finite, and
 * columns 0..4 are checked with `x * 0` (0 for finite x, NaN otherwise). Overflowing squares of
 * finite values also return false; the scalars are computed all the same.
 */
export function driseScalars(
  dets: Float64Array | Float32Array,
  dots: Float64Array,
  b: number,
  P: number,
  ref: Float64Array | Float32Array,
  refNorms: Float64Array,
  D: number,
  K: number,
  out: Float64Array,
): boolean {
  let finite = 0;
  // one call per mask (not one long loop) so the optimiser compiles the whole body with full feedback
  for (let n = 0; n < b; n++) finite += maskScalars(dets, dots, n * P, P, ref, refNorms, D, K, out, n * D);
  return finite === 0;
}

/** The D scalars of one mask whose P rows start at row `r0` into `out[so..so+D)`; returns the finiteness sum. */
function maskScalars(
  dets: Float64Array | Float32Array,
  dots: Float64Array,
  r0: number,
  P: number,
  ref: Float64Array | Float32Array,
  refNorms: Float64Array,
  D: number,
  K: number,
  out: Float64Array,
  so: number,
): number {
  let finite = 0;
  for (let d = 0; d < D; d++) out[so + d] = Number.NEGATIVE_INFINITY;
  for (let p = 0, o = r0 * K, q = r0 * (D + 1); p < P; p++, o += K, q += D + 1) {
    const nn = dots[q] as number;
    const obj = dets[o + 4] as number;
    finite += (nn + (dets[o] as number) + (dets[o + 1] as number) + (dets[o + 2] as number)) * 0;
    finite += ((dets[o + 3] as number) + obj) * 0;
    const nu = Math.sqrt(nn);
    for (let d = 0; d < D; d++) {
      // scipy's cosine: clip to [-1, 1], then the distance 1 - c and its complement
      const c = Math.min(Math.max((dots[q + 1 + d] as number) / (nu * (refNorms[d] as number)), -1), 1);
      const v = iouBox(dets, o, ref, d * K) * (1 - (1 - c)) * obj;
      // NaN (cosine of an all-zero class vector) is skipped: it is no match, and maps never hold NaN.
      if (v > (out[so + d] as number)) out[so + d] = v;
    }
  }
  for (let d = 0; d < D; d++) if (out[so + d] === Number.NEGATIVE_INFINITY) out[so + d] = 0;
  return finite;
}

/**
 * `out[q] = classDot(a, o, a, o, K)` and `out[q + 1] = classDot(a, o, ref, 0, K)`: the same four
 * partial sums each, in the same order, from one read of the row.
 */
function selfAndRefDots(
  a: Float64Array | Float32Array,
  o: number,
  ref: Float64Array | Float32Array,
  K: number,
  out: Float64Array,
  q: number,
): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  let t3 = 0;
  let k = 5;
  for (; k + 3 < K; k += 4) {
    const a0 = a[o + k] as number;
    const a1 = a[o + k + 1] as number;
    const a2 = a[o + k + 2] as number;
    const a3 = a[o + k + 3] as number;
    s0 += a0 * a0;
    s1 += a1 * a1;
    s2 += a2 * a2;
    s3 += a3 * a3;
    t0 += a0 * (ref[k] as number);
    t1 += a1 * (ref[k + 1] as number);
    t2 += a2 * (ref[k + 2] as number);
    t3 += a3 * (ref[k + 3] as number);
  }
  for (; k < K; k++) {
    const a0 = a[o + k] as number;
    s0 += a0 * a0;
    t0 += a0 * (ref[k] as number);
  }
  out[q] = s0 + s1 + (s2 + s3);
  out[q + 1] = t0 + t1 + (t2 + t3);
}
