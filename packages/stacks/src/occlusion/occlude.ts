import { array, dtypeOfData, type NdArray, type TypedArray, toContiguous } from '@salkit/ndarray';
import { WasmOccluder } from './wasmOcclusion.js';

/** What fills occluded pixels: nothing (black), one value, one value per channel, or an image. */
export type Fill = number | readonly number[] | NdArray | null | undefined;

/**
 * Arithmetic of `m*img + (1-m)*fill` as numpy performs it in xaitk, so results match bit for
 * bit: 'batch' is occlude_image_batch (float32 masks -> all float32), 'streaming' is
 * occlude_image_streaming (a per-channel fill list or fill image promotes the fill term to
 * float64). 0/1 masks are exact either way.
 */
export type OcclusionArithmetic = 'batch' | 'streaming';

/** A validated image + fill, ready to occlude any number of masks. */
export interface OcclusionPlan {
  height: number;
  width: number;
  channels: number;
  /** Image values, dense row-major [H,W,C]. */
  image: TypedArray;
  /** Fill value per pixel-channel ([H*W*C]) or per channel ([C]); null for no fill. */
  fill: Float64Array | null;
  fillPerPixel: boolean;
  imageShape: number[];
  newImageData: (n: number) => TypedArray;
  integerOutput: boolean;
  arithmetic: OcclusionArithmetic;
}

const INTEGER_RANGES: Record<string, [number, number]> = {
  uint8: [0, 255],
  int8: [-128, 127],
  uint16: [0, 65535],
  int16: [-32768, 32767],
  uint32: [0, 4294967295],
  int32: [-2147483648, 2147483647],
};

/** Validates image and fill for occlusion (fn names the public caller in errors). */
export function planOcclusion(fn: string, image: NdArray, fill: Fill, arithmetic: OcclusionArithmetic): OcclusionPlan {
  if (!image || typeof image !== 'object' || !Array.isArray(image.shape) || !('data' in image)) {
    throw new Error(`${fn}: image: expected an ndarray [H,W] or [H,W,C], got ${typeof image}`);
  }
  if (image.shape.length !== 2 && image.shape.length !== 3) {
    throw new Error(`${fn}: image: expected shape [H,W] or [H,W,C], got [${image.shape}]`);
  }
  const [height, width, channels = 1] = image.shape as [number, number, number?];
  const dtype = dtypeOfData(image.data);
  const range = INTEGER_RANGES[dtype];
  const data = toContiguous(image).data;
  const Ctor = data.constructor as { new (n: number): TypedArray };
  let fillValues: Float64Array | null = null;
  let fillPerPixel = false;
  if (fill !== null && fill !== undefined) {
    if (typeof fill === 'number') {
      fillValues = new Float64Array(channels).fill(fill);
    } else if (Array.isArray(fill)) {
      if (fill.length !== channels) {
        throw new Error(
          `${fn}: fill: expected ${channels} per-channel value(s) for image [${image.shape}], got ${fill.length}`,
        );
      }
      fillValues = Float64Array.from(fill as number[]);
    } else if (typeof fill === 'object' && 'shape' in fill) {
      const f = fill as NdArray;
      if (f.shape.join(',') !== image.shape.join(',')) {
        throw new Error(`${fn}: fill: a fill image must have the image's shape [${image.shape}], got [${f.shape}]`);
      }
      fillValues = Float64Array.from(toContiguous(f).data as ArrayLike<number>);
      fillPerPixel = true;
    } else {
      throw new Error(`${fn}: fill: expected a number, one number per channel or an image, got ${typeof fill}`);
    }
    for (const v of fillValues) {
      if (!Number.isFinite(v) || (range && (v < range[0] || v > range[1]))) {
        throw new Error(
          `${fn}: fill: values must be finite${range ? ` and within the image dtype ${dtype}'s range [${range[0]}, ${range[1]}]` : ''}, got ${v}`,
        );
      }
    }
    // occlude_image_batch casts the fill to the image dtype first (np.array(fill, dtype=uint8)
    // truncates 127.5 to 127); the streaming form uses the fill as given.
    if (range && arithmetic === 'batch')
      for (let i = 0; i < fillValues.length; i++) fillValues[i] = Math.trunc(fillValues[i] as number);
  }
  return {
    height,
    width,
    channels,
    image: data,
    fill: fillValues,
    fillPerPixel,
    imageShape: [...image.shape],
    newImageData: (n: number) => new Ctor(n),
    integerOutput: range !== undefined,
    arithmetic,
  };
}

