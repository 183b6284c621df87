import { classDot } from './classCosine.js';
import { iouBox } from './iou.js';

/**
 * Per detection row, `out[r*(D+1)]` = classDot(row, row) and `out[r*(D+1) + 1 + d]` =
 * classDot(row, ref row d), for `rows` rows of K values.
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
    out[q] = classDot(dets, o, dets, o, K);
    for (let d = 0; d < D; d++) out[q + 1 + d] = classDot(dets, o, ref, d * K, K);
  }
}

/**
 * D-RISE's score of each proposal row against each reference row, `out[r*D + d] = iou(box, ref
 * box d) * (1 - cosine distance of class scores) * objectness` (the plain-JS twin of
 * ProposalScoreKernel). Rows are `[x1, y1, x2, y2, objectness, class scores...]` of K values,
 * `dots` their classDots, `ref` D rows with class norms `refNorms`. The cosine is scipy's
 * (`c = dot / (|u| |v|)` clipped to [-1, 1], then `1 - (1 - c)`), times iouBox and objectness,
 * bit for bit; all-zero class vectors give NaN.
 *
 * Returns false when a value of `dets` may be non-finite (the caller then names it with
 * assertAllFinite): a NaN or infinite class score makes the row's sum of squares non-finite, and
 * the sum with columns 0..4 times 0 is NaN then. Overflowing finite values also return false.
 */
export function proposalScores(
  dets: Float64Array | Float32Array,
  dots: Float64Array,
  rows: number,
  ref: Float64Array | Float32Array,
  refNorms: Float64Array,
  D: number,
  K: number,
  out: Float64Array,
): boolean {
  let finite = 0;
  for (let r = 0, o = 0, q = 0; r < rows; r++, o += K, q += D + 1) {
    const nn = dots[q] as number;
    const obj = dets[o + 4] as number;
    finite +=
      (nn + (dets[o] as number) + (dets[o + 1] as number) + (dets[o + 2] as number) + (dets[o + 3] as number) + obj) *
      0;
    const nu = Math.sqrt(nn);
    for (let d = 0; d < D; d++) {
      // scipy's cosine: clip to [-1, 1], then the distance 1 - c and its complement
      const c = Math.min(Math.max((dots[q + 1 + d] as number) / (nu * (refNorms[d] as number)), -1), 1);
      out[r * D + d] = iouBox(dets, o, ref, d * K) * (1 - (1 - c)) * obj;
    }
  }
  return finite === 0;
}

/**
 * `out[n*D + d]` = the max over the P proposals of mask n of `scores[(n*P + p)*D + d]`; NaN (the
 * cosine of an all-zero class vector) is skipped: it is no match, and maps never hold NaN. 0 when
 * no proposal counts.
 */
export function bestProposals(scores: Float64Array, b: number, P: number, D: number, out: Float64Array): void {
  for (let n = 0; n < b; n++) {
    for (let d = 0; d < D; d++) {
      let best = Number.NEGATIVE_INFINITY;
      for (let p = 0, i = n * P * D + d; p < P; p++, i += D) {
        const v = scores[i] as number;
        if (v > best) best = v;
      }
      out[n * D + d] = best === Number.NEGATIVE_INFINITY ? 0 : best;
    }
  }
}
