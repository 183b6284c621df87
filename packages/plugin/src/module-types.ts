import type { AnyClass } from './abstract.js';

/** The classes (constructible functions) a module exports, including its default export. */
export function collectTypesInModule(moduleNamespace: object): Set<AnyClass> {
  const out = new Set<AnyClass>();
  for (const value of Object.values(moduleNamespace)) {
    if (typeof value === 'function') {
      const proto = (value as { prototype?: unknown }).prototype;
      if (typeof proto === 'object' && proto !== null) out.add(value as AnyClass);
    }
  }
  return out;
}

/** True when running under Node.js (discovery through the environment and node_modules needs it). */
export function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: unknown } } }).process;
  return typeof p?.versions?.node === 'string';
}

export type NodeHost = typeof import('./node/host.js');

/** The Node-only helpers, imported on first use so the main entry imports no Node built-in. */
export function loadNodeHost(): Promise<NodeHost> {
  return import('./node/host.js');
}

/** The message of an unknown thrown value. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
