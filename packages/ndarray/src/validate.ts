import type { NdArray } from './array.js';
import { type DType, describe, dtypeOfData } from './dtype.js';

/**
 * Shape and argument checks shared by every salkit package. Each throws an `Error` (or
 * `TypeError` / `RangeError`) whose message starts with `label`, which callers write as
 * `'Func: argName'`, then says what was expected and what came.
 */

/** A dimension in a shape pattern: an exact size, a name (any size, equal wherever the name repeats) or null (any size). */
export type DimPattern = number | string | null;

/** Named dimension sizes collected by {@link assertShape}. */
export type DimBindings = Record<string, number>;

/** True when `x` looks like an ndarray from the `ndarray` package (typed-array data, shape, stride, offset). */
export function isNdArray(x: unknown): x is NdArray {
  if (typeof x !== 'object' || x === null) return false;
  const a = x as Partial<NdArray>;
  return (
    ArrayBuffer.isView(a.data) &&
    Array.isArray(a.shape) &&
    Array.isArray(a.stride) &&
    a.stride.length === a.shape.length &&
    typeof a.offset === 'number'
  );
}

/** Throws unless `a` is an ndarray over a typed array. */
export function assertNdArray(label: string, a: unknown): asserts a is NdArray {
  if (!isNdArray(a)) {
    throw new TypeError(
      `${label}: expected an ndarray (from the 'ndarray' package) over a typed array, got ${describe(a)}`,
    );
  }
}

function formatPattern(pattern: readonly DimPattern[]): string {
  return `[${pattern.map((d) => (d === null ? '*' : String(d))).join(',')}]`;
}

function matchPattern(
  shape: readonly number[],
  pattern: readonly DimPattern[],
  dims: DimBindings,
): { ok: true; bound: DimBindings } | { ok: false; why?: string } {
  if (shape.length !== pattern.length) return { ok: false };
  const bound: DimBindings = { ...dims };
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    const n = shape[i] as number;
    if (typeof p === 'number') {
      if (n !== p) return { ok: false };
    } else if (typeof p === 'string') {
      const prev = bound[p];
      if (prev === undefined) bound[p] = n;
      else if (prev !== n) return { ok: false, why: `${p}=${prev}` };
    }
  }
  return { ok: true, bound };
}

/**
 * Throws unless `a` is an ndarray whose shape matches `pattern`: a rank (`2`), one pattern
 * (`['N', 'H', 'W']`, `[null, 4]`) or several alternatives (`[['H', 'W'], ['H', 'W', 'C']]`).
 * Named dimensions must agree with each other and with `dims` (sizes bound by earlier checks);
 * the function returns `dims` extended with the names this shape bound, e.g.
 * `const { N } = assertShape('f: masks', masks, ['N', 'H', 'W']); assertShape('f: conf', conf, ['N', 'C'], { N })`.
 * Error: `f: conf: expected shape [N,C] with N=5, got [4,3]`.
 */
export function assertShape(
  label: string,
  a: unknown,
  pattern: number | readonly DimPattern[] | readonly (readonly DimPattern[])[],
  dims: DimBindings = {},
): DimBindings {
  assertNdArray(label, a);
  const shape = a.shape;
  if (typeof pattern === 'number') {
    if (shape.length !== pattern) {
      throw new Error(`${label}: expected a ${pattern}-d array, got shape [${shape.join(',')}]`);
    }
    return { ...dims };
  }
  const alternatives: (readonly DimPattern[])[] =
    pattern.length > 0 && Array.isArray(pattern[0])
      ? (pattern as readonly (readonly DimPattern[])[]).slice()
      : [pattern as readonly DimPattern[]];
  for (const alt of alternatives) {
    const m = matchPattern(shape, alt, dims);
    if (m.ok) return m.bound;
  }
  const used = new Set<string>();
  for (const alt of alternatives) for (const d of alt) if (typeof d === 'string' && d in dims) used.add(d);
  const known = [...used].map((k) => `${k}=${dims[k]}`);
  throw new Error(
    `${label}: expected shape ${alternatives.map(formatPattern).join(' or ')}` +
      `${known.length > 0 ? ` with ${known.join(', ')}` : ''}, got [${shape.join(',')}]`,
  );
}

/** Throws unless the array's data has one of the given dtypes (`bool` is accepted for uint8 data). */
export function assertDType(label: string, a: unknown, dtypes: readonly DType[]): DType {
  assertNdArray(label, a);
  const dt = dtypeOfData(a.data);
  if (dtypes.includes(dt) || (dt === 'uint8' && dtypes.includes('bool'))) return dt;
  throw new TypeError(`${label}: expected dtype ${dtypes.join(' or ')}, got ${dt}`);
}

/** Throws unless `x` is a finite number (optionally within [min, max]). */
export function assertFinite(
  label: string,
  x: unknown,
  range: { min?: number; max?: number } = {},
): asserts x is number {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new TypeError(`${label}: expected a finite number, got ${describe(x)}`);
  }
  if (range.min !== undefined && x < range.min) {
    throw new RangeError(`${label}: expected a number >= ${range.min}, got ${x}`);
  }
  if (range.max !== undefined && x > range.max) {
    throw new RangeError(`${label}: expected a number <= ${range.max}, got ${x}`);
  }
}

/** Throws unless `x` is a safe integer (optionally within [min, max]). */
export function assertInteger(
  label: string,
  x: unknown,
  range: { min?: number; max?: number } = {},
): asserts x is number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x)) {
    throw new TypeError(`${label}: expected an integer, got ${describe(x)}`);
  }
  if (range.min !== undefined && x < range.min) {
    throw new RangeError(`${label}: expected an integer >= ${range.min}, got ${x}`);
  }
  if (range.max !== undefined && x > range.max) {
    throw new RangeError(`${label}: expected an integer <= ${range.max}, got ${x}`);
  }
}

/**
 * Checks a shape argument (`[h, w]`, a size): an array of non-negative safe integers of the
 * given rank (any rank when omitted). A single integer is accepted as a 1-d shape when
 * `allowScalar` is set. Returns a fresh `number[]`.
 */
export function checkShapeArg(
  label: string,
  shape: unknown,
  options: { rank?: number; allowScalar?: boolean; min?: number } = {},
): number[] {
  const min = options.min ?? 0;
  if (options.allowScalar && typeof shape === 'number') {
    assertInteger(label, shape, { min });
    return [shape];
  }
  const ok =
    Array.isArray(shape) &&
    shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= min) &&
    (options.rank === undefined || shape.length === options.rank);
  if (!ok) {
    const what =
      options.rank === undefined
        ? 'an array of integers'
        : `an array of ${options.rank} integer${options.rank === 1 ? '' : 's'}`;
    throw new TypeError(
      `${label}: expected ${what} >= ${min}${options.allowScalar ? ' (or one integer)' : ''}, got ${
        Array.isArray(shape) ? JSON.stringify(shape) : describe(shape)
      }`,
    );
  }
  return [...(shape as number[])];
}
