/**
 * Command-line overrides in ml_collections' config_flags style:
 *
 * ```sh
 * node train.js --config.model.depth=8 --config.lr 0.01 --config.layers='(64, 64)' --noconfig.use_bn
 * ```
 *
 * Each value is parsed by the type of the field it overrides (see `parseOverrideValue`).
 */
import { ConfigDict } from './config-dict.js';
import { joinConfigPath, type PathPart, splitConfigPath } from './config-path.js';
import { didYouMean } from './did-you-mean.js';
import { LiteralSyntaxError, NotALiteralError, parseLiteral } from './literal.js';
import { isConfigDict } from './state.js';
import { describe, type FieldType, isPlainObject, typeName, typeOf } from './types.js';

export interface OverrideOptions {
  /** The flag name: overrides look like `--<prefix>.path=value` (default `config`). */
  prefix?: string;
  /** Allow overrides to add fields the config does not have (their values are parsed as literals). */
  acceptNewAttributes?: boolean;
}

const NULL_WORDS = new Set(['None', 'none', 'null']);
const TRUE_WORDS = new Set(['true', 't', '1', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', 'f', '0', 'no', 'n']);

function parseError(what: string, raw: string, expected: string, detail = ''): Error {
  return new Error(`${what}: cannot parse ${JSON.stringify(raw)} as ${expected}${detail ? ` (${detail})` : ''}`);
}

/** A literal, or the raw text when it is not one (config_flags' `_LiteralParser`). */
function literalOrString(raw: string): unknown {
  try {
    return parseLiteral(raw);
  } catch (e) {
    if (e instanceof LiteralSyntaxError || e instanceof NotALiteralError) return raw;
    throw e;
  }
}

/** config_flags' TupleParser: a literal sequence, a single literal (wrapped), or a bare word (wrapped). */
function parseSequence(raw: string, what: string): unknown[] {
  let value: unknown;
  try {
    value = parseLiteral(raw);
  } catch (e) {
    if (e instanceof NotALiteralError) value = raw;
    else if (e instanceof LiteralSyntaxError) throw parseError(what, raw, 'an array or tuple', e.message);
    else throw e;
  }
  if (Array.isArray(value)) return value;
  if (value instanceof Set) return [...value];
  return [value];
}

function parseNumber(raw: string, what: string): number {
  const s = raw.trim();
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    if (special[2]!.toLowerCase() === 'nan') return Number.NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  const n = s === '' ? Number.NaN : Number(s.replace(/(\d)_(?=\d)/g, '$1'));
  if (Number.isNaN(n)) throw parseError(what, raw, 'a number');
  return n;
}

/**
 * Parses a command-line value for a field of type `fieldType` (a constructor, or null for a field
 * that holds null):
 *
 * - `Number`: `8`, `-1.5e-3`, `0x10`, `inf`; `String`: the text as is; `BigInt`: an integer;
 * - `Boolean`: `true/false`, `t/f`, `1/0`, `yes/no` (any case);
 * - `Array`: a Python/JSON sequence literal `(1, 2)`, `[1, 2]`, `1, 2`, or one value (wrapped);
 * - `ConfigDict` / `Object`: a dict literal `{'a': 1}`;
 * - `null` (a null field): any literal, else the text as a string.
 *
 * For every type but String, `None`/`none`/`null` give null. Throws Error naming `what` when the text
 * does not parse, and for types that cannot come from the command line (functions, classes).
 */
export function parseOverrideValue(raw: string, fieldType: FieldType | null, what = 'override'): unknown {
  if (typeof raw !== 'string') throw new TypeError(`${what}: expected the value as a string, got ${describe(raw)}`);
  if (fieldType === (String as unknown)) return raw;
  if (NULL_WORDS.has(raw.trim())) return null;
  if (fieldType === null) return literalOrString(raw);
  switch (fieldType as unknown) {
    case Number:
      return parseNumber(raw, what);
    case Boolean: {
      const s = raw.trim().toLowerCase();
      if (TRUE_WORDS.has(s)) return true;
      if (FALSE_WORDS.has(s)) return false;
      throw parseError(what, raw, 'a boolean', 'expected true/false, t/f, 1/0 or yes/no');
    }
    case BigInt:
      try {
        return BigInt(raw.trim().replace(/(\d)_(?=\d)/g, '$1'));
      } catch {
        throw parseError(what, raw, 'a bigint');
      }
    case Array:
      return parseSequence(raw, what);
  }
  if (
    fieldType === (Object as unknown) ||
    fieldType === ConfigDict ||
    (fieldType as { prototype?: unknown }).prototype instanceof ConfigDict
  ) {
    let value: unknown;
    try {
      value = parseLiteral(raw);
    } catch (e) {
      throw parseError(what, raw, 'a dict literal', (e as Error).message);
    }
    if (!isPlainObject(value)) throw parseError(what, raw, 'a dict literal', `got ${describe(value)}`);
    return fieldType === (Object as unknown) ? value : new (fieldType as typeof ConfigDict)(value);
  }
  throw new Error(
    `${what}: fields of type ${typeName(fieldType)} cannot be overridden from the command line ` +
      '(supported: Number, String, Boolean, BigInt, Array, ConfigDict, plain objects and null fields)',
  );
}

interface Holder {
  container: unknown;
  key: PathPart;
  /** Path of the container, for messages. */
  where: string;
}

function unknownField(flag: string, where: string, key: string, keys: Iterable<string>): Error {
  const hint = didYouMean(key, keys);
  return new Error(`${flag}: unknown field "${key}" in ${where}${hint ? `. ${hint}` : ''}`);
}

function walk(cfg: ConfigDict, parts: PathPart[], flag: string, prefix: string): Holder {
  let container: unknown = cfg;
  let where = prefix;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    container = child(container, part, flag, where);
    where = `${prefix}.${joinConfigPath(parts.slice(0, i + 1))}`;
  }
  return { container, key: parts[parts.length - 1]!, where };
}

function child(container: unknown, part: PathPart, flag: string, where: string): unknown {
  if (Array.isArray(container)) {
    if (typeof part !== 'number') throw new Error(`${flag}: ${where} is an array; expected an index, got "${part}"`);
    if (part < 0 || part >= container.length) {
      throw new RangeError(`${flag}: index ${part} is out of range for ${where} (length ${container.length})`);
    }
    return container[part];
  }
  const key = String(part);
  if (isConfigDict(container)) {
    const cd = container as ConfigDict;
    if (!cd.has(key)) throw unknownField(flag, where, key, cd.keys());
    return cd.get(key);
  }
  if (container instanceof Map) {
    if (!container.has(key)) throw unknownField(flag, where, key, container.keys());
    return container.get(key);
  }
  if (isPlainObject(container)) {
    if (!Object.hasOwn(container, key)) throw unknownField(flag, where, key, Object.keys(container));
    return container[key];
  }
  throw new Error(`${flag}: ${where} is a ${describe(container)}, which has no field "${key}"`);
}

function fieldTypeAt(h: Holder, flag: string, acceptNew: boolean): FieldType | null {
  const { container, key, where } = h;
  if (isConfigDict(container)) {
    const cd = container as ConfigDict;
    const k = String(key);
    if (cd.has(k)) return cd.getType(k);
    if (acceptNew) return null;
    throw unknownField(flag, where, k, cd.keys());
  }
  return typeOf(child(container, key, flag, where));
}

function assign(h: Holder, value: unknown, flag: string, acceptNew: boolean): void {
  const { container, key, where } = h;
  try {
    if (isConfigDict(container)) {
      (container as ConfigDict).set(String(key), value);
    } else if (Array.isArray(container)) {
      child(container, key, flag, where);
      if (Object.isFrozen(container))
        throw new Error(`${where} is a frozen array (a tuple) and cannot be changed in place`);
      container[key as number] = value;
    } else if (container instanceof Map) {
      if (!acceptNew) child(container, key, flag, where);
      container.set(String(key), value);
    } else if (isPlainObject(container)) {
      if (!acceptNew) child(container, key, flag, where);
      Object.defineProperty(container, String(key), { value, enumerable: true, writable: true, configurable: true });
    } else {
      throw new Error(`${where} is a ${describe(container)} and cannot be changed`);
    }
  } catch (e) {
    const err = e as Error;
    if (err.message.startsWith(flag)) throw err;
    const Ctor = err instanceof TypeError ? TypeError : err instanceof RangeError ? RangeError : Error;
    throw new Ctor(`${flag}: ${err.message}`, { cause: err });
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Applies config_flags-style overrides from `argv` to `cfg` and returns the arguments it did not use
 * (in order). Recognised forms (one or two dashes):
 *
 * - `--config.a.b=value` and `--config.a.b value`;
 * - `--config.flag` (true) and `--noconfig.flag` (false) for Boolean fields;
 * - paths with indices: `--config.layers[1]=64`;
 * - repeated overrides of an Array field collect their values: `--config.t=1 --config.t=2` gives [1, 2].
 *
 * Values are parsed by the type of the overridden field (`parseOverrideValue`) and assigned with the
 * ConfigDict's own rules (type safety, locking, references). Arguments after `--` are left alone. An
 * override of a path after an override of one of its sub-paths is refused (it would undo it), as in
 * config_flags.
 */
export function applyOverrides(cfg: ConfigDict, argv: readonly string[], options: OverrideOptions = {}): string[] {
  if (!isConfigDict(cfg)) throw new TypeError(`applyOverrides: cfg: expected a ConfigDict, got ${describe(cfg)}`);
  if (!Array.isArray(argv) || argv.some((a) => typeof a !== 'string')) {
    throw new TypeError('applyOverrides: argv: expected an array of strings');
  }
  const { prefix = 'config', acceptNewAttributes = false } = options;
  if (typeof prefix !== 'string' || prefix === '') {
    throw new TypeError(`applyOverrides: options.prefix: expected a non-empty string, got ${describe(prefix)}`);
  }
  const pattern = new RegExp(`^--?(no)?${escapeRegExp(prefix)}\\.(.+)$`, 's');
  const end = argv.indexOf('--');
  const scanned = end === -1 ? argv : argv.slice(0, end);

  // config_flags' FlagOrderError: a later override of a parent path would overwrite an earlier child one.
  const order: string[] = [];
  const counts = new Map<string, number>();
  for (const arg of scanned) {
    const m = pattern.exec(arg);
    if (!m) continue;
    const path = m[2]!.split('=', 1)[0]!;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const at = order.indexOf(path);
    if (at !== -1) order.splice(at, 1);
    order.push(path);
  }
  order.forEach((earlier, i) => {
    for (const later of order.slice(i + 1)) {
      if (earlier.startsWith(`${later}.`) || earlier.startsWith(`${later}[`)) {
        throw new Error(
          `--${prefix}.${later} is given after --${prefix}.${earlier} and would overwrite it; put --${prefix}.${later} first`,
        );
      }
    }
  });

  const rest: string[] = [];
  const collected = new Map<string, unknown[]>();
  for (let i = 0; i < scanned.length; i++) {
    const arg = scanned[i]!;
    const m = pattern.exec(arg);
    if (!m) {
      rest.push(arg);
      continue;
    }
    const negated = m[1] === 'no';
    const body = m[2]!;
    const eq = body.indexOf('=');
    const path = eq === -1 ? body : body.slice(0, eq);
    const flag = `--${prefix}.${path}`;
    const parts = splitConfigPath(path);
    const holder = walk(cfg, parts, flag, prefix);
    const type = fieldTypeAt(holder, flag, acceptNewAttributes);
    let value: unknown;
    if (negated || (eq === -1 && type === (Boolean as unknown))) {
      if (type !== (Boolean as unknown))
        throw new Error(`--no${prefix}.${path}: only Boolean fields can be negated; the field holds ${typeName(type)}`);
      if (eq !== -1) throw new Error(`--no${prefix}.${path}: a negated flag takes no value`);
      value = !negated;
    } else {
      let raw: string;
      if (eq !== -1) raw = body.slice(eq + 1);
      else {
        if (i + 1 >= scanned.length) throw new Error(`${flag}: missing value`);
        raw = scanned[++i]!;
      }
      if (type === (Array as unknown) && (counts.get(path) ?? 0) > 1) {
        const items = collected.get(path) ?? [];
        items.push(literalOrString(raw));
        collected.set(path, items);
        value = Object.isFrozen(fieldValue(holder)) ? Object.freeze([...items]) : [...items];
      } else {
        value = parseOverrideValue(raw, type, flag);
      }
    }
    assign(holder, value, flag, acceptNewAttributes);
  }
  return end === -1 ? rest : [...rest, ...argv.slice(end)];
}

function fieldValue(h: Holder): unknown {
  const { container, key } = h;
  if (isConfigDict(container)) return (container as ConfigDict).get(String(key));
  if (container instanceof Map) return container.get(String(key));
  return (container as Record<PropertyKey, unknown>)[key];
}
