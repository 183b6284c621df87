import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

export interface ReadmeExampleRun {
  /** What the example printed with console.log, one entry per call. */
  printed: string[];
  /** The example's `// → ...` comments, in order: what it says it prints. */
  expected: string[];
}

/**
 * Runs the ```ts block between `<!-- readme-example:start -->` and `<!-- readme-example:end -->`
 * of a package README, so the documented example cannot rot. Package imports named in
 * `sources` (e.g. `{ '@salkit/perturb': '/abs/src/index.ts' }`) are pointed at TypeScript
 * sources. Returns what it printed and what its `// →` comments promise.
 */
export async function runReadmeExample(readmePath: string, sources: Record<string, string>): Promise<ReadmeExampleRun> {
  const readme = readFileSync(readmePath, 'utf8');
  const block = /<!-- readme-example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- readme-example:end -->/.exec(readme);
  if (!block) throw new Error(`runReadmeExample: no readme-example block in ${readmePath}`);
  let code = block[1] as string;
  const expected = code
    .split('\n')
    .filter((line) => line.trimStart().startsWith('// → '))
    .map((line) => line.trimStart().slice('// → '.length));
  for (const [name, file] of Object.entries(sources)) {
    code = code.replaceAll(`from '${name}'`, `from ${JSON.stringify(pathToFileURL(file).href)}`);
  }
  const dir = path.join(path.dirname(readmePath), '.vitest', 'readme');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `example-${process.pid}-${Date.now()}.ts`);
  writeFileSync(file, code);
  const printed: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => {
    printed.push(args.map(String).join(' '));
  };
  try {
    await import(/* @vite-ignore */ pathToFileURL(file).href);
  } finally {
    console.log = original;
    rmSync(file, { force: true });
  }
  return { printed, expected };
}

/**
 * Registers a vitest test that runs the README example of the package whose `src/` holds
 * `srcFileUrl` (pass `import.meta.url` of a test in `src/`) and checks it prints what it says.
 */
export function testReadmeExample(packageName: string, srcFileUrl: string): void {
  const src = path.dirname(fileURLToPath(srcFileUrl));
  it(`${packageName}: the README example runs and prints what its comments say`, async () => {
    const { printed, expected } = await runReadmeExample(path.join(src, '..', 'README.md'), {
      [packageName]: path.join(src, 'index.ts'),
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(printed).toEqual(expected);
  });
}
