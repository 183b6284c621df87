import { array, defaultRng, loadNpy, type NdArray } from '@salkit/ndarray';
import { kernelArray } from '@salkit/ndarray/wasm';
import { configurationTestHelper } from '@salkit/plugin';
import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import { describe, expect, it } from 'vitest';
import { GenerateDetectorProposalSaliency } from '../interfaces/GenerateDetectorProposalSaliency.js';
import { DRISEScoring } from './DRISEScoring.js';

const load = (name: unknown) => loadNpy(readParityFile(name as string));

describe('DRISEScoring parity', () => {
  for (const c of casesFor('DRISEScoring.generate')) {
    it(c.id, () => {
      const out = new DRISEScoring(c.params as { proximityMetric: 'cosine' }).generate(
        load(c.inputs.refDets),
        load(c.inputs.perturbedDets),
        load(c.inputs.masks),
      );
      assertAllClose(out, load(c.output), c.rtol, c.atol, c.id);
    });
  }
  for (const c of casesFor('DRISEScoring.iou')) {
    it(c.id, () => {
      assertAllClose(new DRISEScoring().iou(load(c.inputs.boxA), load(c.inputs.boxB)), load(c.output), c.rtol, c.atol);
    });
  }
});

describe('DRISEScoring', () => {
  // one reference box in the top-left; mask 0 keeps the top-left, mask 1 hides it
  const ref = array(Float64Array.of(0, 0, 1, 1, 1, 1, 0), [1, 7]);
  const pert = array(Float64Array.of(0, 0, 1, 1, 0.9, 1, 0, 5, 5, 6, 6, 0.9, 0, 1), [2, 1, 7]);
  const masks = array(Uint8Array.of(1, 1, 0, 0, 0, 0, 1, 1), [2, 2, 2]);

  it('lights up the region whose presence keeps the detection', () => {
    const out = new DRISEScoring().generate(ref, pert, masks);
    expect(out.shape).toEqual([1, 2, 2]);
    expect([...out.data]).toEqual([1, 1, 0, 0]);
  });

  it('is a plugin with a config round trip, and iou is symmetric with a unit diagonal', () => {
    expect(GenerateDetectorProposalSaliency.getImpls().has(DRISEScoring)).toBe(true);
    configurationTestHelper(new DRISEScoring());
    const boxes = array(Float64Array.of(0, 0, 9, 9, 5, 5, 14, 14), [2, 4]);
    const iou = new DRISEScoring().iou(boxes, boxes);
    expect(iou.get(0, 0)).toBeCloseTo(1, 12);
    expect(iou.get(0, 1)).toBeCloseTo(iou.get(1, 0), 15);
    expect(iou.get(0, 1)).toBeCloseTo(25 / 175, 12);
  });

  it('gives finite maps for all-zero class vectors', () => {
    const zeroCls = array(Float64Array.of(0, 0, 1, 1, 1, 0, 0), [1, 7]);
    const out = new DRISEScoring().generate(zeroCls, pert, masks);
    expect([...out.data].every(Number.isFinite)).toBe(true);
  });

  it('rejects mismatched shapes naming both', () => {
    const s = new DRISEScoring();
    expect(() => s.generate(ref, array(new Float64Array(12), [2, 1, 6]), masks)).toThrow(/perturbedDets/);
    expect(() => s.generate(ref, pert, masks.hi(1, 2, 2))).toThrow(/\[2,1,7\].*\[1,2,2\]/);
    expect(() => s.iou(array(new Float64Array(3), [1, 3]), array(new Float64Array(4), [1, 4]))).toThrow(/boxA/);
  });
});

describe('DRISEScoring.generate: proposal scores computed while the threads add the first masks', () => {
  // 160 masks of 240x240, 20 proposals each: generate computes the scores of masks 20.. while
  // the threads add the first 20 (over a million mask values: a run on the pool)
  const N = 160;
  const H = 240;
  const W = 240;
  const K = 12;
  const rng = defaultRng(41);
  const boxes = (u: Float64Array, rows: number) => {
    const out = Float64Array.from(u);
    for (let r = 0; r < rows; r++) {
      const o = r * K;
      const [xa, ya, xb, yb] = [0, 1, 2, 3].map((i) => Math.floor((u[o + i] as number) * (i % 2 === 0 ? W : H)));
      out.set([Math.min(xa as number, xb as number), Math.min(ya as number, yb as number)], o);
      out.set([Math.max(xa as number, xb as number), Math.max(ya as number, yb as number)], o + 2);
    }
    return out;
  };
  const ref = array(boxes(rng.random([2 * K]).data as Float64Array, 2), [2, K]);
  const pert = array(boxes(rng.random([N * 20 * K]).data as Float64Array, N * 20), [N, 20, K]);
  const values = rng.random([N * H * W]).data as Float64Array;
  const streamed = (masks: NdArray) => {
    const acc = new DRISEScoring().accumulator(ref, [H, W]);
    acc.add(pert, masks);
    const out = acc.finish();
    acc.release?.();
    return out;
  };

  for (const where of ['ordinary', 'SharedArrayBuffer', 'kernelArray'] as const) {
    it(`gives the maps of the accumulator fed the same batch, bit for bit (${where} float32 masks)`, () => {
      const data =
        where === 'ordinary'
          ? new Float32Array(N * H * W)
          : where === 'SharedArrayBuffer'
            ? new Float32Array(new SharedArrayBuffer(4 * N * H * W))
            : kernelArray('float32', N * H * W);
      data.set(values);
      const masks = array(data, [N, H, W]);
      const expected = streamed(masks);
      const out = new DRISEScoring().generate(ref, pert, masks);
      expect(out.shape).toEqual([2, H, W]);
      expect(Array.from(out.data).every((v, i) => Object.is(v, expected.data[i]))).toBe(true);
      expect(Array.from(out.data).some((v) => v !== 0)).toBe(true);
    });
  }

  it('names the first non-finite proposal value of the batch, also among the masks scored later', () => {
    const masks = array(kernelArray('float32', N * H * W), [N, H, W]);
    (masks.data as Float32Array).set(values);
    const bad = array(Float64Array.from(pert.data as Float64Array), [N, 20, K]);
    bad.set(100, 3, 7, Number.NaN);
    // mask 100 is scored while the threads add masks 0-19: the same message as scoring all first
    const message = 'DRISEScoring.generate: perturbedDets: expected finite values, got NaN at index [100,3,7]';
    expect(() => new DRISEScoring().generate(ref, bad, masks)).toThrow(message);
    const acc = new DRISEScoring().accumulator(ref, [H, W]);
    expect(() => acc.add(bad, masks)).toThrow(
      'DRISEScoring: perturbedDets: expected finite values, got NaN at index [100,3,7]',
    );
    // the accumulator of the failed call was released: the next call works and gives the maps
    const expected = streamed(masks);
    const out = new DRISEScoring().generate(ref, pert, masks);
    expect(Array.from(out.data).every((v, i) => Object.is(v, expected.data[i]))).toBe(true);
  });
});
