import { array, defaultRng } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { OcclusionScoring } from '../../impls/OcclusionScoring.js';
import { RegionWeightAccumulator } from '../regionWeights.js';
import { spareMemoryBytes, wasmSimdAvailable } from './wasmRegionWeights.js';

type Case = { C: number; P: number; n: number; kind: 'u8' | 'f32' | 'f64'; float32?: boolean };

/** The maps of one accumulator over seeded masks and scalars (alpha 1, beta -1, normalised). */
function maps({ C, P, n, kind, float32 = false }: Case, seed: number, release: boolean): number[] {
  const u = defaultRng(seed).random([n * P]).data;
  const masks =
    kind === 'u8' ? Uint8Array.from(u, (v) => (v < 0.5 ? 1 : 0)) : kind === 'f32' ? Float32Array.from(u) : u;
  const s = Float64Array.from(defaultRng(seed + 1).random([n * C]).data, (v) => (float32 ? Math.fround(v) : v));
  const acc = new RegionWeightAccumulator(C, P, 1, -1, float32, { float32 });
  expect(acc.usesWasm).toBe(true);
  acc.add(s, 0, masks, 0, n);
  const out = acc.finish(true, float32 ? new Float32Array(C * P) : new Float64Array(C * P));
  if (release) acc.release();
  return Array.from(out);
}

describe.runIf(wasmSimdAvailable())('WebAssembly engine: memory handed to the next accumulator', () => {
  const cases: Case[] = [
    { C: 3, P: 2 * 2048 + 37, n: 72, kind: 'u8' },
    { C: 2, P: 1000, n: 19, kind: 'u8' },
    { C: 4, P: 3000, n: 21, kind: 'f32' },
    { C: 1, P: 777, n: 33, kind: 'f64' },
    { C: 5, P: 2100, n: 40, kind: 'f32', float32: true },
  ];
  for (const c of cases) {
    it(`a reused memory gives the same maps as a fresh one, bit for bit: ${JSON.stringify(c)}`, () => {
      // take any spares (engines over more than 2048 pixels may have a shared memory, for threads)
      // so the first run gets a fresh memory, then leave a dirty, larger one of its kind behind
      maps({ C: 1, P: 16, n: 1, kind: 'f64' }, 1, false);
      maps({ C: 1, P: 2049, n: 1, kind: 'f64' }, 1, false);
      expect(spareMemoryBytes()).toBe(0);
      const fresh = maps(c, 10, false);
      maps({ C: 6, P: c.P > 2048 ? 3 * 2048 : 2048, n: 50, kind: c.kind === 'u8' ? 'u8' : 'f32' }, 20, true);
      expect(spareMemoryBytes()).toBeGreaterThan(0);
      const reused = maps(c, 10, true);
      // the second run took the spare memory (and released it again)
      expect(spareMemoryBytes()).toBeGreaterThan(0);
      expect(reused.map((v, i) => Object.is(v, fresh[i])).indexOf(false)).toBe(-1);
    });
  }

  it('an accumulator on a reused memory finishes zero maps when nothing was added', () => {
    maps({ C: 4, P: 3000, n: 21, kind: 'f32' }, 30, true);
    expect(spareMemoryBytes()).toBeGreaterThan(0);
    const acc = new RegionWeightAccumulator(4, 3000, 1, -1);
    expect(spareMemoryBytes()).toBe(0);
    const out = acc.finish(false, new Float64Array(4 * 3000).fill(Number.NaN));
    acc.release();
    expect(out.every((v) => v === 0)).toBe(true);
  });

  it('a released accumulator refuses add and finish, naming the call', () => {
    const acc = new RegionWeightAccumulator(1, 16, 1, -1);
    acc.add(new Float64Array(1), 0, new Float32Array(16), 0, 1);
    acc.finish(true, new Float64Array(16));
    acc.release();
    acc.release();
    expect(() => acc.add(new Float64Array(1), 0, new Float32Array(16), 0, 1)).toThrow(
      'RegionWeightAccumulator.add: the accumulator was released',
    );
    expect(() => acc.finish(true, new Float64Array(16))).toThrow(
      'RegionWeightAccumulator.finish: the accumulator was released',
    );
  });

  it('scorers release their accumulator after generate: repeated calls give the same maps', () => {
    const scorer = new OcclusionScoring();
    const masks = array(
      Uint8Array.from(defaultRng(3).random([40 * 30 * 20]).data, (v) => (v < 0.5 ? 1 : 0)),
      [40, 30, 20],
    );
    const conf = defaultRng(4).random([3]);
    const perturbed = defaultRng(5).random([40, 3]);
    const first = Array.from(scorer.generate(conf, perturbed, masks).data);
    expect(spareMemoryBytes()).toBeGreaterThan(0);
    expect(Array.from(scorer.generate(conf, perturbed, masks).data)).toEqual(first);
    const acc = scorer.accumulator(conf, [30, 20]);
    acc.add(perturbed, masks);
    acc.release?.();
    expect(() => acc.finish()).toThrow('OcclusionScoring.generate: the accumulator was released');
    expect(() => acc.add(perturbed, masks)).toThrow('OcclusionScoring.generate: the accumulator was released');
  });
});
