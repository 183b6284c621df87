import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clsConfToConfigDict } from './cls-conf-to-config-dict.js';
import { clsConfFromConfigDict, fromConfigDict, makeDefaultConfig, toConfigDict } from './config-dict.js';
import { Configurable } from './configurable.js';
import { registerPlugin } from './registry.js';
import { T_CLASS_SET, T1, T2 } from './test-classes.test-util.js';

const K1 = 'tests.configuration.T1';
const K2 = 'tests.configuration.T2';

function testConfig(type: unknown): Record<string, unknown> {
  return {
    type,
    [K1]: { foo: 256, bar: 'Some string value' },
    [K2]: {
      child: { type: K1, [K1]: { foo: -1, bar: 'some other value' } },
      alpha: 1.0,
      beta: 'euclidean',
    },
    NotAnImpl: {},
  };
}

describe('makeDefaultConfig', () => {
  it('gives type null and each class default configuration under its registered name', () => {
    expect(makeDefaultConfig(T_CLASS_SET)).toEqual({
      type: null,
      [K1]: T1.getDefaultConfig(),
      [K2]: T2.getDefaultConfig(),
    });
  });

  it('keeps type null for a single choice', () => {
    expect(makeDefaultConfig([T1])).toEqual({ type: null, [K1]: { foo: 1, bar: 'baz' } });
  });

  it('works for abstract classes (only class methods are used) and with no classes', () => {
    abstract class Abstract extends Configurable {
      static {
        registerPlugin(this, 'tests.configuration.Abstract');
      }
      static override readonly configSchema = z.object({ a: z.number(), b: z.number() });
    }
    expect(makeDefaultConfig([Abstract])).toEqual({ type: null, 'tests.configuration.Abstract': { a: null, b: null } });
    expect(makeDefaultConfig([])).toEqual({ type: null });
  });

  it('throws for a non-Configurable type, an unregistered one, or a non-iterable', () => {
    class NotConfigurable {}
    expect(() => makeDefaultConfig([NotConfigurable])).toThrow(
      'makeDefaultConfig: encountered an invalid Configurable type: class NotConfigurable',
    );
    class Unregistered extends Configurable {}
    expect(() => makeDefaultConfig([Unregistered])).toThrow(/Unregistered is not registered/);
    expect(() => makeDefaultConfig(3 as never)).toThrow(
      'makeDefaultConfig: types: expected an iterable of classes, got number 3',
    );
  });
});

describe('clsConfToConfigDict', () => {
  it('arranges the registered name and the configuration', () => {
    expect(clsConfToConfigDict(T1, { foo: 1, bar: 'baz' })).toEqual({ type: K1, [K1]: { foo: 1, bar: 'baz' } });
    expect(clsConfToConfigDict(T1, { foo: 8, bar: 'baz' })).toEqual({ type: K1, [K1]: { foo: 8, bar: 'baz' } });
  });

  it('works for any registered class, and throws for an unregistered one or a non-object conf', () => {
    class SomeClass {
      static {
        registerPlugin(this, 'tests.configuration.SomeClass');
      }
    }
    expect(clsConfToConfigDict(SomeClass, { 0: 0, a: 'b' })).toEqual({
      type: 'tests.configuration.SomeClass',
      'tests.configuration.SomeClass': { 0: 0, a: 'b' },
    });
    class Nameless {}
    expect(() => clsConfToConfigDict(Nameless, {})).toThrow(/Nameless is not registered/);
    expect(() => clsConfToConfigDict(T1, 5 as never)).toThrow(
      `clsConfToConfigDict(${K1}): conf: expected an object, got number 5`,
    );
  });
});

