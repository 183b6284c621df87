import { array, defaultRng, type TypedArray } from '@salkit/ndarray';
import {
  countingPool,
  createWasmThreadPool,
  kernelArray,
  leaseKernelMemory,
  type WasmThreadPool,
} from '@salkit/ndarray/wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcclusionScoring } from '../../impls/OcclusionScoring.js';
import { RegionWeightAccumulator } from '../regionWeights.js';
import type { EngineCase } from './engineCase.test-util.js';
import { setRegionThreadPool, wasmSimdAvailable } from './wasmRegionWeights.js';

type Kind = 'f64' | 'f32' | 'i16';
type Case = EngineCase<Kind>;

const CTOR = { f64: Float64Array, f32: Float32Array, i16: Int16Array } as const;
const DTYPE = { f64: 'float64', f32: 'float32', i16: 'int16' } as const;

/** Seeded mask values (i16: 0..3). */
function values(kind: Kind, length: number): number[] {
  const u = Array.from(defaultRng(3).random([length]).data);
  return kind === 'i16' ? u.map((v) => Math.floor(v * 4)) : u;
}

/** The masks in an ordinary typed array, or `lead` values into a kernel array. */
function masks(kind: Kind, v: number[], lead: number | null): TypedArray {
  if (lead === null) return CTOR[kind].from(v);
  const k = kernelArray(DTYPE[kind], lead + v.length);
  expect(k.buffer).toBeInstanceOf(SharedArrayBuffer);
  // the values before the masks must not be read: make them poison
  if (kind !== 'i16') k.fill(Number.NaN, 0, lead);
  k.set(v, lead);
  return k.subarray(lead);
}

