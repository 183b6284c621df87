import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadedNpy, loadNpyFull, type NdArray } from '@salkit/ndarray';

/** One case of a manifest in ../shared/parity's format (same fields). */
export interface ExtraCase {
  id: string;
  op: string;
  params: Record<string, unknown>;
  inputs: Record<string, unknown>;
  output?: string;
  outputs?: Record<string, string>;
  rtol: number;
  atol: number;
  note?: string;
  /** Only in cases-failing/: why salkit does not reproduce the case yet. */
  failure?: string;
}

export interface ExtraManifest {
  reference: Record<string, string>;
  blackbox: Record<string, unknown>;
  cases: ExtraCase[];
}

const PKG_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The case folder: `cases/` (committed, passing), or the folder named by $PARITY_EXTRA_CASES
 * (relative to this package, e.g. `cases-failing`) to replay the known failures by hand.
 */
export function casesDir(): string {
  return resolve(PKG_ROOT, process.env.PARITY_EXTRA_CASES ?? 'cases');
}

let cached: { dir: string; manifest: ExtraManifest } | undefined;

export function loadExtraManifest(): ExtraManifest {
  const dir = casesDir();
  if (cached?.dir !== dir) {
    const path = join(dir, 'manifest.json');
    if (!existsSync(path)) throw new Error(`parity-extra: no manifest at ${path} (run gen/generate.py)`);
    cached = { dir, manifest: JSON.parse(readFileSync(path, 'utf8')) as ExtraManifest };
  }
  return cached.manifest;
}

/** A .npy file of the case folder, as the parity checker builds it: `ndarray(typedArray, shape)`. */
export function readNpy(name: unknown): LoadedNpy {
  if (typeof name !== 'string' || !name.endsWith('.npy')) {
    throw new Error(`parity-extra: expected a .npy file name, got ${JSON.stringify(name)}`);
  }
  return loadNpyFull(new Uint8Array(readFileSync(join(casesDir(), name))));
}

export function loadArray(name: unknown): NdArray {
  return readNpy(name).array;
}

/** Integers beyond 2^53 are decimal strings in the manifest: they become BigInt. */
export function bigOrNumber(x: unknown): number | bigint {
  if (typeof x === 'string') return BigInt(x);
  if (typeof x === 'number') return x;
  throw new Error(`parity-extra: expected a number or a decimal string, got ${JSON.stringify(x)}`);
}
