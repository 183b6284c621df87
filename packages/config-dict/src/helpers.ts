import { ConfigDict, type ConfigDictOptions } from './config-dict.js';
import { FieldReference } from './field-reference.js';
import { isConfigDict } from './state.js';
import { describe, type FieldType, isPlainObject } from './types.js';

/**
 * A ConfigDict from the given fields (ml_collections' `create(**kwargs)`).
 *
 * ```ts
 * const config = create({ data: create({ game: 'freeway' }), model: create({ numHidden: 1000 }) });
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: fields are dynamic
export function create<T extends Record<string, any>>(fields: T = {} as T, options?: ConfigDictOptions): ConfigDict<T> {
  if (!isPlainObject(fields)) throw new TypeError(`create: fields: expected a plain object, got ${describe(fields)}`);
  return new ConfigDict<T>(fields, options);
}

/**
 * A field with no value yet but a fixed type: a `FieldReference(null, { fieldType, required })`.
 *
 * ```ts
 * const config = create({ batchSize: placeholder(Number) });
 * config.batchSize = 'x'; // TypeError
 * ```
 */
export function placeholder<T = unknown>(fieldType: FieldType, required = false): FieldReference<T> {
  if (typeof fieldType !== 'function') {
    throw new TypeError(
      `placeholder: fieldType: expected a type (a constructor such as Number), got ${describe(fieldType)}`,
    );
  }
  if (typeof required !== 'boolean') {
    throw new TypeError(`placeholder: required: expected a boolean, got ${describe(required)}`);
  }
  return new FieldReference<T>(null, { fieldType, required });
}

/** A placeholder that must be set before it is read (reading it throws `RequiredValueError`). */
export function requiredPlaceholder<T = unknown>(fieldType: FieldType): FieldReference<T> {
  return placeholder<T>(fieldType, true);
}

/**
 * A copy of `conf` in which every field named `oldName`, at any depth, is renamed `newName`
 * (references are resolved; the copy is unlocked and type-safe, as in ml_collections).
 */
export function recursiveRename(conf: ConfigDict, oldName: string, newName: string): ConfigDict {
  if (!isConfigDict(conf)) throw new TypeError(`recursiveRename: conf: expected a ConfigDict, got ${describe(conf)}`);
  if (typeof oldName !== 'string')
    throw new TypeError(`recursiveRename: oldName: expected a string, got ${describe(oldName)}`);
  if (typeof newName !== 'string')
    throw new TypeError(`recursiveRename: newName: expected a string, got ${describe(newName)}`);
  const out = new ConfigDict();
  for (const [name, value] of conf.items()) {
    const renamed = isConfigDict(value) ? recursiveRename(value as ConfigDict, oldName, newName) : value;
    out.set(name === oldName ? newName : name, renamed);
  }
  return out;
}
