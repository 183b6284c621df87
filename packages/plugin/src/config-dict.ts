import type { AnyClass } from './abstract.js';
import { isConfigurableClass, isConfigurableInstance } from './brand.js';
import { clsConfToConfigDict } from './cls-conf-to-config-dict.js';
import type { Configurable } from './configurable.js';
import { className, describe, isPlainObject, type JsonObject } from './json.js';
import { registeredNameOf, typeNameOf } from './registry.js';

function iterableOf(where: string, types: unknown): unknown[] {
  if (
    typeof types === 'string' ||
    typeof (types as { [Symbol.iterator]?: unknown })?.[Symbol.iterator] !== 'function'
  ) {
    throw new TypeError(`${where}: types: expected an iterable of classes, got ${describe(types)}`);
  }
  return [...(types as Iterable<unknown>)];
}

/**
 * The standard configuration of a configurable instance: `{ type: <name>, <name>: inst.getConfig() }`.
 * Throws a TypeError for a class or a non-configurable value, and an error when the class is not registered.
 */
export function toConfigDict(inst: Configurable): JsonObject {
  if (!isConfigurableInstance(inst)) {
    throw new TypeError(
      `toConfigDict: inst: expected an instance of a Configurable class, got ${describe(inst)}${
        typeof inst === 'function' ? ' (pass an instance, not the class)' : ''
      }`,
    );
  }
  return clsConfToConfigDict(inst.constructor, inst.getConfig());
}

/**
 * Picks the class and its configuration block out of a standard configuration
 * `{ type: <name>, <name>: {...}, <other>: {...} }`, choosing among `types` by registered name.
 * Throws when `type` is missing, null, not a string, has no block in `config`, or names none of `types`
 * (the messages list the available options). Only ever returns one of `types`: a configuration cannot
 * make the program load or run anything else.
 */
export function clsConfFromConfigDict<C extends AnyClass>(
  config: Readonly<Record<string, unknown>>,
  types: Iterable<C>,
): [C, Record<string, unknown>] {
  if (!isPlainObject(config)) {
    throw new TypeError(`clsConfFromConfigDict: config: expected a plain object, got ${describe(config)}`);
  }
  const candidates = iterableOf('clsConfFromConfigDict', types);
  const blocks = Object.keys(config).filter((k) => k !== 'type');
  if (!Object.hasOwn(config, 'type')) {
    throw new Error(
      `Configuration dictionary given does not have an implementation type specification. Add a "type" key naming one of the configuration block options: ${JSON.stringify(blocks)}`,
    );
  }
  const typeName = config.type;
  if (typeName === null || typeName === undefined) {
    throw new Error(`No implementation type specified. Options: ${JSON.stringify(blocks)}`);
  }
  if (typeof typeName !== 'string') {
    throw new TypeError(`clsConfFromConfigDict: config.type: expected a string, got ${describe(typeName)}`);
  }
  if (!blocks.includes(typeName)) {
    throw new Error(
      `Implementation type specified as '${typeName}', but no configuration block was present for that type. Available configuration block options: ${JSON.stringify(blocks)}`,
    );
  }
  const byName = new Map<string, C>();
  const unregistered: string[] = [];
  for (const t of candidates) {
    const name = registeredNameOf(t);
    if (name === undefined) unregistered.push(className(t));
    else byName.set(name, t as C);
  }
  const cls = byName.get(typeName);
  if (cls === undefined) {
    const hint = unregistered.length
      ? ` (unregistered candidates ignored: ${unregistered.join(', ')}; register them with registerPlugin)`
      : '';
    throw new Error(
      `Implementation type specified as '${typeName}', but no plugin implementations are available for that type. Available implementation types options: ${JSON.stringify([...byName.keys()])}${hint}`,
    );
  }
  const block = config[typeName];
  if (!isPlainObject(block)) {
    throw new TypeError(
      `clsConfFromConfigDict: config[${JSON.stringify(typeName)}]: expected an object of options, got ${describe(block)}`,
    );
  }
  return [cls, block];
}

/**
 * Builds an instance from a standard configuration, choosing among `types` (e.g. `Iface.getImpls()`);
 * `args` go to the chosen class's `fromConfig` after the configuration block. Throws as
 * `clsConfFromConfigDict` does, and a TypeError when the chosen class is not Configurable.
 */
export function fromConfigDict<C extends AnyClass>(
  config: Readonly<Record<string, unknown>>,
  types: Iterable<C>,
  ...args: unknown[]
): InstanceType<C> {
  const [cls, block] = clsConfFromConfigDict(config, types);
  if (!isConfigurableClass(cls)) {
    throw new TypeError(`Configured class type '${className(cls)}' does not descend from \`Configurable\`.`);
  }
  const fromConfig = (cls as unknown as { fromConfig(c: object, ...a: unknown[]): InstanceType<C> }).fromConfig;
  return fromConfig.call(cls, block, ...args);
}

/**
 * The default configuration for a choice among `types`: `{ type: null, <name>: Cls.getDefaultConfig(), ... }`.
 * `type` stays null even for one type, so the user must choose. Throws for a non-Configurable or
 * unregistered class.
 */
export function makeDefaultConfig(types: Iterable<AnyClass>): Record<string, JsonObject | null> {
  const out: Record<string, JsonObject | null> = { type: null };
  for (const cls of iterableOf('makeDefaultConfig', types)) {
    if (!isConfigurableClass(cls)) {
      throw new TypeError(`makeDefaultConfig: encountered an invalid Configurable type: ${describe(cls)}`);
    }
    const name = typeNameOf(cls);
    Object.defineProperty(out, name, {
      value: (cls as unknown as typeof Configurable).getDefaultConfig(),
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return out;
}
