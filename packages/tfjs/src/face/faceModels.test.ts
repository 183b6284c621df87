import { array, type NdArray } from '@salkit/ndarray';
import { decodeJpeg } from '@salkit/viz';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../collect.test-util.js';
import { cropFace } from '../detection/crop.js';
import type { TfImageClassifier } from '../impls/TfImageClassifier.js';
import type { TfImageDescriber } from '../impls/TfImageDescriber.js';
import type { Detection, TfObjectDetector } from '../impls/TfObjectDetector.js';
import {
  initWasmBackend,
  loadExpressionClassifier,
  loadFaceApi,
  loadFaceDescriptor,
  loadFaceDetector,
  readModelWeights,
  readSamplePhoto,
  samplePhotoPath,
  samplePhotos,
} from '../node.js';
import { imageToTensor } from '../tensors/imageToTensor.js';
import { FACE_EXPRESSION_LABELS } from './faceApi.js';
import { createExpressionClassifier, createFaceDetector } from './faceModels.js';
import { decodeModelWeights } from './weights.js';

/**
 * sample1's faces as face-api's own pipeline finds them (`detectAllFaces(tensor,
 * new SsdMobilenetv1Options())` on the jpeg-js-decoded photo): [x1, y1, x2, y2, score], left
 * to right. The right-most woman laughs with her mouth open. face-api maps y back through the
 * rounded height of the resized image (round(1280 * 512 / 1920) = 341 rows instead of 341.33),
 * which stretches its y values by 341.33 / 341; salkit maps both axes exactly, so the y values
 * are compared after undoing that stretch.
 */
const FACE_API_Y_STRETCH = (1280 * 512) / 1920 / 341;
const FACE_API_SAMPLE1 = [
  [413.9623832702637, 355.3828067723607, 591.5988349914551, 593.752978372434, 0.9953652620315552],
  [838.1223678588867, 420.82297585227275, 1025.0481033325195, 648.2912160923754, 0.9934470653533936],
  [1475.8135986328125, 199.7556159503299, 1679.1144561767578, 440.282429893695, 0.9885019659996033],
];

const timings: Record<string, number> = {};
async function timed<T>(name: string, n: number, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await run();
  timings[name] = (performance.now() - t0) / n;
  return out;
}

const euclid = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] as number) - (b[i] as number)) ** 2;
  return Math.sqrt(s);
};

let detector: TfObjectDetector;
let expressions: TfImageClassifier;
let descriptor: TfImageDescriber;
let photo: NdArray;
let faces: Detection[];
let crops: NdArray[];

beforeAll(async () => {
  [detector, expressions, descriptor] = await timed('load all three models (ms)', 1, () =>
    Promise.all([loadFaceDetector(), loadExpressionClassifier(), loadFaceDescriptor()]),
  );
  photo = decodeJpeg(readSamplePhoto(1));
  [faces] = (await timed('detect: 1920x1280 photo (ms/image)', 1, () => collect(detector.detectObjects([photo])))) as [
    Detection[],
  ];
  crops = faces.map((f) => cropFace(photo, f.bbox).crop);
}, 60_000);

afterAll(() => {
  console.log('per-inference timings on this machine (wasm backend):', timings);
  detector?.dispose();
  expressions?.dispose();
  descriptor?.dispose();
});

describe('Node setup', () => {
  it('runs on the wasm backend, set up idempotently from the installed package', async () => {
    await Promise.all([initWasmBackend(), initWasmBackend()]);
    expect(tf.getBackend()).toBe('wasm');
    // After a switch to another backend, it switches back; a second caller during that
    // initialisation waits for the same one (tf names the backend before its set-up ends).
    await tf.setBackend('cpu');
    const first = initWasmBackend();
    expect(initWasmBackend()).toBe(first);
    await first;
    expect(tf.getBackend()).toBe('wasm');
  });

  it('lists the demo photos that ship with face-api', () => {
    const paths = samplePhotos();
    expect(paths).toHaveLength(6);
    expect(paths[0]).toBe(samplePhotoPath(1));
    expect(paths[5]).toMatch(/sample6\.jpg$/);
    expect(() => samplePhotoPath(7)).toThrow(/samplePhotoPath: i: expected an integer from 1 to 6, got number 7/);
  });
});

