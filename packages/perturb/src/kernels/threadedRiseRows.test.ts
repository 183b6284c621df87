import { array, defaultRng } from '@salkit/ndarray';
import { countingPool, createWasmThreadPool, type WasmThreadPool } from '@salkit/ndarray/wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RISEGrid } from '../impls/RISEGrid.js';
import { cachedRiseLayout, writeRiseMask } from './riseMask.js';
import { setRiseThreadPool, ThreadedRiseRows } from './threadedRiseRows.js';

const firstDiff = (a: Float32Array, b: Float32Array) =>
  a.length !== b.length ? -2 : a.findIndex((v, i) => !Object.is(v, b[i]));

describe('ThreadedRiseRows (RISE masks on the thread pool)', () => {
  const real = createWasmThreadPool(2) as WasmThreadPool;
  const counting = countingPool(real);
  beforeAll(async () => {
    await real.whenReady();
    setRiseThreadPool(counting);
  });
  afterAll(() => setRiseThreadPool(undefined));

  // the memory grows between the geometries (more masks, larger grids)
  const cases = [
    { s: 8, H: 224, W: 224, count: 30 },
    { s: 5, H: 97, W: 131, count: 90 },
    { s: 11, H: 130, W: 200, count: 61 },
  ];
  for (const { s, H, W, count } of cases) {
    it(`writes the one-thread masks bit for bit: s=${s} ${H}x${W}, ${count} masks`, () => {
      const layout = cachedRiseLayout(s, H, W, true);
      expect(layout.rowFormulaExact).toBe(true);
      const u = defaultRng(s).random([(count + 2) * s * s]).data;
      const grid = Float32Array.from(u, (v) => (v < 0.5 ? 1 : 0));
      const draws = defaultRng(H).random([2 * count]).data;
      const cellH = Math.ceil(H / s);
      const cellW = Math.ceil(W / s);
      const yx = Int32Array.from({ length: 2 * count }, (_, i) =>
        Math.floor((draws[i] as number) * (i % 2 === 0 ? cellH : cellW)),
      );
      const one = new Float32Array(count * H * W + 9);
      for (let k = 0; k < count; k++)
        writeRiseMask(layout, grid, (k + 2) * s * s, yx[2 * k] as number, yx[2 * k + 1] as number, one, 5 + k * H * W);
      const out = new Float32Array(count * H * W + 9);
      expect(ThreadedRiseRows.wanted(layout, count)).toBe(true);
      const before = counting.runs;
      expect(ThreadedRiseRows.get()?.writeMany(layout, grid, 2 * s * s, yx, out, 5, count)).toBe(true);
      expect(counting.runs).toBe(before + 1);
      expect(firstDiff(out, one)).toBe(-1);
    });
  }

  it('RISEGrid.perturb and perturbBatches give the same masks with and without the pool', () => {
    const image = array(new Uint8Array(160 * 120 * 3), [160, 120, 3]);
    const opts = { n: 300, s: 7, p1: 0.4, seed: 12 };
    const before = counting.runs;
    const threaded = new RISEGrid(opts).perturb(image).data as Float32Array;
    const batches = [...new RISEGrid(opts).perturbBatches(image, 100)].map((b) => b.data as Float32Array);
    expect(counting.runs).toBeGreaterThan(before);
    setRiseThreadPool(null);
    const one = new RISEGrid(opts).perturb(image).data as Float32Array;
    setRiseThreadPool(counting);
    expect(firstDiff(threaded, one)).toBe(-1);
    const joined = new Float32Array(one.length);
    for (const [i, b] of batches.entries()) joined.set(b, i * b.length);
    expect(firstDiff(joined, one)).toBe(-1);
  });

  it('is not wanted for small runs', () => {
    const layout = cachedRiseLayout(8, 224, 224, true);
    expect(ThreadedRiseRows.wanted(layout, 20)).toBe(false);
    expect(ThreadedRiseRows.wanted(layout, 21)).toBe(true);
  });
});
