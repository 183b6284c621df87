import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correlateSymmetric } from './symmetric-correlate.js';

/** The sum written out as scipy orders it: the centre, then the pairs from the outermost in. */
function naive(line: Float64Array, c: number, w: Float64Array): number {
  let a = (line[c] as number) * (w[0] as number);
  for (let k = w.length - 1; k >= 1; k--) a += ((line[c - k] as number) + (line[c + k] as number)) * (w[k] as number);
  return a;
}

describe('correlateSymmetric', () => {
  it('gives scipy-ordered sums for every output (groups of four and the tail), rounded once into float32 outputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 40, maxLength: 40 }),
        (r, n, o, values) => {
          const w = Float64Array.from({ length: r + 1 }, (_, k) => 1 / (k + 1.5));
          const line = Float64Array.from(values);
          const c0 = r + 1;
          if (c0 + n + r > line.length) return;
          const out64 = new Float64Array(n + o + 1).fill(9);
          const out32 = new Float32Array(n + o + 1).fill(9);
          correlateSymmetric(line, c0, n, w, out64, o);
          correlateSymmetric(line, c0, n, w, out32, o);
          for (let j = 0; j < out64.length; j++) {
            const want = j >= o && j < o + n ? naive(line, c0 + j - o, w) : 9;
            expect(out64[j]).toBe(want);
            expect(out32[j]).toBe(Math.fround(want));
          }
        },
      ),
    );
  });
});
