import { array, ellipseMask, gaussianFilter, type NdArray } from '@salkit/ndarray';
import { registerPlugin } from '@salkit/plugin';
import { z } from 'zod';
import { checkBatchSize, imageSize, PerturbImage } from '../interfaces/PerturbImage.js';
import { type EllipseSpans, ellipseSpans, writeHardRows } from '../kernels/ellipseSpans.js';

const Schema = z.object({
  /** Radii [ry, rx] of the occluding ellipse in pixels. */
  radius: z.tuple([z.number().positive(), z.number().positive()]).default([50, 50]),
  /** Step [rows, cols] between ellipse centres in pixels. */
  stride: z.tuple([z.number().int().positive(), z.number().int().positive()]).default([20, 20]),
  /** Gaussian blur [sy, sx] of the ellipse for soft masks; null for hard 0/1 masks. */
  sigma: z.tuple([z.number().nonnegative(), z.number().nonnegative()]).nullable().default(null),
});
export type SlidingRadialOptions = z.input<typeof Schema>;

/**
 * Radial occlusion slid over the image (xaitk's `SlidingRadial`): one mask per centre
 * `(cy, cx)` on the stride grid, row-major. Without `sigma` the mask is uint8 0/1, 0 inside the
 * ellipse. With `sigma` the ellipse is Gaussian-blurred (scipy semantics, float32), divided by
 * its maximum and inverted: a float32 mask fading from 0 at the centre to 1 outside.
 */
export class SlidingRadial extends PerturbImage {
  static {
    registerPlugin(this, 'salkit.perturb.SlidingRadial');
  }
  static override readonly configSchema = Schema;
  declare readonly options: z.output<typeof Schema>;
  /** The ellipse's row spans, computed on first use. */
  private spansCache: EllipseSpans | null = null;

  constructor(options: SlidingRadialOptions = {}) {
    super(options);
  }

  private spans(): EllipseSpans {
    if (this.spansCache === null) this.spansCache = ellipseSpans(this.options.radius[0], this.options.radius[1]);
    return this.spansCache;
  }

  private centres(refImage: NdArray, fn: string): { H: number; W: number; nx: number; count: number } {
    const [H, W] = imageSize(fn, refImage);
    const [sh, sw] = this.options.stride;
    const ny = Math.ceil(H / sh);
    const nx = Math.ceil(W / sw);
    return { H, W, nx, count: ny * nx };
  }

  override maskCount(refImage: NdArray): number {
    return this.centres(refImage, 'SlidingRadial.maskCount').count;
  }

  perturb(refImage: NdArray): NdArray {
    const { H, W, nx, count } = this.centres(refImage, 'SlidingRadial.perturb');
    return this.masks(H, W, nx, 0, count);
  }

  override *perturbBatches(refImage: NdArray, batchSize: number): Generator<NdArray, void, undefined> {
    checkBatchSize('SlidingRadial.perturbBatches', batchSize);
    const { H, W, nx, count } = this.centres(refImage, 'SlidingRadial.perturbBatches');
    for (let i = 0; i < count; i += batchSize) yield this.masks(H, W, nx, i, Math.min(batchSize, count - i));
  }

  private masks(H: number, W: number, nx: number, start: number, count: number): NdArray {
    const [sh, sw] = this.options.stride;
    const [ry, rx] = this.options.radius;
    const sigma = this.options.sigma;
    const P = H * W;
    if (sigma === null) {
      const spans = this.spans();
      const out = new Uint8Array(count * P);
      for (let k = 0; k < count; k++) {
        const i = start + k;
        const cy = Math.floor(i / nx) * sh;
        const cx = (i % nx) * sw;
        if (k >= nx && sh < H) {
          // The mask one centre row up is in this batch: this one is it moved down sh rows.
          const prev = (k - nx) * P;
          out.copyWithin(k * P + sh * W, prev, prev + (H - sh) * W);
          writeHardRows(out, k * P, W, 0, sh, cy, cx, spans);
        } else {
          writeHardRows(out, k * P, W, 0, H, cy, cx, spans);
        }
      }
      return array(out, [count, H, W]);
    }
    const out = new Float32Array(count * P);
    const disk = array(new Float32Array(P), [H, W]);
    for (let k = 0; k < count; k++) {
      const i = start + k;
      disk.data.fill(0);
      ellipseMask(Math.floor(i / nx) * sh, (i % nx) * sw, ry, rx, [H, W], { out: disk });
      const blurred = gaussianFilter(disk as NdArray<Float32Array>, sigma).data;
      let max = 0;
      for (let p = 0; p < P; p++) if ((blurred[p] as number) > max) max = blurred[p] as number;
      // float32 arithmetic as numpy: mask / mask.max(), then 1 - mask.
      const o = k * P;
      for (let p = 0; p < P; p++) out[o + p] = Math.fround(1 - Math.fround((blurred[p] as number) / max));
    }
    return array(out, [count, H, W]);
  }
}
