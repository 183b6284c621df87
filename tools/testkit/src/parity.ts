import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One golden case of ../shared/parity/manifest.json. */
export interface ParityCase {
  id: string;
  op: string;
  params: Record<string, unknown>;
  inputs: Record<string, unknown>;
  output?: string;
  outputs?: Record<string, string>;
  rtol: number;
  atol: number;
  note?: string;
}

export interface ParityManifest {
  reference: Record<string, string>;
  blackbox: Record<string, unknown>;
  similarityScoringMetrics: { ok: string[]; failed: Record<string, string> };
  cases: ParityCase[];
}

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`testkit: no pnpm-workspace.yaml above ${start}`);
    dir = up;
  }
}

/** The parity folder: $SALKIT_PARITY_DIR, else ../shared/parity beside the repo root. */
export function parityDir(): string {
  const fromEnv = process.env.SALKIT_PARITY_DIR;
  if (fromEnv) return resolve(fromEnv);
  const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
  return resolve(root, '..', 'shared', 'parity');
}

let manifestCache: ParityManifest | undefined;

export function loadManifest(): ParityManifest {
  if (!manifestCache) {
    const path = join(parityDir(), 'manifest.json');
    if (!existsSync(path)) {
      throw new Error(`parity manifest not found at ${path}: ../shared must sit beside the repo`);
    }
    manifestCache = JSON.parse(readFileSync(path, 'utf8')) as ParityManifest;
  }
  return manifestCache;
}

/** Every case of one op; throws when there are none so a renamed op cannot pass silently. */
export function casesFor(op: string): ParityCase[] {
  const cases = loadManifest().cases.filter((c) => c.op === op);
  if (cases.length === 0) throw new Error(`no parity cases for op ${op}`);
  return cases;
}

/** Raw bytes of a fixture file. */
export function readParityFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(parityDir(), name)));
}
