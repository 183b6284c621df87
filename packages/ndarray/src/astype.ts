import ndarray from 'ndarray';
import type { NdArray } from './array.js';
import { allocate, DTYPES, type DType, describe, dtypeOfData, isDType } from './dtype.js';
import { assertNdArray } from './validate.js';

/** The dtype of an ndarray's data (uint8 for bool masks: bool is a convention on uint8 data). */
export function dtypeOf(a: NdArray): DType {
  assertNdArray('dtypeOf: a', a);
  return dtypeOfData(a.data);
}

/**
 * A dense copy of `a` in another dtype, with numpy's `astype` conversions: floats to integers
 * truncate toward zero and wrap modulo 2^bits (typed-array semantics); 'bool' stores 1 for
 * every non-zero (NaN included) and 0 otherwise. Always copies.
 */
export function astype(a: NdArray, dtype: DType): NdArray {
  assertNdArray('astype: a', a);
  if (!isDType(dtype))
    throw new TypeError(`astype: dtype: expected one of ${DTYPES.join(', ')}, got ${describe(dtype)}`);
  const n = a.size;
  const out = allocate(dtype, n);
  const shape = a.shape;
  const rank = shape.length;
  const src = a.data;
  const bool = dtype === 'bool';
  // Walk in row-major logical order (works for any strides).
  const idx = new Array<number>(rank).fill(0);
  let p = a.offset;
  for (let i = 0; i < n; i++) {
    const v = src[p] as number;
    out[i] = bool ? (v !== 0 ? 1 : 0) : v;
    for (let d = rank - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      p += a.stride[d] as number;
      if ((idx[d] as number) < (shape[d] as number)) break;
      p -= (a.stride[d] as number) * (shape[d] as number);
      idx[d] = 0;
    }
  }
  return ndarray(out, [...shape]);
}
