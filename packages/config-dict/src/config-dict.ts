import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { didYouMean } from './did-you-mean.js';
import { deepEqual } from './equality.js';
import { JSONDecodeError, KeyError } from './errors.js';
import { FieldReference } from './field-reference.js';
import { encodeJson, type JsonOptions } from './json.js';
import {
  attachChild,
  type CDState,
  detachChild,
  fieldPath,
  isConfigDict,
  isFrozenDict,
  maybeState,
  pathOf,
  readField,
  registerState,
  sortedKeys,
  stateOf,
} from './state.js';
import {
  describe,
  type FieldType,
  isObjectLike,
  isPlainObject,
  isTypeSafetyViolation,
  typeName,
  typeOf,
} from './types.js';

export interface ConfigDictOptions {
  /** Once a field has a value, its type cannot change (default true; see `ignoreType`). */
  typeSafe?: boolean;
  /** Plain objects assigned to fields become ConfigDicts (default true). */
  convertDict?: boolean;
}

export interface PreserveOptions {
  /** Keep FieldReferences instead of resolving them (default false). */
  preserveFieldReferences?: boolean;
}

/** Anything a ConfigDict can be built or updated from. */
// biome-ignore lint/suspicious/noExplicitAny: configs hold arbitrary values
export type ConfigSource = Record<string, any> | Map<string, unknown> | ConfigDict;

/** What a ConfigDict can be built from: a ConfigSource or `[key, value]` entries (`Object.entries(obj)`). */
export type ConfigInit = ConfigSource | Iterable<readonly [string, unknown]>;

/**
 * Names that JS machinery probes on arbitrary objects (`await`, JSON.stringify, util.inspect, test
 * matchers, array-likes). Reading one of them when there is no such field gives `undefined` instead of
 * the missing-field error; `then` is always `undefined` so a ConfigDict is never taken for a promise.
 */
const INTROSPECTION = new Set([
  'then',
  'toJSON',
  'toString',
  'valueOf',
  'constructor',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'nodeName',
  'tagName',
  'inspect',
  'size',
  'length',
  'hasAttribute',
  '_isMockFunction',
  '__esModule',
]);

/** Immutable.js sentinels (`@@__IMMUTABLE_LIST__@@`, ...) probed by pretty-format. */
const isIntrospectionName = (name: string): boolean => INTROSPECTION.has(name) || name.startsWith('@@__');

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

// ---------------------------------------------------------------------------------------------------
// Field operations on the internal state (module functions, so that no helper name shadows a field).

function className(st: CDState): string {
  return (Object.getPrototypeOf(st.proxy)?.constructor as { name?: string } | undefined)?.name || 'ConfigDict';
}

function fieldList(st: CDState): string {
  const keys = sortedKeys(st);
  const shown = keys.slice(0, 20).map((k) => `"${k}"`);
  if (keys.length > 20) shown.push(`… (${keys.length - 20} more)`);
  return shown.length > 0 ? shown.join(', ') : '(none)';
}

function missingKeyError(st: CDState, key: string): KeyError {
  const path = fieldPath(st, key);
  const hint = didYouMean(key, st.fields.keys());
  const msg = `${className(st)} has no field "${path}".`;
  return new KeyError(hint ? `${msg} ${hint}` : `${msg} Fields present: ${fieldList(st)}.`);
}

function immutableError(st: CDState, what: string): TypeError {
  return new TypeError(`${className(st)} is immutable: cannot ${what}`);
}

function checkKey(key: unknown, method: string): asserts key is string {
  if (typeof key !== 'string') throw new TypeError(`${method}: key: expected a string, got ${describe(key)}`);
}

/** Splits `a.b.c` into `a` and `b.c`. */
function splitHead(key: string): [string, string] {
  const dot = key.indexOf('.');
  return [key.slice(0, dot), key.slice(dot + 1)];
}

/** The ConfigDict of `key`'s head for dotted access, or a KeyError/TypeError. */
function childForPath(st: CDState, key: string): [CDState, string] {
  const [head, rest] = splitHead(key);
  if (!st.fields.has(head)) throw missingKeyError(st, head);
  const child = maybeState(readField(st, head));
  if (child === undefined) {
    throw new KeyError(
      `${className(st)}: cannot resolve "${key}": field "${fieldPath(st, head)}" is not a ConfigDict (got ${describe(readField(st, head))})`,
    );
  }
  return [child, rest];
}

/** `cfg[key]`: dotted keys walk nested ConfigDicts; FieldReferences resolve. */
export function getItem(st: CDState, key: string): unknown {
  if (!st.fields.has(key) && key.includes('.')) {
    const [child, rest] = childForPath(st, key);
    return getItem(child, rest);
  }
  if (!st.fields.has(key)) throw missingKeyError(st, key);
  return readField(st, key);
}

function shouldSkipTypeCheck(oldValue: unknown, newValue: unknown): boolean {
  return newValue instanceof FieldReference && newValue.getType() === typeOf(oldValue);
}

