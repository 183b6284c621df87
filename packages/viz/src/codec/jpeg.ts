import type { NdArray } from '@salkit/ndarray';
import jpeg from 'jpeg-js';
import { checkImage, checkInt, checkOptions, imageArray } from '../util/validate.js';
import { checkDecodeArgs, plainBytes } from './bytes.js';
import type { DecodeOptions } from './png.js';

export interface EncodeJpegOptions {
  /** Quality 1..100 (default 90). */
  quality?: number;
}

/**
 * Runs jpeg-js's encoder. When loaded as a CommonJS module (as every bundler loads it) the
 * encoder ends with `Buffer.from(bytes)`, which fails in browsers that have no Buffer; there
 * the call gets a stand-in `Buffer.from` for its duration only (the encoder is synchronous, so
 * no other code can observe it), and the global is removed again afterwards.
 */
function withBufferFrom<T>(run: () => T): T {
  const g = globalThis as { Buffer?: unknown };
  if (g.Buffer !== undefined) return run();
  g.Buffer = { from: (bytes: ArrayLike<number>) => Uint8Array.from(bytes) };
  try {
    return run();
  } finally {
    delete g.Buffer;
  }
}

/**
 * Encodes a uint8 image as a baseline JPEG (lossy): `[H,W]` or `[H,W,1]` (gray, stored as RGB),
 * `[H,W,3]`, or `[H,W,4]` (alpha dropped: JPEG has none).
 */
export function encodeJpeg(img: NdArray, options?: EncodeJpegOptions): Uint8Array {
  const fn = 'encodeJpeg';
  const { height, width, channels, data } = checkImage(`${fn}: img`, img, [1, 3, 4]);
  const opts = checkOptions(`${fn}: options`, options);
  const quality = opts.quality === undefined ? 90 : checkInt(`${fn}: quality`, opts.quality, 1, 100);
  // jpeg-js reads 4 bytes per pixel and ignores the fourth.
  const size = height * width;
  let rgba: Uint8Array;
  if (channels === 4 && data instanceof Uint8Array) {
    rgba = data;
  } else {
    rgba = new Uint8Array(size * 4);
    for (let i = 0, s = 0, o = 0; i < size; i++, s += channels, o += 4) {
      const r = data[s] as number;
      rgba[o] = r;
      rgba[o + 1] = channels === 1 ? r : (data[s + 1] as number);
      rgba[o + 2] = channels === 1 ? r : (data[s + 2] as number);
    }
  }
  const encoded = withBufferFrom(() => jpeg.encode({ width, height, data: rgba }, quality));
  return plainBytes(encoded.data as Uint8Array);
}

/** True when `bytes` starts with a JPEG start-of-image marker (FF D8 FF). */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Decodes a JPEG (baseline or progressive; gray, RGB or CMYK) into a `[H,W,3]` uint8 RGB ndarray. */
export function decodeJpeg(bytes: Uint8Array | ArrayBuffer, options?: DecodeOptions): NdArray<Uint8Array> {
  const fn = 'decodeJpeg';
  const { bytes: b, maxPixels } = checkDecodeArgs(fn, bytes, options);
  if (!isJpeg(b)) throw new Error(`${fn}: bytes: not a JPEG (the FF D8 FF start marker is missing)`);
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(b, {
      useTArray: true,
      formatAsRGBA: false,
      maxResolutionInMP: maxPixels / 1e6,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (message.includes('maxResolutionInMP')) {
      throw new RangeError(`${fn}: the image has more than maxPixels ${maxPixels} pixels (${message})`);
    }
    throw new Error(`${fn}: invalid JPEG data: ${message}`);
  }
  const { width, height, data } = decoded;
  if (!width || !height || data.length !== width * height * 3) {
    throw new Error(`${fn}: invalid JPEG data: decoded ${width}x${height} with ${data.length} bytes`);
  }
  return imageArray(plainBytes(data), height, width, 3);
}
