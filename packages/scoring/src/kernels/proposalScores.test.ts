import { defaultRng, type TypedArray } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { classDot, classNorms } from './classCosine.js';
import { iouBox } from './iou.js';
import { bestProposals, classDots, proposalScores } from './proposalScores.js';
import { ProposalScoreKernel } from './wasm/proposalScoreKernel.js';
import { wasmSimdAvailable } from './wasm/wasmRegionWeights.js';

type Rows = Float64Array | Float32Array;

/**
 * `1 - cosine distance` between the class scores of each of `rows` detection rows and each of
 * the D reference rows, as [rows, D], computed in place of `cdist(classes, refClasses, 'cosine')`
 * without copying the class columns out: scipy's steps (row norms, one dot product per pair,
 * `c = dot / (|u| |v|)` clipped to [-1, 1], distance `1 - c`). A zero vector gives NaN.
 */
function classSimilarities(
  dets: TypedArray,
  rows: number,
  ref: ArrayLike<number>,
  refNorms: Float64Array,
  D: number,
  K: number,
): Float64Array {
  const out = new Float64Array(rows * D);
  for (let r = 0; r < rows; r++) {
    const o = r * K;
    const nu = Math.sqrt(classDot(dets, o, dets, o, K));
    for (let d = 0; d < D; d++) {
      let c = classDot(dets, o, ref, d * K, K) / (nu * (refNorms[d] as number));
      if (Math.abs(c) > 1) c = c > 0 ? 1 : -1;
      out[r * D + d] = 1 - (1 - c);
    }
  }
  return out;
}

/** The straightforward formula: classSimilarities for every row, then the max over proposals. */
function reference(dets: Rows, b: number, P: number, ref: Rows, D: number, K: number): Float64Array {
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

/** Proposal scores [rows, D] by the plain-JS path, and whether they were finite. */
function jsScores(dets: Rows, rows: number, ref: Rows, D: number, K: number): [Float64Array, boolean] {
  const dots = new Float64Array(rows * (D + 1));
  classDots(dets, rows, ref, D, K, dots);
  const out = new Float64Array(rows * D);
  return [out, proposalScores(dets, dots, rows, ref, classNorms(ref, D, K), D, K, out)];
}

function wasmScores(dets: Rows, rows: number, ref: Rows, D: number, K: number): [Float64Array, boolean] | null {
  const kernel = ProposalScoreKernel.create(ref, classNorms(ref, D, K), D, K);
  expect(kernel !== null).toBe(wasmSimdAvailable());
  if (!kernel) return null;
  const out = new Float64Array(rows * D);
  return [out, kernel.run(dets, rows, out)];
}

const same = (a: Float64Array, b: Float64Array) =>
  expect(Array.from(a, (v, i) => Object.is(v, b[i])).indexOf(false)).toBe(-1);

const shapes = [
  [50, 20, 1, 85],
  [120, 20, 1, 85], // 2400 rows: more than one WebAssembly chunk
  [30, 1, 1, 6],
  [17, 3, 3, 7],
  [9, 5, 2, 12],
  [6, 4, 4, 9],
  [4, 2, 1, 300],
] as const;

describe('D-RISE scalars: proposalScores (JS and WebAssembly) and bestProposals', () => {
  let seed = 1;
  for (const [b, P, D, K] of shapes) {
    for (const f32 of [false, true]) {
      it(`equal the straightforward formula bit for bit: b=${b} P=${P} D=${D} K=${K}${f32 ? ' float32' : ''}`, () => {
        let dets: Rows = detections(b * P, K, seed++);
        let ref: Rows = detections(D, K, seed++);
        ref.set(dets.subarray(0, K)); // an exact match (cosine 1, iou 1)
        if (f32) {
          dets = Float32Array.from(dets);
          ref = Float32Array.from(ref);
        }
        const want = reference(dets, b, P, ref, D, K);
        const [js, jsFinite] = jsScores(dets, b * P, ref, D, K);
        expect(jsFinite).toBe(true);
        const s = new Float64Array(b * D);
        bestProposals(js, b, P, D, s);
        same(s, want);
        const wasm = wasmScores(dets, b * P, ref, D, K);
        if (wasm) {
          expect(wasm[1]).toBe(true);
          same(wasm[0], js);
        }
      });
    }
  }

  it('gives 0 where every proposal has an all-zero class vector (NaN cosines are skipped)', () => {
    const K = 7;
    const dets = detections(4, K, 99);
    for (let r = 0; r < 4; r++) dets.fill(0, r * K + 5, r * K + K);
    const ref = detections(1, K, 98);
    const [scores] = jsScores(dets, 4, ref, 1, K);
    expect(scores.every(Number.isNaN)).toBe(true);
    const s = new Float64Array(2);
    bestProposals(scores, 2, 2, 1, s);
    same(s, Float64Array.of(0, 0));
    const wasm = wasmScores(dets, 4, ref, 1, K);
    if (wasm) expect(wasm[0].every(Number.isNaN)).toBe(true);
  });

  it('report a non-finite value in any column', () => {
    const K = 8;
    const ref = detections(1, K, 5);
    for (const col of [0, 3, 4, 5, 7]) {
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        for (const f32 of [false, true]) {
          const d64 = detections(6, K, 6);
          d64[3 * K + col] = bad;
          const dets = f32 ? Float32Array.from(d64) : d64;
          expect(jsScores(dets, 6, ref, 1, K)[1]).toBe(false);
          const wasm = wasmScores(dets, 6, ref, 1, K);
          if (wasm) expect(wasm[1]).toBe(false);
        }
      }
    }
  });
});

describe('classDots', () => {
  let seed = 300;
  for (const [rows, D, K] of [
    [7, 1, 6],
    [9, 2, 9],
    [5, 3, 12],
    [3, 1, 300],
  ] as const) {
    it(`equals classDot bit for bit: rows=${rows} D=${D} K=${K}`, () => {
      const dets = detections(rows, K, seed++);
      const ref = Float32Array.from(detections(D, K, seed++));
      const want = new Float64Array(rows * (D + 1));
      for (let r = 0; r < rows; r++) {
        want[r * (D + 1)] = classDot(dets, r * K, dets, r * K, K);
        for (let d = 0; d < D; d++) want[r * (D + 1) + 1 + d] = classDot(dets, r * K, ref, d * K, K);
      }
      const js = new Float64Array(rows * (D + 1));
      classDots(dets, rows, ref, D, K, js);
      same(js, want);
    });
  }
});

describe('ProposalScoreKernel: kernels of one shape share a memory', () => {
  it('each run scores against its own reference rows, however runs of two kernels interleave', () => {
    const [rows, D, K] = [60, 2, 11];
    const dets = detections(rows, K, 90);
    const refA = detections(D, K, 91);
    const refB = detections(D, K, 92);
    const a = ProposalScoreKernel.create(refA, classNorms(refA, D, K), D, K);
    const b = ProposalScoreKernel.create(refB, classNorms(refB, D, K), D, K);
    expect(a !== null && b !== null).toBe(wasmSimdAvailable());
    if (!a || !b) return;
    const [expectA] = jsScores(dets, rows, refA, D, K);
    const [expectB] = jsScores(dets, rows, refB, D, K);
    expect(Array.from(expectA).some((v, i) => v !== expectB[i])).toBe(true);
    for (const [kernel, expected] of [
      [a, expectA],
      [b, expectB],
      [a, expectA],
    ] as const) {
      const out = new Float64Array(rows * D);
      kernel.run(dets, rows, out);
      same(out, expected);
    }
  });
});
