import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames } from '../src/saliency/plugins.js';

describe('compareNames', () => {
  it('orders registered names as localeCompare does', () => {
    const names = [
      'salkit.stacks.DRISEStack',
      'salkit.stacks.DetectorPerturbationOcclusion',
      'salkit.perturb.RISEGrid',
      'salkit.perturb.SlidingRadial',
      'salkit.scoring.OcclusionScoring',
      'my_plugins.Grid2',
      'my_plugins.grid10',
      'a.B',
      'a.b',
      'a_b',
      'a.b.c',
      'A',
      '',
    ];
    const sign = (x: number) => Math.sign(x);
    for (const a of names)
      for (const b of names) expect(sign(compareNames(a, b)), `${a} ${b}`).toBe(sign(a.localeCompare(b)));
  });

  it('agrees with localeCompare on random names of letters, digits, dots and underscores', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9._]{0,8}$/);
    fc.assert(
      fc.property(name, name, (a, b) => Math.sign(compareNames(a, b)) === Math.sign(a.localeCompare(b))),
      { numRuns: 20_000 },
    );
    // Same letters, cases differing: the most revealing pairs.
    const cased = fc.stringMatching(/^[aAbB._1]{1,6}$/);
    fc.assert(
      fc.property(cased, cased, (a, b) => Math.sign(compareNames(a, b)) === Math.sign(a.localeCompare(b))),
      { numRuns: 20_000 },
    );
  });

  it('leaves other names to localeCompare', () => {
    expect(Math.sign(compareNames('é', 'f'))).toBe(Math.sign('é'.localeCompare('f')));
    expect(Math.sign(compareNames('a-b', 'a.b'))).toBe(Math.sign('a-b'.localeCompare('a.b')));
  });
});
