import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { zeros } from './array.js';
import {
  assertDType,
  assertFinite,
  assertInteger,
  assertNdArray,
  assertShape,
  checkShapeArg,
  isNdArray,
} from './validate.js';

describe('shape and argument checks', () => {
  it('recognises ndarrays', () => {
    expect(isNdArray(zeros([2, 3]))).toBe(true);
    expect(isNdArray({ data: [1, 2], shape: [2] })).toBe(false);
    expect(() => assertNdArray('f: a', [1, 2])).toThrow('f: a: expected an ndarray');
  });

  it('checks ranks, patterns and alternatives, and returns bound names', () => {
    const a = zeros([4, 5, 3]);
    expect(assertShape('f: a', a, 3)).toEqual({});
    expect(() => assertShape('f: a', a, 2)).toThrow('f: a: expected a 2-d array, got shape [4,5,3]');
    expect(assertShape('f: a', a, ['H', 'W', 3])).toEqual({ H: 4, W: 5 });
    expect(assertShape('f: a', a, [null, 5, null])).toEqual({});
    expect(() =>
      assertShape('RISEGrid.perturb: refImage', zeros([3]), [
        ['H', 'W'],
        ['H', 'W', 'C'],
      ]),
    ).toThrow('RISEGrid.perturb: refImage: expected shape [H,W] or [H,W,C], got [3]');
    expect(() => assertShape('f: a', a, ['N', 'N', 3])).toThrow(/expected shape \[N,N,3\], got \[4,5,3\]/);
  });

  it('checks named dimensions against earlier bindings', () => {
    const d = assertShape('f: masks', zeros([5, 8, 9]), ['N', 'H', 'W']);
    expect(assertShape('f: conf', zeros([5, 2]), ['N', 'C'], d)).toEqual({ N: 5, H: 8, W: 9, C: 2 });
    expect(() => assertShape('f: conf', zeros([4, 2]), ['N', 'C'], d)).toThrow(
      'f: conf: expected shape [N,C] with N=5, got [4,2]',
    );
  });

  it('checks dtypes', () => {
    expect(assertDType('f: a', zeros([2], 'float32'), ['float32', 'float64'])).toBe('float32');
    expect(assertDType('f: m', ndarray(new Uint8Array(2)), ['bool'])).toBe('uint8');
    expect(() => assertDType('f: a', zeros([2], 'int32'), ['float32', 'float64'])).toThrow(
      'f: a: expected dtype float32 or float64, got int32',
    );
  });

  it('checks scalars and shape arguments', () => {
    expect(() => assertFinite('f: x', Number.NaN)).toThrow('f: x: expected a finite number, got number NaN');
    expect(() => assertFinite('f: x', -1, { min: 0 })).toThrow('f: x: expected a number >= 0, got -1');
    expect(() => assertInteger('f: n', 2.5)).toThrow('f: n: expected an integer, got number 2.5');
    expect(() => assertInteger('f: n', 9, { max: 8 })).toThrow('f: n: expected an integer <= 8, got 9');
    expect(checkShapeArg('f: shape', [3, 4], { rank: 2 })).toEqual([3, 4]);
    expect(checkShapeArg('f: size', 5, { allowScalar: true })).toEqual([5]);
    expect(() => checkShapeArg('f: shape', [3], { rank: 2 })).toThrow(
      'f: shape: expected an array of 2 integers >= 0, got [3]',
    );
    expect(() => checkShapeArg('f: shape', [0, 2], { rank: 2, min: 1 })).toThrow(/>= 1, got \[0,2\]/);
  });
});
