import { type AnyClass, isAbstract } from './abstract.js';
import { isPluggableClass } from './brand.js';
import { describe } from './json.js';

function isClass(value: unknown): value is AnyClass {
  if (typeof value !== 'function') return false;
  const proto = (value as { prototype?: unknown }).prototype;
  return typeof proto === 'object' && proto !== null;
}

function checkInterface(where: string, iface: unknown): asserts iface is AnyClass {
  if (!isClass(iface)) throw new TypeError(`${where}: iface: expected a class, got ${describe(iface)}`);
}

/**
 * SMQTK's four rules: `cls` is a valid plugin of `iface` when it
 * 1. is not `iface` itself,
 * 2. is a strict subtype of `iface`,
 * 3. is not abstract (no member declared with `declareAbstract` left unimplemented), and
 * 4. if it is Pluggable, its `isUsable()` returns true.
 *
 * Non-class candidates (numbers, arrow functions, ...) are simply not plugins.
 */
export function isValidPlugin(cls: unknown, iface: AnyClass): boolean {
  checkInterface('isValidPlugin', iface);
  if (cls === iface) return false;
  if (!isClass(cls)) return false;
  if (!(cls.prototype instanceof iface)) return false;
  if (isAbstract(cls)) return false;
  if (isPluggableClass(cls) && !(cls as unknown as { isUsable(): boolean }).isUsable()) return false;
  return true;
}

/**
 * The classes of `pool` that are valid plugins of `iface` (see {@link isValidPlugin}), each once.
 * Typed as the interface's class so statics such as `fromConfig` stay available.
 */
export function filterPluginTypes<C extends AnyClass>(iface: C, pool: Iterable<unknown>): Set<C> {
  checkInterface('filterPluginTypes', iface);
  if (pool === null || typeof (pool as { [Symbol.iterator]?: unknown })?.[Symbol.iterator] !== 'function') {
    throw new TypeError(`filterPluginTypes: pool: expected an iterable of classes, got ${describe(pool)}`);
  }
  const out = new Set<C>();
  for (const cls of pool) if (!out.has(cls as C) && isValidPlugin(cls, iface)) out.add(cls as C);
  return out;
}
