import { checkBytes, checkInt, checkOptions } from '../util/validate.js';

/** A plain Uint8Array holding exactly `b`'s bytes (a Node or polyfilled Buffer becomes a Uint8Array). */
export function plainBytes(b: Uint8Array): Uint8Array {
  if (b.constructor === Uint8Array) return b;
  if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength) return new Uint8Array(b.buffer);
  return new Uint8Array(b);
}

/** Default cap on decoded image size, as jpeg-js's: 100 megapixels. */
export const DEFAULT_MAX_PIXELS = 100_000_000;

/**
 * The checked arguments of a decoder: its bytes, and its `maxPixels` option (default
 * DEFAULT_MAX_PIXELS), with errors naming `fn`.
 */
export function checkDecodeArgs(
  fn: string,
  bytes: unknown,
  options: { maxPixels?: number } | undefined,
): { bytes: Uint8Array; maxPixels: number } {
  const b = checkBytes(`${fn}: bytes`, bytes);
  const opts = checkOptions(`${fn}: options`, options);
  const maxPixels =
    opts.maxPixels === undefined
      ? DEFAULT_MAX_PIXELS
      : checkInt(`${fn}: maxPixels`, opts.maxPixels, 1, Number.MAX_SAFE_INTEGER);
  return { bytes: b, maxPixels };
}
