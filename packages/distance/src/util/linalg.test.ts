import { describe, expect, it } from 'vitest';
import { covariance, invert, sampleVariance, transpose, vstack } from './linalg.js';

describe('linalg helpers', () => {
  // X: 4 observations (rows) of 3 variables
  const X = Float64Array.of(1, 2, 0.5, 3, 1, 0.25, 0, 5, 1, 2, 2, 0.75);

  it('sampleVariance is var(axis=0, ddof=1)', () => {
    // numpy 1.24.4: np.var(X, axis=0, ddof=1) (column 0: squares 0.25 + 2.25 + 2.25 + 0.25 = 5, / 3)
    expect(Array.from(sampleVariance(X, 4, 3))).toEqual([1.6666666666666667, 3.0, 0.10416666666666667]);
    expect(sampleVariance(Float64Array.of(1, 2), 1, 2)[0]).toBeNaN();
    // numpy: np.var([[1.], [2.], [4.]], axis=0, ddof=1) == [2.333333333333333] (the mean is 7/3 rounded)
    expect(Array.from(sampleVariance(Float64Array.of(1, 2, 4), 3, 1))).toEqual([2.333333333333333]);
  });

  it('covariance is cov(X.T) with the m - 1 normalisation', () => {
    const c = covariance(X, 4, 3);
    // numpy 1.24.4: np.cov(X.T)
    // (numpy multiplies by 1 / (m - 1): 5 * (1/3) = 1.6666666666666665, where var gives 5 / 3)
    const expected = [
      [1.6666666666666665, -2.0, -0.3333333333333333],
      [-2.0, 3.0, 0.5],
      [-0.3333333333333333, 0.5, 0.10416666666666666],
    ];
    expect(Array.from(c)).toEqual(expected.flat());
  });

  it('invert gives A^-1 (A A^-1 = I) with row pivoting', () => {
    const A = Float64Array.of(0, 2, 1, 1, 1, 0, 3, 0, 1); // needs a row swap (A[0][0] = 0)
    const inv = invert(A, 3)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += A[i * 3 + k]! * inv[k * 3 + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 14);
      }
    }
  });

  it('invert returns null on an exactly singular matrix', () => {
    expect(invert(Float64Array.of(1, 2, 2, 4), 2)).toBeNull();
    expect(invert(Float64Array.of(0, 0, 0, 0), 2)).toBeNull();
    expect(invert(new Float64Array(0), 0)).toEqual(new Float64Array(0));
  });

  it('vstack and transpose', () => {
    expect(Array.from(vstack(Float64Array.of(1, 2), Float64Array.of(3)))).toEqual([1, 2, 3]);
    expect(Array.from(transpose(Float64Array.of(1, 2, 3, 4), 2))).toEqual([1, 3, 2, 4]);
  });
});