/**
 * Occludes the image with one mask (values `masks[maskOffset .. + H*W]`) into `out` at `outOffset`.
 * `maskIsF32` says the mask values are float32 (numpy then computes the products in float32).
 *
 * Integer images take faster routes with the same arithmetic: float32 and 0/1 uint8 masks over
 * uint8 RGB or grey images go to a WebAssembly SIMD kernel (see wasmOcclusion.ts); 0/1 uint8 and float32
 * masks over 8/16-bit images otherwise take branch-free JS loops; anything else, or a mask that
 * turns out not to fit (a uint8 value other than 0/1, a float32 value outside [0, 1]), goes
 * through the general loop.
 */
export function occludeInto(
  plan: OcclusionPlan,
  masks: TypedArray,
  maskOffset: number,
  maskIsF32: boolean,
  out: TypedArray,
  outOffset: number,
): void {
  if (plan.integerOutput) {
    if (
      ((maskIsF32 && masks instanceof Float32Array) || masks instanceof Uint8Array) &&
      out instanceof Uint8Array &&
      wasmOccluder(plan)?.occlude(masks, maskOffset, out, outOffset)
    )
      return;
    if (masks instanceof Uint8Array && occlude01(plan, masks, maskOffset, out, outOffset)) return;
    if (maskIsF32 && SMALL_INTEGERS.has(plan.image.constructor)) {
      occludeF32(plan, masks, maskOffset, out, outOffset);
      return;
    }
  }
  occludeGeneral(plan, masks, maskOffset, maskIsF32, out, outOffset);
}

const occluders = new WeakMap<OcclusionPlan, WasmOccluder | null>();

/**
 * The plan's WebAssembly occluder (its image copied into wasm memory once), or null where it does
 * not apply: not a uint8 image of 1 or 3 channels, a fill image, or a fill term numpy forms in
 * float64 (streaming with a per-channel fill) or whose values are not float32 numbers.
 */
function wasmOccluder(plan: OcclusionPlan): WasmOccluder | null {
  let w = occluders.get(plan);
  if (w === undefined) {
    const { image, height, width, channels, fill, fillPerPixel } = plan;
    w =
      image.constructor === Uint8Array && !fillPerPixel && (fill === null || fillIsF32(plan, true))
        ? WasmOccluder.create(image as Uint8Array, height * width, channels, fill)
        : null;
    occluders.set(plan, w);
  }
  return w;
}

/** Image types whose values are exact float32 numbers (|x| < 2^24). */
const SMALL_INTEGERS: ReadonlySet<unknown> = new Set([
  Uint8Array,
  Uint8ClampedArray,
  Int8Array,
  Uint16Array,
  Int16Array,
]);

/** Whether the fill term is computed in float32 (numpy's promotion rules; see OcclusionArithmetic). */
function fillIsF32(plan: OcclusionPlan, maskIsF32: boolean): boolean {
  const { channels: C, fill, fillPerPixel, arithmetic } = plan;
  return maskIsF32 && !(arithmetic === 'streaming' && (fillPerPixel || (fill !== null && C > 1)));
}

/** The general loop: any dtypes, any fill, per pixel and channel (exported for tests of the fast paths). */
export function occludeGeneral(
  plan: OcclusionPlan,
  masks: TypedArray,
  maskOffset: number,
  maskIsF32: boolean,
  out: TypedArray,
  outOffset: number,
): void {
  const { height, width, channels: C, image, fill, fillPerPixel, integerOutput } = plan;
  const P = height * width;
  // Per-channel fill lists and fill images are float64 in streaming mode, as numpy promotes them.
  const fillF32 = fillIsF32(plan, maskIsF32);
  for (let p = 0; p < P; p++) {
    const m = masks[maskOffset + p] as number;
    const io = p * C;
    const oo = outOffset + io;
    if (m === 1) {
      for (let c = 0; c < C; c++) out[oo + c] = image[io + c] as number;
      continue;
    }
    if (m === 0 && fill === null) {
      for (let c = 0; c < C; c++) out[oo + c] = 0;
      continue;
    }
    const inv = maskIsF32 ? Math.fround(1 - m) : 1 - m;
    for (let c = 0; c < C; c++) {
      let v = maskIsF32 ? Math.fround(m * (image[io + c] as number)) : m * (image[io + c] as number);
      if (fill !== null) {
        const f = fill[fillPerPixel ? io + c : c] as number;
        if (fillF32) v = Math.fround(v + Math.fround(inv * f));
        else v += inv * f;
      }
      // numpy's float -> integer cast truncates toward zero.
      out[oo + c] = integerOutput ? Math.trunc(v) : v;
    }
  }
}

