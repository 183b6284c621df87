/**
 * The internal state of ConfigDicts, kept in a WeakMap keyed by both the Proxy and its target so
 * that methods (called with `this` = the Proxy) and Node's inspector (called with the target) find it.
 * This module knows nothing of the ConfigDict class itself, which keeps the import graph acyclic.
 */
import { RequiredValueError } from './errors.js';
import { isRef } from './refs.js';

/** Where a nested ConfigDict was first attached (used to report full dotted paths). */
export interface ParentLink {
  dict: CDState;
  key: string;
}

export interface CDState {
  fields: Map<string, unknown>;
  locked: boolean;
  typeSafe: boolean;
  convertDict: boolean;
  frozen: boolean;
  /** The Proxy users hold. */
  proxy: object;
  parent: ParentLink | null;
  /** FrozenConfigDict: cached hash. */
  hash?: number;
  /**
   * FrozenConfigDict: the (private) ConfigDict its equality and hash are defined on — the caller's
   * structure before freezing, as ml_collections' `_configdict` (mutable arrays stay distinct from
   * frozen ones, as Python lists from tuples).
   */
  view?: CDState;
}

const STATES = new WeakMap<object, CDState>();

export function registerState(target: object, proxy: object, state: CDState): void {
  STATES.set(target, state);
  STATES.set(proxy, state);
}

export function maybeState(value: unknown): CDState | undefined {
  return typeof value === 'object' && value !== null ? STATES.get(value) : undefined;
}

export function stateOf(value: unknown): CDState {
  const st = maybeState(value);
  if (st === undefined) throw new TypeError('expected a ConfigDict (this method was called on another object)');
  return st;
}

export function isConfigDict(value: unknown): boolean {
  return maybeState(value) !== undefined;
}

export function isFrozenDict(value: unknown): boolean {
  return maybeState(value)?.frozen === true;
}

export function sortedKeys(st: CDState): string[] {
  return [...st.fields.keys()].sort();
}

/** Keys from the root to this dict, following first-attachment links. */
export function pathOf(st: CDState): string[] {
  const keys: string[] = [];
  const seen = new Set<CDState>([st]);
  let link = st.parent;
  while (link !== null && !seen.has(link.dict)) {
    keys.unshift(link.key);
    seen.add(link.dict);
    link = link.dict.parent;
  }
  return keys;
}

export function fieldPath(st: CDState, key: string): string {
  return [...pathOf(st), key].join('.');
}

/** Reads a field, resolving a FieldReference; a missing required value names the field path. */
export function readField(st: CDState, key: string): unknown {
  const field = st.fields.get(key);
  if (!isRef(field)) return field;
  try {
    return field.get();
  } catch (e) {
    if (e instanceof RequiredValueError) {
      const path = fieldPath(st, key);
      const direct = (field as { required?: boolean }).required === true && field.empty();
      throw new RequiredValueError(
        direct
          ? `Required field "${path}" has no value: it is a required placeholder; set it before reading it`
          : `Field "${path}" cannot be computed yet: it depends on a required placeholder that has no value (${e.message})`,
        { cause: e },
      );
    }
    throw e;
  }
}

/** Records `child` (a ConfigDict stored under `key`) as attached here if it has no parent yet. */
export function attachChild(st: CDState, key: string, value: unknown): void {
  const child = maybeState(isRef(value) && !value.empty() ? safeGet(value) : value);
  if (child === undefined || child === st || child.parent !== null) return;
  child.parent = { dict: st, key };
}

/** Forgets the attachment of the ConfigDict that was stored under `key`. */
export function detachChild(st: CDState, key: string, old: unknown): void {
  const child = maybeState(isRef(old) && !old.empty() ? safeGet(old) : old);
  if (child?.parent && child.parent.dict === st && child.parent.key === key) child.parent = null;
}

function safeGet(ref: { get(): unknown }): unknown {
  try {
    return ref.get();
  } catch {
    return undefined;
  }
}
