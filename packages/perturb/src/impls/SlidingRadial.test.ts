import { array, loadNpy } from '@salkit/ndarray';
import { configurationTestHelper } from '@salkit/plugin';
import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import { describe, expect, it } from 'vitest';
import { PerturbImage } from '../interfaces/PerturbImage.js';
import { SlidingRadial } from './SlidingRadial.js';

describe('SlidingRadial parity', () => {
  for (const c of casesFor('SlidingRadial.perturb')) {
    it(c.id, () => {
      const out = new SlidingRadial(c.params as never).perturb(loadNpy(readParityFile(c.inputs.refImage as string)));
      const expected = loadNpy(readParityFile(c.output as string));
      expect(out.data.constructor).toBe(c.params.sigma ? Float32Array : Uint8Array);
      assertAllClose(out, expected, c.rtol, c.atol, c.id);
    });
  }
});

describe('SlidingRadial', () => {
  const image = array(new Uint8Array(17 * 21 * 3), [17, 21, 3]);

  it('is a PerturbImage plugin with a config round trip', () => {
    expect(PerturbImage.getImpls().has(SlidingRadial)).toBe(true);
    for (const i of configurationTestHelper(new SlidingRadial({ radius: [3, 4.5], stride: [5, 6], sigma: [1, 2] }))) {
      expect(i.getConfig()).toEqual({ radius: [3, 4.5], stride: [5, 6], sigma: [1, 2] });
    }
    expect(SlidingRadial.getDefaultConfig()).toEqual({ radius: [50, 50], stride: [20, 20], sigma: null });
  });

  it('yields the same masks in batches as perturb, hard and soft', () => {
    for (const sigma of [null, [1.5, 1] as [number, number]]) {
      const p = new SlidingRadial({ radius: [4, 3], stride: [6, 5], sigma });
      const all = p.perturb(image);
      expect(p.maskCount(image)).toBe(all.shape[0]);
      expect([...p.perturbBatches(image, 4)].flatMap((b) => [...b.data])).toEqual([...all.data]);
    }
  });

  it('soft masks are 0 at the centre, 1 far away, within [0, 1]', () => {
    const m = new SlidingRadial({ radius: [3, 3], stride: [100, 100], sigma: [1, 1] }).perturb(image);
    expect(m.get(0, 0, 0)).toBeCloseTo(0, 6);
    expect(m.get(0, 16, 20)).toBe(1);
    expect([...m.data].every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('rejects bad options', () => {
    expect(() => new SlidingRadial({ radius: [0, 3] })).toThrow(/radius/);
    expect(() => new SlidingRadial({ stride: [0, 3] })).toThrow(/stride/);
    expect(() => new SlidingRadial({ sigma: [-1, 3] })).toThrow(/sigma/);
  });
});
