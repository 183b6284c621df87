import { array, type NdArray } from '@salkit/ndarray';
import { registerPlugin } from '@salkit/plugin';
import { z } from 'zod';
import { checkBatchSize, imageSize, PerturbImage } from '../interfaces/PerturbImage.js';
import { windowOrigins, writeWindowMask } from '../kernels/slidingWindow.js';

const Pair = z.tuple([z.number().int().positive(), z.number().int().positive()]);
const Schema = z.object({
  /** Window [height, width] in pixels. */
  windowSize: Pair.default([50, 50]),
  /** Step [rows, cols] between windows in pixels. */
  stride: Pair.default([20, 20]),
});
export type SlidingWindowOptions = z.input<typeof Schema>;

/**
 * Block occlusion by a window slid over the image (xaitk's `SlidingWindow`): one mask per window
 * position, row-major, 0 inside the (image-clipped) window and 1 elsewhere, uint8 0/1 [N,H,W].
 * Windows are centred so the overhang of the last one is split between both borders.
 */
export class SlidingWindow extends PerturbImage {
  static {
    registerPlugin(this, 'salkit.perturb.SlidingWindow');
  }
  static override readonly configSchema = Schema;
  declare readonly options: z.output<typeof Schema>;

  constructor(options: SlidingWindowOptions = {}) {
    super(options);
  }

  private origins(refImage: NdArray, fn: string): { H: number; W: number; rows: Int32Array; cols: Int32Array } {
    const [H, W] = imageSize(fn, refImage);
    const [wh, ww] = this.options.windowSize;
    const [sh, sw] = this.options.stride;
    return { H, W, rows: windowOrigins(H, wh, sh), cols: windowOrigins(W, ww, sw) };
  }

  override maskCount(refImage: NdArray): number {
    const { rows, cols } = this.origins(refImage, 'SlidingWindow.maskCount');
    return rows.length * cols.length;
  }

  perturb(refImage: NdArray): NdArray {
    const { H, W, rows, cols } = this.origins(refImage, 'SlidingWindow.perturb');
    return this.masks(H, W, rows, cols, 0, rows.length * cols.length);
  }

  override *perturbBatches(refImage: NdArray, batchSize: number): Generator<NdArray, void, undefined> {
    checkBatchSize('SlidingWindow.perturbBatches', batchSize);
    const { H, W, rows, cols } = this.origins(refImage, 'SlidingWindow.perturbBatches');
    const N = rows.length * cols.length;
    for (let i = 0; i < N; i += batchSize) yield this.masks(H, W, rows, cols, i, Math.min(batchSize, N - i));
  }

  private masks(H: number, W: number, rows: Int32Array, cols: Int32Array, start: number, count: number): NdArray {
    const [wh, ww] = this.options.windowSize;
    const out = new Uint8Array(count * H * W);
    for (let k = 0; k < count; k++) {
      const i = start + k;
      const r = rows[Math.floor(i / cols.length)] as number;
      const c = cols[i % cols.length] as number;
      writeWindowMask(out, k * H * W, H, W, r, c, wh, ww);
    }
    return array(out, [count, H, W]);
  }
}
