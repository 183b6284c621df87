import type { AnyClass } from './abstract.js';

/**
 * True for what `new` applies to: classes, constructor functions and built-ins such as `String` or
 * `Function` (the JavaScript counterpart of Python's `type`). Arrow functions, methods, generators and
 * async functions are not. Tested without calling `value`.
 */
function isConstructor(value: unknown): value is AnyClass {
  if (typeof value !== 'function') return false;
  try {
    Reflect.construct(Object, [], value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The classes a module exports, including its default export (SMQTK's `_collect_types_in_module`:
 * every exported value that is a type, whatever it descends from; other values are left out).
 */
export function collectTypesInModule(moduleNamespace: object): Set<AnyClass> {
  const out = new Set<AnyClass>();
  for (const value of Object.values(moduleNamespace)) {
    if (isConstructor(value)) out.add(value);
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
