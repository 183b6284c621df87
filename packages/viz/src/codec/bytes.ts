/** A plain Uint8Array holding exactly `b`'s bytes (a Node or polyfilled Buffer becomes a Uint8Array). */
export function plainBytes(b: Uint8Array): Uint8Array {
  if (b.constructor === Uint8Array) return b;
  if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength) return new Uint8Array(b.buffer);
  return new Uint8Array(b);
}

/** Default cap on decoded image size, as jpeg-js's: 100 megapixels. */
export const DEFAULT_MAX_PIXELS = 100_000_000;
