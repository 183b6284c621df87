import { array, type NdArray } from '@salkit/ndarray';
import type { Detection } from '../blackbox/types.js';

/** Mean of channel-averaged pixel values inside rows [y0,y1) x cols [x0,x1), in [0,1]. */
export function regionMean(image: NdArray, y0: number, y1: number, x0: number, x1: number): number {
  const [, , C = 1] = image.shape as [number, number, number?];
  let sum = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      for (let c = 0; c < C; c++) sum += image.shape.length === 3 ? image.get(y, x, c) : image.get(y, x);
    }
  }
  return sum / ((y1 - y0) * (x1 - x0) * C * 255);
}

/** A uniform grey image [H,W,3]. */
export function greyImage(H: number, W: number, value = 200): NdArray {
  return array(new Uint8Array(H * W * 3).fill(value), [H, W, 3]);
}

/** Describer whose 2-d embedding only looks at one region: occluding it moves the descriptor. */
export class RegionDescriber {
  readonly batchSizes: number[] = [];
  constructor(readonly region: [number, number, number, number]) {}
  async *describeImages(images: Iterable<NdArray>): AsyncGenerator<Float64Array> {
    let n = 0;
    for (const im of images) {
      n++;
      yield Float64Array.of(regionMean(im, ...this.region), 0.5);
    }
    this.batchSizes.push(n);
  }
}

/** Detector that always reports one box whose score is the brightness inside it. */
export class RegionDetector {
  readonly batchSizes: number[] = [];
  constructor(readonly box: [number, number, number, number]) {}
  detectObjects(images: Iterable<NdArray>): Promise<Detection[][]> {
    const out: Detection[][] = [];
    const [x1, y1, x2, y2] = this.box;
    for (const im of images) {
      const s = regionMean(im, y1, y2 + 1, x1, x2 + 1);
      // One positive score: xaitk's rule makes it the objectness, with a one-hot class vector.
      out.push([{ bbox: this.box, scores: { thing: s, other: 0 } }]);
    }
    this.batchSizes.push(out.length);
    return Promise.resolve(out);
  }
}

/** (row, col) of the largest value of map k of [K,H,W]. */
export function argmax2d(maps: NdArray, k = 0): [number, number] {
  const [, H, W] = maps.shape as [number, number, number];
  let best = Number.NEGATIVE_INFINITY;
  let at: [number, number] = [0, 0];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const v = maps.get(k, y, x);
      if (v > best) {
        best = v;
        at = [y, x];
      }
    }
  }
  return at;
}
