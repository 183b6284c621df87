import { array, type NdArray } from '@salkit/ndarray';
import fc from 'fast-check';

/** An [m, n] float64 ndarray from nested rows. */
export function mat(rows: number[][]): NdArray {
  return array(rows);
}

/** Arbitrary pair of matrices [mA, n], [mB, n] with entries from `value`. */
export function matrixPair(
  value: fc.Arbitrary<number>,
  opts: { maxRows?: number; minCols?: number; maxCols?: number } = {},
): fc.Arbitrary<{ A: number[][]; B: number[][]; n: number }> {
  const { maxRows = 4, minCols = 1, maxCols = 6 } = opts;
  return fc
    .record({
      mA: fc.integer({ min: 1, max: maxRows }),
      mB: fc.integer({ min: 1, max: maxRows }),
      n: fc.integer({ min: minCols, max: maxCols }),
    })
    .chain(({ mA, mB, n }) =>
      fc.record({
        A: fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: mA, maxLength: mA }),
        B: fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: mB, maxLength: mB }),
        n: fc.constant(n),
      }),
    );
}

/** Real values in [-50, 50] with a few exact zeros and repeats, no NaN. */
export const realValue: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -50, max: 50, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, -1, 0.5) },
);

/** 0/1 values. */
export const bitValue: fc.Arbitrary<number> = fc.constantFrom(0, 1);

/** True when two numbers are the same value (NaN equals NaN). */
export function sameValue(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)) || (a === 0 && b === 0);
}
