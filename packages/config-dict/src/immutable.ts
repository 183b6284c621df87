/**
 * Deep immutability for FrozenConfigDict values (ml_collections' `_convert_to_immutable`).
 *
 * A mutable array (Python list) is copied into a frozen array (tuple); a frozen array is kept unless it
 * contains mutable arrays or Sets, in which case a frozen copy is made; a Set is copied into a frozen
 * Set (frozenset) whose mutators throw, unless the caller froze it already (`Object.freeze(set)` is
 * taken for a frozenset and kept, as Python keeps frozensets). Shared structure is preserved through `visit`. The registries
 * remember where each frozen value came from, so that `thaw` restores the caller's kinds: lists come
 * back as fresh mutable arrays, tuples as the original frozen arrays, sets as fresh Sets.
 */

const FROM_LIST = new WeakSet<object>();
const FROM_TUPLE = new WeakMap<object, readonly unknown[]>();
const FROZEN_SETS = new WeakSet<object>();

function refuse(method: string): () => never {
  return () => {
    throw new TypeError(`FrozenConfigDict: this Set is frozen; cannot call ${method}()`);
  };
}

function freezeSet(source: Set<unknown>): Set<unknown> {
  const copy = new Set(source);
  for (const method of ['add', 'delete', 'clear']) {
    Object.defineProperty(copy, method, { value: refuse(method), enumerable: false });
  }
  Object.freeze(copy);
  FROZEN_SETS.add(copy);
  return copy;
}

export function isFrozenSet(value: unknown): boolean {
  return typeof value === 'object' && value !== null && FROZEN_SETS.has(value);
}

/** The immutable version of an array or Set (see module comment). */
export function toImmutable(value: readonly unknown[] | Set<unknown>, visit: Map<unknown, unknown>): unknown {
  if (visit.has(value)) return visit.get(value);
  let out: unknown;
  if (value instanceof Set) {
    // A Set the caller froze (`Object.freeze(new Set(...))`) plays Python's frozenset: kept, not copied.
    out = isFrozenSet(value) || Object.isFrozen(value) ? value : freezeSet(value);
  } else {
    const elements = value.map((e) => (Array.isArray(e) || e instanceof Set ? toImmutable(e, visit) : e));
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
  if (FROM_TUPLE.has(value)) out = FROM_TUPLE.get(value);
  else if (FROZEN_SETS.has(value)) out = new Set(value as Set<unknown>);
  visit.set(value, out);
  return out;
}
