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
      const out = new Float32Array(new SharedArrayBuffer(4 * (count * H * W + 9)));
      expect(ThreadedRiseRows.wanted(layout, out, count)).toBe(true);
      const before = counting.runs;
      expect(ThreadedRiseRows.get()?.writeMany(layout, grid, 2 * s * s, yx, out, 5, count)).toBe(true);
      expect(counting.runs).toBe(before + 1);
      expect(firstDiff(out, one)).toBe(-1);
    });
  }

  it('RISEGrid.perturbInto a shared output writes the masks of perturb on the pool (threads > 1 only)', () => {
    const image = array(new Uint8Array(160 * 120 * 3), [160, 120, 3]);
    const opts = { n: 300, s: 7, p1: 0.4, seed: 12 };
    const one = new RISEGrid(opts).perturb(image).data as Float32Array;
    const out = new Float32Array(new SharedArrayBuffer(4 * 300 * 160 * 120));
    let before = counting.runs;
    const masks = new RISEGrid(opts).perturbInto(image, out);
    expect(counting.runs).toBeGreaterThan(before);
    expect(masks.data).toBe(out);
    expect(masks.shape).toEqual([300, 160, 120]);
    expect(firstDiff(out, one)).toBe(-1);
    // xaitk's threads <= 1: the calling thread alone; an unshared output: likewise
    out.fill(0);
    before = counting.runs;
    new RISEGrid({ ...opts, threads: 1 }).perturbInto(image, out);
    const plain = new RISEGrid(opts).perturbInto(image, new Float32Array(300 * 160 * 120)).data as Float32Array;
    expect(counting.runs).toBe(before);
    expect(firstDiff(out, one)).toBe(-1);
    expect(firstDiff(plain, one)).toBe(-1);
  });

  it('RISEGrid.perturbInto checks its output', () => {
    const image = array(new Uint8Array(16 * 12 * 3), [16, 12, 3]);
    const rise = new RISEGrid({ n: 3, s: 2, p1: 0.5, seed: 1 });
    expect(() => rise.perturbInto(image, new Float32Array(10))).toThrow(
      'RISEGrid.perturbInto: out must be a Float32Array of n*H*W = 576 values; got 10 values',
    );
    expect(() => rise.perturbInto(image, new Float64Array(576) as never)).toThrow(
      'RISEGrid.perturbInto: out must be a Float32Array of n*H*W = 576 values; got Float64Array',
    );
  });

  it('is not wanted for small runs or unshared output', () => {
    const layout = cachedRiseLayout(8, 224, 224, true);
    const shared = (n: number) => new Float32Array(new SharedArrayBuffer(4 * 224 * 224 * n));
    expect(ThreadedRiseRows.wanted(layout, shared(20), 20)).toBe(false);
    expect(ThreadedRiseRows.wanted(layout, shared(21), 21)).toBe(true);
    expect(ThreadedRiseRows.wanted(layout, new Float32Array(224 * 224 * 30), 30)).toBe(false);
  });
});
