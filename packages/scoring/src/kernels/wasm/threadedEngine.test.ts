import { defaultRng, type TypedArray } from '@salkit/ndarray';
import { countingPool, createWasmThreadPool, type WasmThreadPool } from '@salkit/ndarray/wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegionWeightAccumulator } from '../regionWeights.js';
import type { EngineCase } from './engineCase.test-util.js';
import { setRegionThreadPool, wasmSimdAvailable } from './wasmRegionWeights.js';

type Kind = 'f64' | 'f32' | 'i16' | 'u8' | '01';
/** `scale`: the maps max-abs scaled by finish. */
type Case = EngineCase<Kind> & { scale?: boolean };

/** Seeded masks of a kind, on a SharedArrayBuffer or not (same values). */
function masks(kind: Kind, length: number, seed: number, shared: boolean): TypedArray {
  const u = defaultRng(seed).random([length]).data;
  const make = { f64: Float64Array, f32: Float32Array, i16: Int16Array, u8: Uint8Array, '01': Uint8Array }[
    kind
  ] as new (
    b: ArrayBufferLike,
  ) => TypedArray & { [i: number]: number };
  const size = { f64: 8, f32: 4, i16: 2, u8: 1, '01': 1 }[kind];
  const out = new make(shared ? new SharedArrayBuffer(length * size) : new ArrayBuffer(length * size));
  // integer masks take 0..3 (not 0/1: the float kernels, not the table)
  for (let i = 0; i < length; i++)
    out[i] = kind === 'i16' || kind === 'u8' ? Math.floor((u[i] as number) * 4) : (u[i] as number);
  return out;
}

/** The engine's maps, and how many pool runs its adds and its finish took (`pool`: the counting pool, if any). */
function maps(c: Case, shared: boolean, pool?: { runs: number }) {
  const { C, P, n, kind, float32 = false, round = false, alpha, beta, scale = false } = c;
  const s = Float64Array.from(defaultRng(7).random([n * C]).data, (v) => (float32 ? Math.fround(v) : v));
  const acc = new RegionWeightAccumulator(C, P, alpha, beta, round, { float32 });
  expect(acc.usesWasm).toBe(true);
  const m = masks(kind, n * P, 3, shared);
  const r0 = pool?.runs ?? 0;
  // two batches: the second starts mid sub-batch
  const first = Math.floor(n / 3);
  acc.add(s, 0, m, 0, first);
  acc.add(s, first * C, m, first * P, n - first);
  const r1 = pool?.runs ?? 0;
  const out = acc.finish(true, float32 ? new Float32Array(C * P) : new Float64Array(C * P), scale);
  acc.release();
  return { out, addRuns: r1 - r0, finishRuns: (pool?.runs ?? 0) - r1 };
}

describe.runIf(wasmSimdAvailable())('WebAssembly engine on threads', () => {
  const real = createWasmThreadPool(2) as WasmThreadPool;
  const counting = countingPool(real);
  beforeAll(async () => {
    await real.whenReady();
    setRegionThreadPool(counting);
  });
  afterAll(() => setRegionThreadPool(undefined));

  const cases: Case[] = [
    { C: 10, P: 3 * 2048 + 100, n: 300, kind: 'f64', alpha: 1, beta: -1 },
    { C: 3, P: 5000, n: 600, kind: 'f32', alpha: -0.5, beta: 1 },
    { C: 1, P: 4100, n: 400, kind: 'f32', alpha: 0, beta: 1 },
    { C: 2, P: 4100, n: 800, kind: 'f32', alpha: 1, beta: -1 },
    { C: 7, P: 4500, n: 350, kind: 'f32', float32: true, alpha: 1, beta: -1 },
    // 64 maps: runs of 256 masks (128 KB of scalars), so the second batch crosses a run boundary
    { C: 64, P: 4100, n: 600, kind: 'f32', alpha: 1, beta: -1 },
    // float32 arithmetic for up to two maps: one pass (fusedMacF32)
    { C: 2, P: 4500, n: 350, kind: 'f32', float32: true, alpha: 1, beta: -1 },
    { C: 1, P: 224 * 224, n: 300, kind: 'f32', float32: true, alpha: 0, beta: 1 },
    { C: 4, P: 2 * 2048 + 1, n: 800, kind: 'i16', alpha: 0.25, beta: 2 },
    { C: 3, P: 20000, n: 1000, kind: '01', alpha: 1, beta: -1 },
    // unshared masks are staged 16 at a time (4 MB slots): many groups per run of 256
    { C: 5, P: 224 * 224, n: 300, kind: 'f32', alpha: 1, beta: -1, scale: true },
    // finishes of at least 2^17 map values split their maps over the threads (float32 with a
    // 3-pixel tail; float64 from the 0/1 tables)
    { C: 3, P: 50003, n: 200, kind: 'f32', float32: true, alpha: 1, beta: -1, scale: true },
    { C: 8, P: 20000, n: 96, kind: '01', alpha: 1, beta: -1, scale: true },
    // numpy's float32 weights (rounded), and the masks as weights
    { C: 10, P: 224 * 224, n: 300, kind: 'f32', round: true, alpha: 1, beta: -1 },
    { C: 4, P: 5000, n: 600, kind: 'f32', alpha: 0, beta: 1 },
    { C: 1, P: 20000, n: 203, kind: '01', alpha: -0.5, beta: 1 },
    // uint8 masks of 0..3: whole chunks of 8 through the table path's float fallback; the first
    // batch's last 7 (over 2^20 values) staged as bytes for the threads
    { C: 2, P: 160_003, n: 45, kind: 'u8', alpha: 1, beta: -1 },
  ];
  const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
    a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));
  for (const c of cases) {
    it(`gives the one-thread maps bit for bit, masks shared or not: ${JSON.stringify(c)}`, () => {
      setRegionThreadPool(null);
      const one = maps(c, false).out;
      setRegionThreadPool(counting);
      // every large enough run goes to the pool: shared masks in place, unshared float masks
      // staged by the calling thread (unshared 0/1 masks stay on it: the table kernel is bound by
      // reading them); a finish of at least 2 maps and 2^17 values splits its maps
      for (const shared of [true, false]) {
        const threaded = maps(c, shared, counting);
        if (shared || c.kind !== '01') expect(threaded.addRuns).toBeGreaterThan(0);
        else expect(threaded.addRuns).toBe(0);
        expect(threaded.finishRuns).toBe(c.C >= 2 && c.C * c.P >= 2 ** 17 ? 1 : 0);
        expect(same(threaded.out, one)).toBe(true);
      }
      expect(Array.from(one).some((v) => v !== 0)).toBe(true);
    });
  }

  it('keeps small runs on the calling thread', () => {
    const before = counting.runs;
    maps({ C: 3, P: 4100, n: 64, kind: 'f32', alpha: 1, beta: -1 }, true);
    // 0/1 masks go 64 at a time: 64 x 4100 values is below the threshold
    maps({ C: 3, P: 4100, n: 300, kind: '01', alpha: 1, beta: -1 }, true);
    expect(counting.runs).toBe(before);
  });
});
