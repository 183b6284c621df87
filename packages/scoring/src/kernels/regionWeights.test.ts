import { defaultRng, type TypedArray } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { RegionWeightAccumulator } from './regionWeights.js';
import { maxAbsScaleAndClip } from './scaleMaps.js';
import { wasmSimdAvailable } from './wasm/wasmRegionWeights.js';

/** Largest |a - b| relative to max |b| over the arrays. */
function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  let d = 0;
  for (let i = 0; i < b.length; i++) {
    m = Math.max(m, Math.abs(b[i] as number));
    d = Math.max(d, Math.abs((a[i] as number) - (b[i] as number)));
  }
  return m === 0 ? d : d / m;
}

type Kind = 'u8-01' | 'u8-any' | 'f32' | 'f64' | 'i16';

function makeMasks(kind: Kind, n: number, P: number, seed: number): TypedArray {
  const u = defaultRng(seed).random([n * P]).data;
  switch (kind) {
    case 'u8-01':
      return Uint8Array.from(u, (v) => (v < 0.4 ? 1 : 0));
    case 'u8-any':
      return Uint8Array.from(u, (v, i) => (i % 997 === 5 ? 3 : v < 0.5 ? 1 : 0));
    case 'f32':
      return Float32Array.from(u);
    case 'f64':
      return Float64Array.from(u);
    case 'i16':
      return Int16Array.from(u, (v) => Math.floor(v * 4) - 1);
  }
}

function run(
  engine: 'auto' | 'js',
  C: number,
  P: number,
  masks: TypedArray,
  s: Float64Array,
  n: number,
  batches: number[],
  params: [number, number, boolean, boolean],
): Float64Array {
  const [alpha, beta, round, normalize] = params;
  const acc = new RegionWeightAccumulator(C, P, alpha, beta, round, { engine, coverage: normalize });
  if (engine === 'auto') expect(acc.usesWasm).toBe(wasmSimdAvailable());
  let done = 0;
  for (const b of batches) {
    acc.add(s, done * C, masks, done * P, b);
    done += b;
  }
  expect(done).toBe(n);
  return acc.finish(normalize, new Float64Array(C * P)) as Float64Array;
}

describe('RegionWeightAccumulator: WebAssembly engine vs plain JS', () => {
  const shapes: [number, number, number[]][] = [
    [1, 37 * 29, [19]],
    [2, 300, [33]],
    [3, 64 * 80, [8, 8, 17, 1]],
    [10, 40 * 40, [120]],
    [7, 4111, [64, 9]],
    [85, 16 * 16, [40]],
  ];
  const kinds: Kind[] = ['u8-01', 'u8-any', 'f32', 'f64', 'i16'];
  const params: [number, number, boolean, boolean][] = [
    [1, -1, false, true],
    [1, -1, true, true],
    [-0.5, 1, true, false],
    [-0.37, 1, true, false],
    [0.37, -1, true, true],
    [0, 1, false, true],
  ];
  let seed = 10;
  for (const [C, P, batches] of shapes) {
    for (const kind of kinds) {
      it(`C=${C} P=${P} batches ${batches} ${kind}`, () => {
        const n = batches.reduce((a, b) => a + b, 0);
        const masks = makeMasks(kind, n, P, seed++);
        const s = Float64Array.from(defaultRng(seed++).random([n * C]).data, (v) => v - 0.3);
        for (const p of params) {
          const js = run('js', C, P, masks, s, n, batches, p);
          const wasm = run('auto', C, P, masks, s, n, batches, p);
          // float kernels: same products, same order; 0/1 tables: sums grouped by 8 (weights of
          // both signs cancel: up to 4e-13 of the largest value)
          expect(relErr(wasm, js)).toBeLessThan(kind === 'u8-01' || kind === 'u8-any' ? 1e-12 : 1e-15);
        }
      });
    }
  }
});

