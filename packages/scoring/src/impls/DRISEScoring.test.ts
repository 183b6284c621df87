import { array, loadNpy } from '@salkit/ndarray';
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