/** ml_collections' `_safe_cast` for a plain field (`old` is the value being replaced). */
function safeCast(value: unknown, old: unknown, typeSafe: boolean, key: string): unknown {
  const fieldType = typeOf(old);
  if (Array.isArray(value) && Array.isArray(old)) {
    // A frozen array is a tuple: a list assigned to a tuple field becomes a tuple and vice versa.
    if (Object.isFrozen(old) && !Object.isFrozen(value)) return Object.freeze([...value]);
    if (!Object.isFrozen(old) && Object.isFrozen(value)) return [...value];
    return value;
  }
  if (typeSafe && isTypeSafetyViolation(value, fieldType)) {
    const got =
      value instanceof FieldReference ? `a FieldReference of type ${typeName(value.getType())}` : describe(value);
    throw new TypeError(
      `Could not override field '${key}': expected a value of type ${typeName(fieldType)}, got ${got}`,
    );
  }
  return value;
}

function newConfigDict(st: CDState, init: unknown): object {
  return new ConfigDict(init as ConfigSource, { typeSafe: st.typeSafe });
}

/** `cfg[key] = value` (ml_collections' `__setitem__`). Validates fully before changing anything. */
export function setItem(st: CDState, key: string, value: unknown): void {
  if (st.frozen) throw immutableError(st, `set field "${key}"`);
  if (key.includes('.')) {
    throw new Error(
      `${className(st)} does not accept dots in field names, but the key "${key}" contains one (use updateFromFlattenedDict for dotted paths)`,
    );
  }
  if (isReservedName(key)) {
    // Python refuses `object`'s dunder attributes (`__hash__`, `__class__`...) as fields; JS has its
    // own (`__proto__`, `__defineGetter__`...). Both are refused.
    throw new Error(`${className(st)}: "${key}" cannot be a field name (${key} cannot be overridden)`);
  }
  if (st.locked && !st.fields.has(key)) {
    const hint = didYouMean(key, st.fields.keys());
    throw new KeyError(
      `Key "${fieldPath(st, key)}" does not exist and cannot be added since the config is locked. ` +
        `Other fields present: ${fieldList(st)}.${hint ? ` ${hint}` : ' Use unlocked() to add fields.'}`,
    );
  }
  if (st.fields.has(key)) {
    const field = st.fields.get(key);
    if (field instanceof FieldReference) {
      // Updating a FieldReference updates every field that shares it.
      let v = value;
      if (isPlainObject(v) && st.convertDict && isConfigDictType(field.getType())) v = newConfigDict(st, v);
      try {
        field.set(v, st.typeSafe);
      } catch (e) {
        if (e instanceof TypeError) {
          throw new TypeError(`Could not override field '${key}' (reference): ${e.message}`, { cause: e });
        }
        throw e;
      }
      attachChild(st, key, field);
      return;
    }
    if (!shouldSkipTypeCheck(field, value)) {
      if (isPlainObject(value) && st.convertDict) {
        value = new (st.proxy.constructor as typeof ConfigDict)(value, { typeSafe: st.typeSafe });
      }
      value = safeCast(value, field, st.typeSafe, key);
    }
  }
  if (st.convertDict) {
    if (isPlainObject(value)) {
      value = newConfigDict(st, value);
    } else if (value instanceof FieldReference && !value.empty()) {
      // (Unlike ml_collections, a reference that cannot be computed yet, e.g. one built on an unset
      // required placeholder, may still be stored: it simply holds no dict to convert.)
      const inner = safeGet(value);
      if (isPlainObject(inner) || isFrozenDict(inner)) value.set(newConfigDict(st, inner) as never, false);
    }
  }
  const old = st.fields.get(key);
  detachChild(st, key, old);
  st.fields.set(key, value);
  attachChild(st, key, value);
}

/**
 * The dunder attributes ml_collections refuses as fields (those of Python's `object` and `super`,
 * i.e. `dir(super(ConfigDict, cfg))`).
 */
const PYTHON_RESERVED = new Set(
  (
    'class delattr dir doc eq format ge get getattribute getstate gt hash init init_subclass le lt ne new ' +
    'reduce reduce_ex repr self self_class setattr sizeof str subclasshook thisclass'
  )
    .split(' ')
    .map((name) => `__${name}__`),
);

/** Python's reserved dunder names and `Object.prototype`'s `__x` members (`__proto__`...). */
function isReservedName(key: string): boolean {
  return PYTHON_RESERVED.has(key) || (key.startsWith('__') && key in Object.prototype);
}

function isConfigDictType(type: FieldType): boolean {
  return type === ConfigDict || (type as { prototype?: unknown }).prototype instanceof ConfigDict;
}

/** `del cfg[key]`: dotted keys delete nested fields. */
function deleteItem(st: CDState, key: string): void {
  if (st.frozen) throw immutableError(st, `delete field "${key}"`);
  if (st.locked) {
    const hint = st.fields.has(key) ? '' : didYouMean(key, st.fields.keys());
    throw new KeyError(
      `This ${className(st)} is locked, you have to unlock it before trying to delete a field ("${fieldPath(st, key)}"); ` +
        `use cfg.unlocked(() => ...).${hint ? ` ${hint}` : ''}`,
    );
  }
  if (!st.fields.has(key) && key.includes('.')) {
    const [child, rest] = childForPath(st, key);
    deleteItem(child, rest);
    return;
  }
  if (!st.fields.has(key)) throw missingKeyError(st, key);
  detachChild(st, key, st.fields.get(key));
  st.fields.delete(key);
}

