import { loadNpy, type NdArray } from '@salkit/ndarray';
import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import { describe, expect, it } from 'vitest';
import { cdist } from './cdist.js';
import type { CdistOptions } from './options.js';

function load(name: unknown): NdArray {
  if (typeof name !== 'string') throw new Error(`expected a .npy file name, got ${JSON.stringify(name)}`);
  return loadNpy(readParityFile(name));
}

describe('cdist parity with scipy 1.10 (../shared/parity)', () => {
  const cases = casesFor('cdist');

  it('has the 48 cdist cases', () => {
    expect(cases.length).toBe(48);
  });

  for (const c of cases) {
    it(c.id, () => {
      const params = c.params as { metric: string; options: Record<string, unknown>; arrayOptions: string[] };
      const XA = load(c.inputs.XA);
      const XB = load(c.inputs.XB);
      const options: Record<string, unknown> = { ...params.options };
      for (const key of params.arrayOptions) options[key] = load(c.inputs[key]);
      const useOptions = Object.keys(params.options).length > 0 || params.arrayOptions.length > 0;
      const out = useOptions ? cdist(XA, XB, params.metric, options as CdistOptions) : cdist(XA, XB, params.metric);
      expect(out.data).toBeInstanceOf(Float64Array);
      assertAllClose(out, load(c.output), c.rtol, c.atol, c.id);
    });
  }
});
