/**
 * Python's `==` and `hash()` for configuration values.
 *
 * Equality resolves FieldReferences, compares ConfigDicts field by field (same class, same lock and
 * type-safety state), arrays element-wise (a frozen array is a tuple and never equals a mutable
 * array, as a Python tuple never equals a list), Sets as sets, Maps and plain objects by entries,
 * and other objects by identity (or their own `equals`). Comparing two different self-referencing
 * structures throws RangeError, like Python's recursion error. `hashValue` is consistent with it.
 */
import { isRef } from './refs.js';
import { type CDState, maybeState, readField, sortedKeys } from './state.js';
import { isBinary, isObjectLike, isPlainObject, typeName, typeOf } from './types.js';

export function deepEqual(a: unknown, b: unknown): boolean {
  return eq(a, b, [], []);
}

/** The ConfigDict whose fields define a FrozenConfigDict's equality (its `asConfigdict()`). */
function equalityView(st: CDState): CDState {
  return st.frozen && st.view !== undefined ? st.view : st;
}

function eq(a: unknown, b: unknown, aStack: unknown[], bStack: unknown[]): boolean {
  if (isRef(a)) a = a.get();
  if (isRef(b)) b = b.get();
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  for (let i = aStack.length - 1; i >= 0; i--) {
    if (aStack[i] === a && bStack[i] === b) {
      throw new RangeError(
        'maximum recursion depth exceeded while comparing: the values are different self-referencing structures',
      );
    }
  }
  aStack.push(a);
  bStack.push(b);
  try {
    return eqObjects(a, b, aStack, bStack);
  } finally {
    aStack.pop();
    bStack.pop();
  }
}

function eqObjects(a: object, b: object, aStack: unknown[], bStack: unknown[]): boolean {
  const sa = maybeState(a);
  const sb = maybeState(b);
  if (sa !== undefined || sb !== undefined) {
    if (sa === undefined || sb === undefined) return false;
    if (Object.getPrototypeOf(sa.proxy) !== Object.getPrototypeOf(sb.proxy)) return false;
    const va = equalityView(sa);
    const vb = equalityView(sb);
    if (va.locked !== vb.locked || va.typeSafe !== vb.typeSafe || va.fields.size !== vb.fields.size) return false;
    for (const key of va.fields.keys()) if (!vb.fields.has(key)) return false;
    for (const key of va.fields.keys()) {
      if (!eq(readField(va, key), readField(vb, key), aStack, bStack)) return false;
    }
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    if (Object.isFrozen(a) !== Object.isFrozen(b) || a.length !== b.length) return false;
    return a.every((x, i) => eq(x, b[i], aStack, bStack));
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
    for (const x of a) {
      if (b.has(x)) continue;
      let found = false;
      for (const y of b) {
        if (isObjectLike(x) && isObjectLike(y) && eq(x, y, aStack, bStack)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !eq(v, b.get(k), aStack, bStack)) return false;
    return true;
  }
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && eq(a[k], b[k], aStack, bStack));
  }
  const own = (a as { equals?: unknown }).equals;
  if (typeof own === 'function') return Boolean(own.call(a, b));
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Hashing (32-bit, consistent with deepEqual).

const IDS = new WeakMap<object, number>();
let nextId = 1;

function identityHash(v: object | symbol): number {
  if (typeof v === 'symbol') return hashString(`sym:${String(v)}`);
  let id = IDS.get(v);
  if (id === undefined) {
    id = nextId++;
    IDS.set(v, id);
  }
  return mix(0x1d, id);
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mix(h: number, x: number): number {
  h = Math.imul(h ^ (x >>> 0), 0x5bd1e995);
  return (h ^ (h >>> 15)) >>> 0;
}

function mixAll(seed: number, xs: Iterable<number>): number {
  let h = seed;
  for (const x of xs) h = mix(h, x);
  return h;
}

/** Hash of a value, consistent with `deepEqual`. Throws TypeError on mutable binary data. */
export function hashValue(value: unknown, stack: Set<object> = new Set()): number {
  if (isRef(value)) value = value.get();
  switch (typeof value) {
    case 'undefined':
      return 0x2f1a;
    case 'boolean':
      return value ? 0x51ed : 0x1bad;
    case 'number':
      return hashString(`n:${value === 0 ? 0 : value}`);
    case 'bigint':
      return hashString(`b:${value}`);
    case 'string':
      return hashString(`s:${value}`);
    case 'symbol':
    case 'function':
      return identityHash(value);
  }
  if (value === null) return 0x2f1a;
  const obj = value as object;
  if (stack.has(obj)) return 0x7e57;
  stack.add(obj);
  try {
    return hashObject(obj, stack);
  } finally {
    stack.delete(obj);
  }
}

function hashObject(obj: object, stack: Set<object>): number {
  const st = maybeState(obj);
  if (st !== undefined) {
    const view = equalityView(st);
    let fieldsHash = 0;
    for (const key of sortedKeys(view)) {
      fieldsHash = (fieldsHash + mix(hashString(key), hashValue(readField(view, key), stack))) >>> 0;
    }
    return mixAll(0xcd, [fieldsHash, view.locked ? 1 : 0, view.typeSafe ? 1 : 0]);
  }
  if (Array.isArray(obj)) {
    return mixAll(
      Object.isFrozen(obj) ? 0x7a : 0x11,
      obj.map((x) => hashValue(x, stack)),
    );
  }
  if (obj instanceof Set) {
    let sum = 0;
    for (const x of obj) sum = (sum + hashValue(x, stack)) >>> 0;
    return mix(0x5e7, sum);
  }
  if (obj instanceof Map) {
    let sum = 0;
    for (const [k, v] of obj) sum = (sum + mix(hashValue(k, stack), hashValue(v, stack))) >>> 0;
    return mix(0x3a9, sum);
  }
  if (obj instanceof Date) return hashString(`d:${obj.getTime()}`);
  if (isPlainObject(obj)) {
    const keys = Object.keys(obj).sort();
    return mixAll(
      0x0b,
      keys.map((k) => mix(hashString(k), hashValue(obj[k], stack))),
    );
  }
  if (isBinary(obj)) {
    throw new TypeError(`FrozenConfigDict contains unhashable type ${typeName(typeOf(obj))} (mutable binary data)`);
  }
  const custom = obj as { equals?: unknown; hash?: unknown };
  if (typeof custom.equals === 'function') {
    return typeof custom.hash === 'function' ? Number(custom.hash()) >>> 0 : 0xe9;
  }
  return identityHash(obj);
}
