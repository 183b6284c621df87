// Brands mark Pluggable / Configurable classes through the prototype chain. Symbol.for keeps them
// recognisable when two copies of this package are loaded.

/** Set on `Pluggable.prototype` and `Plugfigurable.prototype`. */
export const PLUGGABLE: unique symbol = Symbol.for('salkit.plugin.Pluggable') as never;
/** Set on `Configurable.prototype`. */
export const CONFIGURABLE: unique symbol = Symbol.for('salkit.plugin.Configurable') as never;

function hasBrand(cls: unknown, brand: symbol): boolean {
  if (typeof cls !== 'function') return false;
  const proto = (cls as { prototype?: unknown }).prototype;
  return typeof proto === 'object' && proto !== null && (proto as Record<symbol, unknown>)[brand] === true;
}

/** True when `cls` is Pluggable or a subclass of it (including Plugfigurable ones). */
export function isPluggableClass(cls: unknown): boolean {
  return hasBrand(cls, PLUGGABLE);
}

/** True when `cls` is Configurable or a subclass of it. */
export function isConfigurableClass(cls: unknown): boolean {
  return hasBrand(cls, CONFIGURABLE);
}

/** True when `value` is an instance of a Configurable class. */
export function isConfigurableInstance(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[CONFIGURABLE] === true;
}
