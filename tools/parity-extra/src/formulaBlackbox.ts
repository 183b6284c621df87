import type { NdArray } from '@salkit/ndarray';

/**
 * The deterministic classifier of the parity manifests (`blackbox.formula`), written out here
 * rather than imported from @salkit/stacks' own test double so that this suite does not depend
 * on another package's test files. Label k answers to the mean brightness under a Gaussian
 * centred at (H(k+1)/(K+1), W(K-k)/(K+1)) with sd 0.2*min(H,W); conf = sigmoid(6*mean - 3).
 */
export function formulaConfidences(image: NdArray, numLabels: number): Float64Array {
  const [H, W] = image.shape as [number, number];
  const C = image.shape.length === 3 ? (image.shape[2] as number) : 1;
  const s0 = image.stride[0] as number;
  const s1 = image.stride[1] as number;
  const s2 = image.shape.length === 3 ? (image.stride[2] as number) : 0;
  const mean = new Float64Array(H * W);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let sum = 0;
      const p = image.offset + y * s0 + x * s1;
      for (let c = 0; c < C; c++) sum += Number(image.data[p + c * s2]);
      mean[y * W + x] = sum / (C * 255);
    }
  }
  const sd = 0.2 * Math.min(H, W);
  const conf = new Float64Array(numLabels);
  for (let k = 0; k < numLabels; k++) {
    const cy = (H * (k + 1)) / (numLabels + 1);
    const cx = (W * (numLabels - k)) / (numLabels + 1);
    let num = 0;
    let den = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const w = Math.exp(-((y - cy) ** 2 + (x - cx) ** 2) / (2 * sd * sd));
        num += (mean[y * W + x] as number) * w;
        den += w;
      }
    }
    conf[k] = 1 / (1 + Math.exp(-((6 * num) / den - 3)));
  }
  return conf;
}

type Conf = Record<number, number>;

function toRecord(conf: Float64Array): Conf {
  const out: Conf = {};
  conf.forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

/**
 * A duck-typed image classifier over the formula: `getLabels()` is `[0..K-1]`; `classifyImages`
 * answers a sync iterable (arrays included) with a sync iterable and an async one with an async one.
 */
export class FormulaBlackbox {
  constructor(readonly numLabels: number) {}

  getLabels(): number[] {
    return Array.from({ length: this.numLabels }, (_, k) => k);
  }

  classifyImages(images: Iterable<NdArray> | AsyncIterable<NdArray>): Iterable<Conf> | AsyncIterable<Conf> {
    const k = this.numLabels;
    if (Symbol.asyncIterator in Object(images)) {
      return (async function* () {
        for await (const image of images as AsyncIterable<NdArray>) yield toRecord(formulaConfidences(image, k));
      })();
    }
    return (function* () {
      for (const image of images as Iterable<NdArray>) yield toRecord(formulaConfidences(image, k));
    })();
  }
}
