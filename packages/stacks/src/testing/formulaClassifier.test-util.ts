import type { NdArray } from '@salkit/ndarray';

/**
 * The deterministic classifier of ../shared/parity (manifest `blackbox`): label k responds to
 * the mean brightness under a Gaussian centred at (H(k+1)/(K+1), W(K-k)/(K+1)). Test double only.
 */
export function formulaConfidences(image: NdArray, numLabels: number): Float64Array {
  const [H, W, C = 1] = image.shape as [number, number, number?];
  const sd = 0.2 * Math.min(H, W);
  const m = new Float64Array(H * W);
  const { data, stride, offset } = image;
  const cs = image.shape.length === 3 ? (stride[2] as number) : 0;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let sum = 0;
      const base = offset + y * (stride[0] as number) + x * (stride[1] as number);
      for (let c = 0; c < C; c++) sum += data[base + c * cs] as number;
      m[y * W + x] = sum / (C * 255);
    }
  }
  const conf = new Float64Array(numLabels);
  for (let k = 0; k < numLabels; k++) {
    const cy = (H * (k + 1)) / (numLabels + 1);
    const cx = (W * (numLabels - k)) / (numLabels + 1);
    let num = 0;
    let den = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const w = Math.exp(-((y - cy) ** 2 + (x - cx) ** 2) / (2 * sd * sd));
        num += (m[y * W + x] as number) * w;
        den += w;
      }
    }
    const z = (6 * num) / den - 3;
    conf[k] = 1 / (1 + Math.exp(-z));
  }
  return conf;
}

/** A duck-typed ClassifyImage over formulaConfidences, counting how many images it saw per call. */
export class FormulaClassifier {
  readonly batchSizes: number[] = [];
  constructor(readonly numLabels: number) {}
  getLabels(): number[] {
    return Array.from({ length: this.numLabels }, (_, k) => k);
  }
  *classifyImages(images: Iterable<NdArray>): Generator<Record<number, number>> {
    let n = 0;
    for (const image of images) {
      n++;
      const conf = formulaConfidences(image, this.numLabels);
      const out: Record<number, number> = {};
      conf.forEach((v, k) => {
        out[k] = v;
      });
      yield out;
    }
    this.batchSizes.push(n);
  }
}
