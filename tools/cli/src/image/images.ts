import { array, type NdArray, resize } from '@salkit/ndarray';

/** An input image as RGB uint8 `[H,W,3]`, and where it came from. */
export interface InputImage {
  /** Absolute path. */
  path: string;
  image: NdArray<Uint8Array>;
}

/** [height, width] of an image or map. */
export function sizeOf(a: NdArray): [number, number] {
  return [a.shape[0] as number, a.shape[1] as number];
}

/** The size a `[h, w]` image takes when its longer side is scaled down to at most `maxSide`. */
export function fitSize([h, w]: [number, number], maxSide: number): [number, number] {
  const f = maxSide / Math.max(h, w);
  if (f >= 1) return [h, w];
  return [Math.max(1, Math.round(h * f)), Math.max(1, Math.round(w * f))];
}

/** A bilinear resize of an RGB uint8 image (a copy when the size is unchanged). */
export function resizeImage(image: NdArray, [h, w]: [number, number]): NdArray<Uint8Array> {
  const [H, W] = sizeOf(image);
  const C = image.shape[2] as number;
  if (H === h && W === w) {
    const out = new Uint8Array(H * W * C);
    let o = 0;
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < C; c++) out[o++] = image.get(y, x, c);
    return array(out, [H, W, C]) as NdArray<Uint8Array>;
  }
  const r = resize(image as NdArray<Uint8Array>, [h, w, C], { preserveRange: true });
  const out = new Uint8Array(r.data.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(r.data[i] as number);
  return array(out, [h, w, C]) as NdArray<Uint8Array>;
}

/** An image scaled down (never up) so its longer side is at most `maxSide`. */
export function downscale(image: NdArray<Uint8Array>, maxSide: number): NdArray<Uint8Array> {
  const size = fitSize(sizeOf(image), maxSide);
  const [H, W] = sizeOf(image);
  return size[0] === H && size[1] === W ? image : resizeImage(image, size);
}

/** A saliency map `[h,w]` resized (bilinear) to `[H,W]`, as float64. */
export function resizeMap(map: NdArray, [H, W]: [number, number]): NdArray<Float64Array> {
  const [h, w] = sizeOf(map);
  const data = new Float64Array(h * w);
  let o = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[o++] = map.get(y, x);
  const flat = array(data, [h, w]) as NdArray<Float64Array>;
  if (h === H && w === W) return flat;
  return resize(flat, [H, W], { preserveRange: true }) as NdArray<Float64Array>;
}
