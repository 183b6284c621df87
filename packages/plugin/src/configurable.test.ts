import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Configurable } from './configurable.js';
import { ConfigValidationError } from './errors.js';
import { registerPlugin } from './registry.js';
import { T1, T2 } from './test-classes.test-util.js';

describe('Configurable.getDefaultConfig', () => {
  it('maps options without default to null (as SMQTK maps parameters without default to None)', () => {
    class T extends Configurable {
      static override readonly configSchema = z.object({ a: z.unknown(), b: z.number(), cat: z.string() });
    }
    expect(T.getDefaultConfig()).toEqual({ a: null, b: null, cat: null });
  });

  it('uses defaults where given, null elsewhere, in schema order', () => {
    class T extends Configurable {
      static override readonly configSchema = z.object({
        a: z.number(),
        b: z.unknown(),
        c: z.number().default(0),
        d: z.string().default('foobar'),
        e: z.number().optional(),
      });
    }
    const d = T.getDefaultConfig();
    expect(d).toEqual({ a: null, b: null, c: 0, d: 'foobar', e: null });
    expect(Object.keys(d)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('is {} for a class without options', () => {
    class NoOptions extends Configurable {}
    expect(NoOptions.getDefaultConfig()).toEqual({});
  });

  it('serialises a configurable default to its nested form', () => {
    expect(T1.getDefaultConfig()).toEqual({ foo: 1, bar: 'baz' });
    expect(T2.getDefaultConfig()).toEqual({
      child: { type: 'tests.configuration.T1', 'tests.configuration.T1': { foo: 1, bar: 'baz' } },
      alpha: 0.0001,
      beta: 'default',
    });
  });

  it('returns a fresh object each time', () => {
    const a = T2.getDefaultConfig();
    (a.child as Record<string, unknown>).type = 'x';
    expect((T2.getDefaultConfig().child as Record<string, unknown>).type).toBe('tests.configuration.T1');
  });

  it('throws when configSchema is not a zod object schema', () => {
    class Bad extends Configurable {
      static override readonly configSchema = z.string() as never;
    }
    expect(() => Bad.getDefaultConfig()).toThrow(
      /Bad.configSchema: expected a zod object schema \(z.object\(\{...\}\)\)/,
    );
  });
});

describe('Configurable constructor validation', () => {
  const Schema = z.object({
    n: z.number().int().positive(),
    size: z.tuple([z.number(), z.number()]).default([1, 2]),
    nested: z.object({ depth: z.number().min(1) }).default({ depth: 1 }),
    sigma: z.number().optional(),
    seed: z.number().int().nullable().default(null),
  });
  class V extends Configurable {
    static {
      registerPlugin(this, 'test.configurable.V');
    }
    static override readonly configSchema = Schema;
    declare readonly options: z.output<typeof Schema>;
    constructor(options: z.input<typeof Schema>) {
      super(options);
    }
  }

  it('fills defaults and freezes the options', () => {
    const v = new V({ n: 3 });
    expect(v.options).toEqual({ n: 3, size: [1, 2], nested: { depth: 1 }, seed: null });
    expect(Object.isFrozen(v.options)).toBe(true);
    expect(() => {
      (v as { options: unknown }).options = {};
    }).toThrow(TypeError);
  });

  it('a subclass field declaration of options (instead of `declare`) fails loudly at construction', () => {
    class Wrong extends Configurable {
      static override readonly configSchema = z.object({ a: z.number().default(1) });
      // @ts-expect-error -- deliberately wrong: should be `declare readonly options: ...`
      readonly options: { a: number } = { a: 2 };
    }
    expect(() => new Wrong()).toThrow(/options/);
  });

  it('names the class, the key path and the problem', () => {
    expect(() => new V({ n: -1 })).toThrow(ConfigValidationError);
    expect(() => new V({ n: -1 })).toThrow(/^V: invalid options: n: Too small: expected number to be >0$/);
    expect(() => new V({ n: 1, nested: { depth: 0 } })).toThrow(/V: invalid options: nested\.depth: Too small/);
    expect(() => new V({ n: 1, size: [1, 'a' as never] })).toThrow(
      /V: invalid options: size\[1\]: Invalid input: expected number, received string/,
    );
    expect(() => new V({} as never)).toThrow(
      /V: invalid options: n: Invalid input: expected number, received undefined/,
    );
  });

  it('lists every problem in issues', () => {
    try {
      new V({ n: 0.5, seed: 'x' as never });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigValidationError);
      const e = err as ConfigValidationError;
      expect(e.className).toBe('V');
      expect(e.issues.map((i) => i.path)).toEqual(['n', 'seed']);
    }
  });

  it('rejects unknown keys, listing the known ones', () => {
    expect(() => new V({ n: 1, threads: 4 } as never)).toThrow(
      'V: invalid options: threads: unknown option; expected one of n, size, nested, sigma, seed',
    );
    class Empty extends Configurable {}
    expect(() => new (Empty as unknown as new (o: object) => Empty)({ a: 1 })).toThrow(
      'Empty: invalid options: a: unknown option; expected one of (no options)',
    );
  });

  it('rejects options that are not an object', () => {
    expect(() => new V(3 as never)).toThrow('V: options: expected an object, got number 3');
    expect(() => new V(null as never)).toThrow('V: options: expected an object, got null');
    expect(() => new V([] as never)).toThrow('V: options: expected an object, got an array of length 0');
  });

  it('treats null as absent for an optional key that does not accept null (JSON has no undefined)', () => {
    const v = new V({ n: 1, sigma: null as never });
    expect(v.options.sigma).toBeUndefined();
    expect(v.getConfig().sigma).toBeNull();
  });

  it('does not treat null as "use the default" for a required or defaulted key', () => {
    expect(() => new V({ n: null as never })).toThrow(/n: Invalid input: expected number, received null/);
    expect(() => new V({ n: 1, size: null as never })).toThrow(/size: Invalid input: expected tuple, received null/);
  });
});

describe('Configurable.getConfig', () => {
  it('returns every schema key as JSON', () => {
    expect(new T1().getConfig()).toEqual({ foo: 1, bar: 'baz' });
    expect(new T1({ foo: 8 }).getConfig()).toEqual({ foo: 8, bar: 'baz' });
    expect(new T2({ child: new T1({ foo: 12, bar: 'OK' }), alpha: 0.3, beta: 'not default' }).getConfig()).toEqual({
      child: { type: 'tests.configuration.T1', 'tests.configuration.T1': { foo: 12, bar: 'OK' } },
      alpha: 0.3,
      beta: 'not default',
    });
  });

  it('throws for an unregistered class, telling how to register it', () => {
    class Unregistered extends Configurable {}
    expect(() => new Unregistered().getConfig()).toThrow(
      /Unregistered is not registered, so it has no configuration type name: add `static \{ registerPlugin\(this, 'my.package.Unregistered'\); \}`/,
    );
  });

  it('throws for option values JSON cannot hold, naming the key', () => {
    class Holder extends Configurable {
      static {
        registerPlugin(this, 'test.configurable.Holder');
      }
      static override readonly configSchema = z.object({ data: z.any() });
    }
    const make = (data: unknown) => new (Holder as unknown as new (o: object) => Holder)({ data });
    expect(make({ a: [1, { b: 'x' }] }).getConfig()).toEqual({ data: { a: [1, { b: 'x' }] } });
    expect(() => make(new Float32Array(2)).getConfig()).toThrow(
      'Holder.getConfig: data: an instance of Float32Array is not JSON-compliant; override getConfig() and fromConfig() to convert it',
    );
    expect(() => make({ a: [1, Number.NaN] }).getConfig()).toThrow(
      /Holder.getConfig: data.a\[1\]: number NaN is not JSON-compliant/,
    );
    expect(() => make(10n).getConfig()).toThrow(/bigint 10 is not JSON-compliant/);
    expect(() => make(() => 1).getConfig()).toThrow(/function .* is not JSON-compliant/);
  });
});

describe('Configurable.fromConfig', () => {
  it('builds an instance, merging the default configuration under the given one', () => {
    const t = T1.fromConfig({ foo: 5 });
    expect(t).toBeInstanceOf(T1);
    expect(t.options).toEqual({ foo: 5, bar: 'baz' });
    const t2 = T2.fromConfig({ child: { type: 'tests.configuration.T1', 'tests.configuration.T1': { foo: 7 } } });
    expect(t2.options.child.options).toEqual({ foo: 7, bar: 'baz' });
    expect(t2.options.alpha).toBe(0.0001);
  });

  it('with mergeDefault false, passes the configuration as is (defaults still come from the schema)', () => {
    expect(T1.fromConfig({ foo: 5 }, false).options).toEqual({ foo: 5, bar: 'baz' });
    class Req extends Configurable {
      static {
        registerPlugin(this, 'test.configurable.Req');
      }
      static override readonly configSchema = z.object({ a: z.number(), b: z.number().optional() });
    }
    expect(() => Req.fromConfig({}, true)).toThrow(
      /Req: invalid options: a: Invalid input: expected number, received null/,
    );
    expect(() => Req.fromConfig({}, false)).toThrow(
      /Req: invalid options: a: Invalid input: expected number, received undefined/,
    );
    expect(Req.fromConfig({ a: 1 }).options).toEqual({ a: 1 });
  });

  it('never modifies the configuration it is given', () => {
    const config = {
      child: { type: 'tests.configuration.T1', 'tests.configuration.T1': { foo: -1 } },
      alpha: 1,
    };
    const copy = structuredClone(config);
    T2.fromConfig(config);
    T2.fromConfig(config, false);
    expect(config).toEqual(copy);
  });

  it('passes extra arguments to the constructor after the options', () => {
    class WithRuntime extends Configurable {
      static {
        registerPlugin(this, 'test.configurable.WithRuntime');
      }
      static override readonly configSchema = z.object({ k: z.number().default(1) });
      readonly runtime: string;
      constructor(options: { k?: number } = {}, runtime = 'none') {
        super(options);
        this.runtime = runtime;
      }
    }
    const w = WithRuntime.fromConfig({ k: 2 }, true, 'model');
    expect(w.runtime).toBe('model');
    expect(w.options).toEqual({ k: 2 });
  });

  it('throws for a config that is not a plain object, for an unregistered class, and for an abstract class', () => {
    expect(() => T1.fromConfig([] as never)).toThrow(
      'T1.fromConfig: config: expected a plain object, got an array of length 0',
    );
    expect(() => T1.fromConfig(null as never)).toThrow('T1.fromConfig: config: expected a plain object, got null');
    class Unreg extends Configurable {}
    expect(() => Unreg.fromConfig({})).toThrow(/Unreg is not registered/);
    expect(() => Configurable.fromConfig({})).toThrow(/Configurable is not registered/);
  });

  it('a config cannot set the prototype through "__proto__"', () => {
    const config = JSON.parse('{"__proto__": {"foo": 99}}');
    expect(() => T1.fromConfig(config)).toThrow(/T1: invalid options: __proto__: unknown option/);
    expect(({} as Record<string, unknown>).foo).toBeUndefined();
  });
});

describe('Configurable.getConfigJsonSchema', () => {
  it('describes the input side of the options, with defaults and the registered name as title', () => {
    const s = T1.getConfigJsonSchema();
    expect(s).toMatchObject({
      title: 'tests.configuration.T1',
      type: 'object',
      properties: { foo: { type: 'integer', default: 1 }, bar: { type: 'string', default: 'baz' } },
    });
  });

  it("describes nested configurables in {type, <type>: {...}} form with the candidates' schemas", () => {
    const s = T2.getConfigJsonSchema() as { properties: Record<string, Record<string, unknown>> };
    const child = s.properties.child as { properties: Record<string, unknown>; required: string[] };
    expect(child.required).toEqual(['type']);
    expect(child.properties.type).toEqual({ type: 'string', enum: ['tests.configuration.T1'] });
    expect(child.properties['tests.configuration.T1']).toMatchObject({
      type: 'object',
      properties: { foo: { type: 'integer' }, bar: { type: 'string' } },
    });
  });
});
