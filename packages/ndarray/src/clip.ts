import ndarray from 'ndarray';
import ops from 'ndarray-ops';
import type { NdArray } from './array.js';
import type { TypedArray } from './dtype.js';
import { assertNdArray } from './validate.js';

function checkBound(label: string, x: unknown): number | null {
  if (x === null || x === undefined) return null;
  if (typeof x !== 'number' || Number.isNaN(x)) {
    throw new TypeError(`clip: ${label}: expected a number or null, got ${typeof x === 'number' ? 'NaN' : typeof x}`);
  }
  return x;
}

/**
 * `numpy.clip(a, lo, hi)`: `min(max(a, lo), hi)` elementwise into a new dense array of the same
 * dtype and shape (NaN stays NaN). Either bound may be null (no bound); as numpy, `lo > hi`
 * gives `hi` everywhere. Pass `out` (same shape) to write there instead, e.g. `clip(a, 0, 1, a)`.
 */
export function clip<T extends TypedArray>(
  a: NdArray<T>,
  lo: number | null,
  hi: number | null,
  out?: NdArray<T>,
): NdArray<T> {
  assertNdArray('clip: a', a);
  const low = checkBound('lo', lo);
  const high = checkBound('hi', hi);
  if (low === null && high === null) throw new Error('clip: lo, hi: expected at least one bound, got null for both');
  let dst: NdArray<T>;
  if (out !== undefined) {
    assertNdArray('clip: out', out);
    if (out.shape.length !== a.shape.length || out.shape.some((d, i) => d !== a.shape[i])) {
      throw new Error(`clip: out: expected shape [${a.shape.join(',')}], got [${out.shape.join(',')}]`);
    }
    dst = out;
  } else {
    const Ctor = a.data.constructor as { new (n: number): T };
    dst = ndarray(new Ctor(a.size), [...a.shape]);
  }
  if (low !== null) ops.maxs(dst, a, low);
  else ops.assign(dst, a);
  if (high !== null) ops.minseq(dst, high);
  return dst;
}