function sourceEntries(source: unknown, method: string): [string, unknown][] {
  const st = maybeState(source);
  if (st !== undefined) return sortedKeys(st).map((k) => [k, st.fields.get(k)]);
  if (source instanceof Map) {
    return [...source].map(([k, v]) => {
      if (typeof k !== 'string') throw new TypeError(`${method}: Map keys must be strings, got ${describe(k)}`);
      return [k, v];
    });
  }
  if (isPlainObject(source)) return Object.entries(source);
  throw new TypeError(`${method}: expected a plain object, a Map or a ConfigDict, got ${describe(source)}`);
}

/** ml_collections' `_configdict_fill_seed`: preserves shared and self references of the source. */
function fillSeed(seed: CDState, source: unknown, visit: Map<unknown, unknown>): void {
  visit.set(source, seed.proxy);
  for (const [key, original] of sourceEntries(source, 'ConfigDict')) {
    let value = original;
    if (isObjectLike(value) && visit.has(value)) {
      value = visit.get(value);
    } else if (value instanceof FieldReference && value.getType() === Object && seed.convertDict) {
      if (!value.empty()) {
        const inner = value.get();
        if (isObjectLike(inner) && visit.has(inner)) {
          value.set(visit.get(inner), false);
        } else if (isPlainObject(inner) || isConfigDict(inner)) {
          const cd = new ConfigDict(undefined, { typeSafe: seed.typeSafe });
          fillSeed(stateOf(cd), isFrozenDict(inner) ? (inner as FrozenLike).asConfigdict() : inner, visit);
          value.set(cd, false);
        }
      }
    } else if (isPlainObject(value) && seed.convertDict) {
      const cd = new ConfigDict(undefined, { typeSafe: seed.typeSafe });
      fillSeed(stateOf(cd), value, visit);
      value = cd;
    } else if (isFrozenDict(value)) {
      value = new ConfigDict(value as ConfigDict);
    }
    setItem(seed, key, value);
  }
}

/** An array or other iterable (not a Map or a ConfigDict) that may hold `[key, value]` entries. */
function isEntryIterable(value: unknown): value is Iterable<unknown> {
  if (Array.isArray(value)) return true;
  return (
    isObjectLike(value) &&
    !(value instanceof Map) &&
    !isConfigDict(value) &&
    !isPlainObject(value) &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
  );
}

/** `dict(pairs)`: `[key, value]` entries (Python's `dict.items()`, JS's `Object.entries`) as a Map. */
function entriesToMap(entries: Iterable<unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  let i = 0;
  for (const entry of entries) {
    if (!Array.isArray(entry) || entry.length !== 2) {
      throw new TypeError(`ConfigDict: init: entry ${i} should be a [key, value] pair, got ${describe(entry)}`);
    }
    out.set(entry[0], entry[1]);
    i++;
  }
  return out;
}

interface FrozenLike {
  asConfigdict(): ConfigDict;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return isObjectLike(value) && typeof (value as { then?: unknown }).then === 'function';
}

/** Runs fn, restoring state when it returns, throws, or (for a promise) settles. */
function runRestoring<R>(fn: () => R, restore: () => void): R {
  let result: R;
  try {
    result = fn();
  } catch (e) {
    restore();
    throw e;
  }
  if (isThenable(result)) {
    return Promise.resolve(result).then(
      (v) => {
        restore();
        return v;
      },
      (e) => {
        restore();
        throw e;
      },
    ) as R;
  }
  restore();
  return result;
}

/** Every ConfigDict reachable from st through fields, containers and references (including st). */
function reachableDicts(st: CDState): CDState[] {
  const found: CDState[] = [];
  const seen = new Set<unknown>();
  const stack: unknown[] = [st.proxy];
  while (stack.length > 0) {
    const v = stack.pop();
    if (!isObjectLike(v) || seen.has(v)) continue;
    seen.add(v);
    const vs = maybeState(v);
    if (vs !== undefined) {
      found.push(vs);
      stack.push(...vs.fields.values());
    } else if (v instanceof FieldReference) {
      try {
        stack.push(v.get());
      } catch {
        // an unset required reference holds nothing to visit
      }
    } else if (Array.isArray(v) || v instanceof Set) {
      stack.push(...v);
    } else if (v instanceof Map) {
      stack.push(...v.values());
    } else if (isPlainObject(v)) {
      stack.push(...Object.values(v));
    }
  }
  return found;
}