describe('toConfigDict', () => {
  it('wraps the instance configuration', () => {
    expect(toConfigDict(new T1())).toEqual({ type: K1, [K1]: { foo: 1, bar: 'baz' } });
    expect(toConfigDict(new T1({ foo: 8 }))).toEqual({ type: K1, [K1]: { foo: 8, bar: 'baz' } });
    expect(toConfigDict(new T2({ child: new T1({ foo: 12, bar: 'OK' }), alpha: 0.3, beta: 'not default' }))).toEqual({
      type: K2,
      [K2]: { child: { type: K1, [K1]: { foo: 12, bar: 'OK' } }, alpha: 0.3, beta: 'not default' },
    });
  });

  it('uses the instance getConfig (overrides included)', () => {
    class Custom extends Configurable {
      static {
        registerPlugin(this, 'tests.configuration.Custom');
      }
      override getConfig() {
        return { custom: true };
      }
    }
    expect(toConfigDict(new Custom())).toEqual({
      type: 'tests.configuration.Custom',
      'tests.configuration.Custom': { custom: true },
    });
  });

  it('throws when given a class instead of an instance', () => {
    expect(() => toConfigDict(Object as never)).toThrow(
      'toConfigDict: inst: expected an instance of a Configurable class, got class Object (pass an instance, not the class)',
    );
    expect(() => toConfigDict(Configurable as never)).toThrow(
      /got class Configurable \(pass an instance, not the class\)/,
    );
    expect(() => toConfigDict(T1 as never)).toThrow(/got class T1/);
  });

  it('throws for an instance of a non-Configurable class', () => {
    class SomeOtherClassType {}
    expect(() => toConfigDict(new SomeOtherClassType() as never)).toThrow(
      'toConfigDict: inst: expected an instance of a Configurable class, got an instance of SomeOtherClassType',
    );
    expect(() => toConfigDict({} as never)).toThrow(/got an object/);
  });

  it('throws for an unregistered class', () => {
    class Unregistered extends Configurable {}
    expect(() => toConfigDict(new Unregistered())).toThrow(/Unregistered is not registered/);
  });
});

describe('clsConfFromConfigDict', () => {
  it('returns the chosen class and its block', () => {
    const [cls, conf] = clsConfFromConfigDict(testConfig(K1), T_CLASS_SET);
    expect(cls).toBe(T1);
    expect(conf).toEqual({ foo: 256, bar: 'Some string value' });
    const [cls2, conf2] = clsConfFromConfigDict(testConfig(K2), T_CLASS_SET);
    expect(cls2).toBe(T2);
    expect(conf2).toEqual({
      child: { type: K1, [K1]: { foo: -1, bar: 'some other value' } },
      alpha: 1,
      beta: 'euclidean',
    });
  });

  it('type missing', () => {
    const config = testConfig(K1);
    delete config.type;
    expect(() => clsConfFromConfigDict(config, T_CLASS_SET)).toThrow(
      /^Configuration dictionary given does not have an implementation type specification\. Add a "type" key naming one of the configuration block options: \[.*\]$/,
    );
  });

  it('type null (or undefined): lists the options', () => {
    expect(() => clsConfFromConfigDict(testConfig(null), T_CLASS_SET)).toThrow(
      `No implementation type specified. Options: ["${K1}","${K2}","NotAnImpl"]`,
    );
    expect(() => clsConfFromConfigDict(testConfig(undefined), T_CLASS_SET)).toThrow(/No implementation type specified/);
  });

  it('type not a string', () => {
    expect(() => clsConfFromConfigDict(testConfig(3), T_CLASS_SET)).toThrow(
      'clsConfFromConfigDict: config.type: expected a string, got number 3',
    );
  });

  it('type with no block in the configuration: lists the blocks', () => {
    expect(() => clsConfFromConfigDict(testConfig('not-present-label'), T_CLASS_SET)).toThrow(
      `Implementation type specified as 'not-present-label', but no configuration block was present for that type. Available configuration block options: ["${K1}","${K2}","NotAnImpl"]`,
    );
  });

  it('type not among the candidates: lists the available types', () => {
    expect(() => clsConfFromConfigDict(testConfig('NotAnImpl'), T_CLASS_SET)).toThrow(
      `Implementation type specified as 'NotAnImpl', but no plugin implementations are available for that type. Available implementation types options: ["${K1}","${K2}"]`,
    );
    expect(() => clsConfFromConfigDict(testConfig(K2), [T1])).toThrow(
      /Available implementation types options: \["tests.configuration.T1"\]$/,
    );
  });

  it('mentions unregistered candidates, which can never be chosen', () => {
    class Forgotten extends Configurable {}
    expect(() => clsConfFromConfigDict({ type: 'Forgotten', Forgotten: {} }, [T1, Forgotten])).toThrow(
      /options: \["tests.configuration.T1"\] \(unregistered candidates ignored: Forgotten; register them with registerPlugin\)$/,
    );
  });

  it('the chosen block must be an object', () => {
    expect(() => clsConfFromConfigDict({ type: K1, [K1]: 'x' }, T_CLASS_SET)).toThrow(
      `clsConfFromConfigDict: config["${K1}"]: expected an object of options, got string "x"`,
    );
  });

  it('validates its arguments', () => {
    expect(() => clsConfFromConfigDict([] as never, T_CLASS_SET)).toThrow(
      'clsConfFromConfigDict: config: expected a plain object, got an array of length 0',
    );
    expect(() => clsConfFromConfigDict(testConfig(K1), 'T1' as never)).toThrow(
      'clsConfFromConfigDict: types: expected an iterable of classes, got string "T1"',
    );
  });
});

