import { describe, type JsonObject, type JsonValue } from './json.js';
import { typeNameOf } from './registry.js';

/**
 * Arranges a class and its configuration into the standard form
 * `{ type: <name>, <name>: conf }`, where `<name>` is the class's registered name (`registerPlugin`).
 * Throws when the class is not registered or `conf` is not an object.
 */
export function clsConfToConfigDict(cls: unknown, conf: Readonly<Record<string, unknown>>): JsonObject {
  const name = typeNameOf(cls);
  if (typeof conf !== 'object' || conf === null || Array.isArray(conf)) {
    throw new TypeError(`clsConfToConfigDict(${name}): conf: expected an object, got ${describe(conf)}`);
  }
  const out: JsonObject = { type: name };
  Object.defineProperty(out, name, { value: conf as JsonValue, writable: true, enumerable: true, configurable: true });
  return out;
}
