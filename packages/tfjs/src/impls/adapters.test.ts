import { array, type NdArray } from '@salkit/ndarray';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../collect.test-util.js';
import { TfImageClassifier } from './TfImageClassifier.js';
import { TfImageDescriber } from './TfImageDescriber.js';
import { TfObjectDetector } from './TfObjectDetector.js';

/** A uint8 image filled with one colour. */
const solid = (h: number, w: number, [r, g, b]: [number, number, number]) =>
  array(
    Uint8Array.from({ length: h * w * 3 }, (_, i) => [r, g, b][i % 3] as number),
    [h, w, 3],
  );

/** A model giving each image's mean R, G, B (so results are known exactly). */
const meanRgb = (x: tf.Tensor) => tf.mean(x, [1, 2]);

const images = [solid(4, 4, [10, 20, 30]), solid(4, 4, [40, 50, 60]), solid(4, 4, [1, 2, 3]), solid(4, 4, [0, 0, 255])];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('TfImageClassifier', () => {
  it('gives one { label: score } per image, in order', async () => {
    const clf = new TfImageClassifier({ model: meanRgb, labels: ['r', 'g', 'b'], batchSize: 3 });
    expect(clf.getLabels()).toEqual(['r', 'g', 'b']);
    const out = await collect(clf.classifyImages(images));
    expect(out).toEqual([
      { r: 10, g: 20, b: 30 },
      { r: 40, g: 50, b: 60 },
      { r: 1, g: 2, b: 3 },
      { r: 0, g: 0, b: 255 },
    ]);
  });

  it('applies softmax / sigmoid when asked', async () => {
    const clf = new TfImageClassifier({
      model: meanRgb,
      labels: ['r', 'g', 'b'],
      activation: 'softmax',
      preprocess: { scale: 0.01 },
    });
    const [p] = await collect(clf.classifyImages([images[0] as NdArray]));
    const e = [0.1, 0.2, 0.3].map(Math.exp);
    const s = e.reduce((a, b) => a + b);
    expect(p?.r).toBeCloseTo((e[0] as number) / s, 6);
    expect(p?.b).toBeCloseTo((e[2] as number) / s, 6);
  });

  it('runs a LayersModel (predict) and reads the chosen output of a multi-output model', async () => {
    const input = tf.input({ shape: [4, 4, 3] });
    const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
    const d1 = tf.layers
      .dense({ units: 2, kernelInitializer: 'ones', activation: 'softmax' })
      .apply(flat) as tf.SymbolicTensor;
    const d2 = tf.layers
      .dense({ units: 5, kernelInitializer: 'zeros', biasInitializer: 'ones' })
      .apply(flat) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: [d1, d2] });
    const clf = new TfImageClassifier({ model, labels: ['a', 'b', 'c', 'd', 'e'], output: 1 });
    const out = await collect(clf.classifyImages(images.slice(0, 2)));
    expect(out).toEqual([
      { a: 1, b: 1, c: 1, d: 1, e: 1 },
      { a: 1, b: 1, c: 1, d: 1, e: 1 },
    ]);
    const first = new TfImageClassifier({ model, labels: ['x', 'y'] });
    const [p] = await collect(first.classifyImages([images[0] as NdArray]));
    expect(p?.x).toBeCloseTo(0.5, 6);
    model.dispose();
  });

  it('reads outputs of a map by name and runs executeAsync models', async () => {
    const named = (x: tf.Tensor) => ({ logits: tf.mean(x, [1, 2]), other: tf.zeros([x.shape[0] ?? 0, 1]) });
    const clf = new TfImageClassifier({ model: named, labels: ['r', 'g', 'b'], output: 'logits' });
    expect((await collect(clf.classifyImages([images[1] as NdArray])))[0]).toEqual({ r: 40, g: 50, b: 60 });
    const asyncModel = { executeAsync: async (x: tf.Tensor) => tf.mean(x, [1, 2]) };
    const clf2 = new TfImageClassifier({ model: asyncModel, labels: ['r', 'g', 'b'] });
    expect((await collect(clf2.classifyImages([images[2] as NdArray])))[0]).toEqual({ r: 1, g: 2, b: 3 });
    const bad = new TfImageClassifier({ model: named, labels: ['r', 'g', 'b'], output: 'nope' });
    await expect(collect(bad.classifyImages([images[0] as NdArray]))).rejects.toThrow(
      /output: the model's outputs are 'logits', 'other'; got "nope"/,
    );
  });

  it('respects batchSize and pulls images lazily, one batch at a time', async () => {
    const seen: number[] = [];
    const model = (x: tf.Tensor) => {
      seen.push(x.shape[0] as number);
      return tf.mean(x, [1, 2]);
    };
    const clf = new TfImageClassifier({ model, labels: ['r', 'g', 'b'], batchSize: 3 });
    const seven = Array.from({ length: 7 }, (_, i) => solid(2, 2, [i, i, i]));
    const out = await collect(clf.classifyImages(seven));
    expect(seen).toEqual([3, 3, 1]);
    expect(out.map((o) => o.r)).toEqual([0, 1, 2, 3, 4, 5, 6]);

    let pulled = 0;
    async function* produce() {
      for (const img of seven) {
        pulled++;
        yield img;
      }
    }
    const it = clf.classifyImages(produce());
    await it.next();
    expect(pulled).toBe(3);
    await it.return(undefined);
  });

  it('leaks no tensors across calls, early stops or failures', async () => {
    const clf = new TfImageClassifier({ model: meanRgb, labels: ['r', 'g', 'b'], batchSize: 2, activation: 'sigmoid' });
    await collect(clf.classifyImages(images));
    const before = tf.memory().numTensors;
    await collect(clf.classifyImages(images));
    expect(tf.memory().numTensors).toBe(before);
    for await (const _ of clf.classifyImages(images)) break;
    expect(tf.memory().numTensors).toBe(before);
    const failing = new TfImageClassifier({
      model: (x) => {
        tf.mul(x, 2);
        throw new Error('boom');
      },
      labels: ['r'],
    });
    await expect(collect(failing.classifyImages(images))).rejects.toThrow('boom');
    const wrongCols = new TfImageClassifier({ model: meanRgb, labels: ['r', 'g'] });
    await expect(collect(wrongCols.classifyImages(images))).rejects.toThrow(
      /TfImageClassifier.classifyImages: the model gives 3 score\(s\) per image but the classifier has 2 label\(s\)/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives clear errors for bad images and options', async () => {
    const clf = new TfImageClassifier({ model: meanRgb, labels: ['r', 'g', 'b'] });
    expect(() => clf.classifyImages(42 as never)).toThrow(
      /TfImageClassifier.classifyImages: images: expected an iterable or async iterable of images, got number 42/,
    );
    await expect(collect(clf.classifyImages([images[0] as NdArray, array(new Uint8Array(4), [4])]))).rejects.toThrow(
      /TfImageClassifier.classifyImages: images\[1\]: expected an image of shape \[H,W\] or \[H,W,C\], got \[4\]/,
    );
    await expect(collect(clf.classifyImages([array(new Float64Array(12), [2, 2, 3])]))).rejects.toThrow(
      /images\[0\]: expected a uint8 image \(pixel values 0..255\), got dtype float64/,
    );
    await expect(collect(clf.classifyImages([solid(2, 2, [0, 0, 0]), solid(3, 3, [0, 0, 0])]))).rejects.toThrow(
      /images of different sizes \(2x2, 3x3\) need options.size/,
    );
    expect(() => new TfImageClassifier({ model: {} as never, labels: ['a'] })).toThrow(
      /TfImageClassifier: options: model: expected a tf.LayersModel/,
    );
    expect(() => new TfImageClassifier({ model: meanRgb, labels: [] })).toThrow(
      /labels: expected a non-empty array of strings/,
    );
    expect(() => new TfImageClassifier({ model: meanRgb, labels: ['a', 'a'] })).toThrow(/duplicate label "a"/);
    expect(() => new TfImageClassifier({ model: meanRgb, labels: ['a'], batchSize: 0 })).toThrow(
      /TfImageClassifier: options: batchSize: expected an integer >= 1, got number 0/,
    );
    expect(() => new TfImageClassifier({ model: meanRgb, labels: ['a'], activation: 'relu' as never })).toThrow(
      /activation/,
    );
    const badPre = new TfImageClassifier({
      model: meanRgb,
      labels: ['r', 'g', 'b'],
      preprocess: () => tf.zeros([5, 2, 2, 3]),
    });
    await expect(collect(badPre.classifyImages(images.slice(0, 2)))).rejects.toThrow(
      /preprocess returned a tensor of shape \[5,2,2,3\] for 2 image\(s\)/,
    );
  });

  it('refuses calls after dispose and runs onDispose once', async () => {
    let n = 0;
    const clf = new TfImageClassifier({ model: meanRgb, labels: ['r', 'g', 'b'], onDispose: () => n++ });
    clf.dispose();
    clf.dispose();
    expect(n).toBe(1);
    expect(clf.disposed).toBe(true);
    expect(() => clf.classifyImages(images)).toThrow(/has been disposed/);
  });
});

