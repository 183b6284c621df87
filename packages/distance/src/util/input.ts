import { describe, type NdArray } from '@salkit/ndarray';

/** A 1-D vector: a 1-D `NdArray`, a typed array or an array of numbers. */
export type VectorLike = NdArray | ArrayLike<number>;

/** Row-major float64 copy (or the caller's own data when already so) of a 2-D array. */
export interface Rows {
  data: Float64Array;
  rows: number;
  cols: number;
}

const NUMERIC_VIEWS = [
  Float64Array,
  Float32Array,
  Uint8Array,
  Uint8ClampedArray,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
] as const;

function isNumericData(d: unknown): d is ArrayLike<number> {
  if (Array.isArray(d)) return true;
  for (const C of NUMERIC_VIEWS) if (d instanceof C) return true;
  return false;
}

/** True for objects shaped like an `ndarray` (data, shape, stride, offset). */
export function isNdArrayLike(x: unknown): x is NdArray {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as { data?: unknown; shape?: unknown; stride?: unknown; offset?: unknown };
  return Array.isArray(o.shape) && Array.isArray(o.stride) && typeof o.offset === 'number' && isNumericData(o.data);
}

function shapeText(x: NdArray): string {
  return `[${x.shape.join(',')}]`;
}

/**
 * The 2-D array `x` as contiguous float64 rows. Dense row-major float64 data is read in place
 * (no copy, also when it is a window at an offset); anything else (other dtypes, other strides)
 * is copied once.
 */
export function toRows(fn: string, name: string, x: unknown): Rows {
  if (!isNdArrayLike(x)) {
    throw new TypeError(`${fn}: ${name}: expected a 2-D ndarray [m, n], got ${describe(x)}`);
  }
  if (x.shape.length !== 2) {
    throw new Error(`${fn}: ${name}: expected a 2-D array [m, n], got shape ${shapeText(x)}`);
  }
  const rows = x.shape[0] as number;
  const cols = x.shape[1] as number;
  const s0 = x.stride[0] as number;
  const s1 = x.stride[1] as number;
  const src = x.data as ArrayLike<number>;
  const off = x.offset;
  const size = rows * cols;
  if (src instanceof Float64Array && (cols <= 1 || s1 === 1) && (rows <= 1 || s0 === cols)) {
    // dense row-major float64 (possibly a window of a longer buffer): read it in place
    const data = off === 0 && src.length === size ? src : src.subarray(off, off + size);
    return { data, rows, cols };
  }
  const data = new Float64Array(size);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    let p = off + i * s0;
    for (let j = 0; j < cols; j++, p += s1) data[k++] = src[p] as number;
  }
  return { data, rows, cols };
}

/** A 1-D vector as a float64 array (copied unless it already is one, contiguous). */
export function toVector(fn: string, name: string, x: unknown, length?: number, what = 'entry'): Float64Array {
  let out: Float64Array;
  if (isNdArrayLike(x)) {
    if (x.shape.length !== 1) {
      throw new Error(`${fn}: ${name}: expected a 1-D array, got shape ${shapeText(x)}`);
    }
    const n = x.shape[0] as number;
    const src = x.data as ArrayLike<number>;
    const s = x.stride[0] as number;
    if (src instanceof Float64Array && x.offset === 0 && src.length === n && (n <= 1 || s === 1)) {
      out = src;
    } else {
      out = new Float64Array(n);
      for (let i = 0, p = x.offset; i < n; i++, p += s) out[i] = src[p] as number;
    }
  } else if (isNumericData(x)) {
    if (x instanceof Float64Array) out = x;
    else {
      out = new Float64Array(x.length);
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (typeof v !== 'number') {
          throw new TypeError(`${fn}: ${name}: expected numbers, got ${describe(v)} at index ${i}`);
        }
        out[i] = v;
      }
    }
  } else {
    throw new TypeError(`${fn}: ${name}: expected a 1-D array (ndarray, typed array or number[]), got ${describe(x)}`);
  }
  if (length !== undefined && out.length !== length) {
    throw new Error(`${fn}: ${name}: expected length ${length} (one ${what} per column), got length ${out.length}`);
  }
  return out;
}

/** An [n, n] matrix as contiguous float64 rows. */
export function toSquare(fn: string, name: string, x: unknown, n: number): Float64Array {
  if (!isNdArrayLike(x)) {
    throw new TypeError(`${fn}: ${name}: expected a 2-D ndarray [${n}, ${n}], got ${describe(x)}`);
  }
  if (x.shape.length !== 2 || x.shape[0] !== n || x.shape[1] !== n) {
    throw new Error(`${fn}: ${name}: expected shape [${n},${n}], got shape ${shapeText(x)}`);
  }
  return toRows(fn, name, x).data;
}

/** Two vectors of equal length for a single-pair distance. */
export function toPair(fn: string, u: unknown, v: unknown): [Float64Array, Float64Array] {
  const a = toVector(fn, 'u', u);
  const b = toVector(fn, 'v', v);
  if (a.length !== b.length) {
    throw new Error(`${fn}: u and v must have the same length, got ${a.length} and ${b.length}`);
  }
  return [a, b];
}