/**
 * Integer image, uint8 mask: 1 keeps the pixel, 0 writes `trunc(fill)` (0 without a fill; with a
 * 0/1 integer mask numpy's `m*img + (1-m)*fill` is exactly one of the two), computed without
 * branches as `m*x + (1-m)*z` (exact in float64 for integers). Returns false (having written part
 * of `out`) at the first value that is not 0 or 1.
 */
function occlude01(
  plan: OcclusionPlan,
  masks: Uint8Array,
  maskOffset: number,
  out: TypedArray,
  outOffset: number,
): boolean {
  const { height, width, channels: C, image, fill, fillPerPixel } = plan;
  const P = height * width;
  if (fillPerPixel) {
    const f = fill as Float64Array;
    for (let p = 0; p < P; p++) {
      const m = masks[maskOffset + p] as number;
      if (m > 1) return false;
      const io = p * C;
      for (let c = 0; c < C; c++)
        out[outOffset + io + c] = m * (image[io + c] as number) + (1 - m) * Math.trunc(f[io + c] as number);
    }
    return true;
  }
  const z = new Float64Array(C);
  if (fill !== null) for (let c = 0; c < C; c++) z[c] = Math.trunc(fill[c] as number);
  if (C === 3) {
    const z0 = z[0] as number;
    const z1 = z[1] as number;
    const z2 = z[2] as number;
    for (let p = 0, io = 0; p < P; p++, io += 3) {
      const m = masks[maskOffset + p] as number;
      if (m > 1) return false;
      const k = 1 - m;
      const o = outOffset + io;
      out[o] = m * (image[io] as number) + k * z0;
      out[o + 1] = m * (image[io + 1] as number) + k * z1;
      out[o + 2] = m * (image[io + 2] as number) + k * z2;
    }
    return true;
  }
  for (let p = 0; p < P; p++) {
    const m = masks[maskOffset + p] as number;
    if (m > 1) return false;
    const io = p * C;
    for (let c = 0; c < C; c++) out[outOffset + io + c] = m * (image[io + c] as number) + (1 - m) * (z[c] as number);
  }
  return true;
}

/**
 * Integer image with values below 2^24 in magnitude (8/16-bit), float32 mask: the general loop's
 * arithmetic without its branches (for such x, `fround(1*x) = x` and `fround(0*x) = 0`, so the
 * m = 1 and m = 0 cases come out of the same formula); the fill mode is decided once. Integer
 * typed arrays truncate on store exactly like Math.trunc (clamped arrays get it explicitly).
 */
function occludeF32(
  plan: OcclusionPlan,
  masks: TypedArray,
  maskOffset: number,
  out: TypedArray,
  outOffset: number,
): void {
  const { height, width, channels: C, image, fill, fillPerPixel } = plan;
  const P = height * width;
  const fround = Math.fround;
  const clamped = (out as unknown) instanceof Uint8ClampedArray;
  if (fill === null) {
    if (C === 3 && !clamped) {
      for (let p = 0, io = 0; p < P; p++, io += 3) {
        const m = masks[maskOffset + p] as number;
        const o = outOffset + io;
        out[o] = fround(m * (image[io] as number));
        out[o + 1] = fround(m * (image[io + 1] as number));
        out[o + 2] = fround(m * (image[io + 2] as number));
      }
    } else {
      for (let p = 0; p < P; p++) {
        const m = masks[maskOffset + p] as number;
        const io = p * C;
        for (let c = 0; c < C; c++) out[outOffset + io + c] = Math.trunc(fround(m * (image[io + c] as number)));
      }
    }
    return;
  }
  const fillF32 = fillIsF32(plan, true);
  const stride = fillPerPixel ? C : 0;
  const f = fill;
  if (C === 3 && !fillPerPixel && !clamped) {
    const f0 = f[0] as number;
    const f1 = f[1] as number;
    const f2 = f[2] as number;
    for (let p = 0, io = 0; p < P; p++, io += 3) {
      const m = masks[maskOffset + p] as number;
      const inv = fround(1 - m);
      const o = outOffset + io;
      if (fillF32) {
        out[o] = fround(fround(m * (image[io] as number)) + fround(inv * f0));
        out[o + 1] = fround(fround(m * (image[io + 1] as number)) + fround(inv * f1));
        out[o + 2] = fround(fround(m * (image[io + 2] as number)) + fround(inv * f2));
      } else {
        out[o] = fround(m * (image[io] as number)) + inv * f0;
        out[o + 1] = fround(m * (image[io + 1] as number)) + inv * f1;
        out[o + 2] = fround(m * (image[io + 2] as number)) + inv * f2;
      }
    }
    return;
  }
  for (let p = 0; p < P; p++) {
    const m = masks[maskOffset + p] as number;
    const io = p * C;
    const inv = fround(1 - m);
    const fo = p * stride;
    for (let c = 0; c < C; c++) {
      const v = fround(m * (image[io + c] as number));
      const w = fillF32 ? fround(v + fround(inv * (f[fo + c] as number))) : v + inv * (f[fo + c] as number);
      out[outOffset + io + c] = Math.trunc(w);
    }
  }
}

