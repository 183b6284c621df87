import { describe, isNdArray, type NdArray } from '@salkit/ndarray';

/** Throws unless `x` is a plain options object (or undefined, read as `{}`); returns it. */
export function checkOptions<T extends object>(label: string, x: T | undefined): Partial<T> {
  if (x === undefined) return {};
  if (x === null || typeof x !== 'object' || Array.isArray(x)) {
    throw new TypeError(`${label}: expected an options object, got ${describe(x)}`);
  }
  return x;
}

/** Throws unless `x` is an integer >= 1; returns it. */
export function checkPositiveInt(label: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 1) {
    throw new RangeError(`${label}: expected an integer >= 1, got ${describe(x)}`);
  }
  return x;
}

/** Throws unless `x` is a finite number within [min, max]; returns it. */
export function checkNumberIn(label: string, x: unknown, min: number, max: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < min || x > max) {
    throw new RangeError(`${label}: expected a number in [${min}, ${max}], got ${describe(x)}`);
  }
  return x;
}

/** Throws unless `x` is one of `values`; returns it. */
export function checkOneOf<T extends string>(label: string, x: unknown, values: readonly T[]): T {
  if (typeof x !== 'string' || !(values as readonly string[]).includes(x)) {
    throw new RangeError(`${label}: expected one of ${values.map((v) => `'${v}'`).join(', ')}, got ${describe(x)}`);
  }
  return x as T;
}

/** Throws unless `x` is a sync or async iterable (the images handed to a black box). */
export function checkIterable<T>(label: string, x: unknown): asserts x is Iterable<T> | AsyncIterable<T> {
  const ok =
    x !== null &&
    (typeof x === 'object' || typeof x === 'function') &&
    (typeof (x as Iterable<T>)[Symbol.iterator] === 'function' ||
      typeof (x as AsyncIterable<T>)[Symbol.asyncIterator] === 'function');
  if (!ok) {
    throw new TypeError(`${label}: expected an iterable or async iterable of images, got ${describe(x)}`);
  }
}

/** Throws unless `img` is an ndarray of shape [H,W] or [H,W,C] with H, W >= 1. */
export function checkImageShape(label: string, img: unknown): asserts img is NdArray {
  if (!isNdArray(img)) {
    throw new TypeError(`${label}: expected an image ndarray [H,W] or [H,W,C], got ${describe(img)}`);
  }
  const s = img.shape;
  if (s.length !== 2 && s.length !== 3) {
    throw new Error(`${label}: expected an image of shape [H,W] or [H,W,C], got [${s.join(',')}]`);
  }
  if ((s[0] as number) < 1 || (s[1] as number) < 1) {
    throw new Error(`${label}: expected an image with at least one pixel, got shape [${s.join(',')}]`);
  }
}
