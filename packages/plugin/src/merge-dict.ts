import { describe, isPlainObject, setOwn } from './json.js';

function deepCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deepCopy);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, deepCopy(v));
    return out;
  }
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [deepCopy(k), deepCopy(v)]));
  if (value instanceof Set) return new Set([...value].map(deepCopy));
  if (value instanceof Date) return new Date(value.getTime());
  return value;
}

/**
 * Merges `b` into `a` recursively and returns `a` (modified in place, not a copy), as SMQTK's
 * `merge_dict`: where both hold a plain object under a key, that object is merged recursively;
 * otherwise `b`'s value replaces `a`'s (arrays are replaced, not concatenated) and new keys are added.
 * Values are assigned by reference unless `deepCopy` is true, in which case arrays, plain objects,
 * Maps, Sets and Dates from `b` are copied (other objects are shared). A `__proto__` key is stored as
 * an ordinary own key, never as the prototype.
 */
export function mergeDict<A extends Record<string, unknown>>(
  a: A,
  b: Readonly<Record<string, unknown>>,
  deepCopy = false,
): A & Record<string, unknown> {
  if (typeof a !== 'object' || a === null || Array.isArray(a)) {
    throw new TypeError(`mergeDict: a: expected an object, got ${describe(a)}`);
  }
  if (typeof b !== 'object' || b === null || Array.isArray(b)) {
    throw new TypeError(`mergeDict: b: expected an object, got ${describe(b)}`);
  }
  mergeInto(a, b, deepCopy, new Set());
  return a;
}

function mergeInto(a: Record<string, unknown>, b: Readonly<Record<string, unknown>>, copy: boolean, seen: Set<object>) {
  if (seen.has(b)) throw new TypeError('mergeDict: b: contains a cycle');
  seen.add(b);
  for (const k of Object.keys(b)) {
    const av = Object.hasOwn(a, k) ? a[k] : undefined;
    const bv = b[k];
    if (isPlainObject(av) && isPlainObject(bv)) {
      mergeInto(av, bv, copy, seen);
    } else {
      setOwn(a, k, copy ? deepCopy(bv) : bv);
    }
  }
  seen.delete(b);
}
