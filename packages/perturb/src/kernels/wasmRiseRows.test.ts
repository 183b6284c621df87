import { array, loadNpy } from '@salkit/ndarray';
import { casesFor, readParityFile } from '@salkit/testkit';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RISEGrid } from '../impls/RISEGrid.js';
import {
  cachedRiseLayout,
  type RiseLayout,
  riseLayout,
  useWasmRiseRows,
  verifyRowFormula,
  writeByRows,
} from './riseMask.js';
import { WasmRiseRows } from './wasmRiseRows.js';

/** Index of the first bitwise difference (or of the length mismatch), -1 if identical. */
function firstDiff(a: Float32Array, b: Float32Array): number {
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  if (x.length !== y.length) return Math.min(x.length, y.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

/** 0/1 grids from a small LCG (`count` grids of `s x s`), about a fraction `p1` of ones. */
function grids(s: number, count: number, p1: number, seed: number): Float32Array {
  let st = seed >>> 0;
  const g = new Float32Array(count * s * s);
  for (let i = 0; i < g.length; i++) {
    st = (Math.imul(st, 1664525) + 1013904223) >>> 0;
    g[i] = st / 2 ** 32 < p1 ? 1 : 0;
  }
  return g;
}

/** A layout with the row formula checked (a fresh one, not the shared cache). */
function provenLayout(s: number, H: number, W: number): RiseLayout {
  const layout = riseLayout(s, H, W);
  layout.rowFormulaExact = verifyRowFormula(layout.rows, layout.cols);
  return layout;
}

const wasm = WasmRiseRows.get();

/** The wasm kernel's mask and the JS row path's, each in an array padded with a sentinel around it. */
function both(layout: RiseLayout, grid: Float32Array, gridOffset: number, sy: number, sx: number) {
  const { H, W } = layout;
  const js = new Float32Array(H * W);
  writeByRows(layout, grid, gridOffset, sy, sx, js, 0);
  const padded = new Float32Array(5 + H * W + 7).fill(-3);
  expect((wasm as WasmRiseRows).write(layout, grid, gridOffset, sy, sx, padded, 5)).toBe(true);
  expect([...padded.subarray(0, 5), ...padded.subarray(5 + H * W)]).toEqual(new Array(12).fill(-3));
  return { js, wasm: padded.subarray(5, 5 + H * W) };
}

describe('WasmRiseRows', () => {
  it('is available on this platform (so the tests below exercise the kernel)', () => {
    expect(wasm).not.toBeNull();
  });

  it('matches the JS row path bit for bit on random geometries, grids and shifts', () => {
    fc.assert(
      fc.property(
        fc.record({
          s: fc.integer({ min: 1, max: 20 }),
          H: fc.integer({ min: 1, max: 90 }),
          W: fc.integer({ min: 1, max: 90 }),
          p1: fc.constantFrom(0, 0.2, 0.5, 0.8, 1),
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          fy: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
          fx: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        }),
        ({ s, H, W, p1, seed, fy, fx }) => {
          const layout = provenLayout(s, H, W);
          if (!layout.rowFormulaExact) return; // the block path would be used
          const grid = grids(s, 2, p1, seed);
          const sy = Math.floor(fy * Math.ceil(H / s));
          const sx = Math.floor(fx * Math.ceil(W / s));
          const r = both(layout, grid, s * s, sy, sx);
          expect(firstDiff(r.wasm, r.js)).toBe(-1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('matches on chosen geometries for every shift: odd sizes, H != W, s not dividing, widths below 4', () => {
    const geometries: [number, number, number][] = [
      [8, 224, 224],
      [7, 224, 224],
      [16, 224, 224],
      [5, 27, 41],
      [3, 41, 27],
      [4, 33, 1],
      [4, 1, 33],
      [2, 3, 2],
      [1, 5, 3],
      [6, 13, 100],
      [12, 70, 35],
      [9, 64, 64],
      [11, 31, 30],
    ];
    let checked = 0;
    for (const [s, H, W] of geometries) {
      const layout = provenLayout(s, H, W);
      if (!layout.rowFormulaExact) continue;
      checked++;
      const grid = grids(s, 3, 0.5, s * 1000 + H * 10 + W);
      const cellH = Math.ceil(H / s);
      const cellW = Math.ceil(W / s);
      const step = H * W > 10_000 ? 5 : 1;
      for (let sy = 0; sy < cellH; sy += step) {
        for (let sx = 0; sx < cellW; sx += step) {
          const r = both(layout, grid, ((sy + sx) % 3) * s * s, sy, sx);
          expect(firstDiff(r.wasm, r.js), `s=${s} H=${H} W=${W} sy=${sy} sx=${sx}`).toBe(-1);
        }
      }
    }
    expect(checked).toBeGreaterThan(9);
  });

  it('switches between geometries (and grows its memory) without mixing their tables', () => {
    const small = provenLayout(8, 40, 37);
    const wide = provenLayout(4, 6, 20_001); // needs more than the initial wasm memory
    expect(small.rowFormulaExact && wide.rowFormulaExact).toBe(true);
    const gs = grids(8, 4, 0.5, 1);
    const gw = grids(4, 4, 0.5, 2);
    for (let i = 0; i < 4; i++) {
      for (const [layout, grid, s] of [
        [small, gs, 8],
        [wide, gw, 4],
      ] as const) {
        const r = both(layout, grid, i * s * s, i % 2, (3 * i) % Math.ceil(layout.W / s));
        expect(firstDiff(r.wasm, r.js)).toBe(-1);
      }
    }
  });

  it('takes grids that are not Float32Arrays', () => {
    const layout = provenLayout(5, 30, 31);
    const grid = grids(5, 1, 0.5, 9);
    const js = new Float32Array(30 * 31);
    writeByRows(layout, grid, 0, 2, 3, js, 0);
    const out = new Float32Array(30 * 31);
    expect((wasm as WasmRiseRows).write(layout, Array.from(grid), 0, 2, 3, out, 0)).toBe(true);
    expect(firstDiff(out, js)).toBe(-1);
  });
});

describe('RISEGrid with the wasm kernel', () => {
  afterEach(() => useWasmRiseRows(true));

  /** perturb and perturbBatches masks with the kernel on, then off. */
  function run(options: { n: number; s: number; p1: number; seed: number }, H: number, W: number, batch: number) {
    const image = array(new Uint8Array(H * W), [H, W]);
    const masks = (enabled: boolean) => {
      useWasmRiseRows(enabled);
      const g = new RISEGrid(options);
      const all = g.perturb(image).data as Float32Array;
      const parts = [...g.perturbBatches(image, batch)].map((b) => b.data as Float32Array);
      const joined = new Float32Array(all.length);
      let o = 0;
      for (const p of parts) {
        joined.set(p, o);
        o += p.length;
      }
      return { all, joined };
    };
    const on = masks(true);
    const off = masks(false);
    expect(firstDiff(on.all, off.all)).toBe(-1);
    expect(firstDiff(on.joined, off.joined)).toBe(-1);
    expect(firstDiff(on.joined, on.all)).toBe(-1);
  }

  it('gives the same masks as the JS path, all at once and in batches', () => {
    // n >= 256 proves the row formula for the geometry (RISEGrid's threshold); later, smaller n reuse the verdict.
    for (const [s, H, W] of [
      [8, 48, 48],
      [5, 27, 41],
      [7, 33, 10],
    ] as const) {
      run({ n: 300, s, p1: 0.5, seed: s }, H, W, 32);
      expect(cachedRiseLayout(s, H, W, false).rowFormulaExact).toBe(true);
      run({ n: 1, s, p1: 0.5, seed: 3 }, H, W, 1);
      run({ n: 9, s, p1: 0.3, seed: 4 }, H, W, 4);
    }
  });
});

describe('RISEGrid parity on the row path', () => {
  afterEach(() => useWasmRiseRows(true));

  // The golden cases have few masks, so RISEGrid alone would not prove the row formula for them
  // (the block path runs); proving it first puts them on the row path, with and without wasm.
  for (const c of casesFor('RISEGrid.perturb')) {
    it(c.id, () => {
      const params = { ...c.params } as Record<string, unknown>;
      if (typeof params.seed === 'string') params.seed = BigInt(params.seed);
      const image = loadNpy(readParityFile(c.inputs.refImage as string));
      const [H, W] = image.shape as [number, number];
      const layout = cachedRiseLayout(params.s as number, H, W, true);
      expect(layout.rowFormulaExact).toBe(true);
      const expected = loadNpy(readParityFile(c.output as string)).data as Float32Array;
      expect(expected).toBeInstanceOf(Float32Array);
      for (const enabled of [true, false]) {
        useWasmRiseRows(enabled);
        const out = new RISEGrid(params as never).perturb(image).data as Float32Array;
        expect(firstDiff(out, expected)).toBe(-1);
      }
    });
  }
});

describe('without WebAssembly', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  async function freshMasks(): Promise<Float32Array> {
    vi.resetModules();
    const { RISEGrid: Fresh } = await import('../impls/RISEGrid.js');
    const masks = new Fresh({ n: 260, s: 6, p1: 0.5, seed: 7 }).perturb(array(new Uint8Array(25 * 19), [25, 19]));
    return masks.data as Float32Array;
  }

  it('falls back to the JS path with identical masks when WebAssembly is missing, invalid or refused', async () => {
    const reference = await freshMasks();
    const real = (globalThis as unknown as { WebAssembly: Record<string, unknown> }).WebAssembly;
    const api = { validate: real.validate, Module: real.Module, Instance: real.Instance, Memory: real.Memory };
    const stubs: unknown[] = [
      undefined,
      { ...api, validate: () => false },
      {
        ...api,
        // as browsers refuse synchronous compilation of large modules on the main thread
        Module: class {
          constructor() {
            throw new RangeError('WebAssembly.Module(): Wasm code generation disallowed');
          }
        },
      },
    ];
    for (const stub of stubs) {
      vi.stubGlobal('WebAssembly', stub);
      vi.resetModules();
      const { WasmRiseRows: FreshWasm } = await import('./wasmRiseRows.js');
      expect(FreshWasm.get()).toBeNull();
      expect(firstDiff(await freshMasks(), reference)).toBe(-1);
      vi.unstubAllGlobals();
    }
  });
});
