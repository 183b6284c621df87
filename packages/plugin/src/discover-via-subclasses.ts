import type { AnyClass } from './abstract.js';
import { describe } from './json.js';
import { registeredClasses } from './registry.js';

/**
 * The registered classes (see `registerPlugin`) that descend from `iface`, at any depth, abstract or
 * not, excluding `iface` itself. JavaScript has no `__subclasses__()`, so registration is how a class
 * defined in the running program becomes visible: an unregistered class is not found here.
 */
export function discoverViaSubclasses(iface: AnyClass): Set<AnyClass> {
  const proto = typeof iface === 'function' ? (iface as { prototype?: unknown }).prototype : undefined;
  if (typeof proto !== 'object' || proto === null) {
    throw new TypeError(`discoverViaSubclasses: iface: expected a class, got ${describe(iface)}`);
  }
  const out = new Set<AnyClass>();
  for (const cls of registeredClasses()) {
    if (cls !== iface && cls.prototype instanceof iface) out.add(cls);
  }
  return out;
}
