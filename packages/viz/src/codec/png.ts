/// <reference path="./pngjs-browser.d.ts" />
import type { NdArray } from '@salkit/ndarray';
import pngjs from 'pngjs/browser.js';
import { checkImage, checkInt, checkOptions, imageArray } from '../util/validate.js';
import { checkDecodeArgs, plainBytes } from './bytes.js';

// pngjs's browser bundle (not its main entry, which needs Node's zlib and streams) in every
// environment: the same code path in Node and in browsers.
const { PNG } = pngjs;

/** PNG colour types by channel count: gray, gray+alpha, RGB, RGBA. */
const COLOR_TYPE: Record<number, number> = { 1: 0, 2: 4, 3: 2, 4: 6 };

export interface EncodePngOptions {
  /** zlib compression level 0..9 (default 9, pngjs's default). */
  compressionLevel?: number;
}

/**
 * Encodes a uint8 image as an 8-bit PNG: `[H,W]` or `[H,W,1]` -> grayscale, `[H,W,2]` -> gray +
 * alpha, `[H,W,3]` -> RGB, `[H,W,4]` -> RGBA. Lossless: decodePng gives the pixels back exactly.
 */
export function encodePng(img: NdArray, options?: EncodePngOptions): Uint8Array {
  const fn = 'encodePng';
  const { height, width, channels, data } = checkImage(`${fn}: img`, img, [1, 2, 3, 4]);
  const opts = checkOptions(`${fn}: options`, options);
  const level =
    opts.compressionLevel === undefined ? 9 : checkInt(`${fn}: compressionLevel`, opts.compressionLevel, 0, 9);
  const colorType = COLOR_TYPE[channels] as number;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.length);
  const out = PNG.sync.write(
    { width, height, data: bytes },
    {
      colorType,
      inputColorType: colorType,
      inputHasAlpha: channels === 2 || channels === 4,
      bitDepth: 8,
      deflateLevel: level,
    },
  );
  return plainBytes(out);
}

/** The 8 bytes every PNG file starts with. */
export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** True when `bytes` starts with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((v, i) => bytes[i] === v);
}

export interface DecodeOptions {
  /** Refuse images with more pixels than this (default 100 megapixels), before allocating them. */
  maxPixels?: number;
}

type BufferClass = { from(ab: ArrayBufferLike, offset: number, length: number): Uint8Array };

/** The Buffer class bundled in pngjs/browser.js, which its parser needs (readUInt32BE & co.). */
let bundledBuffer: BufferClass | undefined;

/** `bytes` as the bundle's Buffer: a view, not a copy. */
function toBundledBuffer(bytes: Uint8Array): Uint8Array {
  if (!bundledBuffer) {
    const ctor = new PNG({ width: 1, height: 1 }).data?.constructor as Partial<BufferClass> | undefined;
    if (typeof ctor?.from !== 'function') {
      throw new Error('decodePng: pngjs/browser.js did not expose its Buffer class; is pngjs at version 7?');
    }
    bundledBuffer = ctor as BufferClass;
  }
  return bundledBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * pngjs blanks the colour of pixels made transparent by a tRNS key colour (gray or RGB files);
 * those are exactly the pixels with alpha 0, so give them back the key colour, scaled to 8 bits
 * as pngjs scales samples.
 */
function restoreKeyColor(out: Uint8Array, size: number, channels: number, key: number[], depth: number): void {
  const max = 2 ** depth - 1;
  const k = key.map((v) => Math.floor((v * 255) / max + 0.5));
  const colors = channels - 1;
  for (let o = 0; o < size * channels; o += channels) {
    if (out[o + colors] !== 0) continue;
    for (let c = 0; c < colors; c++) out[o + c] = k[colors === 1 ? 0 : c] as number;
  }
}

/**
 * Decodes a PNG into a `[H,W,C]` uint8 ndarray, C by the file's colour type: 1 gray, 2 gray +
 * alpha, 3 RGB (also palette), 4 RGBA (or any type with a tRNS transparency entry). 16-bit
 * and low-bit files are scaled to 8 bits; all bit depths, palettes and interlacing are read.
 */
export function decodePng(bytes: Uint8Array | ArrayBuffer, options?: DecodeOptions): NdArray<Uint8Array> {
  const fn = 'decodePng';
  const { bytes: b, maxPixels } = checkDecodeArgs(fn, bytes, options);
  if (!isPng(b)) throw new Error(`${fn}: bytes: not a PNG (the 8-byte PNG signature is missing)`);
  if (b.length >= 24) {
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const w = view.getUint32(16);
    const h = view.getUint32(20);
    if (w * h > maxPixels) {
      throw new RangeError(`${fn}: the image is ${h}x${w} = ${w * h} pixels, more than maxPixels ${maxPixels}`);
    }
  }
  let png: ReturnType<typeof PNG.sync.read>;
  try {
    png = PNG.sync.read(toBundledBuffer(b));
  } catch (e) {
    throw new Error(`${fn}: invalid PNG data: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { width, height } = png;
  const channels = (png.color ? 3 : 1) + (png.alpha ? 1 : 0);
  const rgba = png.data;
  const size = width * height;
  const out = new Uint8Array(size * channels);
  if (channels === 4) out.set(rgba.subarray(0, 4 * size));
  else {
    for (let i = 0, s = 0, o = 0; i < size; i++, s += 4, o += channels) {
      out[o] = rgba[s] as number;
      if (channels === 3) {
        out[o + 1] = rgba[s + 1] as number;
        out[o + 2] = rgba[s + 2] as number;
      } else if (channels === 2) {
        out[o + 1] = rgba[s + 3] as number;
      }
    }
  }
  if (png.transColor && !png.palette) restoreKeyColor(out, size, channels, png.transColor, png.depth);
  return imageArray(out, height, width, channels);
}