describe('face detector (SSD-MobileNet v1)', () => {
  it("finds sample1's three faces where face-api's own pipeline does, inside the image", () => {
    const [h, w] = photo.shape as [number, number];
    expect(faces.length).toBe(3);
    const sorted = [...faces].sort((a, b) => a.bbox[0] - b.bbox[0]);
    sorted.forEach((f, i) => {
      const [x1, y1, x2, y2] = f.bbox;
      expect(0 <= x1 && x1 < x2 && x2 <= w && 0 <= y1 && y1 < y2 && y2 <= h).toBe(true);
      const ref = FACE_API_SAMPLE1[i] as number[];
      for (let k = 0; k < 4; k++) {
        const expected = (ref[k] as number) / (k % 2 === 1 ? FACE_API_Y_STRETCH : 1);
        expect(Math.abs((f.bbox[k] as number) - expected)).toBeLessThan(0.01);
      }
      expect(f.scores.face).toBeCloseTo(ref[4] as number, 3);
      expect(Object.keys(f.scores)).toEqual(['face']);
    });
    // Best first.
    expect(faces.map((f) => f.scores.face)).toEqual([...faces.map((f) => f.scores.face)].sort((a, b) => b - a));
  });

  it('leaks no tensors across calls and finds a face in its crop', async () => {
    const crop = cropFace(photo, faces[0]?.bbox ?? [0, 0, 1, 1], { margin: 0.3 }).crop;
    const before = tf.memory().numTensors;
    const [dets] = await timed('detect: face crop (ms/image)', 1, () => collect(detector.detectObjects([crop])));
    expect(tf.memory().numTensors).toBe(before);
    expect(dets?.length).toBe(1);
  });
});

describe('expression classifier', () => {
  it('uses face-api labels in its order', () => {
    expect(expressions.getLabels()).toEqual(['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised']);
  });

  it('calls the laughing face "happy", with probabilities that sum to 1', async () => {
    const right = faces.reduce((a, b) => (b.bbox[0] > a.bbox[0] ? b : a));
    const crop = cropFace(photo, right.bbox).crop;
    const [p] = await collect(expressions.classifyImages([crop]));
    const best = Object.entries(p ?? {}).sort((a, b) => b[1] - a[1])[0];
    expect(best?.[0]).toBe('happy');
    expect(best?.[1]).toBeGreaterThan(0.9);
    expect(Object.values(p ?? {}).reduce((a, b) => a + b)).toBeCloseTo(1, 5);
  });

  it("equals face-api's own predictExpressions on the same crops", async () => {
    const api = loadFaceApi() as unknown as {
      FaceExpressionNet: new () => {
        loadFromWeightMap(m: tf.NamedTensorMap): void;
        predictExpressions(t: tf.Tensor3D): Promise<Record<string, number>>;
        dispose(): void;
      };
    };
    const net = new api.FaceExpressionNet();
    net.loadFromWeightMap(await decodeModelWeights('test', await readModelWeights('face_expression_model')));
    const ours = await collect(expressions.classifyImages(crops));
    for (let i = 0; i < crops.length; i++) {
      const t = imageToTensor(crops[i] as NdArray);
      const theirs = await net.predictExpressions(t);
      t.dispose();
      for (const l of FACE_EXPRESSION_LABELS) expect(ours[i]?.[l]).toBeCloseTo(theirs[l] as number, 5);
    }
    net.dispose();
  });

  it('gives the same results whatever the batch size, in batches of batchSize, without leaking', async () => {
    const one = await loadExpressionClassifier({ batchSize: 2 });
    const many = [...crops, ...crops];
    await timed('expression: warm-up batch of 2 (ms/image)', 2, () => collect(one.classifyImages(crops.slice(0, 2))));
    const before = tf.memory().numTensors;
    const a = await timed('expression: 6 crops, batchSize 2 (ms/image)', many.length, () =>
      collect(one.classifyImages(many)),
    );
    const b = await timed('expression: 6 crops, batchSize 32 (ms/image)', many.length, () =>
      collect(expressions.classifyImages(many)),
    );
    expect(tf.memory().numTensors).toBe(before);
    a.forEach((p, i) => {
      for (const l of FACE_EXPRESSION_LABELS) expect(p[l]).toBeCloseTo(b[i]?.[l] as number, 5);
    });
    const heldBefore = tf.memory().numTensors;
    one.dispose();
    expect(tf.memory().numTensors).toBeLessThan(heldBefore);
  });

  it('gives clear errors for bad images', async () => {
    await expect(collect(expressions.classifyImages([array(new Float32Array(27), [3, 3, 3])]))).rejects.toThrow(
      /TfImageClassifier.classifyImages: images\[0\]: expected a uint8 image \(pixel values 0..255\), got dtype float32/,
    );
    await expect(
      collect(expressions.classifyImages([crops[0] as NdArray, array(new Uint8Array(8), [2, 2, 2])])),
    ).rejects.toThrow(/images\[1\]: expected 1, 3 or 4 channels, got shape \[2,2,2\]/);
    await expect(collect(expressions.classifyImages([array(new Uint8Array(3), [3])]))).rejects.toThrow(
      /images\[0\]: expected an image of shape \[H,W\] or \[H,W,C\], got \[3\]/,
    );
  });
});

