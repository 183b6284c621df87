import { array } from '@salkit/ndarray';
import { RISEGrid, SlidingRadial, SlidingWindow } from '@salkit/perturb';
import { configurationTestHelper } from '@salkit/plugin';
import { DRISEScoring, OcclusionScoring, RISEScoring, SimilarityScoring } from '@salkit/scoring';
import { assertAllClose } from '@salkit/testkit';
import { describe, expect, it } from 'vitest';
import { formatDetection } from '../detection/formatDetection.js';
import { blurredFill } from '../engine/fill.js';
import { GenerateImageClassifierBlackboxSaliency } from '../interfaces/GenerateImageClassifierBlackboxSaliency.js';
import { GenerateImageSimilarityBlackboxSaliency } from '../interfaces/GenerateImageSimilarityBlackboxSaliency.js';
import { GenerateObjectDetectorBlackboxSaliency } from '../interfaces/GenerateObjectDetectorBlackboxSaliency.js';
import { occludeImageBatch } from '../occlusion/occlude.js';
import { argmax2d, greyImage, RegionDescriber, RegionDetector } from '../testing/doubles.test-util.js';
import { FormulaClassifier } from '../testing/formulaClassifier.test-util.js';
import { DetectorPerturbationOcclusion } from './DetectorPerturbationOcclusion.js';
import { DRISEStack } from './DRISEStack.js';
import { PerturbationOcclusion } from './PerturbationOcclusion.js';
import { RISEStack } from './RISEStack.js';
import { SimilarityPerturbationOcclusion } from './SimilarityPerturbationOcclusion.js';
import { SlidingWindowStack } from './SlidingWindowStack.js';

const image = (() => {
  const H = 24;
  const W = 32;
  const data = new Uint8Array(H * W * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37) % 251;
  return array(data, [H, W, 3]);
})();