function toDictImpl(st: CDState, visit: Map<unknown, unknown>, preserve: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  visit.set(st.proxy, out);
  for (const key of sortedKeys(st)) {
    const raw = st.fields.get(key);
    const value = readField(st, key);
    const reference = preserve && raw instanceof FieldReference ? raw : value;
    if (isObjectLike(reference) && visit.has(reference)) {
      out[key] = visit.get(reference);
      continue;
    }
    const vst = maybeState(value);
    if (vst !== undefined) {
      if (reference instanceof FieldReference) {
        const ref = new FieldReference<Record<string, unknown>>({}, { fieldType: Object });
        visit.set(reference, ref);
        ref.set(toDictImpl(vst, visit, preserve));
        out[key] = ref;
      } else {
        out[key] = toDictImpl(vst, visit, preserve);
      }
    } else if (reference instanceof FieldReference) {
      // A new reference, reused wherever the same original reference appears; ops are applied and dropped.
      const ref = new FieldReference<unknown>(null, { fieldType: reference.getType() });
      ref.set(value, false);
      visit.set(reference, ref);
      out[key] = ref;
    } else {
      out[key] = reference;
    }
  }
  return out;
}

function copyResolving(st: CDState, visit: Map<unknown, unknown>): ConfigDict {
  const Ctor = st.proxy.constructor as typeof ConfigDict;
  if (st.frozen) return new Ctor(st.proxy as ConfigDict);
  const copy = new Ctor(undefined, { convertDict: st.convertDict });
  const cst = stateOf(copy);
  visit.set(st.proxy, copy);
  for (const key of st.fields.keys()) {
    let value = readField(st, key);
    if (isObjectLike(value) && visit.has(value)) {
      value = visit.get(value);
    } else {
      const vst = maybeState(value);
      if (vst !== undefined)
        value = vst.frozen ? (value as ConfigDict).copyAndResolveReferences() : copyResolving(vst, visit);
    }
    setItem(cst, key, value);
  }
  cst.locked = st.locked;
  cst.typeSafe = st.typeSafe;
  return copy;
}

const INDEXED_KEY = /^(.*)\[([0-9]+)\]/;

function parseIndexedKey(key: string): [string, number | null] {
  const head = key.split('.')[0]!;
  const m = INDEXED_KEY.exec(head);
  return m ? [m[1]!, Number(m[2])] : [head, null];
}

function updateIndexed(st: CDState, key: string, index: number | null, value: unknown, fullKey: string): void {
  if (index === null) {
    setItem(st, key, value);
    return;
  }
  const arr = readField(st, key) as unknown[];
  if (index >= arr.length) {
    throw new RangeError(`Key "${fullKey}": index ${index} is out of range for "${key}" (length ${arr.length})`);
  }
  if (Object.isFrozen(arr)) {
    const copy = [...arr];
    copy[index] = value;
    setItem(st, key, Object.freeze(copy));
  } else {
    if (st.frozen) throw immutableError(st, `update "${fullKey}"`);
    arr[index] = value;
  }
}

function toYamlText(value: unknown): string {
  return stringifyYaml(value, (_key: unknown, v: unknown) => {
    if (typeof v === 'function') return `function ${v.name || '<anonymous>'}`;
    if (typeof v === 'symbol') return String(v);
    return v;
  });
}

function checkOptions(options: unknown, method: string): Record<string, unknown> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object')
    throw new TypeError(`${method}: options: expected an object, got ${describe(options)}`);
  return options as Record<string, unknown>;
}

/** `{ preserveFieldReferences }`, or that boolean alone (Python's positional `preserve_field_references`). */
function preserveOption(options: PreserveOptions | boolean | undefined, method: string): boolean {
  if (typeof options === 'boolean') return options;
  return optBool(checkOptions(options, method), 'preserveFieldReferences', false, method);
}

