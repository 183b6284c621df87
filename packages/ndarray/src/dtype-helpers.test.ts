import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { array } from './array.js';
import { astype, dtypeOf } from './astype.js';
import { clip } from './clip.js';
import { DTYPES, promoteTypes } from './dtype.js';
import { imgAsFloat } from './img-as-float.js';

// np.promote_types(row, column) for the dtypes in DTYPES order, printed by numpy 2.4.6.
const PROMOTE: Record<string, string[]> = {
  bool: ['bool', 'uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'float64'],
  uint8: ['uint8', 'uint8', 'int16', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'float64'],
  int8: ['int8', 'int16', 'int8', 'int32', 'int16', 'int64', 'int32', 'float32', 'float64'],
  uint16: ['uint16', 'uint16', 'int32', 'uint16', 'int32', 'uint32', 'int32', 'float32', 'float64'],
  int16: ['int16', 'int16', 'int16', 'int32', 'int16', 'int64', 'int32', 'float32', 'float64'],
  uint32: ['uint32', 'uint32', 'int64', 'uint32', 'int64', 'uint32', 'int64', 'float64', 'float64'],
  int32: ['int32', 'int32', 'int32', 'int32', 'int32', 'int64', 'int32', 'float64', 'float64'],
  float32: ['float32', 'float32', 'float32', 'float32', 'float32', 'float64', 'float64', 'float32', 'float64'],
  float64: ['float64', 'float64', 'float64', 'float64', 'float64', 'float64', 'float64', 'float64', 'float64'],
};

describe('dtype helpers', () => {
  it('promoteTypes equals numpy for every pair', () => {
    for (const a of DTYPES) {
      DTYPES.forEach((b, j) => {
        expect(promoteTypes(a, b), `${a} ${b}`).toBe(PROMOTE[a]![j]);
      });
    }
    expect(() => promoteTypes('float16' as never, 'bool')).toThrow(/promoteTypes: a: expected one of/);
  });

  it('dtypeOf and astype (truncation toward zero, wrap-around, bool = non-zero)', () => {
    const a = array([
      [1.7, -2.7, 0],
      [300, Number.NaN, -0.2],
    ]);
    expect(dtypeOf(a)).toBe('float64');
    expect([...astype(a, 'int32').data]).toEqual([1, -2, 0, 300, 0, 0]);
    expect([...astype(a, 'uint8').data]).toEqual([1, 254, 0, 44, 0, 0]);
    expect([...astype(a, 'bool').data]).toEqual([1, 1, 0, 1, 1, 1]);
    const t = astype(a.transpose(1, 0), 'float32');
    expect(t.shape).toEqual([3, 2]);
    expect([...t.data]).toEqual([Math.fround(1.7), 300, Math.fround(-2.7), Number.NaN, 0, Math.fround(-0.2)]);
    expect(() => astype(a, 'int64' as never)).toThrow(/astype: dtype: expected one of/);
    expect(() => dtypeOf([1] as never)).toThrow(/dtypeOf: a: expected an ndarray/);
  });
});

describe('clip', () => {
  it('clips like numpy.clip, keeping dtype and NaN', () => {
    const a = ndarray(Float32Array.of(-2, 0.5, Number.NaN, 3), [2, 2]);
    const c = clip(a, -1, 1);
    expect(c.data).toBeInstanceOf(Float32Array);
    expect([...c.data]).toEqual([-1, 0.5, Number.NaN, 1]);
    expect([...clip(a, null, 0).data]).toEqual([-2, 0, Number.NaN, 0]);
    expect([...clip(a, 0, null).data]).toEqual([0, 0.5, Number.NaN, 3]);
    expect([...clip(a, 2, 1).data]).toEqual([1, 1, Number.NaN, 1]); // lo > hi: hi everywhere (numpy)
    expect([...a.data]).toEqual([-2, 0.5, Number.NaN, 3]); // input untouched
  });

  it('works on strided views and in place', () => {
    const a = array([
      [5, -5],
      [2, -2],
    ]);
    expect([...clip(a.transpose(1, 0), -3, 3).data]).toEqual([3, 2, -3, -2]);
    clip(a, 0, 3, a);
    expect([...a.data]).toEqual([3, 0, 2, 0]);
  });

  it('rejects bad arguments', () => {
    const a = array([1, 2]);
    expect(() => clip(a, Number.NaN, 1)).toThrow('clip: lo: expected a number or null, got NaN');
    expect(() => clip(a, null, null)).toThrow(/at least one bound/);
    expect(() => clip(a, 0, 1, array([1, 2, 3]))).toThrow('clip: out: expected shape [2], got [3]');
    expect(() => clip([1] as never, 0, 1)).toThrow(/clip: a: expected an ndarray/);
  });
});

describe('imgAsFloat', () => {
  it('scales integers like skimage img_as_float and keeps floats', () => {
    expect([...imgAsFloat(ndarray(Uint8Array.of(0, 51, 255), [3])).data]).toEqual([0, 51 * (1 / 255), 1]);
    expect([...imgAsFloat(ndarray(Int8Array.of(-128, 0, 127), [3])).data]).toEqual([-1, 0, 1]);
    expect([...imgAsFloat(ndarray(Uint8Array.of(7, 200), [2]), { preserveRange: true }).data]).toEqual([7, 200]);
    const f = ndarray(Float32Array.of(0.5, 2), [2]);
    expect(imgAsFloat(f)).toBe(f);
    expect(() => imgAsFloat([1] as never)).toThrow(/imgAsFloat: image: expected an ndarray/);
  });
});
