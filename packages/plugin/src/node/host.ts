// Node-only file-system helpers for plugin discovery. Loaded lazily (dynamic import) by the discovery
// functions, so the package's main entry imports no Node built-in.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Path-list separator of this platform (`:` or `;`). */
export const pathDelimiter = path.delimiter;

export function currentEnv(): Record<string, string | undefined> {
  return process.env;
}

export function currentDir(): string {
  return process.cwd();
}

export function resolveDir(dir: string): string {
  return path.resolve(dir);
}

/** A package found in a node_modules folder. */
export interface InstalledPackage {
  name: string;
  dir: string;
  json: Record<string, unknown>;
}

function readJson(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const v = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
  } catch (err) {
    throw new Error(`cannot parse ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** `'file'`, `'dir'` or `'missing'`. */
export function kindOf(p: string): 'file' | 'dir' | 'missing' {
  try {
    const s = statSync(p);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return 'missing';
  }
}

function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = path.resolve(dir); ; ) {
    out.push(d);
    const parent = path.dirname(d);
    if (parent === d) return out;
    d = parent;
  }
}

function sortedEntries(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/**
 * Packages installed in the node_modules folders reachable from `root` (its own, then its parents',
 * as Node resolves), nearest first; a name found twice keeps the nearest.
 */
export function installedPackages(root: string): InstalledPackage[] {
  const seen = new Set<string>();
  const out: InstalledPackage[] = [];
  const consider = (dir: string) => {
    if (!isDir(dir)) return;
    const json = readJson(path.join(dir, 'package.json'));
    if (json === undefined) return;
    const name = typeof json.name === 'string' ? json.name : path.basename(dir);
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ name, dir, json });
  };
  for (const d of ancestors(root)) {
    const nm = path.join(d, 'node_modules');
    for (const entry of sortedEntries(nm)) {
      if (entry.startsWith('.')) continue;
      if (entry.startsWith('@')) {
        for (const sub of sortedEntries(path.join(nm, entry))) {
          if (!sub.startsWith('.')) consider(path.join(nm, entry, sub));
        }
      } else {
        consider(path.join(nm, entry));
      }
    }
  }
  return out;
}

const CONDITIONS = new Set(['node', 'import', 'default']);

function resolveTarget(target: unknown, star: string | undefined): string | undefined {
  if (typeof target === 'string') return star === undefined ? target : target.split('*').join(star);
  if (Array.isArray(target)) {
    for (const t of target) {
      const r = resolveTarget(t, star);
      if (r !== undefined) return r;
    }
    return undefined;
  }
  if (typeof target === 'object' && target !== null) {
    for (const [cond, t] of Object.entries(target)) {
      if (CONDITIONS.has(cond)) {
        const r = resolveTarget(t, star);
        if (r !== undefined) return r;
      }
    }
  }
  return undefined;
}

function resolveExports(exportsField: unknown, subpath: string): string | undefined {
  const map =
    typeof exportsField === 'object' &&
    exportsField !== null &&
    !Array.isArray(exportsField) &&
    Object.keys(exportsField).some((k) => k.startsWith('.'))
      ? (exportsField as Record<string, unknown>)
      : { '.': exportsField };
  if (Object.hasOwn(map, subpath)) return resolveTarget(map[subpath], undefined);
  for (const [key, target] of Object.entries(map)) {
    const i = key.indexOf('*');
    if (i < 0) continue;
    const pre = key.slice(0, i);
    const post = key.slice(i + 1);
    if (subpath.startsWith(pre) && subpath.endsWith(post) && subpath.length >= key.length - 1) {
      return resolveTarget(target, subpath.slice(pre.length, subpath.length - post.length));
    }
  }
  return undefined;
}

function splitBare(spec: string): { name: string; subpath: string } {
  const parts = spec.split('/');
  const n = spec.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, n).join('/');
  const rest = parts.slice(n).join('/');
  return { name, subpath: rest ? `./${rest}` : '.' };
}

/** True for specifiers resolved as file paths rather than package names. */
export function isPathSpecifier(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..' || path.isAbsolute(spec);
}

/**
 * Resolves a module specifier as Node's ESM loader would from a file in `fromDir`: `file:` URLs,
 * absolute and `./`-relative paths, and bare package specifiers (looked up in the node_modules folders
 * above `fromDir`, honouring `exports` with the node/import/default conditions, else `main`).
 * Returns a file path, or throws an error saying what was not found.
 */
export function resolveSpecifier(spec: string, fromDir: string): string {
  if (spec.startsWith('file:')) return fileURLToPath(spec);
  if (isPathSpecifier(spec)) return path.resolve(fromDir, spec);
  const { name, subpath } = splitBare(spec);
  for (const d of ancestors(fromDir)) {
    const dir = path.join(d, 'node_modules', name);
    const json = isDir(dir) ? readJson(path.join(dir, 'package.json')) : undefined;
    if (json === undefined) continue;
    let rel: string | undefined;
    if (json.exports !== undefined) {
      rel = resolveExports(json.exports, subpath);
      if (rel === undefined) throw new Error(`package ${name} (${dir}) does not export ${JSON.stringify(subpath)}`);
    } else if (subpath === '.') {
      rel = typeof json.main === 'string' ? json.main : 'index.js';
    } else {
      rel = subpath;
    }
    return path.resolve(dir, rel);
  }
  throw new Error(`cannot find package ${JSON.stringify(name)} in the node_modules folders above ${fromDir}`);
}

/** The `file:` URL of a path, for `import()`. */
export function fileUrl(p: string): string {
  return pathToFileURL(p).href;
}