describe('TfImageDescriber', () => {
  it('gives one Float32Array per image, in batches, without leaking', async () => {
    const model = (x: tf.Tensor) => tf.reshape(tf.slice(x, [0, 0, 0, 0], [-1, 1, 2, 3]), [x.shape[0] ?? 0, 6]);
    const d = new TfImageDescriber({ model, batchSize: 3 });
    await collect(d.describeImages(images));
    const before = tf.memory().numTensors;
    const out = await collect(d.describeImages(images));
    expect(tf.memory().numTensors).toBe(before);
    expect(out).toHaveLength(4);
    expect(out[0]).toBeInstanceOf(Float32Array);
    expect(Array.from(out[1] as Float32Array)).toEqual([40, 50, 60, 40, 50, 60]);
    expect(() => d.describeImages(null as never)).toThrow(
      /TfImageDescriber.describeImages: images: expected an iterable/,
    );
  });
});

describe('TfObjectDetector', () => {
  it('hands each batch to postprocess with its images and yields one list per image', async () => {
    const batches: number[] = [];
    const det = new TfObjectDetector({
      model: meanRgb,
      batchSize: 3,
      postprocess: async (out, { images: batch, start }) => {
        batches.push(start);
        const m = await (out as tf.Tensor).array();
        return batch.map((img, i) => [
          {
            bbox: [0, 0, img.shape[1] as number, img.shape[0] as number],
            scores: { red: (m as number[][])[i]?.[0] ?? 0 },
          },
        ]);
      },
    });
    await collect(det.detectObjects(images));
    const before = tf.memory().numTensors;
    const out = await collect(det.detectObjects(images));
    expect(tf.memory().numTensors).toBe(before);
    expect(batches).toEqual([0, 3, 0, 3]);
    expect(out.map((d) => d[0]?.scores.red)).toEqual([10, 40, 1, 0]);
    expect(out[0]?.[0]?.bbox).toEqual([0, 0, 4, 4]);
    const bad = new TfObjectDetector({ model: meanRgb, postprocess: () => [] });
    await expect(collect(bad.detectObjects(images))).rejects.toThrow(
      /expected 4 result\(s\) for a batch of 4 image\(s\), got 0/,
    );
    expect(() => new TfObjectDetector({ model: meanRgb } as never)).toThrow(/postprocess: expected a function/);
  });
});

afterAll(() => {
  tf.disposeVariables();
});
