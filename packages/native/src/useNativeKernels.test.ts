import { loadNpy, type NdArray } from '@salkit/ndarray';
import {
  DRISEScoring,
  OcclusionScoring,
  type RegionAddKernel,
  RISEScoring,
  regionAddKernel,
  SimilarityScoring,
  useRegionAddKernel,
  weightRegionsByScalar,
} from '@salkit/scoring';
import { assertAllClose, casesFor, type ParityCase, readParityFile } from '@salkit/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { referenceKernel } from './referenceKernel.test-util.js';
import { useNativeKernels } from './useNativeKernels.js';

const load = (name: unknown) => loadNpy(readParityFile(name as string));

/** Each scorer's parity call for a golden case. */
function generate(c: ParityCase): NdArray {
  const i = c.inputs;
  switch (c.op) {
    case 'OcclusionScoring.generate':
      return new OcclusionScoring().generate(load(i.imageConf), load(i.perturbedConf), load(i.masks));
    case 'RISEScoring.generate':
      return new RISEScoring(c.params).generate(load(i.imageConf), load(i.perturbedConf), load(i.masks));
    case 'SimilarityScoring.generate':
      return new SimilarityScoring(c.params as { proximityMetric: 'euclidean' }).generate(
        load(i.queryDescr),
        load(i.refDescr),
        load(i.perturbedDescrs),
        load(i.masks),
      );
    case 'DRISEScoring.generate':
      return new DRISEScoring(c.params as { proximityMetric: 'cosine' }).generate(
        load(i.refDets),
        load(i.perturbedDets),
        load(i.masks),
      );
    default:
      return weightRegionsByScalar(
        load(i.scalars),
        load(i.masks),
        c.params.invMasks as boolean,
        c.params.normalize as boolean,
      );
  }
}

const CASES = [
  'OcclusionScoring.generate',
  'RISEScoring.generate',
  'SimilarityScoring.generate',
  'DRISEScoring.generate',
  'weightRegionsByScalar',
].flatMap((op) => casesFor(op));

/** `kernel`, counting its calls. */
function counting(kernel: RegionAddKernel): RegionAddKernel & { calls: number } {
  const k = {
    name: `counting ${kernel.name}`,
    calls: 0,
    add: (...args: Parameters<RegionAddKernel['add']>) => {
      k.calls++;
      kernel.add(...args);
    },
  };
  return k;
}

afterEach(() => {
  useRegionAddKernel(null);
});

describe('useNativeKernels', () => {
  it('sets the compiled kernel for the scorers and returns it', () => {
    const kernel = useNativeKernels();
    expect(kernel.name).toBe('native');
    expect(regionAddKernel()).toBe(kernel);
  });

  it('covers the golden cases of every scorer', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  for (const c of CASES) {
    it(`${c.id}: the golden maps, the written-out sums' bits`, () => {
      const native = counting(useNativeKernels());
      useRegionAddKernel(native);
      const out = generate(c);
      expect(native.calls).toBeGreaterThan(0);
      const expected = load(c.output);
      expect(out.data.constructor).toBe(expected.data.constructor);
      assertAllClose(out, expected, c.rtol, c.atol, c.id);
      useRegionAddKernel(referenceKernel);
      const reference = generate(c);
      expect(Array.from(out.data)).toEqual(Array.from(reference.data));
    });
  }
});
