import type { AnyClass } from './abstract.js';
import { describe } from './json.js';
import { collectTypesInModule, isNode, loadNodeHost, messageOf } from './module-types.js';

/** Options of {@link discoverViaEnvVar}. */
export interface DiscoverViaEnvVarOptions {
  /** Environment to read (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Directory that relative paths and package names are resolved from (default `process.cwd()`). */
  cwd?: string;
}

/**
 * Imports the modules listed in environment variable `envVar` and returns the classes they export
 * (SMQTK's `discover_via_env_var`). The value is a path list with the platform separator (`:`, or `;`
 * on Windows); empty elements are skipped. Each element is a module file path (absolute or relative to
 * `cwd`) or a package specifier (`my-plugins`, `my-plugins/extra`) resolved from the node_modules
 * folders above `cwd` (a `file:` URL works only where the separator is `;`). An element that
 * cannot be imported, or whose module throws while loading, rejects with an error naming it (the
 * original error is its `cause`). Outside Node.js, returns an empty set.
 */
export async function discoverViaEnvVar(
  envVar: string,
  options: DiscoverViaEnvVarOptions = {},
): Promise<Set<AnyClass>> {
  if (typeof envVar !== 'string' || envVar.length === 0) {
    throw new TypeError(`discoverViaEnvVar: envVar: expected a non-empty string, got ${describe(envVar)}`);
  }
  const out = new Set<AnyClass>();
  if (!isNode()) return out;
  const host = await loadNodeHost();
  const value = (options.env ?? host.currentEnv())[envVar] ?? '';
  const cwd = host.resolveDir(options.cwd ?? host.currentDir());
  for (const element of value.split(host.pathDelimiter)) {
    if (element === '') continue;
    let file: string;
    try {
      file = host.resolveSpecifier(element, cwd);
    } catch (err) {
      throw new Error(
        `discoverViaEnvVar: ${envVar} lists ${JSON.stringify(element)}, which cannot be imported: ${messageOf(err)}`,
        {
          cause: err,
        },
      );
    }
    let ns: object;
    try {
      ns = await import(/* @vite-ignore */ host.fileUrl(file));
    } catch (err) {
      throw new Error(
        `discoverViaEnvVar: ${envVar} lists ${JSON.stringify(element)} (${file}), which cannot be imported: ${messageOf(err)}`,
        { cause: err },
      );
    }
    for (const t of collectTypesInModule(ns)) out.add(t);
  }
  return out;
}
