import { describe, dtypeOfData, type NdArray } from '@salkit/ndarray';
import type * as TF from '@tensorflow/tfjs';
import { tf } from '#tfjs';
import { type PadLayout, padLayout, resampleRgbInto } from '../kernels/resample.js';
import { checkImageShape, checkNumberIn, checkOneOf, checkOptions, checkPositiveInt } from '../util/validate.js';

/** How {@link imageBatchToTensor} turns uint8 images into a model's input tensor. */
export interface ImageBatchToTensorOptions {
  /** Resize every image to `[height, width]` (after padding). Without it all images must share one size. */
  size?: readonly [number, number];
  /** Pad with zeros to a square before resizing: centred, at the bottom/right ('end'), or not (default). */
  pad?: 'none' | 'center' | 'end';
  /** Resize kernel (default 'bilinear'). */
  resizeMethod?: 'bilinear' | 'nearest';
  /** Sample at pixel centres when resizing (default true, as TF2's `tf.image.resize`; face-api's models use false). */
  halfPixelCenters?: boolean;
  /** Pixel values are multiplied by `scale` (default 1: values stay in 0..255)... */
  scale?: number;
  /** ...then `mean` is subtracted (one value, or one per RGB channel; default 0)... */
  mean?: number | readonly number[];
  /** ...and the result divided by `std` (one value or one per channel; default 1). */
  std?: number | readonly number[];
  /** Dtype of the tensor: 'float32' (default) or 'int32' (a cast, truncating, after normalising). */
  dtype?: 'float32' | 'int32';
}

/** A preprocessing function: a batch of images to one input tensor (called inside `tf.tidy`). */
export type PreprocessFn = (images: readonly NdArray[]) => TF.Tensor;

interface ResolvedOptions {
  size: [number, number] | null;
  pad: 'none' | 'center' | 'end';
  resizeMethod: 'bilinear' | 'nearest';
  halfPixelCenters: boolean;
  scale: number;
  mean: number[];
  std: number[];
  dtype: 'float32' | 'int32';
}

function perChannel(label: string, x: unknown, fallback: number, nonZero: boolean): number[] {
  if (x === undefined) return [fallback];
  const values = typeof x === 'number' ? [x] : Array.isArray(x) ? (x as unknown[]) : null;
  if (values === null || (values.length !== 1 && values.length !== 3)) {
    throw new TypeError(
      `${label}: expected a number or an array of 3 numbers (one per RGB channel), got ${describe(x)}`,
    );
  }
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v) || (nonZero && v === 0)) {
      throw new RangeError(`${label}: expected finite${nonZero ? ', non-zero' : ''} numbers, got ${describe(v)}`);
    }
  }
  return values as number[];
}

function resolveOptions(label: string, options: ImageBatchToTensorOptions | undefined): ResolvedOptions {
  const o = checkOptions(label, options);
  let size: [number, number] | null = null;
  if (o.size !== undefined) {
    if (!Array.isArray(o.size) || o.size.length !== 2) {
      throw new TypeError(`${label}: size: expected [height, width], got ${describe(o.size)}`);
    }
    size = [checkPositiveInt(`${label}: size[0]`, o.size[0]), checkPositiveInt(`${label}: size[1]`, o.size[1])];
  }
  return {
    size,
    pad: o.pad === undefined ? 'none' : checkOneOf(`${label}: pad`, o.pad, ['none', 'center', 'end']),
    resizeMethod:
      o.resizeMethod === undefined
        ? 'bilinear'
        : checkOneOf(`${label}: resizeMethod`, o.resizeMethod, ['bilinear', 'nearest']),
    halfPixelCenters: o.halfPixelCenters === undefined ? true : Boolean(o.halfPixelCenters),
    scale: o.scale === undefined ? 1 : checkNumberIn(`${label}: scale`, o.scale, -Number.MAX_VALUE, Number.MAX_VALUE),
    mean: perChannel(`${label}: mean`, o.mean, 0, false),
    std: perChannel(`${label}: std`, o.std, 1, true),
    dtype: o.dtype === undefined ? 'float32' : checkOneOf(`${label}: dtype`, o.dtype, ['float32', 'int32']),
  };
}

/** Validates one image: a uint8 ndarray [H,W], [H,W,1], [H,W,3] or [H,W,4] (alpha is dropped). */
export function checkImage(label: string, img: unknown): { height: number; width: number; channels: number } {
  checkImageShape(label, img);
  const dtype = dtypeOfData(img.data);
  if (dtype !== 'uint8') {
    throw new TypeError(`${label}: expected a uint8 image (pixel values 0..255), got dtype ${dtype}`);
  }
  const [height, width, channels = 1] = img.shape as [number, number, number?];
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw new Error(`${label}: expected 1, 3 or 4 channels, got shape [${img.shape.join(',')}]`);
  }
  return { height, width, channels };
}

