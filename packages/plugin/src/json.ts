/** A JSON value: what a configuration may hold. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** A JSON object (a "dict" in SMQTK's terms). */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** True for `{}`-style objects (prototype `Object.prototype` or `null`), false for arrays and class instances. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A short description of a value for error messages: `number 3`, `null`, `class Foo`, `an instance of Bar`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') {
    const name = (value as { name?: string }).name;
    return `${typeof value.prototype === 'object' ? 'class' : 'function'} ${name || '<anonymous>'}`;
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'object') {
    if (isPlainObject(value)) return 'an object';
    const name = (value as object).constructor?.name;
    return name ? `an instance of ${name}` : 'an object';
  }
  if (typeof value === 'string')
    return `string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (typeof value === 'symbol') return 'a symbol';
  return `${typeof value} ${String(value)}`;
}

/** The name of a class for messages (`<anonymous class>` when it has none). */
export function className(cls: unknown): string {
  const name = typeof cls === 'function' ? (cls as { name?: string }).name : undefined;
  return name || '<anonymous class>';
}

/** Deep equality of JSON-like values (plain objects compare by own enumerable keys, order-insensitive). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => jsonEqual(v, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && jsonEqual(ra[k], rb[k]));
}

/** Sets `obj[key] = value` as an own data property, also for the key `__proto__` (no prototype pollution). */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}
