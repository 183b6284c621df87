import { array, loadNpy } from '@salkit/ndarray';
import { configurationTestHelper } from '@salkit/plugin';
import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import { describe, expect, it } from 'vitest';
import { GenerateClassifierConfidenceSaliency } from '../interfaces/GenerateClassifierConfidenceSaliency.js';
import { OcclusionScoring } from './OcclusionScoring.js';
import { RISEScoring } from './RISEScoring.js';

const load = (name: unknown) => loadNpy(readParityFile(name as string));

describe('confidence scorers parity', () => {
  for (const c of [...casesFor('OcclusionScoring.generate'), ...casesFor('RISEScoring.generate')]) {
    it(c.id, () => {
      const scorer = c.op.startsWith('RISE') ? new RISEScoring(c.params) : new OcclusionScoring();
      const expected = load(c.output);
      const out = scorer.generate(load(c.inputs.imageConf), load(c.inputs.perturbedConf), load(c.inputs.masks));
      expect(out.data.constructor).toBe(expected.data.constructor);
      assertAllClose(out, expected, c.rtol, c.atol, c.id);
      // float32 masks and confidences: numpy's float32 operations, in its order, so bit for bit
      if (load(c.inputs.masks).data instanceof Float32Array && expected.data instanceof Float32Array) {
        expect(Array.from(out.data)).toEqual(Array.from(expected.data));
      }
    });
  }
});

describe('confidence scorers', () => {
  const conf = array(Float64Array.of(0.9, 0.1), [2]);
  const masks = array(
    Uint8Array.from({ length: 3 * 4 * 5 }, (_, i) => ((i * 31) % 7 > 2 ? 1 : 0)),
    [3, 4, 5],
  );
  const pert = array(Float64Array.of(0.5, 0.2, 0.8, 0.1, 0.3, 0.4), [3, 2]);

  it('are listed by getImpls and round-trip their configs', () => {
    const impls = GenerateClassifierConfidenceSaliency.getImpls();
    expect(impls.has(OcclusionScoring) && impls.has(RISEScoring)).toBe(true);
    configurationTestHelper(new OcclusionScoring());
    for (const inst of configurationTestHelper(new RISEScoring({ p1: 0.25 }))) expect(inst.options.p1).toBe(0.25);
  });

  it('give the same maps batch by batch as in one call', () => {
    for (const scorer of [new OcclusionScoring(), new RISEScoring({ p1: 0.4 })]) {
      const whole = scorer.generate(conf, pert, masks);
      const acc = scorer.accumulator(conf, [4, 5]);
      acc.add(pert.hi(2, 2), masks.hi(2, 4, 5));
      acc.add(pert.lo(2, 0), masks.lo(2, 0, 0));
      assertAllClose(acc.finish(), whole, 1e-12, 1e-12);
    }
  });

  it('stay finite and in [-1, 1] when nothing changes or nothing is covered', () => {
    const same = array(Float64Array.of(0.9, 0.1, 0.9, 0.1, 0.9, 0.1), [3, 2]);
    const zeros = new OcclusionScoring().generate(conf, same, masks);
    expect([...zeros.data].every((v) => v === 0)).toBe(true);
    const uncovered = new OcclusionScoring().generate(conf, pert, array(new Uint8Array(60).fill(1), [3, 4, 5]));
    expect([...uncovered.data].every((v) => Number.isFinite(v))).toBe(true);
    const r = new RISEScoring({ p1: 0.5 }).generate(conf, pert, masks);
    expect([...r.data].every((v) => v >= -1 && v <= 1)).toBe(true);
  });

  it('reject bad options, shapes and values with messages naming both shapes', () => {
    expect(() => new RISEScoring({ p1: 1.5 })).toThrow(/RISEScoring.*p1/);
    expect(() => new RISEScoring({ p1: -0.1 })).toThrow(/p1/);
    const s = new OcclusionScoring();
    expect(() => s.generate(conf, pert.hi(2, 2), masks)).toThrow(/\[2,2\].*\[3,4,5\]/);
    expect(() => s.generate(array(Float64Array.of(1, 2, 3), [3]), pert, masks)).toThrow(/perturbedConf/);
    expect(() => s.generate(conf, array(Float64Array.of(0.5, Number.NaN, 0, 0, 0, 0), [3, 2]), masks)).toThrow(
      /perturbedConf.*finite/i,
    );
    expect(() => s.generate(conf, pert, array(new Uint8Array(20), [20]))).toThrow(/masks/);
  });
});
