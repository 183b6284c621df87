import { array, describe, type NdArray, type TypedArray } from '@salkit/ndarray';
import { checkImageShape, checkNumberIn, checkOptions } from '../util/validate.js';

/** An integer pixel box `[x1, y1, x2, y2]`: columns x1..x2-1, rows y1..y2-1. */
export type PixelBox = [number, number, number, number];

function checkBox(label: string, bbox: unknown): [number, number, number, number] {
  const b = bbox as ArrayLike<unknown> | null;
  if (!b || typeof b !== 'object' || b.length !== 4 || ![0, 1, 2, 3].every((i) => Number.isFinite(b[i]))) {
    throw new TypeError(`${label}: expected 4 finite numbers [x1, y1, x2, y2], got ${describe(bbox)}`);
  }
  const [x1, y1, x2, y2] = [0, 1, 2, 3].map((i) => b[i] as number) as [number, number, number, number];
  if (!(x2 > x1 && y2 > y1)) {
    throw new Error(`${label}: expected x2 > x1 and y2 > y1, got [${x1}, ${y1}, ${x2}, ${y2}]`);
  }
  return [x1, y1, x2, y2];
}

/**
 * A box `[x1, y1, x2, y2]` grown by `margin` times its width (height) on the left and right
 * (top and bottom), rounded outwards to whole pixels and clipped to an image of `[height, width]`.
 */
export function expandBox(bbox: ArrayLike<number>, imageSize: readonly [number, number], margin = 0): PixelBox {
  return expandBoxFor('expandBox', bbox, imageSize, margin);
}

function expandBoxFor(fn: string, bbox: unknown, imageSize: readonly number[], margin: number): PixelBox {
  const [x1, y1, x2, y2] = checkBox(`${fn}: bbox`, bbox);
  if (
    !Array.isArray(imageSize) ||
    imageSize.length < 2 ||
    !imageSize.slice(0, 2).every((d) => Number.isSafeInteger(d) && d > 0)
  ) {
    throw new TypeError(`${fn}: imageSize: expected [height, width] of positive integers, got ${describe(imageSize)}`);
  }
  checkNumberIn(`${fn}: margin`, margin, 0, 100);
  const [height, width] = imageSize as [number, number];
  const mx = margin * (x2 - x1);
  const my = margin * (y2 - y1);
  const out: PixelBox = [
    Math.max(0, Math.floor(x1 - mx)),
    Math.max(0, Math.floor(y1 - my)),
    Math.min(width, Math.ceil(x2 + mx)),
    Math.min(height, Math.ceil(y2 + my)),
  ];
  if (out[2] <= out[0] || out[3] <= out[1]) {
    throw new Error(`${fn}: bbox: the box [${x1}, ${y1}, ${x2}, ${y2}] lies outside the ${height}x${width} image`);
  }
  return out;
}

/** A copy of the pixels of an image ([H,W] or [H,W,C], any dtype) inside an integer box. */
export function cropImage(image: NdArray, box: PixelBox): NdArray {
  const fn = 'cropImage';
  checkImageShape(`${fn}: image`, image);
  const [x1, y1, x2, y2] = checkBox(`${fn}: box`, box);
  const [height, width, channels = 1] = image.shape as [number, number, number?];
  if (![x1, y1, x2, y2].every(Number.isSafeInteger) || x1 < 0 || y1 < 0 || x2 > width || y2 > height) {
    throw new RangeError(
      `${fn}: box: expected integer corners within the ${height}x${width} image, got [${x1}, ${y1}, ${x2}, ${y2}]`,
    );
  }
  const h = y2 - y1;
  const w = x2 - x1;
  const Ctor = image.data.constructor as { new (n: number): TypedArray };
  const data = new Ctor(h * w * channels);
  const [sy, sx, sc = 0] = image.stride as [number, number, number?];
  const src = image.data;
  let o = 0;
  for (let y = 0; y < h; y++) {
    let p = image.offset + (y1 + y) * sy + x1 * sx;
    for (let x = 0; x < w; x++, p += sx) {
      for (let c = 0; c < channels; c++) data[o++] = src[p + c * sc] as number;
    }
  }
  return array(data, image.shape.length === 3 ? [h, w, channels] : [h, w]);
}

/** Options of {@link cropFace}. */
export interface CropFaceOptions {
  /** Extra border around the box, as a fraction of the box's width / height on each side (default 0). */
  margin?: number;
}

/**
 * The region of a detected face (`bbox` = `[x1, y1, x2, y2]` as a detector gives it), grown by
 * `margin` and clipped to the image, as a new array; `box` is where it sits in the image.
 */
export function cropFace(
  image: NdArray,
  bbox: ArrayLike<number>,
  options?: CropFaceOptions,
): { crop: NdArray; box: PixelBox } {
  const fn = 'cropFace';
  checkImageShape(`${fn}: image`, image);
  const o = checkOptions(`${fn}: options`, options);
  const margin = o.margin === undefined ? 0 : checkNumberIn(`${fn}: margin`, o.margin, 0, 100);
  const box = expandBoxFor(fn, bbox, image.shape, margin);
  return { crop: cropImage(image, box), box };
}