describe('face descriptor', () => {
  it('gives 128-d descriptors: the same face is close, other people are far', async () => {
    // The same faces at half resolution.
    const halves = crops.map((c) => c.step(2, 2, 1));
    const before = tf.memory().numTensors;
    const d = await timed('descriptor: 6 crops (ms/image)', 6, () =>
      collect(descriptor.describeImages([...crops, ...halves])),
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(d.every((v) => v instanceof Float32Array && v.length === 128)).toBe(true);
    for (let i = 0; i < 3; i++) {
      const same = euclid(d[i] as Float32Array, d[i + 3] as Float32Array);
      expect(same).toBeLessThan(0.15);
      for (let j = 0; j < 3; j++) {
        if (j === i) continue;
        const other = euclid(d[i] as Float32Array, d[j] as Float32Array);
        expect(other).toBeGreaterThan(0.3);
        expect(other).toBeGreaterThan(3 * same);
      }
    }
  });
});

describe('model construction from weights', () => {
  it('rejects the wrong weights and things that are not face-api', async () => {
    const w = await readModelWeights('face_expression_model');
    await expect(createFaceDetector(loadFaceApi(), w)).rejects.toThrow(
      /createFaceDetector: weights: these do not load as face-api's SSD-MobileNet v1 detector/,
    );
    await expect(createExpressionClassifier({} as never, w)).rejects.toThrow(
      /createExpressionClassifier: faceapi: expected the @vladmandic\/face-api module/,
    );
    await expect(
      createExpressionClassifier(loadFaceApi(), { manifest: w.manifest, weightData: new ArrayBuffer(10) }),
    ).rejects.toThrow(
      /createExpressionClassifier: weights: the weight specs describe \d+ bytes but weightData holds 10/,
    );
  });

  it('loads from an io.IOHandler (tf.io.fromMemory)', async () => {
    const w = await readModelWeights('face_expression_model');
    const handler = tf.io.fromMemory({
      weightSpecs: w.manifest.flatMap((g) => g.weights),
      weightData: w.weightData[0],
    });
    const clf = await createExpressionClassifier(loadFaceApi(), handler);
    const [p] = await collect(clf.classifyImages([crops[0] as NdArray]));
    const [q] = await collect(expressions.classifyImages([crops[0] as NdArray]));
    expect(p).toEqual(q);
    clf.dispose();
  });
});
