import { array, dtypeOfData, type NdArray, type TypedArray, toContiguous } from '@salkit/ndarray';

/**
 * Argument checks shared by the viz functions. Every message starts with the label the caller
 * passes (`'overlayHeatmap: image'`), then says what was expected and what came.
 */

/** An sRGB colour as three integers in [0, 255]. */
export type RGB = readonly [number, number, number];

/** A short description of a value for error messages. */
export function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (ArrayBuffer.isView(x)) return `a ${x.constructor.name} of length ${(x as Uint8Array).length}`;
  if (typeof x === 'object') {
    const shape = (x as { shape?: unknown }).shape;
    if (Array.isArray(shape)) return `an array of shape [${shape.join(',')}]`;
    return `an object (${(x as object).constructor?.name ?? 'Object'})`;
  }
  if (typeof x === 'string') return `the string ${JSON.stringify(x)}`;
  return `${typeof x} ${String(x)}`;
}

/** Throws unless `a` is an ndarray over a typed array. */
export function assertNdArray(label: string, a: unknown): asserts a is NdArray {
  const x = a as Partial<NdArray> | null;
  if (
    typeof x !== 'object' ||
    x === null ||
    !ArrayBuffer.isView(x.data) ||
    !Array.isArray(x.shape) ||
    !Array.isArray(x.stride) ||
    typeof x.offset !== 'number'
  ) {
    throw new TypeError(
      `${label}: expected an ndarray (from the 'ndarray' package) over a typed array, got ${describeValue(a)}`,
    );
  }
}

/** Shape as text for messages: `[224,224,3]`. */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

/**
 * The array's values as a dense row-major typed array, without copying when the array already
 * is dense (any offset, e.g. a `pick(k)` of a [K,H,W] stack), else a dense copy.
 */
export function denseData<T extends TypedArray>(a: NdArray<T>): T {
  let expect = 1;
  let dense = true;
  for (let d = a.shape.length - 1; d >= 0; d--) {
    const n = a.shape[d] as number;
    if (n > 1 && a.stride[d] !== expect) {
      dense = false;
      break;
    }
    expect *= n;
  }
  if (dense) return a.data.subarray(a.offset, a.offset + a.size) as T;
  return toContiguous(a).data;
}

/** An 8-bit image: `[H,W]` or `[H,W,C]` with C in `allowed`, over uint8 data. */
export interface ImageView {
  height: number;
  width: number;
  channels: number;
  /** Dense row-major values, H*W*C long. */
  data: Uint8Array | Uint8ClampedArray;
}

/** Validates an 8-bit image and returns its dense data. */
export function checkImage(label: string, img: unknown, allowed: readonly number[] = [1, 3, 4]): ImageView {
  assertNdArray(label, img);
  const shape = img.shape;
  const allowedText = allowed.map((c) => `[H,W,${c}]`).join(', ');
  if (shape.length !== 2 && shape.length !== 3) {
    throw new Error(`${label}: expected shape [H,W] or ${allowedText}, got ${shapeText(shape)}`);
  }
  const channels = shape.length === 2 ? 1 : (shape[2] as number);
  if (!allowed.includes(channels)) {
    throw new Error(`${label}: expected shape [H,W] or ${allowedText}, got ${shapeText(shape)}`);
  }
  const dtype = dtypeOfData(img.data);
  if (dtype !== 'uint8') {
    throw new TypeError(
      `${label}: expected uint8 pixel data (0..255), got ${dtype}${
        dtype.startsWith('float') ? '; scale to 0..255 and convert to a Uint8Array first' : ''
      }`,
    );
  }
  const [height, width] = shape as [number, number];
  if (height === 0 || width === 0) throw new Error(`${label}: expected a non-empty image, got ${shapeText(shape)}`);
  return { height, width, channels, data: denseData(img as NdArray<Uint8Array>) };
}

/** Validates a real-valued 2-D map ([H,W], any numeric dtype) and returns its dense data. */
export function checkMap2d(label: string, map: unknown): { height: number; width: number; data: TypedArray } {
  assertNdArray(label, map);
  if (map.shape.length !== 2) {
    const hint = map.shape.length === 3 ? ' (pick one map of a [K,H,W] stack with maps.pick(k))' : '';
    throw new Error(`${label}: expected shape [H,W]${hint}, got ${shapeText(map.shape)}`);
  }
  const [height, width] = map.shape as [number, number];
  if (height === 0 || width === 0) throw new Error(`${label}: expected a non-empty map, got ${shapeText(map.shape)}`);
  return { height, width, data: denseData(map) };
}

/** Validates an RGB colour (three integers in 0..255) and returns a copy. */
export function checkColor(label: string, c: unknown): [number, number, number] {
  if (
    !Array.isArray(c) ||
    c.length !== 3 ||
    !c.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255)
  ) {
    throw new TypeError(`${label}: expected an RGB colour [r, g, b] of integers in 0..255, got ${describeColor(c)}`);
  }
  return [c[0], c[1], c[2]];
}

function describeColor(c: unknown): string {
  return Array.isArray(c) ? JSON.stringify(c) : describeValue(c);
}

/** Validates a finite number. */
export function checkFinite(label: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new TypeError(`${label}: expected a finite number, got ${describeValue(x)}`);
  }
  return x;
}

/** Validates an integer in [lo, hi]. */
export function checkInt(label: string, x: unknown, lo: number, hi: number): number {
  if (typeof x !== 'number' || !Number.isInteger(x)) {
    throw new TypeError(`${label}: expected an integer in [${lo}, ${hi}], got ${describeValue(x)}`);
  }
  if (x < lo || x > hi) throw new RangeError(`${label}: expected an integer in [${lo}, ${hi}], got ${x}`);
  return x;
}

/** Validates an options argument (undefined becomes {}). */
export function checkOptions<T extends object>(label: string, options: T | undefined): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${label}: expected an options object, got ${describeValue(options)}`);
  }
  return options;
}

/** Validates encoded image bytes (Uint8Array, Node Buffer or ArrayBuffer) and returns a Uint8Array view. */
export function checkBytes(label: string, bytes: unknown): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  throw new TypeError(`${label}: expected a Uint8Array or ArrayBuffer of encoded bytes, got ${describeValue(bytes)}`);
}

/** A [H,W,C] uint8 ndarray over `data`. */
export function imageArray(data: Uint8Array, height: number, width: number, channels: number): NdArray<Uint8Array> {
  return array(data, [height, width, channels]) as NdArray<Uint8Array>;
}
