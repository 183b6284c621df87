import { array, loadNpy } from '@salkit/ndarray';
import { configurationTestHelper } from '@salkit/plugin';
import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import { describe, expect, it } from 'vitest';
import { RISEGrid } from './RISEGrid.js';

describe('RISEGrid parity', () => {
  for (const c of casesFor('RISEGrid.perturb')) {
    it(c.id, () => {
      const params = { ...c.params } as Record<string, unknown>;
      if (typeof params.seed === 'string') params.seed = BigInt(params.seed);
      const out = new RISEGrid(params as never).perturb(loadNpy(readParityFile(c.inputs.refImage as string)));
      expect(out.data).toBeInstanceOf(Float32Array);
      assertAllClose(out, loadNpy(readParityFile(c.output as string)), c.rtol, c.atol, c.id);
    });
  }
});

describe('RISEGrid', () => {
  const image = array(new Uint8Array(19 * 23), [19, 23]);

  it('streams the same masks in batches and repeats itself', () => {
    const g = new RISEGrid({ n: 7, s: 3, p1: 0.5, seed: 3 });
    const all = g.perturb(image);
    expect(g.maskCount(image)).toBe(7);
    expect([...g.perturbBatches(image, 3)].flatMap((b) => [...b.data])).toEqual([...all.data]);
    expect([...g.perturb(image).data]).toEqual([...all.data]);
  });

  it('with seed null is random per instance but consistent within one', () => {
    const a = new RISEGrid({ n: 4, s: 4, p1: 0.5 });
    const b = new RISEGrid({ n: 4, s: 4, p1: 0.5 });
    expect([...a.perturb(image).data]).toEqual([...a.perturb(image).data]);
    expect([...a.grid]).not.toEqual([...b.grid]);
  });

  it('round-trips its config, bigint seeds as decimal strings', () => {
    for (const inst of configurationTestHelper(new RISEGrid({ n: 5, s: 2, p1: 0.3, seed: 11, threads: 0 }))) {
      expect(inst.getConfig()).toEqual({ n: 5, s: 2, p1: 0.3, seed: 11, threads: 0 });
    }
    const big = new RISEGrid({ n: 2, s: 2, p1: 0.5, seed: 2n ** 64n + 5n });
    expect(big.getConfig().seed).toBe('18446744073709551621');
    expect([...RISEGrid.fromConfig(big.getConfig()).grid]).toEqual([...big.grid]);
  });

  it('rejects bad options with the key and the problem', () => {
    expect(() => new RISEGrid({ n: 5, s: 2, p1: 1.5 })).toThrow(/RISEGrid.*p1/);
    expect(() => new RISEGrid({ n: 0, s: 2, p1: 0.5 })).toThrow(/n/);
    expect(() => new RISEGrid({ n: 2, s: 2, p1: 0.5, seed: -1 })).toThrow(/seed/);
  });
});
