import type { NdArray } from '@salkit/ndarray';
import { SlidingWindow } from '@salkit/perturb';
import { SimilarityScoring } from '@salkit/scoring';
import {
  type ClassifyImageLike,
  type DescribeImageLike,
  type DetectImageObjectsLike,
  SimilarityPerturbationOcclusion,
  SlidingWindowStack,
} from '@salkit/stacks';
import { decodeJpeg } from '@salkit/viz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cropFace } from './detection/crop.js';
import type { TfImageClassifier } from './impls/TfImageClassifier.js';
import type { TfImageDescriber } from './impls/TfImageDescriber.js';
import type { TfObjectDetector } from './impls/TfObjectDetector.js';
import { loadExpressionClassifier, loadFaceDescriptor, readSamplePhoto } from './node.js';

// The adapters are what the stacks take (compile-time check of the structural contracts).
const contracts: [ClassifyImageLike, DescribeImageLike, DetectImageObjectsLike][] = [];
export const typeCheck = (c: TfImageClassifier, d: TfImageDescriber, o: TfObjectDetector) => contracts.push([c, d, o]);

let expressions: TfImageClassifier;
let descriptor: TfImageDescriber;
let face: NdArray;

beforeAll(async () => {
  [expressions, descriptor] = await Promise.all([loadExpressionClassifier(), loadFaceDescriptor()]);
  // sample1's right-most face (the laughing woman), located as in faceModels.test.ts.
  face = cropFace(decodeJpeg(readSamplePhoto(1)), [1476, 200, 1679, 442]).crop;
}, 60_000);

afterAll(() => {
  expressions?.dispose();
  descriptor?.dispose();
});

describe('TF.js adapters inside salkit stacks', () => {
  it('explain the expression classifier with a sliding-window stack', async () => {
    const [H, W] = face.shape as [number, number];
    const stack = new SlidingWindowStack({
      windowSize: [Math.ceil(H / 3), Math.ceil(W / 3)],
      stride: [Math.ceil(H / 3), Math.ceil(W / 3)],
      batchSize: 4,
    });
    const maps = await stack.generate(face, expressions);
    expect(maps.shape).toEqual([7, H, W]);
    expect([...maps.data].every((v) => v >= -1 && v <= 1)).toBe(true);
    // The happy map is not flat: occluding parts of a laughing face changes "happy".
    const happy = expressions.getLabels().indexOf('happy');
    const plane = maps.pick(happy, null, null);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        lo = Math.min(lo, plane.get(y, x));
        hi = Math.max(hi, plane.get(y, x));
      }
    expect(hi - lo).toBeGreaterThan(0.1);
  }, 60_000);

  it('explain face similarity with the 128-d descriptor', async () => {
    const [H, W] = face.shape as [number, number];
    const stack = new SimilarityPerturbationOcclusion({
      perturber: new SlidingWindow({
        windowSize: [Math.ceil(H / 2), Math.ceil(W / 2)],
        stride: [Math.ceil(H / 2), Math.ceil(W / 2)],
      }),
      generator: new SimilarityScoring(),
    });
    const maps = await stack.generate(face, [face], descriptor);
    expect(maps.shape).toEqual([1, H, W]);
    expect([...maps.data].every((v) => Number.isFinite(v) && v >= -1 && v <= 1)).toBe(true);
  }, 60_000);
});
