/**
 * Deep immutability for FrozenConfigDict values (ml_collections' `_convert_to_immutable`).
 *
 * A mutable array (Python list) is copied into a frozen array (tuple); a frozen array is kept unless it
 * contains mutable arrays, Sets or Maps, in which case a frozen copy is made; a Set is copied into a
 * frozen Set (frozenset) whose mutators throw, and a Map into a frozen Map likewise (its array, Set and
 * Map values frozen too), unless the caller froze it already (`Object.freeze(set)` is taken for a
 * frozenset and kept, as Python keeps frozensets). Shared structure is preserved through `visit`. The
 * registries remember where each frozen value came from, so that `thaw` restores the caller's kinds:
 * lists come back as fresh mutable arrays, tuples as the original frozen arrays, Sets and Maps as fresh
 * ones.
 */

const FROM_LIST = new WeakSet<object>();
const FROM_TUPLE = new WeakMap<object, readonly unknown[]>();
const FROZEN_SETS = new WeakSet<object>();
const FROZEN_MAPS = new WeakSet<object>();

function refuse(kind: string, method: string): () => never {
  return () => {
    throw new TypeError(`FrozenConfigDict: this ${kind} is frozen; cannot call ${method}()`);
  };
}

function lockMutators(target: Set<unknown> | Map<unknown, unknown>, kind: string, methods: string[]): void {
  for (const method of methods) {
    Object.defineProperty(target, method, { value: refuse(kind, method), enumerable: false });
  }
  Object.freeze(target);
}

function freezeSet(source: Set<unknown>): Set<unknown> {
  const copy = new Set(source);
  lockMutators(copy, 'Set', ['add', 'delete', 'clear']);
  FROZEN_SETS.add(copy);
  return copy;
}

/** Values that `toImmutable` converts. */
export function isConvertible(value: unknown): value is readonly unknown[] | Set<unknown> | Map<unknown, unknown> {
  return Array.isArray(value) || value instanceof Set || value instanceof Map;
}

function freezeMap(source: Map<unknown, unknown>, visit: Map<unknown, unknown>): Map<unknown, unknown> {
  const copy = new Map<unknown, unknown>();
  visit.set(source, copy);
  for (const [k, v] of source) copy.set(k, isConvertible(v) ? toImmutable(v, visit) : v);
  lockMutators(copy, 'Map', ['set', 'delete', 'clear']);
  FROZEN_MAPS.add(copy);
  return copy;
}

export function isFrozenSet(value: unknown): boolean {
  return typeof value === 'object' && value !== null && FROZEN_SETS.has(value);
}

/** The immutable version of an array, Set or Map (see module comment). */
export function toImmutable(
  value: readonly unknown[] | Set<unknown> | Map<unknown, unknown>,
  visit: Map<unknown, unknown>,
): unknown {
  if (visit.has(value)) return visit.get(value);
  let out: unknown;
  if (value instanceof Map) {
    out = FROZEN_MAPS.has(value) || Object.isFrozen(value) ? value : freezeMap(value, visit);
  } else if (value instanceof Set) {
    // A Set the caller froze (`Object.freeze(new Set(...))`) plays Python's frozenset: kept, not copied.
    out = isFrozenSet(value) || Object.isFrozen(value) ? value : freezeSet(value);
  } else {
    const elements = value.map((e) => (isConvertible(e) ? toImmutable(e, visit) : e));
    if (Object.isFrozen(value)) {
      if (elements.every((e, i) => e === value[i])) {
        out = value;
      } else {
        out = Object.freeze(elements);
        FROM_TUPLE.set(out as object, value);
      }
    } else {
      out = Object.freeze(elements);
      FROM_LIST.add(out as object);
    }
  }
  visit.set(value, out);
  return out;
}

/** The caller-side version of a frozen value (see module comment); other values are returned as is. */
export function thawValue(value: unknown, visit: Map<unknown, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (visit.has(value)) return visit.get(value);
  let out: unknown = value;
  if (FROM_LIST.has(value)) {
    const arr: unknown[] = [];
    visit.set(value, arr);
    for (const e of value as unknown[]) arr.push(thawValue(e, visit));
    return arr;
  }
  if (FROZEN_MAPS.has(value)) {
    const map = new Map<unknown, unknown>();
    visit.set(value, map);
    for (const [k, v] of value as Map<unknown, unknown>) map.set(k, thawValue(v, visit));
    return map;
  }
  if (FROM_TUPLE.has(value)) out = FROM_TUPLE.get(value);
  else if (FROZEN_SETS.has(value)) out = new Set(value as Set<unknown>);
  visit.set(value, out);
  return out;
}
