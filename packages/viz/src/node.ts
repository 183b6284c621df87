import { readFileSync, writeFileSync } from 'node:fs';
import type { NdArray } from '@salkit/ndarray';
import { type DecodeImageOptions, decodeImageWith } from './codec/decodeImage.js';
import { type EncodeJpegOptions, encodeJpeg } from './codec/jpeg.js';
import { type EncodePngOptions, encodePng } from './codec/png.js';
import { decodeJpegLibjpeg } from './node/libjpeg.js';
import { describeValue } from './util/validate.js';

function checkPath(fn: string, path: unknown): void {
  if (typeof path !== 'string' || path.length === 0) {
    throw new TypeError(`${fn}: path: expected a non-empty file path string, got ${describeValue(path)}`);
  }
}

export { encodePngZlib } from './node/encodePngZlib.js';
export { decodeJpegLibjpeg } from './node/libjpeg.js';

/**
 * Node-only: reads a PNG or JPEG file into a `[H,W,C]` uint8 ndarray (see decodeImage), JPEG
 * through libjpeg (decodeJpegLibjpeg): the same pixels as PIL's `Image.open(path)`.
 */
export function readImage(path: string, options?: DecodeImageOptions): NdArray<Uint8Array> {
  checkPath('readImage', path);
  const bytes = readFileSync(path);
  return decodeImageWith(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), options, decodeJpegLibjpeg);
}

/** Node-only: writes a uint8 image as a PNG file (see encodePng). */
export function writePng(path: string, img: NdArray, options?: EncodePngOptions): void {
  checkPath('writePng', path);
  writeFileSync(path, encodePng(img, options));
}

/** Node-only: writes a uint8 image as a JPEG file (see encodeJpeg). */
export function writeJpeg(path: string, img: NdArray, options?: EncodeJpegOptions): void {
  checkPath('writeJpeg', path);
  writeFileSync(path, encodeJpeg(img, options));
}
