import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, it, vi } from 'vitest';

// Runs the README example, so it cannot rot: the code block between the readme-example markers is
// written to a module (importing this package's sources instead of '@salkit/plugin') and imported;
// what it prints must match its `// →` comments, in order.
it('the README example runs and prints what its comments say', async () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const readme = readFileSync(path.join(here, '../README.md'), 'utf8');
  const block = /<!-- readme-example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- readme-example:end -->/.exec(readme);
  expect(block, 'README example block').not.toBeNull();
  const code = block![1]!;
  const expected = code
    .split('\n')
    .filter((line) => line.trimStart().startsWith('// → '))
    .map((line) => line.trimStart().slice('// → '.length));
  expect(expected.length).toBeGreaterThan(3);

  const dir = path.join(here, '../.vitest/readme');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `example-${Date.now()}.ts`);
  const index = pathToFileURL(path.join(here, 'index.ts')).href;
  writeFileSync(file, code.replace("from '@salkit/plugin'", `from ${JSON.stringify(index)}`));

  const printed: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(args.map(String).join(' '));
  });
  try {
    await import(/* @vite-ignore */ pathToFileURL(file).href);
  } finally {
    spy.mockRestore();
    rmSync(file, { force: true });
  }
  expect(printed).toEqual(expected);
});
