import { array, zeros } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { cdist } from './cdist.js';
import { mat } from './matrices.test-util.js';
import { isMetricName, METRICS } from './metricNames.js';
import { hamming, mahalanobis, minkowski, seuclidean, wminkowski } from './metrics/index.js';
import type { CdistOptions } from './options.js';

const A = mat([
  [1, 2, 3],
  [4, 5, 6],
]);
const B = mat([
  [1, 0, 1],
  [2, 2, 2],
  [0, 1, 0],
]);

describe('metric names', () => {
  it('lists 24 metrics, sorted, and recognises exactly those', () => {
    expect(METRICS.length).toBe(24);
    expect([...METRICS].sort()).toEqual([...METRICS]);
    for (const m of METRICS) expect(isMetricName(m)).toBe(true);
    expect(isMetricName('wminkowsky')).toBe(false);
    expect(isMetricName(3)).toBe(false);
  });
  it('unknown names throw an error listing every valid name', () => {
    let message = '';
    try {
      cdist(A, B, 'eucledian');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("unknown distance metric 'eucledian'");
    for (const m of METRICS) expect(message).toContain(m);
    expect(() => cdist(A, B, 42 as unknown as string)).toThrow(/metric: unknown distance metric number 42/);
  });
  it('names are case-insensitive, as in scipy', () => {
    expect(cdist(A, B, 'EuClIdEaN').data).toEqual(cdist(A, B, 'euclidean').data);
  });
  it('the default metric is euclidean', () => {
    expect(cdist(A, B).data).toEqual(cdist(A, B, 'euclidean').data);
  });
});

describe('cdist input validation', () => {
  it('XA and XB must be 2-D ndarrays', () => {
    expect(() => cdist(array([1, 2, 3]), B)).toThrow('cdist: XA: expected a 2-D array [m, n], got shape [3]');
    expect(() => cdist(A, zeros([2, 3, 1]))).toThrow('cdist: XB: expected a 2-D array [m, n], got shape [2,3,1]');
    expect(() => cdist([[1, 2, 3]] as never, B)).toThrow(TypeError);
    expect(() => cdist([[1, 2, 3]] as never, B)).toThrow(/cdist: XA: expected a 2-D ndarray \[m, n\], got an array/);
    expect(() => cdist(A, null as never)).toThrow(/cdist: XB: expected a 2-D ndarray \[m, n\], got null/);
  });
  it('column counts must agree; the message names both shapes', () => {
    expect(() => cdist(A, mat([[1, 2]]))).toThrow(
      'cdist: XA and XB must have the same number of columns: XA has shape [2,3], XB has shape [1,2]',
    );
  });
  it('empty inputs give empty outputs', () => {
    expect(cdist(zeros([0, 3]), B).shape).toEqual([0, 3]);
    expect(cdist(A, zeros([0, 3]), 'cosine').shape).toEqual([2, 0]);
    // n = 0: scipy gives 0 for euclidean and 0/0 = NaN for hamming
    expect(Array.from(cdist(zeros([2, 0]), zeros([1, 0])).data)).toEqual([0, 0]);
    expect(cdist(zeros([1, 0]), zeros([1, 0]), 'hamming').get(0, 0)).toBeNaN();
  });
});

describe('cdist options validation', () => {
  const bad = (metric: string, options: unknown) => () => cdist(A, B, metric, options as CdistOptions);

  it('options must be an object', () => {
    expect(bad('minkowski', 3)).toThrow('cdist: options: expected an object, got number 3');
    expect(bad('minkowski', [3])).toThrow(TypeError);
  });
  it('an option the metric does not take is an error (undefined values are ignored)', () => {
    expect(bad('euclidean', { p: 3 })).toThrow("cdist: options.p: metric 'euclidean' takes no options");
    expect(bad('minkowski', { V: array([1, 1, 1]) })).toThrow("cdist: options.V: metric 'minkowski' takes only p, w");
    expect(bad('cosine', { w: array([1, 1, 1]) })).toThrow(/metric 'cosine' takes no options/);
    expect(cdist(A, B, 'euclidean', { p: undefined }).shape).toEqual([2, 3]);
  });
  it('p must be a number > 0', () => {
    for (const p of [0, -1, Number.NaN, '2', null]) {
      expect(bad('minkowski', { p })).toThrow(/cdist: options\.p: expected a number > 0 \(Infinity allowed\), got/);
    }
    expect(bad('minkowski', { p: -1 })).toThrow(RangeError);
    expect(bad('wminkowski', { p: 0, w: array([1, 1, 1]) })).toThrow(/options\.p/);
  });
  it('w must have one non-negative weight per column', () => {
    expect(bad('minkowski', { w: array([1, 1]) })).toThrow(
      'cdist: options.w: expected length 3 (one weight per column), got length 2',
    );
    expect(bad('minkowski', { w: array([1, -1, 1]) })).toThrow(
      'cdist: options.w: expected non-negative weights, got -1 at index 1',
    );
    expect(bad('hamming', { w: array([1, Number.NaN, 1]) })).toThrow(/non-negative weights, got NaN at index 1/);
    expect(bad('minkowski', { w: zeros([3, 1]) })).toThrow('cdist: options.w: expected a 1-D array, got shape [3,1]');
    expect(bad('minkowski', { w: 'abc' })).toThrow(TypeError);
    // typed arrays and number[] are accepted as well as ndarrays
    expect(cdist(A, B, 'minkowski', { w: [1, 2, 3] }).data).toEqual(
      cdist(A, B, 'minkowski', { w: array([1, 2, 3]) }).data,
    );
  });
  it('wminkowski requires p and w', () => {
    expect(bad('wminkowski', { p: 2 })).toThrow("cdist: options.w: metric 'wminkowski' requires it (p and w)");
    expect(bad('wminkowski', { w: array([1, 1, 1]) })).toThrow(/options\.p: metric 'wminkowski' requires it/);
    expect(bad('wminkowski', undefined)).toThrow(/requires it/);
  });
  it('V must be a vector of length n', () => {
    expect(bad('seuclidean', { V: array([1, 1]) })).toThrow(
      'cdist: options.V: expected length 3 (one variance per column), got length 2',
    );
    expect(bad('seuclidean', { V: zeros([1, 3]) })).toThrow('cdist: options.V: expected a 1-D array, got shape [1,3]');
  });
  it('VI must be [n, n]', () => {
    expect(bad('mahalanobis', { VI: zeros([3, 2]) })).toThrow(
      'cdist: options.VI: expected shape [3,3], got shape [3,2]',
    );
    expect(bad('mahalanobis', { VI: [1, 2, 3] })).toThrow(TypeError);
  });
  it('mahalanobis without VI needs more rows than columns, and a non-singular covariance', () => {
    const few = mat([[1, 2, 3, 4]]);
    expect(() => cdist(few, few, 'mahalanobis')).toThrow(
      /cdist: mahalanobis: the number of observations \(2 rows in XA and XB together\) is too small.*at least 5/,
    );
    const constantColumn = mat([
      [1, 7],
      [2, 7],
      [4, 7],
    ]);
    expect(() => cdist(constantColumn, constantColumn, 'mahalanobis')).toThrow(
      'cdist: mahalanobis: the covariance matrix of vstack(XA, XB) (6 x 2) is singular; pass options.VI',
    );
  });
});

describe('single-pair argument validation', () => {
  it('u and v must be 1-D of equal length', () => {
    expect(() => minkowski([1, 2], [1, 2, 3])).toThrow('minkowski: u and v must have the same length, got 2 and 3');
    expect(() => hamming(zeros([2, 2]), [1, 2])).toThrow('hamming: u: expected a 1-D array, got shape [2,2]');
    expect(() => hamming([1, 'a'] as never, [1, 2])).toThrow('hamming: u: expected numbers, got string a at index 1');
    expect(() => hamming({} as never, [1])).toThrow(TypeError);
  });
  it('checks p, w, V and VI', () => {
    expect(() => minkowski([1], [2], 0)).toThrow(
      'minkowski: p: expected a number > 0 (Infinity allowed), got number 0',
    );
    expect(() => wminkowski([1, 2], [2, 3], 2, [1])).toThrow(
      'wminkowski: w: expected length 2 (one weight per column), got length 1',
    );
    expect(() => hamming([1, 2], [2, 3], [1, -2])).toThrow(
      'hamming: w: expected non-negative weights, got -2 at index 1',
    );
    expect(() => seuclidean([1, 2], [2, 3], [1])).toThrow(
      'seuclidean: V: expected length 2 (one variance per column), got length 1',
    );
    expect(() => mahalanobis([1, 2], [2, 3], zeros([3, 3]))).toThrow(
      'mahalanobis: VI: expected shape [2,2], got shape [3,3]',
    );
  });
});
