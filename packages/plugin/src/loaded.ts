import type { AnyClass } from './abstract.js';

// Classes found by the asynchronous discovery routes (`discoverPlugins`), kept so that the synchronous
// `getImpls()` can use them. Keyed by environment variable name and by package.json namespace.
const byEnvVar = new Map<string, Set<AnyClass>>();
const byNamespace = new Map<string, Set<AnyClass>>();

function add(map: Map<string, Set<AnyClass>>, key: string, types: Iterable<AnyClass>): void {
  let set = map.get(key);
  if (set === undefined) {
    set = new Set();
    map.set(key, set);
  }
  for (const t of types) set.add(t);
}

/** Remembers classes loaded from the modules named by environment variable `envVar`. */
export function recordEnvVarTypes(envVar: string, types: Iterable<AnyClass>): void {
  add(byEnvVar, envVar, types);
}

/** Remembers classes loaded from the modules packages declare under `namespace`. */
export function recordNamespaceTypes(namespace: string, types: Iterable<AnyClass>): void {
  add(byNamespace, namespace, types);
}

/** Classes loaded so far for an environment variable and a namespace. */
export function loadedTypes(envVar: string, namespace: string): AnyClass[] {
  return [...(byEnvVar.get(envVar) ?? []), ...(byNamespace.get(namespace) ?? [])];
}

/** Forgets everything `discoverPlugins` loaded (modules stay in the module cache). */
export function clearLoadedPlugins(): void {
  byEnvVar.clear();
  byNamespace.clear();
}