describe('fromConfigDict', () => {
  it('instantiates the configured type', () => {
    const i = fromConfigDict(testConfig(K1), T_CLASS_SET);
    expect(i).toBeInstanceOf(T1);
    expect((i as T1).options).toEqual({ foo: 256, bar: 'Some string value' });
    const j = fromConfigDict(testConfig(K2), T_CLASS_SET) as T2;
    expect(j).toBeInstanceOf(T2);
    expect(j.options.child).toBeInstanceOf(T1);
    expect(j.options.child.options).toEqual({ foo: -1, bar: 'some other value' });
    expect(j.options.alpha).toBe(1);
    expect(j.options.beta).toBe('euclidean');
  });

  it('passes extra arguments to fromConfig', () => {
    class Args extends Configurable {
      static {
        registerPlugin(this, 'tests.configuration.Args');
      }
      static seen: unknown[] = [];
      static override fromConfig<C extends abstract new (...a: never[]) => unknown>(this: C, ...args: unknown[]) {
        Args.seen = args;
        return new Args() as InstanceType<C>;
      }
    }
    fromConfigDict({ type: 'tests.configuration.Args', 'tests.configuration.Args': { x: 1 } }, [Args], 'a', 2);
    expect(Args.seen).toEqual([{ x: 1 }, 'a', 2]);
  });

  it('throws a TypeError when the chosen class is not Configurable', () => {
    class NotConfigurable {
      static {
        registerPlugin(this, 'tests.configuration.NotConfigurable');
      }
    }
    const config = { ...testConfig('tests.configuration.NotConfigurable'), 'tests.configuration.NotConfigurable': {} };
    expect(() => fromConfigDict(config, [...T_CLASS_SET, NotConfigurable])).toThrow(
      "Configured class type 'NotConfigurable' does not descend from `Configurable`.",
    );
  });

  it('only ever instantiates one of the candidates, even if the configuration names another registered class', () => {
    let constructed = 0;
    class Dangerous extends Configurable {
      static {
        registerPlugin(this, 'tests.configuration.Dangerous');
      }
      constructor(options: object = {}) {
        super(options);
        constructed++;
      }
    }
    const config = { type: 'tests.configuration.Dangerous', 'tests.configuration.Dangerous': {} };
    expect(() => fromConfigDict(config, T_CLASS_SET)).toThrow(/no plugin implementations are available/);
    expect(constructed).toBe(0);
    expect(fromConfigDict(config, [Dangerous])).toBeInstanceOf(Dangerous);
    expect(constructed).toBe(1);
  });

  it('module-like strings in a configuration are just names', () => {
    const config = { type: 'node:child_process', 'node:child_process': {} };
    expect(() => fromConfigDict(config, T_CLASS_SET)).toThrow(/no plugin implementations are available for that type/);
  });

  it('round-trips toConfigDict', () => {
    const t2 = new T2({ child: new T1({ foo: 3 }), alpha: 2 });
    const back = fromConfigDict(toConfigDict(t2), T_CLASS_SET) as T2;
    expect(back.getConfig()).toEqual(t2.getConfig());
  });
});
