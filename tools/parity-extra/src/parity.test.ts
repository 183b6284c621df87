import { describe, expect, it } from 'vitest';
import { casesDir, type ExtraCase, loadExtraManifest } from './cases.js';
import { checkResult } from './compare.js';
import { runCase } from './runCase.js';

const manifest = loadExtraManifest();

const byOp = new Map<string, ExtraCase[]>();
for (const c of manifest.cases) {
  const list = byOp.get(c.op) ?? [];
  list.push(c);
  byOp.set(c.op, list);
}

describe(`parity-extra cases (${casesDir()})`, () => {
  it('has cases and unique ids', () => {
    expect(manifest.cases.length).toBeGreaterThan(0);
    expect(new Set(manifest.cases.map((c) => c.id)).size).toBe(manifest.cases.length);
  });

  for (const [op, cases] of byOp) {
    describe(op, () => {
      for (const c of cases) {
        it(c.id, async () => {
          checkResult(c, await runCase(c));
        });
      }
    });
  }
});
