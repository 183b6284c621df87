import type { AnyClass } from './abstract.js';
import { DEFAULT_PLUGIN_ENV_VAR, DEFAULT_PLUGIN_NAMESPACE } from './constants.js';
import { discoverViaEntrypointExtensions } from './discover-via-entrypoint-extensions.js';
import { discoverViaEnvVar } from './discover-via-env-var.js';
import { recordEnvVarTypes, recordNamespaceTypes } from './loaded.js';

/** Options of {@link discoverPlugins}. */
export interface DiscoverPluginsOptions {
  /** Environment variable(s) to read; default `'SALKIT_PLUGIN_PATH'`. Use your interface's `PLUGIN_ENV_VAR` if it overrides it. */
  envVar?: string | readonly string[];
  /** package.json key(s) to read; default `'salkit_plugins'`. Use your interface's `PLUGIN_NAMESPACE` if it overrides it. */
  namespace?: string | readonly string[];
  /** Directory whose node_modules folders are searched (default `process.cwd()`). */
  root?: string;
  /** Environment to read (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Directory that relative paths in the environment variable are resolved from (default `process.cwd()`). */
  cwd?: string;
}

const list = (v: string | readonly string[]): readonly string[] => (typeof v === 'string' ? [v] : v);

/**
 * Loads plugins from outside the program: imports the modules named by the environment variable and
 * by installed packages' package.json (see `discoverViaEnvVar` and `discoverViaEntrypointExtensions`),
 * and remembers the classes they export so that the synchronous `Iface.getImpls()` includes them from
 * then on (each interface looks at its own `PLUGIN_ENV_VAR` / `PLUGIN_NAMESPACE`). Module loading is
 * asynchronous in ESM, so this is the one asynchronous step: `await discoverPlugins()` once at start-up.
 * Calling it again loads anything new (already imported modules are not re-run). Returns the classes found.
 */
export async function discoverPlugins(options: DiscoverPluginsOptions = {}): Promise<Set<AnyClass>> {
  const found = new Set<AnyClass>();
  for (const envVar of list(options.envVar ?? DEFAULT_PLUGIN_ENV_VAR)) {
    const types = await discoverViaEnvVar(envVar, {
      ...(options.env && { env: options.env }),
      ...(options.cwd !== undefined && { cwd: options.cwd }),
    });
    recordEnvVarTypes(envVar, types);
    for (const t of types) found.add(t);
  }
  for (const namespace of list(options.namespace ?? DEFAULT_PLUGIN_NAMESPACE)) {
    const types = await discoverViaEntrypointExtensions(namespace, {
      ...(options.root !== undefined && { root: options.root }),
    });
    recordNamespaceTypes(namespace, types);
    for (const t of types) found.add(t);
  }
  return found;
}
