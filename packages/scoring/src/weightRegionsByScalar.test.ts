import { loadNpy, array as ndarray } from '@salkit/ndarray';
import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import { describe, expect, it } from 'vitest';
import { weightRegionsByScalar } from './weightRegionsByScalar.js';

const load = (name: unknown) => loadNpy(readParityFile(name as string));

describe('weightRegionsByScalar parity', () => {
  for (const c of casesFor('weightRegionsByScalar')) {
    it(c.id, () => {
      const expected = load(c.output);
      const out = weightRegionsByScalar(
        load(c.inputs.scalars),
        load(c.inputs.masks),
        c.params.invMasks as boolean,
        c.params.normalize as boolean,
      );
      expect(out.data.constructor).toBe(expected.data.constructor);
      assertAllClose(out, expected, c.rtol, c.atol, c.id);
    });
  }
});

describe('weightRegionsByScalar', () => {
  it('weights inverted masks and normalises by coverage on a hand-sized case', () => {
    const scalars = ndarray(Float64Array.of(2, 4), [2, 1]);
    const masks = ndarray(Uint8Array.of(1, 0, 0, 0, 1, 0), [2, 1, 3]);
    // pixel 0: only mask 1 occludes -> 4/1; pixel 1: mask 0 -> 2/1; pixel 2: both -> 6/2
    expect([...weightRegionsByScalar(scalars, masks).data]).toEqual([4, 2, 3]);
    expect([...weightRegionsByScalar(scalars, masks, true, false).data]).toEqual([4, 2, 6]);
    expect([...weightRegionsByScalar(scalars, masks, false, false).data]).toEqual([2, 4, 0]);
  });

  it('gives finite output when no mask covers a pixel', () => {
    const out = weightRegionsByScalar(ndarray(Float64Array.of(1), [1, 1]), ndarray(Uint8Array.of(1, 1), [1, 1, 2]));
    expect([...out.data]).toEqual([0, 0]);
  });

  it('agrees between float and 0/1 uint8 masks', () => {
    const s = ndarray(
      Float64Array.from({ length: 12 }, (_, i) => Math.sin(i)),
      [4, 3],
    );
    const bits = Uint8Array.from({ length: 4 * 30 }, (_, i) => ((i * 7919) % 3 === 0 ? 1 : 0));
    const a = weightRegionsByScalar(s, ndarray(bits, [4, 5, 6]));
    const b = weightRegionsByScalar(s, ndarray(Float64Array.from(bits), [4, 5, 6]));
    assertAllClose(a, b, 1e-12, 1e-12);
  });

  it('rejects mismatched shapes naming both', () => {
    const s = ndarray(new Float64Array(6), [3, 2]);
    expect(() => weightRegionsByScalar(s, ndarray(new Float32Array(8), [2, 2, 2]))).toThrow(/\[3,2\].*\[2,2,2\]/);
    expect(() => weightRegionsByScalar(s, ndarray(new Float32Array(8), [8]))).toThrow(/masks: expected a 3-D/);
    expect(() =>
      weightRegionsByScalar(ndarray(new Float64Array(3), [3]), ndarray(new Float32Array(3), [3, 1, 1])),
    ).toThrow(/scalars: expected a 2-D/);
  });
});
