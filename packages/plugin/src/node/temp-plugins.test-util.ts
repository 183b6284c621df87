// Builds throwaway plugin modules and packages on disk for the discovery tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh temporary directory; `cleanup()` removes it. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'salkit-plugin-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `files` (relative path -> contents; objects are written as JSON) under `root`. */
export function writeTree(root: string, files: Record<string, string | object>): void {
  for (const [rel, contents] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof contents === 'string' ? contents : JSON.stringify(contents, null, 2));
  }
}

/**
 * Source of a plain-JS ESM plugin module. A module on disk cannot import the interface class the test
 * defined (the test runs TypeScript sources through vitest), so the test publishes it on globalThis
 * under `bridge` and the module reads it from there, exactly as a real plugin imports its interface.
 * The module exports: `<prefix>Impl` (a registered, valid plugin), `<prefix>Unfinished` (abstract),
 * `<prefix>Plain` (unrelated class) and a non-class.
 */
export function pluginModule(bridge: string, prefix: string, typeName: string): string {
  return `const { Greeter, registerPlugin } = globalThis[${JSON.stringify(bridge)}];
export class ${prefix}Impl extends Greeter {
  static { registerPlugin(this, ${JSON.stringify(typeName)}); }
  greet() { return ${JSON.stringify(`hello from ${prefix}`)}; }
}
export class ${prefix}Unfinished extends Greeter {}
export class ${prefix}Plain {}
export const ${prefix}Value = 42;
`;
}
