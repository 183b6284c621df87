/**
 * JSON encoding of configuration values (ml_collections' CustomJSONEncoder and its best-effort
 * variant). Both resolve FieldReferences and write ConfigDicts as objects with sorted keys.
 *
 * Strict mode throws TypeError, naming the field path, on cycles, functions, symbols, bigints,
 * non-finite numbers, Sets, Maps, binary data (typed arrays, Buffers, ArrayBuffers: Python's bytes)
 * and class instances without `toJSON`. Best effort never throws
 * except on a cycle: a Set becomes a sorted array, a Map or an object its fields, a function (or
 * a class) `"function name"`, a bigint its decimal string, a non-finite number its name.
 */
import { RequiredValueError } from './errors.js';
import { isRef } from './refs.js';
import { maybeState, readField, sortedKeys } from './state.js';
import { isBinary, isPlainObject, typeName, typeOf } from './types.js';

export interface JsonOptions {
  /** Indentation, as for `JSON.stringify` (default: none: one line). */
  indent?: number | string;
  /**
   * `[itemSeparator, keySeparator]`, as Python's `json.dumps` (default `[', ', ': ']` on one line,
   * `[',', ': ']` when indenting). `[',', ':']` gives the compact output of `JSON.stringify`.
   */
  separators?: readonly [string, string];
  /** Also sort the keys of plain objects held in fields (ConfigDict keys are always sorted). */
  sortKeys?: boolean;
}

type Mode = 'strict' | 'best';

/** A cycle: the one thing best effort cannot get around. */
class CycleError extends TypeError {}

const describeError = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

