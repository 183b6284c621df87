import { loadNpy } from '@salkit/ndarray';
import { SlidingRadial } from '@salkit/perturb';
import { OcclusionScoring } from '@salkit/scoring';
import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import { describe, expect, it } from 'vitest';
import { FormulaClassifier } from '../testing/formulaClassifier.test-util.js';
import { PerturbationOcclusion } from './PerturbationOcclusion.js';
import { RISEStack } from './RISEStack.js';
import { SlidingWindowStack } from './SlidingWindowStack.js';

function build(op: string, params: Record<string, unknown>) {
  const { numLabels: _k, fill: _f, ...opts } = params;
  if (op === 'RISEStack.generate') return new RISEStack(opts as never);
  if (op === 'SlidingWindowStack.generate') return new SlidingWindowStack(opts as never);
  const { perturber, generator, threads } = opts as {
    perturber: { type: string } & Record<string, unknown>;
    generator: { type: string } & Record<string, unknown>;
    threads: number;
  };
  const { type: _pt, ...pOpts } = perturber;
  const { type: _gt, ...gOpts } = generator;
  return new PerturbationOcclusion({
    perturber: new SlidingRadial(pOpts as never),
    generator: new OcclusionScoring(gOpts as never),
    threads,
  });
}

describe('classifier stacks parity', () => {
  const cases = [
    ...casesFor('RISEStack.generate'),
    ...casesFor('SlidingWindowStack.generate'),
    ...casesFor('PerturbationOcclusion.generate'),
  ];
  for (const c of cases) {
    it(c.id, async () => {
      const stack = build(c.op, c.params);
      if ('fill' in c.params) stack.fill = c.params.fill as number | number[];
      const blackbox = new FormulaClassifier(c.params.numLabels as number);
      const out = await stack.generate(loadNpy(readParityFile(c.inputs.refImage as string)), blackbox);
      expect(out.data).toBeInstanceOf(Float64Array);
      assertAllClose(out, loadNpy(readParityFile(c.output as string)), c.rtol, c.atol, c.id);
    });
  }
});
