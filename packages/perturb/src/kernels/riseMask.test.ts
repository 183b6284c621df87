import { makeResizer } from '@salkit/ndarray';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cachedRiseLayout, riseLayout, verifyRowFormula, writeRiseMask } from './riseMask.js';

/** The mask as the generic resizer makes it (what RISEGrid did before the kernel): resize, crop, clip, float32. */
function viaResizer(grid: Float32Array, s: number, H: number, W: number, sy: number, sx: number): Float32Array {
  const r = makeResizer([s, s], [(s + 1) * Math.ceil(H / s), (s + 1) * Math.ceil(W / s)]);
  const out = new Float32Array(H * W);
  r.resizeInto(grid, out, { window: { y0: sy, x0: sx, h: H, w: W } });
  return out;
}

function viaKernel(grid: Float32Array, s: number, H: number, W: number, sy: number, sx: number): Float32Array {
  const out = new Float32Array(H * W);
  writeRiseMask(riseLayout(s, H, W), grid, 0, sy, sx, out, 0);
  return out;
}

/** Bit patterns, so -0/+0 and every ulp count. */
const bits = (a: Float32Array): number[] => [...new Uint32Array(a.buffer, a.byteOffset, a.length)];

/** Index of the first bitwise difference (or of the length mismatch), -1 if identical. */
function firstDiff(a: Float32Array, b: Float32Array): number {
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  if (x.length !== y.length) return Math.min(x.length, y.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

const caseArb = fc
  .record({
    s: fc.integer({ min: 1, max: 12 }),
    H: fc.integer({ min: 1, max: 70 }),
    W: fc.integer({ min: 1, max: 70 }),
    p1: fc.constantFrom(0, 0.1, 0.5, 0.9, 1),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    fy: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    fx: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  })
  .map(({ s, H, W, p1, seed, fy, fx }) => {
    // A small LCG is enough to spread 0/1 cells; shifts anywhere in [0, cell).
    let st = seed >>> 0;
    const grid = new Float32Array(s * s);
    for (let i = 0; i < grid.length; i++) {
      st = (Math.imul(st, 1664525) + 1013904223) >>> 0;
      grid[i] = st / 2 ** 32 < p1 ? 1 : 0;
    }
    const sy = Math.floor(fy * Math.ceil(H / s));
    const sx = Math.floor(fx * Math.ceil(W / s));
    return { s, H, W, grid, sy, sx };
  });

describe('writeRiseMask', () => {
  it('is bit-identical to the generic resizer (resize, window crop, clip, float32 store)', () => {
    fc.assert(
      fc.property(caseArb, ({ s, H, W, grid, sy, sx }) => {
        expect(firstDiff(viaKernel(grid, s, H, W, sy, sx), viaResizer(grid, s, H, W, sy, sx))).toBe(-1);
      }),
      { numRuns: 400 },
    );
  });

  it('is bit-identical on the benchmark size (224x224, s = 8) for every shift of a few grids', () => {
    for (let seed = 1; seed <= 3; seed++) {
      let st = seed;
      const grid = new Float32Array(64);
      for (let i = 0; i < 64; i++) {
        st = (Math.imul(st, 1664525) + 1013904223) >>> 0;
        grid[i] = st >>> 31;
      }
      for (let sy = 0; sy < 28; sy += 3) {
        for (let sx = 0; sx < 28; sx += 5) {
          expect(firstDiff(viaKernel(grid, 8, 224, 224, sy, sx), viaResizer(grid, 8, 224, 224, sy, sx))).toBe(-1);
        }
      }
    }
  });

  it('writes only its own H x W block of a larger array', () => {
    const grid = Float32Array.from([1, 0, 1, 1]);
    const out = new Float32Array(3 + 5 * 6 + 4).fill(7);
    out.fill(0, 3, 3 + 30);
    writeRiseMask(riseLayout(2, 5, 6), grid, 0, 1, 2, out, 3);
    expect([...out.subarray(0, 3)]).toEqual([7, 7, 7]);
    expect([...out.subarray(33)]).toEqual([7, 7, 7, 7]);
    expect(bits(out.subarray(3, 33))).toEqual(bits(viaResizer(grid, 2, 5, 6, 1, 2)));
  });
});

describe('row formula', () => {
  it('is proven exact on the usual geometries, so the fast path is taken there', () => {
    for (const [s, H, W] of [
      [8, 224, 224],
      [7, 224, 224],
      [16, 224, 224],
      [4, 32, 32],
      [5, 27, 41],
    ] as const) {
      expect(cachedRiseLayout(s, H, W, true).rowFormulaExact).toBe(true);
    }
  });

  it('gives the same bits as the block path on random geometries', () => {
    fc.assert(
      fc.property(caseArb, ({ s, H, W, grid, sy, sx }) => {
        const fast = riseLayout(s, H, W);
        fast.rowFormulaExact = verifyRowFormula(fast.rows, fast.cols);
        if (!fast.rowFormulaExact) return; // the kernel would use the block path
        const a = new Float32Array(H * W);
        writeRiseMask(fast, grid, 0, sy, sx, a, 0);
        expect(firstDiff(a, viaKernel(grid, s, H, W, sy, sx))).toBe(-1);
        expect(firstDiff(a, viaResizer(grid, s, H, W, sy, sx))).toBe(-1);
      }),
      { numRuns: 300 },
    );
  });
});