/** Checks masks [N,H,W] against the image's [H,W]. */
function checkMasks(fn: string, plan: OcclusionPlan, masks: NdArray): void {
  if (!masks || !Array.isArray(masks.shape) || masks.shape.length !== 3) {
    throw new Error(
      `${fn}: masks: expected a 3-D ndarray [N,H,W], got ${masks && Array.isArray(masks.shape) ? `[${masks.shape}]` : typeof masks}`,
    );
  }
  if (masks.shape[1] !== plan.height || masks.shape[2] !== plan.width) {
    throw new Error(
      `${fn}: masks [${masks.shape}] do not match the image [${plan.imageShape}]: expected [N,${plan.height},${plan.width}]`,
    );
  }
}

/**
 * xaitk's occlude_image_batch: all N occluded images at once, [N,H,W(,C)], dtype of the image.
 * `out = m*img + (1-m)*fill` per channel; without a fill, occluded pixels go to 0.
 */
export function occludeImageBatch(image: NdArray, masks: NdArray, fill?: Fill): NdArray {
  const fn = 'occludeImageBatch';
  const plan = planOcclusion(fn, image, fill, 'batch');
  checkMasks(fn, plan, masks);
  const N = masks.shape[0] as number;
  const m = toContiguous(masks).data;
  const f32 = dtypeOfData(m) === 'float32';
  const size = plan.height * plan.width * plan.channels;
  const out = plan.newImageData(N * size);
  for (let i = 0; i < N; i++) occludeInto(plan, m, i * plan.height * plan.width, f32, out, i * size);
  return array(out, [N, ...plan.imageShape]);
}

/**
 * xaitk's occlude_image_streaming: yields the occluded images one at a time, so only one is
 * alive per step. `masks` is an [N,H,W] ndarray or an iterable of [H,W] masks.
 */
export function* occludeImageStreaming(
  image: NdArray,
  masks: NdArray | Iterable<NdArray>,
  fill?: Fill,
): Generator<NdArray, void, undefined> {
  const fn = 'occludeImageStreaming';
  const plan = planOcclusion(fn, image, fill, 'streaming');
  const size = plan.height * plan.width * plan.channels;
  if ('shape' in masks && Array.isArray((masks as NdArray).shape)) {
    const mk = masks as NdArray;
    checkMasks(fn, plan, mk);
    const m = toContiguous(mk).data;
    const f32 = dtypeOfData(m) === 'float32';
    for (let i = 0; i < (mk.shape[0] as number); i++) {
      const out = plan.newImageData(size);
      occludeInto(plan, m, i * plan.height * plan.width, f32, out, 0);
      yield array(out, plan.imageShape);
    }
    return;
  }
  let i = 0;
  for (const mask of masks as Iterable<NdArray>) {
    if (!mask || !Array.isArray(mask.shape) || mask.shape.join(',') !== `${plan.height},${plan.width}`) {
      throw new Error(
        `${fn}: masks[${i}]: expected shape [${plan.height},${plan.width}] to match the image, got ${mask && Array.isArray(mask.shape) ? `[${mask.shape}]` : typeof mask}`,
      );
    }
    const m = toContiguous(mask).data;
    const out = plan.newImageData(size);
    occludeInto(plan, m, 0, dtypeOfData(m) === 'float32', out, 0);
    yield array(out, plan.imageShape);
    i++;
  }
}
