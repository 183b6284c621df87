import { readFileSync } from 'node:fs';

/** The version of @salkit/cli (from its package.json, beside both src/ and dist/). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
