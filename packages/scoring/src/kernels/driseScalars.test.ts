import { defaultRng } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { classNorms, classSimilarities } from './classCosine.js';
import { driseScalars } from './driseScalars.js';
import { iouBox } from './iou.js';

/** The straightforward formula: classSimilarities for every row, then the max over proposals. */
function reference(
  dets: Float64Array | Float32Array,
  b: number,
  P: number,
  ref: Float64Array | Float32Array,
  D: number,
  K: number,
): Float64Array {
  const sims = classSimilarities(dets, b * P, ref, classNorms(ref, D, K), D, K);
  const s = new Float64Array(b * D);
  for (let n = 0; n < b; n++) {
    for (let d = 0; d < D; d++) {
      let best = Number.NEGATIVE_INFINITY;
      for (let p = 0; p < P; p++) {
        const row = n * P + p;
        const v = iouBox(dets, row * K, ref, d * K) * (sims[row * D + d] as number) * (dets[row * K + 4] as number);
        if (v > best) best = v;
      }
      s[n * D + d] = best === Number.NEGATIVE_INFINITY ? 0 : best;
    }
  }
  return s;
}

/** Rows [x1, y1, x2, y2, objectness, classes...]: boxes in a 40x30 image, some zero and some negative class vectors. */
function detections(rows: number, K: number, seed: number): Float64Array {
  const u = defaultRng(seed).random([rows, K]).data;
  const out = Float64Array.from(u, (v) => v - 0.2);
  for (let r = 0; r < rows; r++) {
    const o = r * K;
    const [xa, xb] = [Math.floor((u[o] as number) * 40), Math.floor((u[o + 2] as number) * 40)];
    const [ya, yb] = [Math.floor((u[o + 1] as number) * 30), Math.floor((u[o + 3] as number) * 30)];
    out.set([Math.min(xa, xb), Math.min(ya, yb), Math.max(xa, xb), Math.max(ya, yb), u[o + 4] as number], o);
    if (r % 5 === 2) out.fill(0, o + 5, o + K);
    if (r % 7 === 3) out.fill(0.5, o + 5, o + K); // cosine exactly 1 against itself, clipped
  }
  return out;
}

const same = (a: Float64Array, b: Float64Array) =>
  expect(Array.from(a, (v, i) => Object.is(v, b[i]))).not.toContain(false);

describe('driseScalars', () => {
  let seed = 1;
  for (const [b, P, D, K] of [
    [50, 20, 1, 85],
    [30, 1, 1, 6],
    [17, 3, 3, 7],
    [9, 5, 2, 12],
    [6, 4, 4, 9],
  ] as const) {
    for (const f32 of [false, true]) {
      it(`equals the straightforward formula bit for bit: b=${b} P=${P} D=${D} K=${K}${f32 ? ' float32' : ''}`, () => {
        let dets: Float64Array | Float32Array = detections(b * P, K, seed++);
        let ref: Float64Array | Float32Array = detections(D, K, seed++);
        ref.set(dets.subarray(0, K)); // an exact match (cosine 1, iou 1)
        if (f32) {
          dets = Float32Array.from(dets);
          ref = Float32Array.from(ref);
        }
        const out = new Float64Array(b * D);
        expect(driseScalars(dets, b, P, ref, classNorms(ref, D, K), D, K, out)).toBe(true);
        same(out, reference(dets, b, P, ref, D, K));
      });
    }
  }

  it('gives 0 where every proposal has an all-zero class vector (NaN cosines are skipped)', () => {
    const K = 7;
    const dets = detections(4, K, 99);
    for (let r = 0; r < 4; r++) dets.fill(0, r * K + 5, r * K + K);
    const ref = detections(1, K, 98);
    const out = new Float64Array(2);
    expect(driseScalars(dets, 2, 2, ref, classNorms(ref, 1, K), 1, K, out)).toBe(true);
    same(out, Float64Array.of(0, 0));
  });

  it('returns false for a non-finite value in any column', () => {
    const K = 8;
    const ref = detections(1, K, 5);
    for (const col of [0, 3, 4, 5, 7]) {
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        const dets = detections(6, K, 6);
        dets[3 * K + col] = bad;
        expect(driseScalars(dets, 3, 2, ref, classNorms(ref, 1, K), 1, K, new Float64Array(3))).toBe(false);
      }
    }
  });
});
