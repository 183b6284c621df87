/** Arrays as plain data (a typed array and a shape), to pass to and from the image worker. */
import { array, type NdArray } from '@salkit/ndarray';

export interface Plain<T extends Uint8Array | Float64Array> {
  data: T;
  shape: number[];
}

function isPacked(a: NdArray): boolean {
  let step = 1;
  for (let d = a.shape.length - 1; d >= 0; d--) {
    if (a.stride[d] !== step) return false;
    step *= a.shape[d] as number;
  }
  return a.offset === 0 && a.data.length === step;
}

/**
 * A uint8 image's pixels, row-major, in a buffer of their own (shared with `img` when it already
 * is one: a posted typed array carries its whole buffer).
 */
export function plainImage(img: NdArray): Plain<Uint8Array> {
  const shape = [...img.shape];
  const d = img.data;
  if (d instanceof Uint8Array && isPacked(img) && d.byteOffset === 0 && d.byteLength === d.buffer.byteLength) {
    return { data: d, shape };
  }
  const out = new Uint8Array(shape.reduce((n, s) => n * s, 1));
  const [H, W, C = 1] = shape as [number, number, number?];
  let o = 0;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      for (let c = 0; c < C; c++) out[o++] = shape.length === 3 ? img.get(y, x, c) : img.get(y, x);
  return { data: out, shape };
}

/** A map `[h,w]` (e.g. a view into a stack's output) as float64 values, row-major. */
export function plainMap(map: NdArray): Plain<Float64Array> {
  const [h, w] = map.shape as [number, number];
  const data = new Float64Array(h * w);
  let o = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[o++] = map.get(y, x);
  return { data, shape: [h, w] };
}

/** The ndarray over plain data (no copy). */
export function fromPlain<T extends Uint8Array | Float64Array>(p: Plain<T>): NdArray<T> {
  return array(p.data, p.shape) as NdArray<T>;
}
