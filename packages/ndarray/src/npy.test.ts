import { casesFor, readParityFile } from '@salkit/testkit';
import fc from 'fast-check';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { array } from './array.js';
import { allocate, DTYPES } from './dtype.js';
import { loadNpy, loadNpyFull, saveNpy } from './npy.js';

describe('loadNpy', () => {
  it('reads every fixture input of the parity set (f8, f4, u1, b1, i8)', () => {
    const seen = new Set<string>();
    for (const c of casesFor('rng.integers')) {
      const out = loadNpyFull(readParityFile(c.output as string));
      expect(out.dtype).toBe('int64');
      expect(out.array.shape).toEqual(c.params.size ?? []);
      seen.add(out.dtype);
    }
    const m = casesFor('ellipse')[0]!;
    const e = loadNpyFull(readParityFile(m.output as string));
    expect(e.dtype).toBe('bool');
    expect([...new Set(e.array.data)].every((v) => v === 0 || v === 1)).toBe(true);
  });

  it('rejects Fortran order, big-endian, object arrays and truncated files with clear errors', () => {
    const good = saveNpy(array([1, 2, 3]));
    const text = new TextDecoder('latin1').decode(good);
    const patch = (from: string, to: string) => {
      const t = text.replace(from, to);
      return Uint8Array.from(t, (ch) => ch.charCodeAt(0));
    };
    expect(() => loadNpy(patch("'fortran_order': False", "'fortran_order': True "))).toThrow(/Fortran/);
    expect(() => loadNpy(patch("'<f8'", "'>f8'"))).toThrow(/big-endian/);
    expect(() => loadNpy(patch("'<f8'", "'|O8'"))).toThrow(/object arrays/);
    expect(() => loadNpy(good.subarray(0, good.length - 3))).toThrow(/truncated/);
    expect(() => loadNpy(new Uint8Array([1, 2, 3]))).toThrow(/NUMPY/);
  });

  it('round-trips every supported dtype exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DTYPES),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 3 }),
        fc.integer(),
        (dtype, shape, seed) => {
          const n = shape.reduce((a, b) => a * b, 1);
          const data = allocate(dtype, n);
          for (let i = 0; i < n; i++) {
            const v = Math.sin(seed + i) * 1000;
            data[i] = dtype === 'bool' ? (v > 0 ? 1 : 0) : v;
          }
          const a = ndarray(data, shape);
          const back = loadNpyFull(saveNpy(a, { dtype }));
          expect(back.dtype).toBe(dtype);
          expect(back.array.shape).toEqual(shape);
          expect([...back.array.data]).toEqual([...data]);
          expect(back.array.data.constructor).toBe(data.constructor);
        },
      ),
    );
  });

  it('writes non-contiguous views in logical order', () => {
    const a = array([
      [1, 2, 3],
      [4, 5, 6],
    ]).transpose(1, 0);
    expect([...loadNpy(saveNpy(a)).data]).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
