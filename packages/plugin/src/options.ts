import type { z } from 'zod';
import { isConfigurableInstance } from './brand.js';
import { clsConfToConfigDict } from './cls-conf-to-config-dict.js';
import { type ConfigIssue, ConfigValidationError } from './errors.js';
import { className, describe, isPlainObject, type JsonObject, type JsonValue } from './json.js';

/**
 * The zod schema a Configurable class declares for its options: a `z.object({...})` (refinements
 * allowed; a top-level `.transform` is not, since keys must stay the config keys).
 */
export type ConfigSchema = z.ZodObject<z.core.$ZodShape, z.core.$ZodObjectConfig>;

/** The options schema of `cls` (its static `configSchema`), checked to be a zod object schema. */
export function schemaOf(cls: unknown): ConfigSchema {
  const schema = (cls as { configSchema?: unknown } | null)?.configSchema as
    | { _zod?: { def?: { type?: unknown } }; shape?: unknown; safeParse?: unknown }
    | undefined;
  // Duck-typed rather than `instanceof z.ZodObject`, so a schema built with another copy of zod 4 works.
  if (
    typeof schema !== 'object' ||
    schema === null ||
    schema._zod?.def?.type !== 'object' ||
    typeof schema.shape !== 'object' ||
    typeof schema.safeParse !== 'function'
  ) {
    throw new TypeError(
      `${className(cls)}.configSchema: expected a zod object schema (z.object({...})), got ${describe(schema)}`,
    );
  }
  return schema as ConfigSchema;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function isOptionalWithoutDefault(field: z.ZodType): boolean {
  if (field.safeParse(null).success) return false;
  const r = field.safeParse(undefined);
  return r.success && r.data === undefined;
}

/**
 * Validates `options` against `cls.configSchema` and fills in defaults. Unknown keys are errors;
 * `null` for an optional key that does not accept null counts as absent (JSON has no `undefined`).
 * Throws {@link ConfigValidationError} naming the class, key paths and problems. Returns a frozen object.
 */
export function parseOptions(cls: unknown, options: unknown): Readonly<Record<string, unknown>> {
  const name = className(cls);
  const schema = schemaOf(cls);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${name}: options: expected an object, got ${describe(options)}`);
  }
  const shape = schema.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  const input: Record<string, unknown> = {};
  const issues: ConfigIssue[] = [];
  for (const key of Object.keys(options)) {
    const value = (options as Record<string, unknown>)[key];
    if (!Object.hasOwn(shape, key)) {
      issues.push({
        path: key,
        message: `unknown option; expected one of ${known.length ? known.join(', ') : '(no options)'}`,
      });
      continue;
    }
    if (value === null && isOptionalWithoutDefault(shape[key]!)) continue;
    Object.defineProperty(input, key, { value, writable: true, enumerable: true, configurable: true });
  }
  if (issues.length > 0) throw new ConfigValidationError(name, issues);
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ConfigValidationError(
      name,
      result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  }
  return Object.freeze(result.data as Record<string, unknown>);
}

/**
 * Converts an option value to JSON: configurable instances become `{type, <type>: config}`,
 * arrays and plain objects are converted recursively, `undefined` becomes `null`. Anything else
 * that JSON cannot hold (NaN, Infinity, bigint, functions, class instances...) throws, naming `where`
 * and the key path.
 */
export function toJsonValue(value: unknown, where: string, path: string): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      if (Number.isFinite(value)) return value;
      break;
    case 'object':
      if (isConfigurableInstance(value)) {
        const inst = value as { constructor: unknown; getConfig(): JsonObject };
        return clsConfToConfigDict(inst.constructor, inst.getConfig());
      }
      if (Array.isArray(value)) return value.map((v, i) => toJsonValue(v, where, `${path}[${i}]`));
      if (isPlainObject(value)) {
        const out: JsonObject = {};
        for (const [k, v] of Object.entries(value)) {
          Object.defineProperty(out, k, {
            value: toJsonValue(v, where, path ? `${path}.${k}` : k),
            writable: true,
            enumerable: true,
            configurable: true,
          });
        }
        return out;
      }
      break;
  }
  throw new TypeError(
    `${where}: ${path || 'value'}: ${describe(value)} is not JSON-compliant; override getConfig() and fromConfig() to convert it`,
  );
}

/** The JSON configuration of parsed options: every schema key, in schema order. */
export function optionsToConfig(cls: unknown, options: Readonly<Record<string, unknown>>): JsonObject {
  const where = `${className(cls)}.getConfig`;
  const out: JsonObject = {};
  for (const key of Object.keys(schemaOf(cls).shape)) {
    out[key] = toJsonValue(options[key], where, key);
  }
  return out;
}

/**
 * The default configuration of `cls`: every schema key, with its zod default (converted to JSON) or
 * `null` when it has none (as SMQTK maps a parameter without default to None).
 */
export function defaultConfigOf(cls: unknown): JsonObject {
  const where = `${className(cls)}.getDefaultConfig`;
  const shape = schemaOf(cls).shape as Record<string, z.ZodType>;
  const out: JsonObject = {};
  for (const [key, field] of Object.entries(shape)) {
    const r = field.safeParse(undefined);
    out[key] = r.success ? toJsonValue(r.data, where, key) : null;
  }
  return out;
}