function sortForJson(values: unknown[]): unknown[] {
  const rank = (v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  return values.sort((x, y) => {
    const d = rank(x) - rank(y);
    if (d !== 0) return d;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const sx = JSON.stringify(x) ?? '';
    const sy = JSON.stringify(y) ?? '';
    return sx < sy ? -1 : sx > sy ? 1 : 0;
  });
}

class Encoder {
  private readonly stack: object[] = [];

  constructor(
    private readonly mode: Mode,
    private readonly sortKeys: boolean,
    private readonly method: string,
  ) {}

  private fail(path: string, what: string): never {
    const where = path === '' ? 'the value' : `field "${path}"`;
    throw new TypeError(`${this.method}: ${where}: ${what} is not JSON serializable; use toJsonBestEffort() instead`);
  }

  encode(value: unknown, path: string): unknown {
    if (isRef(value)) {
      let resolved: unknown;
      try {
        resolved = value.get();
      } catch (e) {
        if (this.mode === 'strict') throw e;
        // An unset required placeholder holds no value; a failing lazy op is reported in place.
        return e instanceof RequiredValueError ? null : `unserializable value: ${describeError(e)}`;
      }
      return this.encode(resolved, path);
    }
    switch (typeof value) {
      case 'undefined':
        return null;
      case 'boolean':
      case 'string':
        return value;
      case 'number':
        if (Number.isFinite(value)) return value;
        if (this.mode === 'strict') this.fail(path, `the number ${value}`);
        return String(value);
      case 'bigint':
        if (this.mode === 'strict') this.fail(path, `the bigint ${value}n`);
        return value.toString();
      case 'symbol':
        if (this.mode === 'strict') this.fail(path, String(value));
        return String(value);
      case 'function': {
        const isClass = /^class[\s{]/.test(Function.prototype.toString.call(value));
        if (this.mode === 'strict')
          this.fail(path, `the ${isClass ? 'class' : 'function'} ${value.name || '<anonymous>'}`);
        // A class is a function in JS: written as one ("function Name"), as Python writes functions.
        return `function ${value.name || '<anonymous>'}`;
      }
    }
    if (value === null) return null;
    const obj = value as object;
    if (this.stack.includes(obj)) {
      throw new CycleError(`${this.method}: field "${path}": circular reference detected (JSON cannot hold cycles)`);
    }
    this.stack.push(obj);
    try {
      return this.encodeObject(obj, path);
    } catch (e) {
      if (this.mode === 'strict' || e instanceof CycleError) throw e;
      // Best effort: a throwing toJSON or getter does not stop the rest of the output.
      return `unserializable object of type: ${typeName(typeOf(obj))} (${describeError(e)})`;
    } finally {
      this.stack.pop();
    }
  }

  private child(path: string, key: string | number): string {
    if (typeof key === 'number') return `${path}[${key}]`;
    return path === '' ? key : `${path}.${key}`;
  }

  private encodeEntries(entries: [string, unknown][], path: string, sort: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = Object.create(null);
    const list = sort ? [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : entries;
    for (const [k, v] of list) {
      const encoded = this.encode(v, this.child(path, k));
      Object.defineProperty(out, k, { value: encoded, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  private encodeObject(obj: object, path: string): unknown {
    const st = maybeState(obj);
    if (st !== undefined) {
      // Strict mode reads fields as the ConfigDict does (errors name the full field path); best effort
      // resolves references itself so that an unreadable one does not stop the output.
      return this.encodeEntries(
        sortedKeys(st).map((k) => [k, this.mode === 'strict' ? readField(st, k) : st.fields.get(k)]),
        path,
        false,
      );
    }
    if (Array.isArray(obj)) return obj.map((v, i) => this.encode(v, this.child(path, i)));
    if (isPlainObject(obj)) return this.encodeEntries(Object.entries(obj), path, this.sortKeys);
    if (isBinary(obj)) {
      // Binary data (Python's bytes) is not JSON, even when it has a toJSON (Node's Buffer).
      if (this.mode === 'strict') this.fail(path, `binary data (${typeName(typeOf(obj))})`);
      return ArrayBuffer.isView(obj) ? Array.from(obj as unknown as ArrayLike<number>) : [];
    }
    const toJSON = (obj as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return this.encode(toJSON.call(obj, ''), path);
    const name = typeName(typeOf(obj));
    if (this.mode === 'strict') this.fail(path, `a ${name}`);
    if (obj instanceof Set) return sortForJson([...obj].map((v, i) => this.encode(v, this.child(path, i))));
    if (obj instanceof Map) {
      return this.encodeEntries(
        [...obj].map(([k, v]) => [String(k), v]),
        path,
        this.sortKeys,
      );
    }
    const fields = Object.entries(obj);
    if (fields.length > 0) return this.encodeEntries(fields, path, this.sortKeys);
    return `unserializable object of type: ${name}`;
  }
}

/** Encodes to JSON text (`mode` strict: ml_collections' `to_json`; best: `to_json_best_effort`). */
export function encodeJson(value: unknown, mode: Mode, options: JsonOptions | undefined, method: string): string {
  const opts = options ?? {};
  if (typeof opts !== 'object') throw new TypeError(`${method}: options: expected an object, got ${typeof opts}`);
  const { indent, sortKeys = false, separators } = opts;
  if (indent !== undefined && typeof indent !== 'number' && typeof indent !== 'string') {
    throw new TypeError(`${method}: options.indent: expected a number or a string, got ${typeof indent}`);
  }
  if (
    separators !== undefined &&
    !(Array.isArray(separators) && separators.length === 2 && separators.every((x) => typeof x === 'string'))
  ) {
    throw new TypeError(`${method}: options.separators: expected [itemSeparator, keySeparator] strings`);
  }
  const plain = new Encoder(mode, sortKeys, method).encode(value, '');
  const pad = typeof indent === 'number' ? ' '.repeat(Math.max(0, Math.min(10, indent))) : (indent ?? '');
  const multiline = indent !== undefined && pad !== '';
  const [itemSep, keySep] = separators ?? (multiline ? [',', ': '] : [', ', ': ']);
  return dumps(plain, itemSep, keySep, multiline ? pad : null, '');
}

/** Python's `json.dumps` layout: separators between items and after keys, optional indentation. */
function dumps(value: unknown, itemSep: string, keySep: string, pad: string | null, current: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = pad === null ? '' : current + pad;
  const open = pad === null ? '' : `\n${inner}`;
  const close = pad === null ? '' : `\n${current}`;
  const sep = pad === null ? itemSep : `${itemSep}\n${inner}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${open}${value.map((v) => dumps(v, itemSep, keySep, pad, inner)).join(sep)}${close}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const body = entries.map(([k, v]) => `${JSON.stringify(k)}${keySep}${dumps(v, itemSep, keySep, pad, inner)}`);
  return `{${open}${body.join(sep)}${close}}`;
}
