import { defaultRng } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { classDot, classNorms, classSimilarities } from './classCosine.js';
import { classDots, driseScalars } from './driseScalars.js';
import { iouBox } from './iou.js';
import { ClassDotKernel } from './wasm/classDotKernel.js';
import { wasmSimdAvailable } from './wasm/wasmRegionWeights.js';

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

/** driseScalars over the plain-JS classDots. */
function scalars(
  dets: Float64Array | Float32Array,
  b: number,
  P: number,
  ref: Float64Array | Float32Array,
  D: number,
  K: number,
  out: Float64Array,
): boolean {
  const dots = new Float64Array(b * P * (D + 1));
  classDots(dets, b * P, ref, D, K, dots);
  return driseScalars(dets, dots, b, P, ref, classNorms(ref, D, K), D, K, out);
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
        expect(scalars(dets, b, P, ref, D, K, out)).toBe(true);
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
    expect(scalars(dets, 2, 2, ref, 1, K, out)).toBe(true);
    same(out, Float64Array.of(0, 0));
  });

  it('returns false for a non-finite value in any column', () => {
    const K = 8;
    const ref = detections(1, K, 5);
    for (const col of [0, 3, 4, 5, 7]) {
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        const dets = detections(6, K, 6);
        dets[3 * K + col] = bad;
        expect(scalars(dets, 3, 2, ref, 1, K, new Float64Array(3))).toBe(false);
      }
    }
  });
});

describe('classDots', () => {
  let seed = 300;
  for (const [rows, D, K] of [
    [2100, 1, 85],
    [7, 1, 6],
    [9, 2, 9],
    [5, 3, 12],
    [4, 4, 7],
    [3, 1, 300],
  ] as const) {
    for (const f32 of [false, true]) {
      it(`plain JS and WebAssembly equal classDot bit for bit: rows=${rows} D=${D} K=${K}${f32 ? ' float32' : ''}`, () => {
        let dets: Float64Array | Float32Array = detections(rows, K, seed++);
        let ref: Float64Array | Float32Array = detections(D, K, seed++);
        if (f32) {
          dets = Float32Array.from(dets);
          ref = Float32Array.from(ref);
        }
        const want = new Float64Array(rows * (D + 1));
        for (let r = 0; r < rows; r++) {
          want[r * (D + 1)] = classDot(dets, r * K, dets, r * K, K);
          for (let d = 0; d < D; d++) want[r * (D + 1) + 1 + d] = classDot(dets, r * K, ref, d * K, K);
        }
        const js = new Float64Array(rows * (D + 1));
        classDots(dets, rows, ref, D, K, js);
        same(js, want);
        const kernel = ClassDotKernel.create(ref, D, K);
        expect(kernel !== null).toBe(wasmSimdAvailable());
        if (kernel) {
          const wasm = new Float64Array(rows * (D + 1));
          kernel.run(dets, rows, wasm);
          same(wasm, want);
        }
      });
    }
  }
});
