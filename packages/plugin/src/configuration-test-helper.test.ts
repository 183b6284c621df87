import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Configurable } from './configurable.js';
import { configurationTestHelper } from './configuration-test-helper.js';
import type { JsonObject } from './json.js';
import { registerPlugin } from './registry.js';
import { T1, T2 } from './test-classes.test-util.js';

describe('configurationTestHelper', () => {
  it('builds inst2, inst3 (from inst) and inst4 (from inst2), all equal in configuration', () => {
    const inst = new T2({ child: new T1({ foo: 3 }), alpha: 0.5 });
    const out = configurationTestHelper(inst);
    expect(out).toHaveLength(3);
    for (const x of out) {
      expect(x).toBeInstanceOf(T2);
      expect(x).not.toBe(inst);
      expect(x.getConfig()).toEqual(inst.getConfig());
      expect(x.options.child).not.toBe(inst.options.child);
    }
    expect(new Set(out).size).toBe(3);
  });

  it('rejects a class or a non-configurable value', () => {
    expect(() => configurationTestHelper(T1 as never)).toThrow(
      'configurationTestHelper: inst: passed a class, expected an instance',
    );
    expect(() => configurationTestHelper({} as never)).toThrow(
      'configurationTestHelper: inst: expected a Configurable instance, got an object',
    );
  });

  it('fails when getConfig keys do not match the options', () => {
    class Lossy extends Configurable {
      static {
        registerPlugin(this, 'test.helper.Lossy');
      }
      static override readonly configSchema = z.object({ a: z.number().default(1), b: z.number().default(2) });
      override getConfig(): JsonObject {
        return { a: 1 };
      }
    }
    expect(() => configurationTestHelper(new Lossy())).toThrow(
      /configurationTestHelper: Lossy: getConfig\(\) keys \["a"\] are not the default configuration keys \["a","b"\]/,
    );
    try {
      configurationTestHelper(new Lossy());
    } catch (err) {
      expect((err as Error).name).toBe('AssertionError');
    }
  });

  it('fails when the default configuration keys do not match the options', () => {
    class BadDefault extends Configurable {
      static {
        registerPlugin(this, 'test.helper.BadDefault');
      }
      static override readonly configSchema = z.object({ a: z.number().default(1) });
      static override getDefaultConfig(): JsonObject {
        return { a: 1, extra: 2 };
      }
    }
    expect(() => configurationTestHelper(new BadDefault())).toThrow(
      /BadDefault.getDefaultConfig\(\) keys \["a","extra"\] do not match the constructor options \["a"\]/,
    );
  });

  it('honours configIgnoredParams (options supplied at run time instead of by configuration)', () => {
    class Runtime extends Configurable {
      static {
        registerPlugin(this, 'test.helper.Runtime');
      }
      static override readonly configSchema = z.object({ a: z.number().default(1), model: z.any().optional() });
      static override getDefaultConfig(): JsonObject {
        return { a: 1 };
      }
      override getConfig(): JsonObject {
        return { a: this.options.a as number };
      }
      static override fromConfig<C extends abstract new (...a: never[]) => unknown>(
        this: C,
        config: Readonly<Record<string, unknown>>,
        model?: unknown,
      ): InstanceType<C> {
        return new Runtime({ ...config, model }) as InstanceType<C>;
      }
    }
    const model = { name: 'm' };
    expect(() => configurationTestHelper(new Runtime({ model }))).toThrow(/do not match the constructor options/);
    const [r2] = configurationTestHelper(new Runtime({ a: 3, model }), ['model'], [model]);
    expect(r2.options.model).toBe(model);
    expect(r2.options.a).toBe(3);
  });

  it('fails when the default configuration does not survive JSON', () => {
    class NotJson extends Configurable {
      static {
        registerPlugin(this, 'test.helper.NotJson');
      }
      static override readonly configSchema = z.object({ a: z.number().default(1) });
      static override getDefaultConfig(): JsonObject {
        return { a: Number.POSITIVE_INFINITY };
      }
    }
    expect(() => configurationTestHelper(new NotJson())).toThrow(
      /NotJson.getDefaultConfig\(\) changes through JSON.stringify -> JSON.parse: \{"a":null\}/,
    );
  });

  it('fails when building from a configuration mutates it', () => {
    const Schema = z.object({ list: z.array(z.number()).default([]) });
    class Mutator extends Configurable {
      static {
        registerPlugin(this, 'test.helper.Mutator');
      }
      static override readonly configSchema = Schema;
      static override fromConfig<C extends abstract new (...a: never[]) => unknown>(
        this: C,
        config: Readonly<Record<string, unknown>>,
      ): InstanceType<C> {
        (config.list as number[]).push(0);
        return new Mutator({ list: [...(config.list as number[])] }) as InstanceType<C>;
      }
    }
    expect(() => configurationTestHelper(new Mutator())).toThrow(
      /Mutator.fromConfig mutated the configuration it was given/,
    );
  });

  it('fails when the configurations differ along the chain', () => {
    let counter = 0;
    class Drifting extends Configurable {
      static {
        registerPlugin(this, 'test.helper.Drifting');
      }
      static override readonly configSchema = z.object({ k: z.number().default(0) });
      override getConfig(): JsonObject {
        return { k: counter++ };
      }
    }
    expect(() => configurationTestHelper(new Drifting())).toThrow(
      /Drifting: inst config \{"k":0\} != inst2 config \{"k":1\}/,
    );
  });

  it('fails when fromConfig returns something else', () => {
    class Liar extends Configurable {
      static {
        registerPlugin(this, 'test.helper.Liar');
      }
      static override fromConfig<C extends abstract new (...a: never[]) => unknown>(this: C): InstanceType<C> {
        return {} as InstanceType<C>;
      }
    }
    expect(() => configurationTestHelper(new Liar())).toThrow(
      /Liar.fromConfig \(inst2\) returned an object, not a Liar/,
    );
  });
});
