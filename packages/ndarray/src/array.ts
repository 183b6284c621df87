import ndarray from 'ndarray';
import { allocate, type DType, describe, type TypedArray } from './dtype.js';

/** An n-d array from the `ndarray` package, over a typed array. */
export type NdArray<T extends TypedArray = TypedArray> = ndarray.NdArray<T>;

type Nested = number | boolean | readonly Nested[];

/** Shape of an ndarray (a fresh copy). */
export function shapeOf(a: NdArray): number[] {
  return [...a.shape];
}

function checkShape(shape: readonly number[], name = 'shape'): void {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isSafeInteger(d) || d < 0)) {
    throw new Error(`${name}: expected an array of non-negative integers, got ${JSON.stringify(shape)}`);
  }
}

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** An array of zeros (float64 unless told). */
export function zeros(shape: readonly number[], dtype: DType = 'float64'): NdArray {
  checkShape(shape);
  return ndarray(allocate(dtype, sizeOf(shape)), [...shape]);
}

/** An array filled with `value` (float64 unless told). */
export function full(shape: readonly number[], value: number, dtype: DType = 'float64'): NdArray {
  const a = zeros(shape, dtype);
  a.data.fill(value);
  return a;
}

/** An array of ones (float64 unless told). */
export function ones(shape: readonly number[], dtype: DType = 'float64'): NdArray {
  return full(shape, 1, dtype);
}

function nestedShape(x: Nested): number[] {
  const shape: number[] = [];
  let cur: Nested = x;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = (cur as readonly Nested[])[0] as Nested;
    if (cur === undefined) break;
  }
  return shape;
}

/**
 * An ndarray from nested arrays (float64 unless told) or from a typed array with a shape
 * (default: 1-D over the whole array). The typed array is used as is, not copied.
 */
export function array(values: Nested | TypedArray, shape?: readonly number[], dtype?: DType): NdArray {
  if (ArrayBuffer.isView(values)) {
    const data = values as TypedArray;
    const sh = shape ? [...shape] : [data.length];
    checkShape(sh);
    if (sizeOf(sh) !== data.length) {
      throw new Error(`array: shape [${sh}] holds ${sizeOf(sh)} values, but the data has ${data.length}`);
    }
    return ndarray(data, sh);
  }
  if (!Array.isArray(values) && typeof values !== 'number' && typeof values !== 'boolean') {
    throw new Error(`array: values: expected nested arrays of numbers or a typed array, got ${describe(values)}`);
  }
  const sh = nestedShape(values);
  const out = allocate(dtype ?? 'float64', sizeOf(sh));
  let i = 0;
  const walk = (x: Nested, depth: number): void => {
    if (depth === sh.length) {
      if (typeof x !== 'number' && typeof x !== 'boolean') {
        throw new Error(`array: values: ragged nesting at depth ${depth}`);
      }
      out[i++] = Number(x);
      return;
    }
    if (!Array.isArray(x) || x.length !== sh[depth]) {
      throw new Error(`array: values: ragged nesting at depth ${depth}; expected length ${sh[depth]}`);
    }
    for (const v of x as readonly Nested[]) walk(v, depth + 1);
  };
  walk(values, 0);
  const res = ndarray(out, sh);
  if (shape) return reshape(res, shape);
  return res;
}

/** A view with a new shape over dense row-major data (throws on a size mismatch). */
export function reshape(a: NdArray, shape: readonly number[]): NdArray {
  checkShape(shape);
  if (sizeOf(shape) !== a.size) {
    throw new Error(`reshape: cannot reshape [${a.shape}] (size ${a.size}) to [${shape}]`);
  }
  return ndarray(toContiguous(a).data, [...shape]);
}

/** True when the array's data is dense row-major starting at offset 0 with length == size. */
export function isContiguous(a: NdArray): boolean {
  if (a.offset !== 0 || a.data.length !== a.size) return false;
  let expect = 1;
  for (let d = a.shape.length - 1; d >= 0; d--) {
    if ((a.shape[d] as number) > 1 && a.stride[d] !== expect) return false;
    expect *= a.shape[d] as number;
  }
  return true;
}

/** The array itself when dense row-major, else a dense copy with the same dtype. */
export function toContiguous<T extends TypedArray>(a: NdArray<T>): NdArray<T> {
  if (isContiguous(a)) return a;
  const Ctor = a.data.constructor as { new (n: number): T };
  const out = new Ctor(a.size);
  const shape = a.shape;
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < a.size; i++) {
    let p = a.offset;
    for (let d = 0; d < shape.length; d++) p += (idx[d] as number) * (a.stride[d] as number);
    out[i] = a.data[p] as number;
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      if ((idx[d] as number) < (shape[d] as number)) break;
      idx[d] = 0;
    }
  }
  return ndarray(out, [...shape]);
}

/** Nested JS arrays of the array's values. */
export function toNested(a: NdArray): unknown {
  const c = toContiguous(a);
  if (c.shape.length === 0) return c.data[0];
  let i = 0;
  const build = (depth: number): unknown[] => {
    const n = c.shape[depth] as number;
    const out = new Array<unknown>(n);
    for (let k = 0; k < n; k++) out[k] = depth === c.shape.length - 1 ? c.data[i++] : build(depth + 1);
    return out;
  };
  return build(0);
}
