import type { NdArray } from '@salkit/ndarray';

/** Where an image sits in its zero-padded square: rows/cols added before it, and the padded size. */
export interface PadLayout {
  top: number;
  left: number;
  paddedHeight: number;
  paddedWidth: number;
}

/**
 * Zero padding of an [h, w] image to a square, as face-api's padToSquare does it: 'end' puts all
 * of it after the image (bottom / right), 'center' splits it with the larger half after.
 */
export function padLayout(height: number, width: number, pad: 'none' | 'center' | 'end'): PadLayout {
  if (pad === 'none' || height === width) return { top: 0, left: 0, paddedHeight: height, paddedWidth: width };
  const diff = Math.abs(height - width);
  const after = pad === 'center' ? Math.round(diff * 0.5) : diff;
  const before = diff - after;
  const side = Math.max(height, width);
  return height > width
    ? { top: 0, left: before, paddedHeight: side, paddedWidth: side }
    : { top: before, left: 0, paddedHeight: side, paddedWidth: side };
}

/** Per output index along one axis: the two source indices in the image (-1: padding) and the weight of the second. */
interface AxisTaps {
  lo: Int32Array;
  hi: Int32Array;
  frac: Float64Array;
}

/**
 * Source taps along one axis, with TF.js's resize semantics (alignCorners = false): bilinear
 * samples at `ratio * i` (or `ratio * (i + 0.5) - 0.5` with half-pixel centres) between
 * `max(0, floor(s))` and `min(n - 1, ceil(s))`; nearest takes `floor` of `ratio * i` (or of
 * `ratio * (i + 0.5)`).
 */
function axisTaps(
  outSize: number,
  paddedSize: number,
  before: number,
  imageSize: number,
  bilinear: boolean,
  halfPixelCenters: boolean,
): AxisTaps {
  const lo = new Int32Array(outSize);
  const hi = new Int32Array(outSize);
  const frac = new Float64Array(outSize);
  const ratio = paddedSize / outSize;
  const toImage = (p: number) => {
    const i = p - before;
    return i >= 0 && i < imageSize ? i : -1;
  };
  for (let i = 0; i < outSize; i++) {
    let a: number;
    let b: number;
    let f = 0;
    if (bilinear) {
      const s = halfPixelCenters ? ratio * (i + 0.5) - 0.5 : ratio * i;
      a = Math.max(0, Math.floor(s));
      b = Math.min(paddedSize - 1, Math.ceil(s));
      f = s - a;
    } else {
      const s = halfPixelCenters ? ratio * (i + 0.5) : ratio * i;
      a = Math.min(paddedSize - 1, Math.floor(s));
      if (halfPixelCenters) a = Math.max(0, a);
      b = a;
    }
    lo[i] = toImage(a);
    hi[i] = toImage(b);
    frac[i] = f;
  }
  return { lo, hi, frac };
}

/**
 * Writes a uint8 image ([H,W] or [H,W,C], C = 1 repeated to RGB, C >= 3 read as RGB), zero-padded
 * per `layout` and resized to [outHeight, outWidth], as float RGB into `out` from `offset`. Equals
 * `tf.pad` then `tf.image.resizeBilinear` / `resizeNearestNeighbor` (alignCorners = false) up to
 * float rounding, but reads only the pixels it samples and builds no intermediate image.
 */
export function resampleRgbInto(
  img: NdArray,
  channels: number,
  layout: PadLayout,
  outHeight: number,
  outWidth: number,
  bilinear: boolean,
  halfPixelCenters: boolean,
  out: Float32Array,
  offset: number,
): void {
  const [height, width] = img.shape as [number, number];
  const rows = axisTaps(outHeight, layout.paddedHeight, layout.top, height, bilinear, halfPixelCenters);
  const cols = axisTaps(outWidth, layout.paddedWidth, layout.left, width, bilinear, halfPixelCenters);
  const sy = img.stride[0] as number;
  const sx = img.stride[1] as number;
  const sc = channels === 1 ? 0 : (img.stride[2] as number);
  const d = img.data;
  // Source offsets of the column taps (-1: padding).
  const c0 = new Int32Array(outWidth);
  const c1 = new Int32Array(outWidth);
  for (let x = 0; x < outWidth; x++) {
    const a = cols.lo[x] as number;
    const b = cols.hi[x] as number;
    c0[x] = a < 0 ? -1 : a * sx;
    c1[x] = b < 0 ? -1 : b * sx;
  }
  let o = offset;
  for (let y = 0; y < outHeight; y++) {
    const ra = rows.lo[y] as number;
    const rb = rows.hi[y] as number;
    const r0 = ra < 0 ? -1 : img.offset + ra * sy;
    const r1 = rb < 0 ? -1 : img.offset + rb * sy;
    const fy = rows.frac[y] as number;
    for (let x = 0; x < outWidth; x++, o += 3) {
      const fx = cols.frac[x] as number;
      const xa = c0[x] as number;
      const xb = c1[x] as number;
      const pTL = r0 < 0 || xa < 0 ? -1 : r0 + xa;
      const pTR = r0 < 0 || xb < 0 ? -1 : r0 + xb;
      const pBL = r1 < 0 || xa < 0 ? -1 : r1 + xa;
      const pBR = r1 < 0 || xb < 0 ? -1 : r1 + xb;
      for (let c = 0; c < 3; c++) {
        const k = c * sc;
        const tl = pTL < 0 ? 0 : (d[pTL + k] as number);
        const tr = pTR < 0 ? 0 : (d[pTR + k] as number);
        const bl = pBL < 0 ? 0 : (d[pBL + k] as number);
        const br = pBR < 0 ? 0 : (d[pBR + k] as number);
        const top = tl + (tr - tl) * fx;
        const bottom = bl + (br - bl) * fx;
        out[o + c] = top + (bottom - top) * fy;
      }
    }
  }
}