describe('RegionWeightAccumulator: float32 arithmetic', () => {
  // numpy's float32 steps, written out: w = f32(f32(alpha) + f32(beta)*m), acc = f32(acc + f32(s*w)), cov likewise
  function numpyFloat32(C: number, P: number, m: Float32Array, s: Float32Array, n: number, a: number, b: number) {
    const acc = new Float32Array(C * P);
    const cov = new Float32Array(P);
    const a32 = Math.fround(a);
    for (let k = 0; k < n; k++) {
      for (let p = 0; p < P; p++) {
        const w = Math.fround(a32 + Math.fround(Math.fround(b) * (m[k * P + p] as number)));
        cov[p] = Math.fround((cov[p] as number) + w);
        for (let c = 0; c < C; c++) {
          acc[c * P + p] = Math.fround((acc[c * P + p] as number) + Math.fround((s[k * C + c] as number) * w));
        }
      }
    }
    return { acc, cov };
  }

  const shapes: [number, number, number[]][] = [
    [1, 37 * 29, [19]],
    [2, 300, [33, 40]],
    [3, 64 * 80, [8, 8, 17, 1]],
    [10, 40 * 40, [120]],
    [11, 4111, [64, 9]],
  ];
  let seed = 500;
  for (const [C, P, batches] of shapes) {
    it(`C=${C} P=${P} batches ${batches}: both engines equal numpy's float32 steps bit for bit`, () => {
      const n = batches.reduce((x, y) => x + y, 0);
      const masks = Float32Array.from(defaultRng(seed++).random([n * P]).data, (v, i) => (i % 13 === 0 ? 0 : v));
      const s32 = Float32Array.from(defaultRng(seed++).random([n * C]).data, (v) => v - 0.3);
      const s = Float64Array.from(s32);
      for (const [alpha, beta, normalize] of [
        [1, -1, true],
        [-0.9, 1, false],
        [0, 1, true],
        [0, 1, false],
      ] as const) {
        const ref = numpyFloat32(C, P, masks, s32, n, alpha, beta);
        const expected = new Float32Array(C * P);
        for (let i = 0; i < C * P; i++) {
          const d = normalize ? (ref.cov[i % P] as number) : 0;
          expected[i] = d === 0 ? (ref.acc[i] as number) : Math.fround((ref.acc[i] as number) / d);
        }
        for (const engine of ['js', 'auto'] as const) {
          const acc = new RegionWeightAccumulator(C, P, alpha, beta, true, {
            engine,
            coverage: normalize,
            float32: true,
          });
          if (engine === 'auto') expect(acc.usesWasm).toBe(wasmSimdAvailable());
          let done = 0;
          for (const b of batches) {
            acc.add(s, done * C, masks, done * P, b);
            done += b;
          }
          const out = acc.finish(normalize, new Float32Array(C * P));
          expect(Array.from(out), `${engine} alpha ${alpha}`).toEqual(Array.from(expected));
        }
      }
    });
  }

  it('rejects masks that are not float32', () => {
    for (const engine of ['js', 'auto'] as const) {
      const acc = new RegionWeightAccumulator(1, 16, 1, -1, true, { engine, float32: true });
      expect(() => acc.add(new Float64Array(1), 0, new Uint8Array(16), 0, 1)).toThrow(/float32 masks/);
    }
  });
});

describe('RegionWeightAccumulator.finish with max-abs scaling', () => {
  // maps: ordinary values of both signs, all zero, below the threshold (10 eps of the dtype:
  // left as they are), negative only; P values not a whole number of vectors
  const scalarsOf = (n: number, C: number, seed: number, tiny: number) =>
    Float64Array.from(defaultRng(seed).random([n * C]).data, (v, i) => {
      const c = i % C;
      return c === 0 ? v - 0.5 : c === 1 ? 0 : c === 2 ? (v - 0.5) * tiny : -v;
    });
  // float32 maps in float32 arithmetic, float64 maps, and float64 arithmetic into float32 maps (0/1
  // or integer masks with float32 scores: rounded first, then scaled with float32's threshold)
  const modes = [
    { float32: false, out: 'f64', tiny: 1e-18 },
    { float32: true, out: 'f32', tiny: 1e-9 },
    { float32: false, out: 'f32', tiny: 1e-9 },
  ] as const;
  for (const { float32, out: outType, tiny } of modes) {
    for (const P of [16 * 16, 17 * 13, 4 * 101 + 1, 4 * 101 + 2, 4 * 101 + 3]) {
      it(`${float32 ? 'float32' : 'float64'} arithmetic, ${outType} maps, P = ${P}: the WebAssembly engine equals maxAbsScaleAndClip after the JS engine, bit for bit`, () => {
        const C = 4;
        const n = 21;
        const masks = Float32Array.from(defaultRng(P).random([n * P]).data, (v, i) => (i % 11 === 0 ? 0 : v));
        const s = scalarsOf(n, C, P + 1, tiny);
        const maps = (engine: 'js' | 'auto', scale: boolean) => {
          const acc = new RegionWeightAccumulator(C, P, 1, -1, float32, { engine, float32 });
          if (engine === 'auto') expect(acc.usesWasm).toBe(wasmSimdAvailable());
          acc.add(float32 ? Float64Array.from(s, Math.fround) : s, 0, masks, 0, n);
          const out = acc.finish(true, outType === 'f32' ? new Float32Array(C * P) : new Float64Array(C * P), scale);
          acc.release();
          return out;
        };
        const expected = maps('js', false);
        maxAbsScaleAndClip(expected, C, P);
        // the maps the cases are about: map 0 reaches both signs, map 1 is zero, map 2 stays under
        // the threshold (unscaled, not zero), map 3 is scaled to -1 at its extreme
        const map = (c: number) => Array.from(expected.subarray(c * P, (c + 1) * P));
        expect(Math.max(...map(0).map(Math.abs))).toBe(1);
        expect(map(0).some((v) => v < 0) && map(0).some((v) => v > 0)).toBe(true);
        expect(map(1).every((v) => v === 0)).toBe(true);
        expect(map(2).some((v) => v !== 0) && Math.max(...map(2).map(Math.abs)) < 1e-6).toBe(true);
        expect(Math.min(...map(3))).toBe(-1);
        for (const engine of ['js', 'auto'] as const) {
          const got = maps(engine, true);
          expect(got.constructor).toBe(expected.constructor);
          expect(
            Array.from(got).every((v, i) => Object.is(v, expected[i])),
            engine,
          ).toBe(true);
        }
      });
    }
  }
});