function optBool(opts: Record<string, unknown>, name: string, fallback: boolean, method: string): boolean {
  const v = opts[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw new TypeError(`${method}: options.${name}: expected a boolean, got ${describe(v)}`);
  return v;
}

// ---------------------------------------------------------------------------------------------------
// The Proxy: dot and bracket access to fields.

function isMember(target: object, prop: string): boolean {
  return prop in target;
}

const HANDLER: ProxyHandler<ConfigDict> = {
  get(target, prop, receiver) {
    if (typeof prop === 'symbol' || isMember(target, prop)) return Reflect.get(target, prop, receiver);
    if (prop === 'then') return undefined;
    const st = stateOf(target);
    if (!st.fields.has(prop) && isIntrospectionName(prop)) return undefined;
    return getItem(st, prop);
  },
  set(target, prop, value) {
    const st = stateOf(target);
    if (typeof prop === 'symbol') {
      if (st.frozen) throw immutableError(st, `set ${String(prop)}`);
      return Reflect.set(target, prop, value);
    }
    if (st.frozen) throw immutableError(st, `set field "${prop}"`);
    if (isMember(target, prop)) {
      throw new TypeError(
        `${className(st)}: "${prop}" is a ${className(st)} member and cannot be overridden with dot or bracket syntax; use cfg.set("${prop}", value)`,
      );
    }
    setItem(st, prop, value);
    return true;
  },
  deleteProperty(target, prop) {
    const st = stateOf(target);
    if (typeof prop === 'symbol') {
      if (st.frozen) throw immutableError(st, `delete ${String(prop)}`);
      return Reflect.deleteProperty(target, prop);
    }
    if (st.frozen) throw immutableError(st, `delete field "${prop}"`);
    if (isMember(target, prop) && !st.fields.has(prop)) {
      throw new TypeError(`${className(st)}: "${prop}" is a ${className(st)} member and cannot be deleted`);
    }
    deleteItem(st, prop);
    return true;
  },
  has(target, prop) {
    if (typeof prop === 'symbol') return Reflect.has(target, prop);
    return stateOf(target).fields.has(prop) || isMember(target, prop);
  },
  ownKeys(target) {
    return [...sortedKeys(stateOf(target)), ...Reflect.ownKeys(target)];
  },
  getOwnPropertyDescriptor(target, prop) {
    const st = stateOf(target);
    if (typeof prop === 'string' && st.fields.has(prop)) {
      try {
        return { value: readField(st, prop), writable: !st.frozen, enumerable: true, configurable: true };
      } catch {
        // An unset required field: describe it without reading it (reading throws RequiredValueError).
        return {
          get: () => readField(st, prop),
          set: (v: unknown) => setItem(st, prop, v),
          enumerable: true,
          configurable: true,
        };
      }
    }
    return Reflect.getOwnPropertyDescriptor(target, prop);
  },
  defineProperty(target, prop, descriptor) {
    const st = stateOf(target);
    if (st.frozen) throw immutableError(st, `define ${String(prop)}`);
    if (typeof prop === 'symbol') return Reflect.defineProperty(target, prop, descriptor);
    if (!('value' in descriptor)) {
      throw new TypeError(`${className(st)}: field "${prop}" can only be defined with a value, not with accessors`);
    }
    setItem(st, prop, descriptor.value);
    return true;
  },
};

// ---------------------------------------------------------------------------------------------------

/**
 * A dict-like configuration with dot access, type safety, locking and lazily linked fields
 * (ml_collections' `ConfigDict`).
 *
 * ```ts
 * const cfg = new ConfigDict({ model: { depth: 4 }, lr: 0.1 });
 * cfg.model.depth = 8;     // dot access
 * cfg.lr = 'fast';         // TypeError: the field is a number
 * cfg.lock();
 * cfg.lrr = 0.2;           // Error: locked; Did you mean "lr" instead of "lrr"?
 * ```
 *
 * Fields are reached through a Proxy: `cfg.x`, `cfg['x']`, `cfg['a.b']` (dotted read),
 * `delete cfg.x`. A field whose name is a method name (`keys`, `get`, ...) is reached with
 * `get`/`set`. Iteration (`keys()`, `values()`, `items()`, `for..of`, `Object.keys`) is sorted by key.
 */
// biome-ignore lint/suspicious/noExplicitAny: fields are dynamic; the default view of them is `any`
export class ConfigDict<T extends object = Record<string, any>> {
  // biome-ignore lint/suspicious/noExplicitAny: dynamic fields (cfg.model.depth)
  [key: string]: any;

  /**
   * @param init a plain object (nested plain objects become ConfigDicts unless `convertDict` is
   *   false; shared and self references are preserved), a Map, `[key, value]` entries (Python's
   *   `ConfigDict(d.items())`), a ConfigDict (fields are shared, not copied; its lock and
   *   type-safety state are kept) or a FrozenConfigDict (thawed).
   */
  constructor(init?: T | ConfigInit | null, options: ConfigDictOptions = {}) {
    const opts = checkOptions(options, 'ConfigDict');
    const st: CDState = {
      fields: new Map(),
      locked: false,
      typeSafe: optBool(opts, 'typeSafe', true, 'ConfigDict'),
      convertDict: optBool(opts, 'convertDict', true, 'ConfigDict'),
      frozen: false,
      proxy: this,
      parent: null,
    };
    const proxy = new Proxy(this, HANDLER);
    st.proxy = proxy;
    registerState(this, proxy, st);
    if (init !== undefined && init !== null) {
      let source: unknown = isFrozenDict(init) ? (init as unknown as FrozenLike).asConfigdict() : init;
      if (isEntryIterable(source)) source = entriesToMap(source);
      if (!isPlainObject(source) && !(source instanceof Map) && !isConfigDict(source)) {
        throw new TypeError(
          `ConfigDict: init: expected a plain object, a Map, a ConfigDict or [key, value] entries, got ${describe(init)}`,
        );
      }
      fillSeed(st, source, new Map());
      const sst = maybeState(source);
      if (sst !== undefined) {
        st.locked = sst.locked;
        st.typeSafe = sst.typeSafe;
      }
    }
    // biome-ignore lint/correctness/noConstructorReturn: the Proxy is the object users hold
    return proxy;
  }

  /** Loads a ConfigDict from JSON text (throws JSONDecodeError on invalid JSON). */
  static fromJson<C extends ConfigDict>(
    this: new (
      init?: ConfigSource,
      options?: ConfigDictOptions,
    ) => C,
    text: string,
    options?: ConfigDictOptions,
  ): C {
    if (typeof text !== 'string') throw new TypeError(`fromJson: text: expected a string, got ${describe(text)}`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new JSONDecodeError(`fromJson: invalid JSON: ${(e as Error).message}`, { cause: e });
    }
    if (!isPlainObject(value)) throw new TypeError(`fromJson: expected a JSON object, got ${describe(value)}`);
    return new this(value, options);
  }

  /** Loads a ConfigDict from YAML text (anchors and aliases become shared ConfigDicts). */
  static fromYaml<C extends ConfigDict>(
    this: new (
      init?: ConfigSource,
      options?: ConfigDictOptions,
    ) => C,
    text: string,
    options?: ConfigDictOptions,
  ): C {
    if (typeof text !== 'string') throw new TypeError(`fromYaml: text: expected a string, got ${describe(text)}`);
    let value: unknown;
    try {
      value = parseYaml(text);
    } catch (e) {
      throw new Error(`fromYaml: invalid YAML: ${(e as Error).message}`, { cause: e });
    }
    if (value === null || value === undefined) value = {};
    if (!isPlainObject(value)) throw new TypeError(`fromYaml: expected a YAML mapping, got ${describe(value)}`);
    return new this(value, options);
  }

  /** True when the config refuses new fields (see `lock`). */
  get isLocked(): boolean {
    return stateOf(this).locked;
  }

  /** True when a field's type cannot change. */
  get isTypeSafe(): boolean {
    return stateOf(this).typeSafe;
  }

  /** True when plain objects assigned to fields are converted to ConfigDicts. */
  get convertDict(): boolean {
    return stateOf(this).convertDict;
  }

  /** Locks this dict and, recursively, nested ones: no new fields, no deletions; values may change. */
  lock(): this {
    const st = stateOf(this);
    if (st.locked) return this;
    st.locked = true;
    for (const key of st.fields.keys()) {
      const child = maybeState(safeRead(st, key));
      if (child !== undefined && !child.frozen) (child.proxy as ConfigDict).lock();
    }
    return this;
  }

  /** Unlocks this dict and, recursively, nested ones. Prefer `unlocked(fn)`. */
  unlock(): this {
    const st = stateOf(this);
    st.locked = false;
    for (const key of st.fields.keys()) {
      const child = maybeState(safeRead(st, key));
      if (child?.locked && !child.frozen) (child.proxy as ConfigDict).unlock();
    }
    return this;
  }

  /** Calls `fn(this)` with the dict unlocked and locks it again afterwards (even on throw or rejection). */
  unlocked<R>(fn: (cfg: this) => R): R {
    if (typeof fn !== 'function') throw new TypeError(`unlocked: fn: expected a function, got ${describe(fn)}`);
    const st = stateOf(this);
    const wasLocked = st.locked;
    if (wasLocked) this.unlock();
    return runRestoring(
      () => fn(this),
      () => {
        if (wasLocked) this.lock();
      },
    );
  }

  /** Calls `fn(this)` with type safety off here and in every nested ConfigDict, restoring it afterwards. */
  ignoreType<R>(fn: (cfg: this) => R): R {
    if (typeof fn !== 'function') throw new TypeError(`ignoreType: fn: expected a function, got ${describe(fn)}`);
    const dicts = reachableDicts(stateOf(this)).filter((d) => !d.frozen);
    const saved = dicts.map((d) => d.typeSafe);
    for (const d of dicts) d.typeSafe = false;
    return runRestoring(
      () => fn(this),
      () => {
        dicts.forEach((d, i) => {
          d.typeSafe = saved[i]!;
        });
      },
    );
  }

  /** The value of `key` (dotted paths allowed), or `defaultValue` when there is no such field. */
  // biome-ignore lint/suspicious/noExplicitAny: dynamic fields
  get<D = undefined>(key: string, defaultValue?: D): any {
    checkKey(key, 'get');
    try {
      return getItem(stateOf(this), key);
    } catch (e) {
      if (e instanceof KeyError) return defaultValue;
      throw e;
    }
  }

  /** Sets field `key` (type-checked; refused on a locked dict when the key is new). Returns this. */
  set(key: string, value: unknown): this {
    checkKey(key, 'set');
    setItem(stateOf(this), key, value);
    return this;
  }

  /** Is there a field `key`? Dotted paths look into nested ConfigDicts. */
  has(key: string): boolean {
    checkKey(key, 'has');
    const st = stateOf(this);
    if (st.fields.has(key)) return true;
    if (!key.includes('.')) return false;
    const [head, rest] = splitHead(key);
    if (!st.fields.has(head)) return false;
    const child = safeRead(st, head);
    return isConfigDict(child) && (child as ConfigDict).has(rest);
  }

  /** Removes field `key` (dotted paths allowed); refused on a locked dict. Returns this. */
  delete(key: string): this {
    checkKey(key, 'delete');
    deleteItem(stateOf(this), key);
    return this;
  }

  /**
   * The FieldReference of field `key`, creating it (and storing it in the field) when the field holds
   * a plain value. Fields sharing the returned reference stay linked.
   */
  getRef(key: string): FieldReference {
    checkKey(key, 'getRef');
    const st = stateOf(this);
    if (!st.fields.has(key) && key.includes('.')) {
      const [child, rest] = childForPath(st, key);
      return (child.proxy as ConfigDict).getRef(rest);
    }
    if (!st.fields.has(key)) throw missingKeyError(st, key);
    const field = st.fields.get(key);
    if (field instanceof FieldReference) return field;
    if (st.frozen) throw immutableError(st, `create a reference to field "${key}"`);
    if (field === null || field === undefined) {
      throw new Error(`getRef: cannot create a reference to field "${fieldPath(st, key)}" whose value is null`);
    }
    const ref = new FieldReference(field);
    st.fields.set(key, ref);
    return ref;
  }

  /** A reference that follows field `key` but whose own changes do not flow back to the field. */
  getOnewayRef(key: string): FieldReference {
    return this.getRef(key).identity();
  }

  /** The type of field `key` as a constructor (`ConfigDict` for a nested dict, `null` for null). */
  getType(key: string): FieldType | null {
    checkKey(key, 'getType');
    const st = stateOf(this);
    if (!st.fields.has(key) && key.includes('.')) {
      const [child, rest] = childForPath(st, key);
      return (child.proxy as ConfigDict).getType(rest);
    }
    if (!st.fields.has(key)) throw missingKeyError(st, key);
    const field = st.fields.get(key);
    return field instanceof FieldReference ? field.getType() : typeOf(field);
  }

  /** Field names, sorted. */
  keys(): string[] {
    return sortedKeys(stateOf(this));
  }

  /** Field values sorted by key (FieldReferences resolved unless `preserveFieldReferences`, or `true`). */
  // biome-ignore lint/suspicious/noExplicitAny: dynamic fields
  values(options?: PreserveOptions | boolean): any[] {
    return this.items(options).map(([, v]) => v);
  }

  /** `[key, value]` pairs sorted by key (FieldReferences resolved unless `preserveFieldReferences`, or `true`). */
  // biome-ignore lint/suspicious/noExplicitAny: dynamic fields
  items(options?: PreserveOptions | boolean): [string, any][] {
    const preserve = preserveOption(options, 'items');
    const st = stateOf(this);
    return sortedKeys(st).map((k) => [k, preserve ? st.fields.get(k) : readField(st, k)]);
  }

  /**
   * A plain-object copy, recursively (shared and self references are reproduced). FieldReferences
   * are resolved, or with `preserveFieldReferences` replaced by new references (shared where the
   * originals were shared) holding the current values.
   */
  // biome-ignore lint/suspicious/noExplicitAny: dynamic fields
  toDict(options?: PreserveOptions | boolean): Record<string, any> {
    const preserve = preserveOption(options, 'toDict');
    return toDictImpl(stateOf(this), new Map(), preserve);
  }

  /** `JSON.stringify(cfg)` writes the same object as `toDict()`. */
  toJSON(): Record<string, unknown> {
    return this.toDict();
  }

  /**
   * JSON text (keys sorted). Throws TypeError on cycles, functions, symbols, bigints, non-finite
   * numbers, Sets, Maps and class instances without `toJSON`.
   */
  toJson(options?: JsonOptions): string {
    return encodeJson(this, 'strict', options, 'toJson');
  }

  /** JSON text that represents what JSON cannot (Sets, functions, objects...); throws only on a cycle. */
  toJsonBestEffort(options?: JsonOptions): string {
    return encodeJson(this, 'best', options, 'toJsonBestEffort');
  }

  /** YAML text of `toDict()` (shared and self references become anchors and aliases). */
  toYaml(): string {
    return toYamlText(this.toDict());
  }

  /** The YAML text of the config (ml_collections' `str(cfg)`); never throws. */
  toString(): string {
    try {
      return this.toYaml();
    } catch {
      try {
        return this.toJsonBestEffort({ indent: 2 });
      } catch {
        return `[${className(stateOf(this))}]`;
      }
    }
  }

  /**
   * Updates from a plain object, Map or ConfigDict: new keys are added, nested ConfigDicts are updated
   * recursively in place, other fields are assigned (type-checked; a field holding a reference sets the
   * reference). Updating a reference field from another reference throws TypeError.
   */
  update(...others: (ConfigSource | null | undefined)[]): this {
    if (others.length > 1) throw new TypeError(`ConfigDict.update expected at most 1 arguments, got ${others.length}`);
    const other = others[0];
    if (other === undefined || other === null) return this;
    const st = stateOf(this);
    if (st.frozen) throw immutableError(st, 'call update()');
    const ost = maybeState(other);
    for (const [key, value] of sourceEntries(other, 'update')) {
      if (!st.fields.has(key)) {
        setItem(st, key, value);
        continue;
      }
      const field = st.fields.get(key);
      if (isConfigDict(field)) {
        const src = ost !== undefined ? readField(ost, key) : value instanceof FieldReference ? value.get() : value;
        if (!isPlainObject(src) && !(src instanceof Map) && !isConfigDict(src)) {
          throw new TypeError(
            `update: field "${fieldPath(st, key)}" is a ConfigDict and can only be updated from a plain object, a Map or a ConfigDict, got ${describe(src)}`,
          );
        }
        (field as ConfigDict).update(src as ConfigSource);
      } else if (field instanceof FieldReference && value instanceof FieldReference) {
        throw new TypeError(`Cannot update a FieldReference from another FieldReference: '${fieldPath(st, key)}'`);
      } else {
        setItem(st, key, value);
      }
    }
    return this;
  }

  /**
   * Updates from `{ 'a.b.c': value, 'list[2]': value, 'a.items[0].x': value }`. With `stripPrefix`
   * only keys starting with it are used, without it. Leaves may be added; an unknown intermediate
   * path throws an error naming the key.
   */
  updateFromFlattenedDict(flat: Record<string, unknown> | Map<string, unknown>, stripPrefix = ''): this {
    if (typeof stripPrefix !== 'string') {
      throw new TypeError(`updateFromFlattenedDict: stripPrefix: expected a string, got ${describe(stripPrefix)}`);
    }
    const st = stateOf(this);
    if (st.frozen) throw immutableError(st, 'call updateFromFlattenedDict()');
    const entries = sourceEntries(flat, 'updateFromFlattenedDict').filter(([k]) => k.startsWith(stripPrefix));
    const children = new Map<string, ConfigDict>();
    for (const [fullKey, value] of entries) {
      const key = fullKey.slice(stripPrefix.length);
      const fullChild = key.split('.')[0]!;
      const [child, index] = parseIndexedKey(key);
      if (!key.includes('.') && index === null) {
        setItem(st, child, value);
        continue;
      }
      if (!st.fields.has(child)) {
        throw new KeyError(`Key "${fullKey}" cannot be set as "${stripPrefix}${child}" was not found.`);
      }
      const current = readField(st, child);
      if (index !== null && !Array.isArray(current)) {
        throw new KeyError(`Key "${fullKey}" cannot be set as "${stripPrefix}${child}" is not a tuple/list.`);
      }
      if (key.includes('.')) {
        const childValue = index === null ? current : (current as unknown[])[index];
        if (!isConfigDict(childValue)) {
          throw new KeyError(
            `Key "${fullKey}" cannot be updated as "${stripPrefix}${fullChild}" is not a ConfigDict. Got ${describe(childValue)}.`,
          );
        }
        children.set(fullChild, childValue as ConfigDict);
      } else {
        updateIndexed(st, child, index, value, fullKey);
      }
    }
    const remaining = new Map(entries);
    for (const [fullChild, childValue] of children) {
      childValue.updateFromFlattenedDict(remaining, `${stripPrefix}${fullChild}.`);
    }
    return this;
  }

  /** A copy in which FieldReferences are replaced by their values (shared and self references kept). */
  copyAndResolveReferences(): this {
    return copyResolving(stateOf(this), new Map()) as this;
  }

  /**
   * Refused: a ConfigDict is mutable, hence unhashable (Python's `hash(cfg)` raises TypeError).
   * Hash a `FrozenConfigDict` instead.
   */
  hash(): number {
    throw new TypeError(
      `unhashable type: '${className(stateOf(this))}' (it is mutable); hash a FrozenConfigDict instead: new FrozenConfigDict(cfg).hash()`,
    );
  }

  /**
   * Python's `==`: same class, same lock and type-safety state, equal fields (references compared by
   * value; a frozen array is a tuple and differs from a mutable array).
   */
  equals(other: unknown): boolean {
    return deepEqual(this, other);
  }

  /** Like `equals`, but a FrozenConfigDict and a ConfigDict with the same content are equal. */
  eqAsConfigdict(other: unknown): boolean {
    if (!isConfigDict(other)) return false;
    return new ConfigDict(this).equals(new ConfigDict(other as ConfigDict));
  }

  /** Iterates over field names, sorted (as Python's `for key in cfg`). */
  *[Symbol.iterator](): IterableIterator<string> {
    yield* this.keys();
  }

  [INSPECT](
    depth: number,
    options: { depth?: number | null },
    inspect?: (value: unknown, options: unknown) => string,
  ): string {
    const st = stateOf(this);
    const name = className(st);
    if (typeof inspect !== 'function') return `${name} ${this.toString()}`;
    if (depth < 0) return `[${name}]`;
    const shown: Record<string, unknown> = {};
    for (const key of sortedKeys(st)) {
      let v: unknown;
      try {
        v = readField(st, key);
      } catch (e) {
        v = { [INSPECT]: () => `<${(e as Error).name}>` };
      }
      Object.defineProperty(shown, key, { value: v, enumerable: true, writable: true, configurable: true });
    }
    const childDepth = options.depth === null || options.depth === undefined ? options.depth : options.depth - 1;
    return `${name} ${inspect(shown, { ...options, depth: childDepth })}`;
  }
}

function safeGet(ref: FieldReference): unknown {
  try {
    return ref.get();
  } catch {
    return undefined;
  }
}

function safeRead(st: CDState, key: string): unknown {
  try {
    return readField(st, key);
  } catch {
    return undefined;
  }
}

/** @internal the dotted path of a ConfigDict inside the tree it was first attached to. */
export function pathOfDict(cfg: ConfigDict): string {
  return pathOf(stateOf(cfg)).join('.');
}
