import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { array, zeros } from './array.js';
import { maxabsScale } from './maxabs-scale.js';
import { loadNpy } from './npy.js';

describe('maxabsScale parity (../shared/parity)', () => {
  it.each(casesFor('maxabsScale').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const X = loadNpy(readParityFile(c.inputs.X as string));
    const got = maxabsScale(X);
    const want = loadNpy(readParityFile(c.output as string));
    expect(got.data.constructor).toBe(want.data.constructor);
    assertAllClose(got, want, c.rtol, c.atol, c.id);
  });
});

describe('maxabsScale', () => {
  it('divides each row by its max |value|; zero rows stay zero', () => {
    const X = array([
      [1, -4, 2],
      [0, 0, 0],
      [-0.5, -0.25, 0],
    ]);
    expect([...maxabsScale(X).data]).toEqual([0.25, -1, 0.5, 0, 0, 0, -1, -0.5, 0]);
    expect([...X.data]).toEqual([1, -4, 2, 0, 0, 0, -0.5, -0.25, 0]); // input untouched
  });

  it('leaves near-zero rows unscaled like sklearn (max < 10 eps of the dtype)', () => {
    const X = array([
      [1e-16, -2e-16],
      [3e-15, 1e-15],
    ]);
    const r = maxabsScale(X);
    expect([...r.data]).toEqual([1e-16, -2e-16, 1, 1e-15 / 3e-15]);
    const F = ndarray(Float32Array.of(1e-7, 0, 2e-6, -1e-6), [2, 2]);
    const rf = maxabsScale(F);
    expect(rf.data).toBeInstanceOf(Float32Array);
    expect([...rf.data]).toEqual([Math.fround(1e-7), 0, 1, -0.5]);
  });

  it('ignores NaN when finding the maximum, converts integers to float64, reads strided views', () => {
    const X = array([[Number.NaN, 2, -1]]);
    expect([...maxabsScale(X).data]).toEqual([Number.NaN, 1, -0.5]);
    const I = ndarray(Int32Array.of(2, -8, 4, 1), [2, 2]);
    const ri = maxabsScale(I);
    expect(ri.data).toBeInstanceOf(Float64Array);
    expect([...ri.data]).toEqual([0.25, -1, 1, 0.25]);
    expect([...maxabsScale(I.transpose(1, 0)).data]).toEqual([0.5, 1, -1, 0.125]);
  });

  it('rejects bad input', () => {
    expect(() => maxabsScale(zeros([3]))).toThrow('maxabsScale: X: expected shape [R,C], got [3]');
    expect(() => maxabsScale(array([[1, Number.POSITIVE_INFINITY]]))).toThrow(
      'maxabsScale: X: expected finite values (NaN allowed), got Infinity at [0,1]',
    );
  });
});
