import { array, type NdArray } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { cdist } from './cdist.js';
import { METRICS, type MetricName } from './metricNames.js';
import { euclidean, hamming } from './metrics/index.js';
import type { CdistOptions } from './options.js';

const rowsA = [
  [0.5, 0, 2, 1.25],
  [1, 3, 0, 0.75],
  [2, 1, 1, 0],
];
const rowsB = [
  [1, 0, 2, 1],
  [0, 0.5, 1, 3],
];

function options(metric: MetricName): CdistOptions | undefined {
  if (metric === 'wminkowski') return { p: 3, w: array([1, 0.5, 2, 1]) };
  if (metric === 'mahalanobis') {
    return { VI: array([0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 1.5 : 0.25)))) };
  }
  return undefined;
}

/** The same values as `rows`, stored transposed and read back through a transposed view. */
function transposedView(rows: number[][]): NdArray {
  const m = rows.length;
  const n = (rows[0] as number[]).length;
  const data = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) data[j * m + i] = (rows[i] as number[])[j] as number;
  return array(data, [n, m]).transpose(1, 0);
}

/** The rows embedded in a bigger array with an offset and a step. */
function strided(rows: number[][]): NdArray {
  const m = rows.length;
  const n = (rows[0] as number[]).length;
  const big = new Float64Array(3 + m * n * 2).fill(99);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) big[3 + (i * n + j) * 2] = (rows[i] as number[])[j] as number;
  return array(big.subarray(3, 3 + m * n * 2), [m, n * 2]).step(1, 2);
}

describe('cdist input layouts and dtypes', () => {
  const reference = (metric: MetricName) => cdist(array(rowsA), array(rowsB), metric, options(metric));

  for (const metric of METRICS) {
    it(`${metric}: transposed and strided views give the contiguous result`, () => {
      const ref = reference(metric);
      expect(cdist(transposedView(rowsA), transposedView(rowsB), metric, options(metric)).data).toEqual(ref.data);
      expect(cdist(strided(rowsA), strided(rowsB), metric, options(metric)).data).toEqual(ref.data);
    });
  }

  it('float32, int and uint8 data are read as float64 (exact conversions)', () => {
    const f32 = (rows: number[][]) => array(Float32Array.from(rows.flat()), [rows.length, 4]);
    for (const metric of ['euclidean', 'cosine', 'canberra', 'seuclidean', 'jensenshannon'] as const) {
      expect(cdist(f32(rowsA), f32(rowsB), metric).data).toEqual(reference(metric).data);
    }
    const ints = array(Int16Array.of(1, -2, 3, 4, 0, 6), [2, 3]);
    const same = array([
      [1, -2, 3],
      [4, 0, 6],
    ]);
    expect(cdist(ints, ints, 'cityblock').data).toEqual(cdist(same, same, 'cityblock').data);
  });

  it('uint8 input to hamming/jaccard compares values, as scipy does for uint8 (equal to bool semantics on 0/1)', () => {
    const u8 = (rows: number[][]) => array(Uint8Array.from(rows.flat()), [rows.length, rows[0]!.length]);
    const a = u8([
      [2, 0, 1, 7],
      [0, 0, 0, 0],
    ]);
    const b = u8([[1, 0, 1, 7]]);
    expect(Array.from(cdist(a, b, 'hamming').data)).toEqual([0.25, 0.75]);
    expect(Array.from(cdist(a, b, 'jaccard').data)).toEqual([1 / 3, 1]);
    // boolean metrics binarise: [2, 0, 1, 7] and [1, 0, 1, 7] are the same set
    expect(Array.from(cdist(a, b, 'dice').data)).toEqual([0, 1]);
  });

  it('does not modify its inputs and returns a fresh float64 array', () => {
    const A = array(rowsA);
    const before = Float64Array.from(A.data as Float64Array);
    const out = cdist(A, A, 'correlation');
    expect(A.data).toEqual(before);
    expect(out.data).toBeInstanceOf(Float64Array);
    expect(out.data).not.toBe(A.data);
    expect(out.shape).toEqual([3, 3]);
  });

  it('single-pair functions take ndarrays, typed arrays and number[] alike', () => {
    const u = [1, 2, 3];
    const v = [2, 2, 5];
    const expected = Math.sqrt(5);
    expect(euclidean(u, v)).toBe(expected);
    expect(euclidean(Float32Array.from(u), Uint8Array.from(v))).toBe(expected);
    expect(euclidean(array(u), array(v))).toBe(expected);
    const col = array(Float64Array.of(1, 9, 2, 9, 3, 9), [3, 2]).pick(null, 0);
    expect(euclidean(col, v)).toBe(expected);
    expect(hamming(col, array([1, 0, 3]))).toBe(1 / 3);
  });
});

describe('zero-copy reads', () => {
  it('a dense float64 window at an offset is read in place and gives the same result', () => {
    const big = Float64Array.from({ length: 40 }, (_, i) => (i * 7) % 11);
    const view = array(big, [10, 4]).lo(3, 0).hi(4, 4); // rows 3..6, offset 12
    const copy = array(Float64Array.from(big.subarray(12, 28)), [4, 4]);
    expect(view.offset).toBe(12);
    expect(cdist(view, view, 'euclidean').data).toEqual(cdist(copy, copy, 'euclidean').data);
    expect(cdist(view, copy, 'correlation').data).toEqual(cdist(copy, copy, 'correlation').data);
    expect(big[12]).toBe((12 * 7) % 11);
  });
});