describe('classifier stacks', () => {
  it('never show the black box more than batchSize images, and stream the same maps', async () => {
    const small = new RISEStack({ n: 23, s: 3, p1: 0.5, seed: 5, batchSize: 4 });
    const big = new RISEStack({ n: 23, s: 3, p1: 0.5, seed: 5, batchSize: 100 });
    const bb = new FormulaClassifier(3);
    const a = await small.generate(image, bb);
    expect(Math.max(...bb.batchSizes)).toBeLessThanOrEqual(4);
    expect(bb.batchSizes.reduce((x, y) => x + y, 0)).toBe(1 + 23);
    const b = await big.generate(image, new FormulaClassifier(3));
    assertAllClose(a, b, 1e-12, 1e-12);
  });

  it('equal the non-streaming pipeline (all masks, all occluded images, one generate)', async () => {
    const perturber = new SlidingWindow({ windowSize: [6, 8], stride: [4, 5] });
    const generator = new OcclusionScoring();
    const stack = new PerturbationOcclusion({ perturber, generator, batchSize: 3 });
    stack.fill = [10, 20, 30];
    const bb = new FormulaClassifier(2);
    const masks = perturber.perturb(image);
    const occluded = occludeImageBatch(image, masks, [10, 20, 30]);
    const N = masks.shape[0] as number;
    const conf = new Float64Array(N * 2);
    const [H, W] = [24, 32];
    let i = 0;
    for (const r of bb.classifyImages(
      Array.from({ length: N }, (_, k) => array(occluded.data.subarray(k * H * W * 3, (k + 1) * H * W * 3), [H, W, 3])),
    )) {
      conf[i * 2] = r[0] as number;
      conf[i * 2 + 1] = r[1] as number;
      i++;
    }
    const ref = [...bb.classifyImages([image])][0] as Record<number, number>;
    const expected = generator.generate(
      array(Float64Array.of(ref[0] as number, ref[1] as number), [2]),
      array(conf, [N, 2]),
      masks,
    );
    assertAllClose(await stack.generate(image, new FormulaClassifier(2)), expected, 1e-12, 1e-12);
  });

  it('report progress after each batch and stop on abort', async () => {
    const stack = new SlidingWindowStack({ windowSize: [8, 8], stride: [4, 4], batchSize: 5 });
    const seen: [number, number][] = [];
    await stack.generate(image, new FormulaClassifier(2), { onProgress: (d, t) => seen.push([d, t]) });
    const total = new SlidingWindow({ windowSize: [8, 8], stride: [4, 4] }).maskCount(image);
    expect(seen.at(-1)).toEqual([total, total]);
    expect(seen.every(([d], k) => k === 0 || d > (seen[k - 1] as [number, number])[0])).toBe(true);

    const ctrl = new AbortController();
    const bb = new FormulaClassifier(2);
    await expect(
      stack.generate(image, bb, { signal: ctrl.signal, onProgress: (d) => d >= 10 && ctrl.abort() }),
    ).rejects.toThrow(/abort/i);
    expect(bb.batchSizes.reduce((x, y) => x + y, 0)).toBe(1 + 10);
    const pre = new AbortController();
    pre.abort(new Error('stopped by user'));
    await expect(stack.generate(image, bb, { signal: pre.signal })).rejects.toThrow('stopped by user');
  });

  it('let an abort from a timer land between batches even when the black box answers synchronously', async () => {
    const stack = new SlidingWindowStack({ windowSize: [4, 4], stride: [2, 2], batchSize: 2 });
    const bb = new FormulaClassifier(2);
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 0);
    await expect(stack.generate(image, bb, { signal: ctrl.signal })).rejects.toThrow(/abort/i);
    const total = new SlidingWindow({ windowSize: [4, 4], stride: [2, 2] }).maskCount(image);
    expect(bb.batchSizes.reduce((x, y) => x + y, 0) - 1).toBeLessThan(total);
  });

  it('accept async black boxes and Map results', async () => {
    const sync = new FormulaClassifier(2);
    const asyncBox = {
      getLabels: async () => sync.getLabels(),
      async *classifyImages(images: Iterable<import('@salkit/ndarray').NdArray>) {
        for (const r of sync.classifyImages(images)) yield new Map(Object.entries(r).map(([k, v]) => [Number(k), v]));
      },
    };
    const stack = new SlidingWindowStack({ windowSize: [8, 8], stride: [8, 8] });
    assertAllClose(await stack.generate(image, asyncBox), await stack.generate(image, new FormulaClassifier(2)), 0, 0);
  });

  it('fail clearly on wrong black-box output', async () => {
    const stack = new SlidingWindowStack({ windowSize: [8, 8], stride: [8, 8] });
    const short = {
      getLabels: () => ['a'],
      classifyImages: (imgs: Iterable<unknown>) => [...imgs].slice(1).map(() => ({ a: 1 })),
    };
    await expect(stack.generate(image, short)).rejects.toThrow(/returned 0 result\(s\) for 1 image/);
    const missing = {
      getLabels: () => ['a', 'b'],
      classifyImages: (imgs: Iterable<unknown>) => [...imgs].map(() => ({ a: 1 })),
    };
    await expect(stack.generate(image, missing)).rejects.toThrow(/no confidence for label "b"/);
    await expect(stack.generate(image, {} as never)).rejects.toThrow(/blackbox: expected a classifier/);
    await expect(stack.generate(array(new Uint8Array(4), [4]), new FormulaClassifier(1))).rejects.toThrow(/refImage/);
  });

  it('use a blurred fill when asked', async () => {
    const stack = new SlidingWindowStack({ windowSize: [8, 8], stride: [8, 8] });
    const black = await stack.generate(image, new FormulaClassifier(2));
    stack.fill = blurredFill(3);
    const blurred = await stack.generate(image, new FormulaClassifier(2));
    expect([...blurred.data].every(Number.isFinite)).toBe(true);
    expect([...blurred.data]).not.toEqual([...black.data]);
    expect(() => blurredFill(-1)).toThrow(/sigma/);
  });

  it('round-trip their configs, nested ones included', () => {
    const po = new PerturbationOcclusion({
      perturber: new SlidingRadial({ radius: [3, 4], stride: [5, 5], sigma: [1, 1] }),
      generator: new RISEScoring({ p1: 0.2 }),
      batchSize: 7,
    });
    for (const inst of configurationTestHelper(po)) {
      expect(inst.options.perturber).toBeInstanceOf(SlidingRadial);
      expect(inst.options.generator.getConfig()).toEqual({ p1: 0.2 });
      expect(inst.getConfig().perturber).toEqual({
        type: 'salkit.perturb.SlidingRadial',
        'salkit.perturb.SlidingRadial': { radius: [3, 4], stride: [5, 5], sigma: [1, 1] },
      });
    }
    configurationTestHelper(new RISEStack({ n: 3, s: 2, p1: 0.4, seed: 1, debiased: false }));
    configurationTestHelper(new SlidingWindowStack({ windowSize: [3, 3] }));
    const impls = GenerateImageClassifierBlackboxSaliency.getImpls();
    expect(impls.has(PerturbationOcclusion) && impls.has(RISEStack) && impls.has(SlidingWindowStack)).toBe(true);
  });
});

