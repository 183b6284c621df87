import type { NdArray } from '@salkit/ndarray';
import { checkBytes, checkInt, checkOptions } from '../util/validate.js';
import { convertChannels } from './channels.js';
import { decodeJpeg, isJpeg } from './jpeg.js';
import { type DecodeOptions, decodePng, isPng } from './png.js';

/** Image formats decodeImage recognises. */
export type ImageFormat = 'png' | 'jpeg';

/** The format of encoded image bytes, from their signature, or null when neither PNG nor JPEG. */
export function sniffImageFormat(bytes: Uint8Array | ArrayBuffer): ImageFormat | null {
  const b = checkBytes('sniffImageFormat: bytes', bytes);
  if (isPng(b)) return 'png';
  if (isJpeg(b)) return 'jpeg';
  return null;
}

export interface DecodeImageOptions extends DecodeOptions {
  /** Convert the result to this many channels (see convertChannels); default: as stored. */
  channels?: 1 | 2 | 3 | 4;
}

/** A JPEG decoder with decodeJpeg's contract. */
export type JpegDecoder = (bytes: Uint8Array, options: DecodeOptions) => NdArray<Uint8Array>;

/**
 * Decodes PNG or JPEG bytes, recognised by their signature, into a `[H,W,C]` uint8 ndarray
 * (PNG: C as stored, JPEG: 3), optionally converted to `channels` channels. JPEG goes through
 * jpeg-js (pure JS, any platform); in Node, `readImage` and `decodeJpegLibjpeg` from
 * `@salkit/viz/node` decode with libjpeg as PIL does (jpeg-js's chroma upsampling differs from
 * libjpeg's by up to ~30 levels at colour edges).
 */
export function decodeImage(bytes: Uint8Array | ArrayBuffer, options?: DecodeImageOptions): NdArray<Uint8Array> {
  return decodeImageWith(bytes, options, decodeJpeg);
}

/** decodeImage with a chosen JPEG decoder (shared by the entries). */
export function decodeImageWith(
  bytes: Uint8Array | ArrayBuffer,
  options: DecodeImageOptions | undefined,
  jpegDecoder: JpegDecoder,
): NdArray<Uint8Array> {
  const fn = 'decodeImage';
  const b = checkBytes(`${fn}: bytes`, bytes);
  const opts = checkOptions(`${fn}: options`, options);
  const channels = opts.channels === undefined ? undefined : checkInt(`${fn}: channels`, opts.channels, 1, 4);
  const decodeOpts = opts.maxPixels === undefined ? {} : { maxPixels: opts.maxPixels };
  const format = sniffImageFormat(b);
  let img: NdArray<Uint8Array>;
  if (format === 'png') img = decodePng(b, decodeOpts);
  else if (format === 'jpeg') img = jpegDecoder(b, decodeOpts);
  else {
    const head = Array.from(b.subarray(0, 8), (v) => v.toString(16).padStart(2, '0')).join(' ');
    throw new Error(`${fn}: bytes: not a PNG or JPEG (first bytes: ${head || 'none'})`);
  }
  if (channels === undefined || channels === img.shape[2]) return img;
  return convertChannels(img, channels as 1 | 2 | 3 | 4);
}
