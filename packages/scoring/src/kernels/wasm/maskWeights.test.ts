import { defaultRng } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { RegionWeightAccumulator } from '../regionWeights.js';
import { wasmSimdAvailable } from './wasmRegionWeights.js';

/** float32 masks with +0, -0 and 1 among the draws: the weights `0 + 1*m` are the masks themselves. */
function masksWithZeros(n: number, seed: number): Float32Array {
  return Float32Array.from(defaultRng(seed).random([n]).data, (v, i) =>
    i % 5 === 0 ? -0 : i % 7 === 0 ? 0 : i % 9 === 0 ? 1 : v,
  );
}

function run(
  C: number,
  P: number,
  masks: Float32Array,
  s: Float64Array,
  n: number,
  engine: 'js' | 'auto',
  f32: boolean,
) {
  const acc = new RegionWeightAccumulator(C, P, 0, 1, false, { engine, float32: f32 });
  expect(acc.usesWasm).toBe(engine === 'auto');
  acc.add(s, 0, masks, 0, n);
  // normalised maps, then the plain sums
  const out = () => (f32 ? new Float32Array(C * P) : new Float64Array(C * P));
  return [...acc.finish(true, out()), ...acc.finish(false, out())];
}

const sameBits = (a: number[], b: number[]) => expect(a.map((v, i) => Object.is(v, b[i])).indexOf(false)).toBe(-1);

describe.runIf(wasmSimdAvailable())('WebAssembly kernels: alpha = 0, beta = 1 (weights are the masks)', () => {
  let seed = 70;
  for (const [C, P, n] of [
    [1, 37 * 29, 23],
    [2, 300, 41],
    [3, 1000, 17],
  ] as const) {
    it(`C=${C} P=${P} n=${n}: float64 and float32 arithmetic equal the plain-JS engine bit for bit`, () => {
      const masks = masksWithZeros(n * P, seed++);
      const s = Float64Array.from(defaultRng(seed++).random([n * C]).data, (v) => Math.fround(v - 0.3));
      sameBits(run(C, P, masks, s, n, 'auto', false), run(C, P, masks, s, n, 'js', false));
      sameBits(run(C, P, masks, s, n, 'auto', true), run(C, P, masks, s, n, 'js', true));
    });
  }
});

/** float32 masks over the whole float32 range: subnormals, tiny, huge, signed zeros, ordinary draws. */
function masksOfEveryMagnitude(n: number, seed: number): Float32Array {
  const special = [0, -0, 1e-45, -3e-39, 1e-30, -2e-20, 5e-8, 1, -1, 0.75, 3e12, -1e30, 3.4e38];
  return Float32Array.from(defaultRng(seed).random([n]).data, (v, i) =>
    i % 3 === 0 ? (special[(i / 3) % special.length] as number) : Math.fround(v * 2 - 0.5),
  );
}

describe.runIf(wasmSimdAvailable())('WebAssembly kernels: float32 weights alpha + m and alpha - m', () => {
  // alpha a float32 and beta = +-1: the kernels add in float32, the plain-JS engine rounds the
  // float64 sum once (the same number: float64 has more than twice float32's precision)
  let seed = 90;
  for (const [alpha, beta] of [
    [1, -1],
    [-0.5, 1],
    [Math.fround(0.3), -1],
    [Math.fround(-1e-3), 1],
  ] as const)
    for (const C of [1, 3]) {
      it(`alpha=${alpha} beta=${beta} C=${C}: equals the plain-JS engine bit for bit`, () => {
        const P = 16 * 40 + 7;
        const n = 19;
        const masks = masksOfEveryMagnitude(n * P, seed++);
        const s = Float64Array.from(defaultRng(seed++).random([n * C]).data, (v) => v - 0.4);
        const maps = (engine: 'js' | 'auto') => {
          const acc = new RegionWeightAccumulator(C, P, alpha, beta, true, { engine });
          expect(acc.usesWasm).toBe(engine === 'auto');
          acc.add(s, 0, masks, 0, n);
          return [...acc.finish(false, new Float64Array(C * P)), ...acc.finish(true, new Float64Array(C * P))];
        };
        const wasm = maps('auto');
        expect(wasm.every(Number.isFinite)).toBe(true);
        sameBits(wasm, maps('js'));
      });
    }
});
