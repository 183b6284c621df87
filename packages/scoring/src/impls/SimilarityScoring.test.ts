import { array, loadNpy } from '@salkit/ndarray';
import { configurationTestHelper } from '@salkit/plugin';
import { assertAllClose, casesFor, loadManifest, readParityFile } from '@salkit/testkit';
import { describe, expect, it } from 'vitest';
import { GenerateDescriptorSimilaritySaliency } from '../interfaces/GenerateDescriptorSimilaritySaliency.js';
import { SimilarityScoring } from './SimilarityScoring.js';

const load = (name: unknown) => loadNpy(readParityFile(name as string));

describe('SimilarityScoring parity', () => {
  for (const c of casesFor('SimilarityScoring.generate')) {
    it(c.id, () => {
      const s = new SimilarityScoring(c.params as { proximityMetric: 'euclidean' });
      const out = s.generate(
        load(c.inputs.queryDescr),
        load(c.inputs.refDescr),
        load(c.inputs.perturbedDescrs),
        load(c.inputs.masks),
      );
      assertAllClose(out, load(c.output), c.rtol, c.atol, c.id);
    });
  }

  it('refuses the metrics the reference refused in its constructor', () => {
    const failed = Object.keys(loadManifest().similarityScoringMetrics.failed).map((k) => k.split('/')[0]);
    expect(failed.length).toBeGreaterThan(0);
    for (const metric of new Set(failed)) {
      expect(() => new SimilarityScoring({ proximityMetric: metric as 'euclidean' })).toThrow(/proximityMetric/);
    }
    expect(() => new SimilarityScoring({ proximityMetric: 'nope' as 'euclidean' })).toThrow(/proximityMetric/);
  });
});

describe('SimilarityScoring', () => {
  const ref = array(Float64Array.of(1, 0, 0), [3]);
  const pert = array(Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 0), [3, 3]);
  const masks = array(Uint8Array.of(1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1), [3, 2, 2]);

  it('is a plugin with a config round trip', () => {
    expect(GenerateDescriptorSimilaritySaliency.getImpls().has(SimilarityScoring)).toBe(true);
    for (const i of configurationTestHelper(new SimilarityScoring({ proximityMetric: 'cosine' }))) {
      expect(i.options.proximityMetric).toBe('cosine');
    }
  });

  it('gives finite maps for zero vectors under cosine and correlation', () => {
    for (const metric of ['cosine', 'correlation'] as const) {
      const out = new SimilarityScoring({ proximityMetric: metric }).generate(ref, ref, pert, masks);
      expect(out.shape).toEqual([2, 2]);
      expect([...out.data].every(Number.isFinite)).toBe(true);
    }
  });

  it('streams: an accumulator fed in batches equals generate', () => {
    const s = new SimilarityScoring();
    const q = array(Float64Array.of(0, 1, 0, 1, 1, 0), [2, 3]);
    const whole = s.generate(q, ref, pert, masks);
    const acc = s.accumulator(q, ref, [2, 2]);
    acc.add(pert.hi(1, 3), masks.hi(1, 2, 2));
    acc.add(pert.lo(1, 0), masks.lo(1, 0, 0));
    assertAllClose(acc.finish(), whole, 1e-12, 1e-12);
  });

  it('rejects mismatched descriptor sizes naming both shapes', () => {
    const s = new SimilarityScoring();
    expect(() => s.generate(array(Float64Array.of(1, 2), [2]), ref, pert, masks)).toThrow(/queryDescr.*\[2\]/);
    expect(() => s.generate(ref, ref, pert.hi(2, 3), masks)).toThrow(/\[2,3\].*\[3,2,2\]/);
    expect(() =>
      s.generate(ref, ref, array(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, Number.NaN), [3, 3]), masks),
    ).toThrow(/finite/);
  });
});