/** Writes an image's pixels as RGB float values into `out` from `offset` (gray is repeated). */
function writeRgb(img: NdArray, channels: number, out: Float32Array, offset: number): void {
  const [height, width] = img.shape as [number, number];
  const sy = img.stride[0] as number;
  const sx = img.stride[1] as number;
  const sc = channels === 1 ? 0 : (img.stride[2] as number);
  const d = img.data;
  let o = offset;
  for (let y = 0; y < height; y++) {
    let p = img.offset + y * sy;
    for (let x = 0; x < width; x++, p += sx, o += 3) {
      out[o] = d[p] as number;
      out[o + 1] = d[p + sc] as number;
      out[o + 2] = d[p + 2 * sc] as number;
    }
  }
}

/** One uint8 image as a float32 RGB tensor [H,W,3] with values 0..255 (the caller disposes it). */
export function imageToTensor(image: NdArray, label = 'imageToTensor: image'): TF.Tensor3D {
  const { height, width, channels } = checkImage(label, image);
  const data = new Float32Array(height * width * 3);
  writeRgb(image, channels, data, 0);
  return tf.tensor3d(data, [height, width, 3], 'float32');
}

function buildBatch(fn: string, images: readonly NdArray[], o: ResolvedOptions): TF.Tensor4D {
  if (!Array.isArray(images) || images.length === 0) {
    throw new Error(`${fn}: images: expected a non-empty array of images, got ${describe(images)}`);
  }
  const info = images.map((img, i) => checkImage(`${fn}: images[${i}]`, img));
  const layouts = info.map((s) => padLayout(s.height, s.width, o.pad));
  const first = layouts[0] as PadLayout;
  const [outHeight, outWidth] = o.size ?? [first.paddedHeight, first.paddedWidth];
  if (
    o.size === null &&
    layouts.some((l) => l.paddedHeight !== first.paddedHeight || l.paddedWidth !== first.paddedWidth)
  ) {
    const sizes = info.map((s) => `${s.height}x${s.width}`);
    throw new Error(
      `${fn}: images: images of different sizes (${[...new Set(sizes)].join(', ')}) need options.size to resize them to one size`,
    );
  }
  const per = outHeight * outWidth * 3;
  const data = new Float32Array(per * images.length);
  images.forEach((img, i) => {
    const { height, width, channels } = info[i] as { height: number; width: number; channels: number };
    if (height === outHeight && width === outWidth) {
      // Nothing to pad or resize (e.g. a batch of occluded copies of one image): a plain copy.
      writeRgb(img, channels, data, i * per);
    } else {
      const bilinear = o.resizeMethod === 'bilinear';
      const layout = layouts[i] as PadLayout;
      resampleRgbInto(img, channels, layout, outHeight, outWidth, bilinear, o.halfPixelCenters, data, i * per);
    }
  });
  return tf.tensor4d(data, [images.length, outHeight, outWidth, 3], 'float32');
}

function normalize(x: TF.Tensor4D, o: ResolvedOptions): TF.Tensor4D {
  let out = x;
  if (o.scale !== 1) out = tf.mul(out, o.scale);
  if (o.mean.some((v) => v !== 0)) out = tf.sub(out, o.mean.length === 1 ? (o.mean[0] as number) : tf.tensor1d(o.mean));
  if (o.std.some((v) => v !== 1)) out = tf.div(out, o.std.length === 1 ? (o.std[0] as number) : tf.tensor1d(o.std));
  return o.dtype === 'int32' ? tf.cast(out, 'int32') : out;
}

/**
 * A batch of uint8 images ([H,W], [H,W,1], [H,W,3] or [H,W,4]) as one RGB tensor [B,h,w,3]:
 * optional zero padding to a square, resizing, then `(x * scale - mean) / std`. The caller
 * disposes the result; intermediates are released.
 */
export function imageBatchToTensor(images: readonly NdArray[], options?: ImageBatchToTensorOptions): TF.Tensor4D {
  const fn = 'imageBatchToTensor';
  const o = resolveOptions(`${fn}: options`, options);
  return tf.tidy(() => normalize(buildBatch(fn, images, o), o));
}

/**
 * A preprocessing function with fixed options (validated now, not at the first batch):
 * `makePreprocess({ size: [224, 224], scale: 1 / 255 })`.
 */
export function makePreprocess(options?: ImageBatchToTensorOptions, label = 'makePreprocess'): PreprocessFn {
  const o = resolveOptions(`${label}: options`, options);
  return (images) => tf.tidy(() => normalize(buildBatch(label, images, o), o));
}
