import { array, loadNpy } from '@salkit/ndarray';
import { configurationTestHelper } from '@salkit/plugin';
import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import { describe, expect, it } from 'vitest';
import { PerturbImage } from '../interfaces/PerturbImage.js';
import { SlidingWindow } from './SlidingWindow.js';

describe('SlidingWindow parity', () => {
  for (const c of casesFor('SlidingWindow.perturb')) {
    it(c.id, () => {
      const out = new SlidingWindow(c.params).perturb(loadNpy(readParityFile(c.inputs.refImage as string)));
      assertAllClose(out, loadNpy(readParityFile(c.output as string)), 0, 0, c.id);
    });
  }
});

describe('SlidingWindow', () => {
  const image = array(new Uint8Array(23 * 31 * 3), [23, 31, 3]);

  it('is a PerturbImage plugin with a config round trip', () => {
    expect(PerturbImage.getImpls().has(SlidingWindow)).toBe(true);
    const inst = new SlidingWindow({ windowSize: [7, 5], stride: [3, 4] });
    for (const i of configurationTestHelper(inst)) {
      expect(i.options.windowSize).toEqual([7, 5]);
      expect(i.options.stride).toEqual([3, 4]);
    }
    expect(SlidingWindow.getDefaultConfig()).toEqual({ windowSize: [50, 50], stride: [20, 20] });
  });

  it('yields the same masks in batches as perturb, and counts them', () => {
    const p = new SlidingWindow({ windowSize: [7, 5], stride: [3, 4] });
    const all = p.perturb(image);
    expect(p.maskCount(image)).toBe(all.shape[0]);
    const parts = [...p.perturbBatches(image, 4)];
    expect(parts.every((b) => (b.shape[0] as number) <= 4)).toBe(true);
    expect(parts.flatMap((b) => [...b.data])).toEqual([...all.data]);
  });

  it('rejects bad options and images with clear errors', () => {
    expect(() => new SlidingWindow({ windowSize: [0, 5] })).toThrow(/SlidingWindow.*windowSize/);
    expect(() => new SlidingWindow({ stride: [1.5, 2] as [number, number] })).toThrow(/stride/);
    expect(() => new SlidingWindow().perturb(array(new Uint8Array(4), [4]))).toThrow(/refImage: expected shape/);
    expect(() => [...new SlidingWindow().perturbBatches(image, 0)]).toThrow(/batchSize/);
  });
});
