import { array, type NdArray } from '@salkit/ndarray';
import { registerPlugin } from '@salkit/plugin';
import { z } from 'zod';
import { checkBatchSize, imageSize, PerturbImage } from '../interfaces/PerturbImage.js';
import { type EllipseSpans, ellipseSpans, writeHardRows } from '../kernels/ellipseSpans.js';
import { type SoftRadialPlan, softRadialPlan, writeSoftMasks } from '../kernels/softRadial.js';

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
  /** The ellipse's row spans (for the radii they were computed for). */
  private spansCache: { key: string; spans: EllipseSpans } | null = null;
  /** The soft-mask tables of the last image size. */
  private planCache: { key: string; plan: SoftRadialPlan } | null = null;

  constructor(options: SlidingRadialOptions = {}) {
    super(options);
  }

  private spans(): EllipseSpans {
    const [ry, rx] = this.options.radius;
    const key = `${ry},${rx}`;
    if (this.spansCache?.key !== key) this.spansCache = { key, spans: ellipseSpans(ry, rx) };
    return this.spansCache.spans;
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
    const plan = this.softPlan(H, W);
    for (let i = 0; i < count; i += batchSize) yield this.masks(H, W, nx, i, Math.min(batchSize, count - i), plan);
  }

  /**
   * The shared tables of soft masks for an H x W image, or null for hard masks. The last one is
   * kept (about 1.5 MB for 224x224 with the default options), so further images of that size
   * only assemble masks.
   */
  private softPlan(H: number, W: number): SoftRadialPlan | null {
    const { sigma, stride, radius } = this.options;
    if (sigma === null) return null;
    const key = `${H},${W},${stride},${sigma},${radius}`;
    if (this.planCache?.key !== key) this.planCache = { key, plan: softRadialPlan(H, W, stride, sigma, this.spans()) };
    return this.planCache.plan;
  }

  private masks(
    H: number,
    W: number,
    nx: number,
    start: number,
    count: number,
    plan: SoftRadialPlan | null = this.softPlan(H, W),
  ): NdArray {
    const [sh, sw] = this.options.stride;
    const P = H * W;
    if (plan === null) {
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
    writeSoftMasks(plan, start, count, out);
    return array(out, [count, H, W]);
  }
}
