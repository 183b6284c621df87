import { z } from 'zod';
import type { AnyClass } from './abstract.js';
import { CONFIGURABLE } from './brand.js';
import { assertNotAbstract } from './construction.js';
import { describe, isPlainObject, type JsonObject } from './json.js';
import { configJsonSchema, type JsonSchema } from './json-schema.js';
import { mergeDict } from './merge-dict.js';
import { type ConfigSchema, defaultConfigOf, optionsToConfig, parseOptions } from './options.js';
import { typeNameOf } from './registry.js';

/**
 * Base of classes built from JSON configuration (SMQTK's `Configurable`).
 *
 * A subclass declares its options once, as a zod object schema in `static configSchema`; its
 * constructor takes ONE options object whose keys are the config keys and passes it to `super`, which
 * validates it (errors name the class, the key path and the problem), fills in defaults and stores the
 * result, frozen, in `this.options`. From the schema come `getConfig()`, `getDefaultConfig()`,
 * `fromConfig()` and `getConfigJsonSchema()`:
 *
 * ```ts
 * const Schema = z.object({ n: z.number().int().positive(), seed: z.number().int().nullable().default(null) });
 * export type MyOptions = z.input<typeof Schema>;
 * export class Mine extends Configurable {
 *   static { registerPlugin(this, 'my.package.Mine'); }
 *   static override readonly configSchema = Schema;
 *   declare readonly options: z.output<typeof Schema>; // typed view; `declare` emits nothing
 *   constructor(options: MyOptions) { super(options); }
 * }
 * ```
 *
 * The class must be registered (`registerPlugin`): `getConfig()` and `fromConfig()` throw for an
 * unregistered class, since its configuration could not be named.
 */
export abstract class Configurable {
  /** The options schema; the base accepts no options. */
  static readonly configSchema: ConfigSchema = z.object({});

  /**
   * The validated options, defaults filled in (frozen, and not redefinable). Redeclare it in subclasses
   * with `declare readonly options: z.output<typeof Schema>` to type it: a plain field declaration would
   * emit code that redefines it, which throws at construction.
   */
  declare readonly options: Readonly<Record<string, unknown>>;

  constructor(options: object = {}) {
    assertNotAbstract(new.target);
    Object.defineProperty(this, 'options', {
      value: parseOptions(new.target, options),
      enumerable: true,
      writable: false,
      configurable: false,
    });
  }

  /**
   * A JSON-compliant configuration that `fromConfig` turns into an equivalent instance: every key of
   * `configSchema`, nested configurables in `{type, <type>: {...}}` form. Override when the instance's
   * configuration is not simply its options (and override `fromConfig` to match).
   */
  getConfig(): JsonObject {
    typeNameOf(this.constructor);
    return optionsToConfig(this.constructor, this.options);
  }

  /**
   * The default configuration: every key of `configSchema` with its default, or `null` when it has
   * none. Not necessarily valid for construction (required keys are `null`).
   */
  static getDefaultConfig(): JsonObject {
    return defaultConfigOf(this);
  }

  /**
   * A new instance from a JSON configuration (the inner block, not the `{type, ...}` form). With
   * `mergeDefault`, `config` is merged (`mergeDict`) over `getDefaultConfig()` first. `args` are passed
   * to the constructor after the options. `config` is never modified.
   */
  static fromConfig<C extends AnyClass>(
    this: C,
    config: Readonly<Record<string, unknown>>,
    mergeDefault = true,
    ...args: unknown[]
  ): InstanceType<C> {
    const cls = this as unknown as typeof Configurable;
    typeNameOf(cls);
    if (!isPlainObject(config)) {
      throw new TypeError(`${cls.name}.fromConfig: config: expected a plain object, got ${describe(config)}`);
    }
    const merged = mergeDefault ? mergeDict(cls.getDefaultConfig(), config) : mergeDict({}, config);
    const Ctor = cls as unknown as new (options: object, ...rest: unknown[]) => InstanceType<C>;
    return new Ctor(merged, ...args);
  }

  /** The JSON Schema of this class's configuration (from `configSchema`), for editors. */
  static getConfigJsonSchema(): JsonSchema {
    return configJsonSchema(this);
  }
}

Object.defineProperty(Configurable.prototype, CONFIGURABLE, { value: true });