/** The maps of case c from masks m (two batches, the second starting mid sub-batch); checks the lease while running. */
function maps(c: Case, m: TypedArray, expectMoved: boolean | null): Float32Array | Float64Array {
  const { C, P, n, float32 = false, round = false, alpha, beta } = c;
  const s = Float64Array.from(defaultRng(7).random([n * C]).data, (v) => (float32 ? Math.fround(v) : v));
  const acc = new RegionWeightAccumulator(C, P, alpha, beta, round, { float32 });
  expect(acc.usesWasm).toBe(true);
  const first = Math.floor(n / 3);
  acc.add(s, 0, m, 0, first);
  acc.add(s, first * C, m, first * P, n - first);
  if (expectMoved !== null) {
    // the engine holds the kernel memory's lease exactly when it moved there
    const other = leaseKernelMemory(m);
    expect(other === null).toBe(expectMoved);
    other?.release();
  }
  const out = acc.finish(true, float32 ? new Float32Array(C * P) : new Float64Array(C * P));
  acc.release();
  return out;
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

// Each second batch (n - n/3 masks) has over 2^20 values, so that runs go to the threads.
const cases: Case[] = [
  // fused kernel, weights = masks; 6001 pixels: the last block's last 16-pixel group runs past each mask
  { C: 1, P: 6001, n: 300, kind: 'f32', alpha: 0, beta: 1 },
  { C: 2, P: 5300, n: 300, kind: 'f32', alpha: 1, beta: -1 },
  { C: 3, P: 5500, n: 300, kind: 'f32', alpha: -0.5, beta: 1 },
  { C: 10, P: 3 * 2048 + 100, n: 280, kind: 'f64', alpha: 1, beta: -1 },
  // float64 arithmetic: the masks as weights, and numpy's float32 weights (rounded)
  { C: 4, P: 5500, n: 300, kind: 'f32', alpha: 0, beta: 1 },
  { C: 10, P: 5500, n: 300, kind: 'f32', round: true, alpha: 1, beta: -1 },
  // numpy's float32 arithmetic: up to two maps, the one-pass kernel reads the masks in place
  // whatever the weights; with more maps, weights = masks are read in place and other weights are
  // written over a staged copy (the engine moves, the masks are not read in place)
  { C: 1, P: 6001, n: 300, kind: 'f32', float32: true, alpha: 0, beta: 1 },
  { C: 2, P: 6001, n: 300, kind: 'f32', float32: true, alpha: 1, beta: -1 },
  { C: 1, P: 6001, n: 300, kind: 'f32', float32: true, alpha: -0.5, beta: 1 },
  { C: 7, P: 6001, n: 300, kind: 'f32', float32: true, alpha: 1, beta: -1 },
];

describe.runIf(wasmSimdAvailable())('masks in a kernel memory (kernelArray)', () => {
  const real = createWasmThreadPool(2) as WasmThreadPool;
  const pool = countingPool(real);
  beforeAll(async () => {
    await real.whenReady();
  });
  afterAll(() => setRegionThreadPool(undefined));

  for (const c of cases) {
    it(`are read where they lie, giving the maps of ordinary masks bit for bit, on 1 and 2 threads: ${JSON.stringify(c)}`, () => {
      const v = values(c.kind, c.n * c.P);
      setRegionThreadPool(null);
      const expected = maps(c, masks(c.kind, v, null), null);
      expect(Array.from(expected).some((x) => x !== 0)).toBe(true);
      for (const threads of [null, pool]) {
        setRegionThreadPool(threads);
        for (const lead of [0, 3]) {
          const m = masks(c.kind, v, lead);
          const runs = pool.runs;
          expect(same(maps(c, m, true), expected)).toBe(true);
          expect(pool.runs > runs).toBe(threads !== null);
          // never written, even where the float32 weights replace staged masks
          expect(same(m, CTOR[c.kind].from(v))).toBe(true);
          // the lease was given back
          const lease = leaseKernelMemory(m);
          expect(lease).not.toBeNull();
          lease?.release();
        }
      }
    });
  }

  it('copies integer masks, masks whose kernel memory is lent, and masks added after other masks', () => {
    setRegionThreadPool(pool);
    const c: Case = { C: 2, P: 4100, n: 300, kind: 'i16', alpha: 1, beta: -1 };
    const v = values('i16', c.n * c.P);
    const expected = maps(c, masks('i16', v, null), null);
    expect(same(maps(c, masks('i16', v, 0), false), expected)).toBe(true);

    const f: Case = { ...c, kind: 'f32' };
    const fv = values('f32', f.n * f.P);
    const fExpected = maps(f, masks('f32', fv, null), null);
    const m = masks('f32', fv, 0);
    const held = leaseKernelMemory(m);
    expect(held).not.toBeNull();
    expect(same(maps(f, m, null), fExpected)).toBe(true);
    held?.release();

    // the first masks decide: ordinary ones keep the engine in its own memory
    const s = Float64Array.from(defaultRng(7).random([f.n * f.C]).data);
    const acc = new RegionWeightAccumulator(f.C, f.P, f.alpha, f.beta, false);
    const first = Math.floor(f.n / 3);
    acc.add(s, 0, Float32Array.from(fv), 0, first);
    acc.add(s, first * f.C, m, first * f.P, f.n - first);
    const lease = leaseKernelMemory(m);
    expect(lease).not.toBeNull();
    lease?.release();
    expect(same(acc.finish(true, new Float64Array(f.C * f.P)), fExpected)).toBe(true);
    acc.release();
  });

  it('get their memory back from an accumulator dropped without release(), once it is collected', async () => {
    setRegionThreadPool(null);
    const v8 = await import('node:v8');
    const vm = await import('node:vm');
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const [C, P, n] = [2, 3000, 40];
    const m = masks('f32', values('f32', n * P), 0);
    (() => {
      const acc = new RegionWeightAccumulator(C, P, 1, -1, false);
      acc.add(new Float64Array(n * C).fill(0.5), 0, m, 0, n);
    })();
    expect(leaseKernelMemory(m)).toBeNull();
    let lease = null;
    for (let i = 0; i < 20 && lease === null; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
      lease = leaseKernelMemory(m);
    }
    expect(lease).not.toBeNull();
    lease?.release();
  });

  it('serve the public scorers (OcclusionScoring, N = 300 masks of 70x70 in a kernel array)', () => {
    setRegionThreadPool(pool);
    const [N, H, W, C] = [300, 70, 70, 4];
    const v = values('f32', N * H * W);
    const imageConf = defaultRng(11).random([C]);
    const perturbedConf = defaultRng(12).random([N, C]);
    const plain = new OcclusionScoring().generate(imageConf, perturbedConf, array(Float32Array.from(v), [N, H, W]));
    const inKernel = new OcclusionScoring().generate(imageConf, perturbedConf, array(masks('f32', v, 0), [N, H, W]));
    expect(inKernel.shape).toEqual([C, H, W]);
    expect(same(inKernel.data, plain.data)).toBe(true);
  });
});
