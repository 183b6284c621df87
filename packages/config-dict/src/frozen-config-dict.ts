import { ConfigDict, type ConfigInit, setItem } from './config-dict.js';
import { hashValue } from './equality.js';
import { FieldReference } from './field-reference.js';
import { isConvertible, thawValue, toImmutable } from './immutable.js';
import { attachChild, type CDState, isFrozenDict, maybeState, readField, sortedKeys, stateOf } from './state.js';
import { describe, isPlainObject } from './types.js';

export interface FrozenConfigDictOptions {
  /** Only matters once the FrozenConfigDict is converted back to a ConfigDict (default true). */
  typeSafe?: boolean;
}

function pathJoin(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
}

/**
 * ml_collections' `_frozenconfigdict_valid_input`: no cycles (the structure must be a DAG) and no
 * plain objects, ConfigDicts or FieldReferences inside arrays.
 */
function validate(value: unknown, ancestors: unknown[], path: string): void {
  if (typeof value !== 'object' || value === null) return;
  if (ancestors.includes(value)) {
    throw new Error(
      `FrozenConfigDict: bad initialization: the structure cannot contain a cycle in its reference structure (at "${path}")`,
    );
  }
  ancestors.push(value);
  const st = maybeState(value);
  if (st !== undefined) {
    for (const key of sortedKeys(st)) validate(readField(st, key), ancestors, pathJoin(path, key));
  } else if (value instanceof FieldReference) {
    validate(value.get(), ancestors, path);
  } else if (Array.isArray(value)) {
    value.forEach((element, i) => {
      if (isPlainObject(element) || maybeState(element) !== undefined || element instanceof FieldReference) {
        throw new Error(
          `FrozenConfigDict: bad initialization: "${pathJoin(path, i)}" is a ${describe(element)} inside an array; ` +
            'arrays cannot contain plain objects, ConfigDicts or FieldReferences',
        );
      }
      validate(element, ancestors, pathJoin(path, i));
    });
  } else if (value instanceof Map) {
    for (const [k, v] of value) validate(v, ancestors, pathJoin(path, String(k)));
  }
  ancestors.pop();
}

/** Fills an empty frozen state from a ConfigDict (ml_collections' `_frozenconfigdict_fill_seed`). */
function fill(st: CDState, source: CDState, visit: Map<unknown, unknown>): void {
  visit.set(source.proxy, st.proxy);
  for (const key of sortedKeys(source)) {
    let value = readField(source, key);
    if (typeof value === 'object' && value !== null && visit.has(value)) {
      value = visit.get(value);
    } else {
      const vst = maybeState(value);
      if (vst !== undefined && !vst.frozen) {
        const child = new FrozenConfigDict(undefined, { typeSafe: vst.typeSafe });
        const cst = stateOf(child);
        fill(cst, vst, visit);
        finish(cst, vst.locked);
        value = child;
      } else if (isConvertible(value)) {
        value = toImmutable(value, visit);
      }
    }
    st.fields.set(key, value);
    attachChild(st, key, value);
  }
}

function finish(st: CDState, locked: boolean): void {
  st.locked = locked;
  st.frozen = true;
  st.view = stateOf(thaw(st, new Map()));
}

/** The ConfigDict version of a frozen state: what ml_collections keeps as `_configdict`. */
function thaw(st: CDState, visit: Map<unknown, unknown>): ConfigDict {
  const cd = new ConfigDict(undefined, { typeSafe: st.typeSafe });
  const cst = stateOf(cd);
  visit.set(st.proxy, cd);
  for (const key of sortedKeys(st)) {
    const value = st.fields.get(key);
    let out: unknown;
    if (typeof value === 'object' && value !== null && visit.has(value)) out = visit.get(value);
    else {
      const vst = maybeState(value);
      out = vst?.frozen ? thaw(vst, visit) : thawValue(value, visit);
    }
    setItem(cst, key, out);
  }
  cst.locked = st.locked;
  return cd;
}

/**
 * An immutable, hashable ConfigDict (ml_collections' `FrozenConfigDict`).
 *
 * Built from a plain object, ConfigDict or FrozenConfigDict: nested dicts become FrozenConfigDicts,
 * FieldReferences are resolved, arrays are copied into frozen arrays, Sets and Maps into frozen ones
 * (an already frozen array is kept unless it holds mutable ones; an already frozen Set is kept). The structure must be acyclic and arrays
 * may not hold dicts or references. Every write throws TypeError; equality is by value and `hash()`
 * agrees with it. A frozen array counts as a tuple: `{ a: [1, 2] }` and `{ a: Object.freeze([1, 2]) }`
 * give FrozenConfigDicts with equal items that are not `equals`, as in ml_collections.
 */
// biome-ignore lint/suspicious/noExplicitAny: fields are dynamic
export class FrozenConfigDict<T extends object = Record<string, any>> extends ConfigDict<T> {
  constructor(init?: T | ConfigInit | null, options: FrozenConfigDictOptions = {}) {
    if (options === null || typeof options !== 'object') {
      throw new TypeError(`FrozenConfigDict: options: expected an object, got ${describe(options)}`);
    }
    const typeSafe = options.typeSafe ?? true;
    if (typeof typeSafe !== 'boolean') {
      throw new TypeError(`FrozenConfigDict: options.typeSafe: expected a boolean, got ${describe(typeSafe)}`);
    }
    super(undefined, { typeSafe });
    const st = stateOf(this);
    if (init === undefined || init === null) {
      finish(st, false);
      return;
    }
    const source = new ConfigDict(init as ConfigInit, { typeSafe });
    const sst = stateOf(source);
    validate(source, [], '');
    fill(st, sst, new Map());
    st.typeSafe = sst.typeSafe;
    finish(st, sst.locked);
  }

  /** A hash consistent with `equals` (cached: the dict is immutable). */
  override hash(): number {
    const st = stateOf(this);
    st.hash ??= hashValue(this);
    return st.hash;
  }

  /** A new mutable ConfigDict with this content (arrays that were mutable come back mutable). */
  asConfigdict(): ConfigDict {
    return thaw(stateOf(this), new Map());
  }

  /** Refused: a FrozenConfigDict is immutable. */
  override lock(): this {
    throw new TypeError('FrozenConfigDict is immutable: cannot call lock()');
  }

  /** Refused: a FrozenConfigDict is immutable. */
  override unlock(): this {
    throw new TypeError('FrozenConfigDict is immutable: cannot call unlock()');
  }

  /** Calls fn(this); refused when the dict is locked (it cannot be unlocked). */
  override unlocked<R>(fn: (cfg: this) => R): R {
    if (stateOf(this).locked)
      throw new TypeError('FrozenConfigDict is immutable: cannot call unlocked() on a locked one');
    return fn(this);
  }

  /** Calls fn(this): there is nothing to type-check in an immutable dict. */
  override ignoreType<R>(fn: (cfg: this) => R): R {
    return fn(this);
  }
}

/** @internal */
export function isFrozenConfigDict(value: unknown): value is FrozenConfigDict {
  return isFrozenDict(value);
}
