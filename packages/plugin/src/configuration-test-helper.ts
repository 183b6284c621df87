import { isConfigurableInstance } from './brand.js';
import type { Configurable } from './configurable.js';
import { className, describe, jsonEqual } from './json.js';
import { schemaOf } from './options.js';

function fail(message: string): never {
  const err = new Error(`configurationTestHelper: ${message}`);
  err.name = 'AssertionError';
  throw err;
}

function jsonRoundTrip(value: unknown, what: string): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    fail(`${what} is not JSON-serialisable: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (text === undefined) fail(`${what} is not JSON-serialisable (got ${describe(value)})`);
  const back = JSON.parse(text);
  if (!jsonEqual(back, value)) fail(`${what} changes through JSON.stringify -> JSON.parse: ${text}`);
  return back;
}

function sameKeys(a: object, b: Iterable<string>): boolean {
  const ka = new Set(Object.keys(a));
  const kb = new Set(b);
  return ka.size === kb.size && [...ka].every((k) => kb.has(k));
}

/**
 * SMQTK's `configuration_test_helper`: checks the configuration cycle of a configurable instance and
 * returns the instances it built. It checks that the default configuration's keys are the schema's keys
 * (minus `configIgnoredParams`) and survive JSON, that `inst.getConfig()` has the same keys, then builds
 *
 *     inst -> inst2 -> inst4      (inst2, inst3 from inst's config; inst4 from inst2's config)
 *          -> inst3
 *
 * with `Cls.fromConfig(config, ...fromConfigArgs)` and checks that all four configurations are equal
 * and that building did not mutate the configuration passed in. Throws an `AssertionError` naming the
 * failed check. Returns `[inst2, inst3, inst4]`.
 */
export function configurationTestHelper<T extends Configurable>(
  inst: T,
  configIgnoredParams: Iterable<string> = [],
  fromConfigArgs: readonly unknown[] = [],
): [T, T, T] {
  if (typeof inst === 'function') fail('inst: passed a class, expected an instance');
  if (!isConfigurableInstance(inst)) fail(`inst: expected a Configurable instance, got ${describe(inst)}`);
  const cls = inst.constructor as typeof Configurable & (new (...a: never[]) => T);
  const name = className(cls);

  const ignored = new Set(configIgnoredParams);
  const params = Object.keys(schemaOf(cls).shape).filter((k) => !ignored.has(k));
  const dflt = cls.getDefaultConfig();
  if (!sameKeys(dflt, params)) {
    fail(
      `${name}.getDefaultConfig() keys ${JSON.stringify(Object.keys(dflt))} do not match the constructor options ${JSON.stringify(params)}`,
    );
  }
  jsonRoundTrip(dflt, `${name}.getDefaultConfig()`);

  const instConfig = inst.getConfig();
  const snapshot = jsonRoundTrip(instConfig, `${name} getConfig()`);
  if (!sameKeys(instConfig, Object.keys(dflt))) {
    fail(
      `${name}: getConfig() keys ${JSON.stringify(Object.keys(instConfig))} are not the default configuration keys ${JSON.stringify(Object.keys(dflt))}; does getConfig() match the constructor options?`,
    );
  }

  const build = (config: object, label: string): T => {
    const made = (cls.fromConfig as (c: object, ...a: unknown[]) => unknown).call(cls, config, ...fromConfigArgs);
    if (!(made instanceof cls)) fail(`${name}.fromConfig (${label}) returned ${describe(made)}, not a ${name}`);
    return made as T;
  };
  const inst2 = build(instConfig, 'inst2');
  const inst2Config = inst2.getConfig();
  const inst3 = build(instConfig, 'inst3');
  const inst3Config = inst3.getConfig();
  const inst4 = build(inst2Config, 'inst4');
  const inst4Config = inst4.getConfig();

  if (!jsonEqual(instConfig, snapshot)) fail(`${name}.fromConfig mutated the configuration it was given`);
  const pairs: [string, unknown, string, unknown][] = [
    ['inst', instConfig, 'inst2', inst2Config],
    ['inst', instConfig, 'inst3', inst3Config],
    ['inst2', inst2Config, 'inst3', inst3Config],
    ['inst', instConfig, 'inst4', inst4Config],
    ['inst3', inst3Config, 'inst4', inst4Config],
  ];
  for (const [la, a, lb, b] of pairs) {
    if (!jsonEqual(a, b)) fail(`${name}: ${la} config ${JSON.stringify(a)} != ${lb} config ${JSON.stringify(b)}`);
  }
  return [inst2, inst3, inst4];
}
