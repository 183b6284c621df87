import { array, dtypeOfData, gaussianFilter, type NdArray, toContiguous } from '@salkit/ndarray';
import type { Fill } from '../occlusion/occlude.js';

/** Occluded pixels take a Gaussian-blurred copy of the image (xaitk's maintainers recommend it over solid colours). */
export interface BlurFill {
  readonly blur: number | readonly [number, number];
}

/** What a stack's public `fill` field may hold. */
export type StackFill = Fill | BlurFill;

/** A blurred fill of the given sigma (pixels; one value or [sy, sx]). */
export function blurredFill(sigma: number | readonly [number, number]): BlurFill {
  const s = typeof sigma === 'number' ? [sigma, sigma] : sigma;
  if (!Array.isArray(s) || s.length !== 2 || s.some((v) => typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
    throw new Error(`blurredFill: sigma: expected a non-negative number or [sy, sx], got ${JSON.stringify(sigma)}`);
  }
  return { blur: typeof sigma === 'number' ? sigma : [sigma[0], sigma[1]] };
}

function isBlurFill(f: unknown): f is BlurFill {
  return typeof f === 'object' && f !== null && !Array.isArray(f) && 'blur' in f;
}

/** The concrete fill for `refImage`: a blurred fill becomes an image of the same shape. */
export function resolveFill(refImage: NdArray, fill: StackFill): Fill {
  if (!isBlurFill(fill)) return fill;
  const { blur } = blurredFill(fill.blur as number | [number, number]);
  const sigma = typeof blur === 'number' ? [blur, blur] : blur;
  const [H, W, C = 1] = refImage.shape as [number, number, number?];
  const src = toContiguous(refImage).data;
  const out = new Float64Array(H * W * C);
  const channel = new Float64Array(H * W);
  for (let c = 0; c < C; c++) {
    for (let p = 0; p < H * W; p++) channel[p] = src[p * C + c] as number;
    const blurred = gaussianFilter(array(channel, [H, W]) as NdArray<Float64Array>, sigma).data;
    for (let p = 0; p < H * W; p++) out[p * C + c] = blurred[p] as number;
  }
  // Integer images take the blurred values rounded, so the fill is a valid pixel value.
  if (dtypeOfData(src) !== 'float32' && dtypeOfData(src) !== 'float64')
    for (let i = 0; i < out.length; i++) out[i] = Math.round(out[i] as number);
  return array(out, [...refImage.shape]);
}
