/**
 * Field types. ml_collections types a field by its Python class; here a field's type is a JS
 * constructor: `Number`, `String`, `Boolean`, `BigInt`, `Symbol`, `Array`, `Function`, `Object`
 * (a plain object), `ConfigDict` (or a subclass), or the class of an object. `null` means "no type yet"
 * (a field holding `null`/`undefined`).
 */

/** A constructor (or callable such as `BigInt`) used as a field type. */
// biome-ignore lint/suspicious/noExplicitAny: constructor signatures of arbitrary classes
export type FieldType = (abstract new (...args: any[]) => unknown) | ((...args: any[]) => unknown);

/** True for objects whose prototype is `Object.prototype` or `null` (Python dicts). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** True for non-null objects and functions. */
export function isObjectLike(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** The type of a value, as a constructor; `null` for `null` and `undefined`. */
export function typeOf(value: unknown): FieldType | null {
  switch (typeof value) {
    case 'undefined':
      return null;
    case 'number':
      return Number;
    case 'string':
      return String;
    case 'boolean':
      return Boolean;
    case 'bigint':
      return BigInt;
    case 'symbol':
      return Symbol;
    case 'function':
      return Function;
  }
  if (value === null) return null;
  if (Array.isArray(value)) return Array;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return Object;
  const ctor = proto.constructor;
  return typeof ctor === 'function' ? (ctor as FieldType) : Object;
}

/** Does `value` belong to `type`? (`isinstance` for JS values.) */
export function matchesType(value: unknown, type: FieldType): boolean {
  switch (type as unknown) {
    case Number:
      return typeof value === 'number';
    case String:
      return typeof value === 'string';
    case Boolean:
      return typeof value === 'boolean';
    case BigInt:
      return typeof value === 'bigint';
    case Symbol:
      return typeof value === 'symbol';
    case Function:
      return typeof value === 'function';
    case Array:
      return Array.isArray(value);
    case Object:
      return isObjectLike(value);
  }
  if (!isObjectLike(value)) return false;
  try {
    return value instanceof (type as abstract new (...args: never[]) => unknown);
  } catch {
    return false;
  }
}

/** `issubclass(sub, sup)` for constructors. */
export function isSubclassOf(sub: FieldType, sup: FieldType): boolean {
  if (sub === sup || sup === (Object as unknown)) return true;
  const proto = (sub as { prototype?: unknown }).prototype;
  if (!isObjectLike(proto)) return false;
  try {
    return proto instanceof (sup as abstract new (...args: never[]) => unknown);
  } catch {
    return false;
  }
}

/** ml_collections' `_is_type_safety_violation`: null overrides and is overridden by anything. */
export function isTypeSafetyViolation(value: unknown, type: FieldType | null): boolean {
  if (value === null || value === undefined || type === null) return false;
  return !matchesType(value, type);
}

/** A short, human-readable name for a type. */
export function typeName(type: FieldType | null): string {
  if (type === null) return 'null';
  return (type as { name?: string }).name || '<anonymous class>';
}

/** A short description of a value for error messages: its type and a preview. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const name = typeName(typeOf(value));
  let preview: string;
  switch (typeof value) {
    case 'string':
      preview = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
      break;
    case 'number':
    case 'boolean':
      preview = String(value);
      break;
    case 'bigint':
      preview = `${value}n`;
      break;
    case 'function':
      preview = value.name ? `${value.name}` : '<anonymous>';
      break;
    default:
      return name;
  }
  return `${name} ${preview}`;
}

/** `ArrayBuffer` views and buffers: mutable binary data that cannot be frozen. */
export function isBinary(value: unknown): boolean {
  return ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
}
