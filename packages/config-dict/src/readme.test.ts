/** Runs every ```ts example of README.md against this package, so the README cannot rot. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
/** Each ```ts block with the heading it sits under. */
const blocks: { title: string; code: string }[] = [];
let heading = '';
for (const m of readme.matchAll(/^#{2,3} (.+)$|^```ts\n([\s\S]*?)^```$/gm)) {
  if (m[1] !== undefined) heading = m[1];
  else blocks.push({ title: `${heading} (example ${blocks.length + 1})`, code: m[2]! });
}

const IMPORTS = /^import\s[\s\S]*?\sfrom\s+['"]([^'"]+)['"];?\s*$/gm;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

describe('README examples', () => {
  it('has examples, importing only this package and node:assert', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    for (const { code } of blocks) {
      for (const [, from] of code.matchAll(IMPORTS))
        expect(['@salkit/config-dict', 'node:assert/strict']).toContain(from);
    }
  });

  for (const { title, code } of blocks) {
    it(title, async () => {
      const body = code.replace(IMPORTS, '');
      const names = Object.keys(api);
      await new AsyncFunction('assert', ...names, body)(
        assert,
        ...names.map((n) => (api as Record<string, unknown>)[n]),
      );
    });
  }
});