describe('similarity stack', () => {
  it('finds the region the describer looks at', async () => {
    const ref = greyImage(24, 32);
    const describer = new RegionDescriber([4, 10, 18, 28]);
    const stack = new SimilarityPerturbationOcclusion({
      perturber: new SlidingWindow({ windowSize: [6, 6], stride: [3, 3] }),
      generator: new SimilarityScoring(),
      batchSize: 8,
    });
    const maps = await stack.generate(ref, [ref, greyImage(24, 32, 100)], describer);
    expect(maps.shape).toEqual([2, 24, 32]);
    const [y, x] = argmax2d(maps, 0);
    expect(y >= 4 && y < 10 && x >= 18 && x < 28).toBe(true);
    expect(Math.max(...describer.batchSizes)).toBeLessThanOrEqual(8);
    expect(GenerateImageSimilarityBlackboxSaliency.getImpls().has(SimilarityPerturbationOcclusion)).toBe(true);
    configurationTestHelper(stack);
  });

  it('rejects no queries and inconsistent descriptors', async () => {
    const stack = new SimilarityPerturbationOcclusion({
      perturber: new SlidingWindow(),
      generator: new SimilarityScoring(),
    });
    const ref = greyImage(8, 8);
    await expect(stack.generate(ref, [], new RegionDescriber([0, 1, 0, 1]))).rejects.toThrow(/queryImages/);
    let k = 0;
    const ragged = {
      describeImages: (imgs: Iterable<unknown>) => [...imgs].map(() => new Float64Array(++k > 2 ? 3 : 2)),
    };
    await expect(stack.generate(ref, [ref], ragged)).rejects.toThrow(/has 3 values, expected 2/);
  });
});

describe('detection stacks', () => {
  it('formatDetection stacks boxes, objectness (default 1) and scores', () => {
    const boxes = array(Float64Array.of(1, 2, 3, 4), [1, 4]);
    const scores = array(Float64Array.of(0.2, 0.8), [1, 2]);
    expect([...formatDetection(boxes, scores).data]).toEqual([1, 2, 3, 4, 1, 0.2, 0.8]);
    expect([...formatDetection(boxes, scores, array(Float64Array.of(0.5), [1])).data]).toEqual([
      1, 2, 3, 4, 0.5, 0.2, 0.8,
    ]);
    expect(() => formatDetection(boxes, array(new Float64Array(4), [2, 2]))).toThrow(/\[1,4\].*\[2,2\]/);
  });

  it('D-RISE lights up the detected object', async () => {
    const ref = greyImage(30, 40);
    const box: [number, number, number, number] = [22, 6, 33, 17];
    const detector = new RegionDetector(box);
    const stack = new DRISEStack({ n: 60, s: 4, p1: 0.5, seed: 2, batchSize: 16 });
    const maps = await stack.generate(
      ref,
      array(Float64Array.from(box), [1, 4]),
      array(Float64Array.of(1, 0), [1, 2]),
      detector,
    );
    expect(maps.shape).toEqual([1, 30, 40]);
    const [y, x] = argmax2d(maps);
    expect(y >= 6 && y <= 17 && x >= 22 && x <= 33).toBe(true);
    expect(Math.max(...detector.batchSizes)).toBeLessThanOrEqual(16);
    configurationTestHelper(stack);
    expect(GenerateObjectDetectorBlackboxSaliency.getImpls().has(DRISEStack)).toBe(true);
  });

  it('stream the same maps as one batch, and check the detector output', async () => {
    const ref = greyImage(20, 20);
    const box: [number, number, number, number] = [2, 2, 9, 9];
    const args = [array(Float64Array.from(box), [1, 4]), array(Float64Array.of(1, 0), [1, 2])] as const;
    const make = (batchSize: number) =>
      new DetectorPerturbationOcclusion({
        perturber: new RISEGrid({ n: 20, s: 3, p1: 0.5, seed: 9 }),
        generator: new DRISEScoring(),
        batchSize,
      });
    const a = await make(3).generate(ref, ...args, new RegionDetector(box));
    const b = await make(50).generate(ref, ...args, new RegionDetector(box));
    assertAllClose(a, b, 1e-12, 1e-12);
    const wrongClasses = {
      detectObjects: (imgs: Iterable<unknown>) => [...imgs].map(() => [{ bbox: box, scores: { a: 1 } }]),
    };
    await expect(make(4).generate(ref, ...args, wrongClasses)).rejects.toThrow(
      /scores 1 classes, but the reference scores have 2/,
    );
    const badBox = {
      detectObjects: (imgs: Iterable<unknown>) => [...imgs].map(() => [{ bbox: [1, 2], scores: { a: 1, b: 0 } }]),
    };
    await expect(make(4).generate(ref, ...args, badBox)).rejects.toThrow(/bbox/);
  });
});
