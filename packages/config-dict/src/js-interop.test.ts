/** The JS-specific contract of DESIGN.md: Proxy access, introspection, serialisation, async helpers. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ConfigDict,
  create,
  FieldReference,
  FrozenConfigDict,
  JSONDecodeError,
  placeholder,
  RequiredValueError,
  requiredPlaceholder,
} from './index.js';

const sloppy = (body: string) => new Function('cfg', body) as (cfg: unknown) => unknown;

describe('Proxy access', () => {
  it('dot and bracket access read and write the same fields', () => {
    const cfg = new ConfigDict({ model: { depth: 4 } });
    cfg.model.depth = 8;
    expect(cfg['model']['depth']).toBe(8);
    cfg['lr'] = 0.1;
    expect(cfg.lr).toBe(0.1);
    expect(cfg.get('lr')).toBe(0.1);
    expect(cfg.set('lr', 0.2)).toBe(cfg);
    expect(cfg.lr).toBe(0.2);
  });

  it('Object.keys, entries, spread and for..in see the fields, sorted', () => {
    const cfg = new ConfigDict({ b: 2, a: 1, c: { d: 3 } });
    expect(Object.keys(cfg)).toEqual(['a', 'b', 'c']);
    expect(Object.entries(cfg).map(([k]) => k)).toEqual(['a', 'b', 'c']);
    expect({ ...cfg }.b).toBe(2);
    const seen: string[] = [];
    for (const k in cfg) seen.push(k);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(Object.hasOwn(cfg, 'a')).toBe(true);
    expect(Object.hasOwn(cfg, 'keys')).toBe(false);
    expect(Object.getOwnPropertyDescriptor(cfg, 'a')).toEqual({
      value: 1,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  });

  it('an unset required field can be listed without being read', () => {
    const cfg = create({ a: 1, r: requiredPlaceholder(Number) });
    expect(Object.keys(cfg)).toEqual(['a', 'r']);
    expect(Object.hasOwn(cfg, 'r')).toBe(true);
    expect(() => ({ ...cfg })).toThrow(RequiredValueError);
  });

  it('Object.defineProperty with a value sets the field; accessors are refused', () => {
    const cfg = new ConfigDict({ a: 1 });
    Object.defineProperty(cfg, 'b', { value: 2 });
    expect(cfg.b).toBe(2);
    expect(() => Object.defineProperty(cfg, 'c', { get: () => 3 })).toThrow(/accessors/);
  });

  it('refusals throw from the trap, so sloppy-mode code throws too', () => {
    expect(() => sloppy('cfg.n = "x";')(new ConfigDict({ n: 1 }))).toThrow(TypeError);
    expect(() => sloppy('cfg.added = 1;')(new ConfigDict({ n: 1 }).lock())).toThrow(/locked/);
    expect(() => sloppy('delete cfg.n;')(new ConfigDict({ n: 1 }).lock())).toThrow(/locked/);
    expect(() => sloppy('cfg.n = 2;')(new FrozenConfigDict({ n: 1 }))).toThrow(/immutable/);
    expect(() => sloppy('cfg.keys = 2;')(new ConfigDict())).toThrow(/member/);
    expect(() => sloppy('return cfg.missing;')(new ConfigDict())).toThrow(/no field "missing"/);
  });

  it('symbols pass through to the object itself', () => {
    const cfg = new ConfigDict({ a: 1 });
    const s = Symbol('tag');
    // biome-ignore lint/suspicious/noExplicitAny: symbol-keyed property
    (cfg as any)[s] = 5;
    // biome-ignore lint/suspicious/noExplicitAny: symbol-keyed property
    expect((cfg as any)[s]).toBe(5);
    // biome-ignore lint/suspicious/noExplicitAny: symbol-keyed property
    expect((cfg as any)[Symbol('other')]).toBeUndefined();
    expect(Object.keys(cfg)).toEqual(['a']);
    expect(() => {
      // biome-ignore lint/suspicious/noExplicitAny: symbol-keyed property
      (new FrozenConfigDict({ a: 1 }) as any)[s] = 1;
    }).toThrow(TypeError);
  });

  it('fields named like members are reached with get/set/has/delete', () => {
    const cfg = new ConfigDict();
    for (const name of ['keys', 'get', 'toString', 'constructor', 'hasOwnProperty', 'update']) cfg.set(name, name);
    expect(cfg.get('keys')).toBe('keys');
    expect(cfg.get('update')).toBe('update');
    expect(cfg.keys()).toEqual(['constructor', 'get', 'hasOwnProperty', 'keys', 'toString', 'update']);
    expect(cfg.constructor).toBe(ConfigDict);
    expect(cfg.has('toString')).toBe(true);
    cfg.delete('keys');
    expect(cfg.has('keys')).toBe(false);
  });

  it("__proto__ and Object.prototype's other dunder members cannot be fields (Python refuses __hash__)", () => {
    expect(() => new ConfigDict().set('__proto__', 1)).toThrow(/"__proto__" cannot be a field name/);
    expect(() => new ConfigDict({ __defineGetter__: 1 })).toThrow(/cannot be a field name/);
    expect(new ConfigDict().set('__custom__', 1).get('__custom__')).toBe(1);
    // Python's object/super dunders, as in frozen_config_dict_test.testInitInvalidAttributeName.
    expect(() => new ConfigDict({ __hash__: null })).toThrow(/"__hash__" cannot be a field name/);
    expect(() => new ConfigDict().set('__class__', 1)).toThrow(/cannot be a field name/);
    expect(() => new ConfigDict(JSON.parse('{"__proto__": {"x": 1}}'))).toThrow(/__proto__/);
  });
});

describe('introspection by JS machinery', () => {
  it('introspection names never throw; then reads as undefined', () => {
    const cfg = new ConfigDict({ a: 1 });
    // biome-ignore lint/suspicious/noExplicitAny: probing dynamic names
    const c = cfg as any;
    expect(c.then).toBeUndefined();
    expect(typeof c.toJSON).toBe('function');
    expect(typeof c.toString).toBe('function');
    expect(typeof c.valueOf).toBe('function');
    expect(c.constructor).toBe(ConfigDict);
    for (const name of ['asymmetricMatch', '$$typeof', 'nodeType', 'inspect', '@@__IMMUTABLE_ITERABLE__@@']) {
      expect(c[name]).toBeUndefined();
    }
    expect(c[Symbol.toStringTag]).toBeUndefined();
    expect(c[Symbol.for('nodejs.util.inspect.custom')]).toBeTypeOf('function');
  });

  it('a field named then is not taken for a promise', async () => {
    const cfg = new ConfigDict();
    cfg.set('then', () => {
      throw new Error('called');
    });
    expect(cfg.then).toBeUndefined();
    expect(typeof cfg.get('then')).toBe('function');
    expect(await cfg).toBe(cfg);
  });

  it('existing fields with introspection names are read normally', () => {
    const cfg = new ConfigDict({ size: 3, inspect: true, nodeType: 'conv' });
    expect(cfg.size).toBe(3);
    expect(cfg.inspect).toBe(true);
    expect(cfg.nodeType).toBe('conv');
  });

  it('await and Promise.resolve give the ConfigDict itself', async () => {
    const cfg = new ConfigDict({ a: 1 });
    expect(await cfg).toBe(cfg);
    expect(await Promise.resolve(cfg)).toBe(cfg);
    const load = async () => cfg;
    expect(await load()).toBe(cfg);
  });

  it('JSON.stringify(cfg) gives the same object as toDict()', () => {
    const cfg = new ConfigDict({ b: [1, { x: 2 }], a: { c: new FieldReference('s') } });
    expect(JSON.parse(JSON.stringify(cfg))).toEqual(cfg.toDict());
    expect(JSON.stringify(cfg)).toBe(JSON.stringify(cfg.toDict()));
    expect(JSON.stringify({ nested: cfg })).toBe(`{"nested":${JSON.stringify(cfg.toDict())}}`);
  });

  it('util.inspect shows the class and the fields', () => {
    const cfg = create({ lr: 0.1, model: { depth: 4 }, r: requiredPlaceholder(Number) });
    const shown = inspect(cfg);
    expect(shown).toContain('ConfigDict');
    expect(shown).toContain('lr: 0.1');
    expect(shown).toContain('depth: 4');
    expect(shown).toContain('<RequiredValueError>');
    expect(inspect(new FrozenConfigDict({ a: 1 }))).toBe('FrozenConfigDict { a: 1 }');
    const selfRef = new ConfigDict({ a: 1 });
    selfRef.me = selfRef;
    expect(inspect(selfRef)).toContain('ConfigDict');
  });

  it('test matchers compare ConfigDicts with objects and with each other', () => {
    const cfg = new ConfigDict({ a: 1, model: { depth: 4 }, list: [1, 2] });
    expect(cfg).toEqual({ a: 1, model: { depth: 4 }, list: [1, 2] });
    expect(cfg).toEqual(new ConfigDict({ a: 1, model: { depth: 4 }, list: [1, 2] }));
    expect(cfg).toStrictEqual(new ConfigDict({ a: 1, model: { depth: 4 }, list: [1, 2] }));
    expect(cfg).not.toEqual({ a: 2, model: { depth: 4 }, list: [1, 2] });
    expect(cfg).not.toEqual(new ConfigDict({ a: 1, model: { depth: 5 }, list: [1, 2] }));
    expect(cfg).toMatchObject({ model: { depth: 4 } });
    expect(cfg).toEqual(expect.objectContaining({ a: 1 }));
    expect(cfg).toHaveProperty('model.depth', 4);
    expect([cfg]).toContainEqual({ a: 1, model: { depth: 4 }, list: [1, 2] });
    expect(() => expect(cfg).toEqual({ a: 2 })).toThrow(/deeply equal/);
  });

  it('ConfigDict is iterable over its keys (Python: for key in cfg)', () => {
    const cfg = new ConfigDict({ y: 1, x: 2 });
    expect([...cfg]).toEqual(['x', 'y']);
    expect(Array.from(cfg)).toEqual(['x', 'y']);
  });

  it('String(cfg) and template literals give YAML', () => {
    const cfg = new ConfigDict({ a: 1, b: { c: 'x' } });
    expect(String(cfg)).toBe('a: 1\nb:\n  c: x\n');
    expect(`${cfg}`).toBe(cfg.toYaml());
  });
});

describe('unlocked / ignoreType / lock', () => {
  it('lock() and unlock() return this and recurse', () => {
    const cfg = new ConfigDict({ a: { b: { c: 1 } } });
    expect(cfg.lock()).toBe(cfg);
    expect(cfg.a.b.isLocked).toBe(true);
    expect(cfg.lock()).toBe(cfg);
    expect(cfg.unlock()).toBe(cfg);
    expect(cfg.a.b.isLocked).toBe(false);
  });

  it('lock() handles self references', () => {
    const cfg = new ConfigDict({ a: 1 });
    cfg.me = cfg;
    cfg.lock();
    expect(cfg.isLocked).toBe(true);
    cfg.unlock();
    expect(cfg.isLocked).toBe(false);
  });

  it('unlocked(fn) calls fn(this), returns its result and restores the lock on return and throw', () => {
    const cfg = new ConfigDict({ a: 1 }).lock();
    expect(cfg.unlocked((c) => (c === cfg ? 'same' : 'other'))).toBe('same');
    expect(cfg.isLocked).toBe(true);
    expect(() =>
      cfg.unlocked((c) => {
        c.b = 2;
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(cfg.isLocked).toBe(true);
    expect(cfg.b).toBe(2);
    const unlockedBefore = new ConfigDict();
    unlockedBefore.unlocked(() => undefined);
    expect(unlockedBefore.isLocked).toBe(false);
  });

  it('unlocked(fn) with an async fn restores the lock when the promise settles', async () => {
    const cfg = new ConfigDict({ a: 1 }).lock();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const pending = cfg.unlocked(async (c) => {
      await gate;
      c.b = 2;
      return 'ok';
    });
    expect(cfg.isLocked).toBe(false);
    release();
    expect(await pending).toBe('ok');
    expect(cfg.isLocked).toBe(true);
    await expect(
      cfg.unlocked(async () => {
        throw new Error('async boom');
      }),
    ).rejects.toThrow('async boom');
    expect(cfg.isLocked).toBe(true);
  });

  it('ignoreType(fn) restores type safety on return, throw and promise settle', async () => {
    const cfg = new ConfigDict({ n: 1, nested: { m: 2 } });
    expect(cfg.ignoreType((c) => c)).toBe(cfg);
    expect(() =>
      cfg.ignoreType((c) => {
        c.n = 'x';
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(cfg.n).toBe('x');
    expect(cfg.isTypeSafe).toBe(true);
    const done = cfg.ignoreType(async (c) => {
      await Promise.resolve();
      c.nested.m = 'y';
      return 3;
    });
    expect(cfg.nested.isTypeSafe).toBe(false);
    expect(await done).toBe(3);
    expect(cfg.nested.isTypeSafe).toBe(true);
    expect(cfg.isTypeSafe).toBe(true);
    const unsafe = new ConfigDict({ n: 1 }, { typeSafe: false });
    unsafe.ignoreType(() => undefined);
    expect(unsafe.isTypeSafe).toBe(false);
  });

  it('ignoreType reaches ConfigDicts held by references', () => {
    const cfg = new ConfigDict({ r: new FieldReference(new ConfigDict({ x: 1 })) });
    cfg.ignoreType(() => {
      cfg.r.x = 'str';
    });
    expect(cfg.r.x).toBe('str');
  });

  it('validates fn', () => {
    // biome-ignore lint/suspicious/noExplicitAny: wrong argument on purpose
    expect(() => new ConfigDict().unlocked(3 as any)).toThrow(TypeError);
    // biome-ignore lint/suspicious/noExplicitAny: wrong argument on purpose
    expect(() => new ConfigDict().ignoreType(null as any)).toThrow(TypeError);
  });
});

describe('construction and options', () => {
  it('accepts plain objects, Maps, ConfigDicts and FrozenConfigDicts', () => {
    expect(new ConfigDict(new Map<string, unknown>([['a', { b: 1 }]])).a.b).toBe(1);
    expect(new ConfigDict(null).keys()).toEqual([]);
    const frozen = new FrozenConfigDict({ a: [1] });
    const thawed = new ConfigDict(frozen);
    expect(thawed).not.toBeInstanceOf(FrozenConfigDict);
    thawed.a.push(2);
    expect(frozen.a).toEqual([1]);
  });

  it('rejects other inputs and bad options with clear errors', () => {
    // biome-ignore lint/suspicious/noExplicitAny: wrong arguments on purpose
    const Any = ConfigDict as any;
    expect(() => new Any(5)).toThrow(
      'ConfigDict: init: expected a plain object, a Map, a ConfigDict or [key, value] entries, got Number 5',
    );
    expect(() => new Any([1])).toThrow('ConfigDict: init: entry 0 should be a [key, value] pair, got Number 1');
    expect(() => new Any([[1, 2]])).toThrow(/Map keys must be strings/);
    expect(
      new Any([
        ['b', 2],
        ['a', { c: 1 }],
      ]).toDict(),
    ).toEqual({ a: { c: 1 }, b: 2 });
    expect(() => new Any(new Map([[1, 2]]))).toThrow(/Map keys must be strings/);
    expect(() => new Any({}, { typeSafe: 'yes' })).toThrow(
      'ConfigDict: options.typeSafe: expected a boolean, got String "yes"',
    );
    expect(() => new Any({}, 3)).toThrow(TypeError);
    expect(() => new ConfigDict().get(3 as unknown as string)).toThrow('get: key: expected a string, got Number 3');
  });

  it('a plain object assigned to a ConfigDict-typed reference becomes a ConfigDict', () => {
    const cfg = create({ model: placeholder(ConfigDict) });
    cfg.model = { depth: 3 };
    expect(cfg.model).toBeInstanceOf(ConfigDict);
    expect(cfg.model.depth).toBe(3);
    expect(() => {
      cfg.model = 5;
    }).toThrow(/Could not override field 'model' \(reference\)/);
  });

  it('getRef / getType / has / get / delete accept dotted paths', () => {
    const cfg = new ConfigDict({ a: { b: { c: 1 } } });
    const r = cfg.getRef('a.b.c');
    expect(cfg.a.b.getRef('c')).toBe(r);
    expect(cfg.getType('a.b')).toBe(ConfigDict);
    expect(cfg.has('a.b.c')).toBe(true);
    expect(cfg.has('a.x.c')).toBe(false);
    expect(cfg.has('a.b.c.d')).toBe(false);
    expect(cfg.get('a.b.c.d', 'dflt')).toBe('dflt');
    cfg.delete('a.b.c');
    expect(cfg.has('a.b.c')).toBe(false);
    expect(() => cfg.getRef('zz')).toThrow(/no field "zz"/);
    cfg.n = null;
    expect(() => cfg.getRef('n')).toThrow(/whose value is null/);
  });

  it('dotted reads through a non-ConfigDict name the culprit', () => {
    const cfg = new ConfigDict({ a: 5 });
    expect(() => cfg['a.b']).toThrow('ConfigDict: cannot resolve "a.b": field "a" is not a ConfigDict (got Number 5)');
  });
});

describe('JSON and YAML', () => {
  it('toJson throws TypeError, naming the field, on values JSON cannot hold', () => {
    class Point {
      x = 1;
    }
    const bad: [string, unknown][] = [
      ['fn', () => 1],
      ['sym', Symbol('s')],
      ['big', 10n],
      ['set', new Set([1])],
      ['map', new Map([['a', 1]])],
      ['obj', new Point()],
      ['nan', Number.NaN],
      ['inf', Number.POSITIVE_INFINITY],
    ];
    for (const [name, value] of bad) {
      const cfg = new ConfigDict({ nested: {} });
      cfg.nested.set(name, value);
      expect(() => cfg.toJson()).toThrow(TypeError);
      expect(() => cfg.toJson()).toThrow(`field "nested.${name}"`);
      expect(() => cfg.toJsonBestEffort()).not.toThrow();
    }
  });

  it('toJson throws TypeError on cycles; toJsonBestEffort too', () => {
    const cfg = new ConfigDict({ a: 1 });
    cfg.me = cfg;
    expect(() => cfg.toJson()).toThrow(TypeError);
    expect(() => cfg.toJson()).toThrow(/circular/);
    expect(() => cfg.toJsonBestEffort()).toThrow(TypeError);
    const list: unknown[] = [];
    list.push(list);
    expect(() => new ConfigDict({ list }).toJsonBestEffort()).toThrow(/circular/);
  });

  it('shared (acyclic) values are written twice', () => {
    const shared = { x: 1 };
    const cfg = new ConfigDict({ a: shared, b: shared });
    expect(JSON.parse(cfg.toJson())).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  it('toJsonBestEffort throws only on cycles: unreadable values are reported in place', () => {
    class Throwing {
      toJSON() {
        throw new Error('nope');
      }
    }
    const cfg = create({
      unset: requiredPlaceholder(Number),
      broken: new FieldReference(1).add('x'),
      bad: new Throwing(),
      ok: 1,
    });
    expect(() => cfg.toJson()).toThrow(TypeError);
    expect(() => create({ unset: requiredPlaceholder(Number) }).toJson()).toThrow(RequiredValueError);
    expect(JSON.parse(cfg.toJsonBestEffort())).toEqual({
      bad: 'unserializable object of type: Throwing (Error: nope)',
      broken: "unserializable value: TypeError: unsupported operand type(s) for +: 'number' and 'string'",
      ok: 1,
      unset: null,
    });
  });

  it('toJsonBestEffort converts what JSON cannot hold', () => {
    class Point {
      x = 1;
      y = 2;
    }
    const cfg = new ConfigDict({
      set: new Set([3, 1, 2]),
      words: new Set(['b', 'a']),
      map: new Map<string, unknown>([['k', new Set([2, 1])]]),
      obj: new Point(),
      fn: function scale() {},
      big: 12n,
      inf: Number.NEGATIVE_INFINITY,
      date: new Date(0),
      bytes: new Uint8Array([1, 2]),
    });
    expect(JSON.parse(cfg.toJsonBestEffort())).toEqual({
      big: '12',
      bytes: [1, 2],
      date: '1970-01-01T00:00:00.000Z',
      fn: 'function scale',
      inf: '-Infinity',
      map: { k: [1, 2] },
      obj: { x: 1, y: 2 },
      set: [1, 2, 3],
      words: ['a', 'b'],
    });
  });

  it('toJson options: indent and sortKeys', () => {
    const cfg = new ConfigDict({ b: 1, a: { z: 1, y: 2 } }, { convertDict: false });
    expect(cfg.toJson()).toBe('{"a": {"z": 1, "y": 2}, "b": 1}');
    expect(cfg.toJson({ sortKeys: true })).toBe('{"a": {"y": 2, "z": 1}, "b": 1}');
    expect(cfg.toJson({ separators: [',', ':'] })).toBe(JSON.stringify(cfg));
    expect(cfg.toJson({ indent: 2 })).toBe(JSON.stringify(cfg, null, 2));
    expect(cfg.toJson({ indent: '\t' })).toBe(JSON.stringify(cfg, null, '\t'));
    expect(new ConfigDict({ e: [], o: {}, l: [[]] }).toJson({ indent: 1 })).toBe(
      JSON.stringify({ e: [], l: [[]], o: {} }, null, 1),
    );
    // biome-ignore lint/suspicious/noExplicitAny: wrong option on purpose
    expect(() => cfg.toJson({ separators: [','] as any })).toThrow(/separators/);
    // biome-ignore lint/suspicious/noExplicitAny: wrong option on purpose
    expect(() => cfg.toJson({ indent: true as any })).toThrow(/indent/);
  });

  it('fromJson loads back; invalid text throws JSONDecodeError', () => {
    const cfg = new ConfigDict({ a: 1, b: { c: [1, 'x', null, true] } });
    const back = ConfigDict.fromJson(cfg.toJson());
    expect(back.equals(cfg)).toBe(true);
    expect(() => ConfigDict.fromJson('{"a": ')).toThrow(JSONDecodeError);
    expect(() => ConfigDict.fromJson('[1, 2]')).toThrow(/expected a JSON object/);
    expect(ConfigDict.fromJson('{"a": 1}', { typeSafe: false }).isTypeSafe).toBe(false);
  });

  it('toYaml / fromYaml keep shared and self references', () => {
    const cfg = new ConfigDict({ a: { x: 1 }, n: 2 });
    cfg.b = cfg.a;
    cfg.me = cfg;
    const text = cfg.toYaml();
    expect(text).toContain('&');
    const back = ConfigDict.fromYaml(text);
    expect(back.b).toBe(back.a);
    expect(back.me).toBe(back);
    expect(back.n).toBe(2);
  });

  it('toYaml writes functions and symbols as strings; fromYaml validates', () => {
    const cfg = new ConfigDict({ f: function act() {}, s: Symbol('q') });
    expect(ConfigDict.fromYaml(cfg.toYaml()).toDict()).toEqual({ f: 'function act', s: 'Symbol(q)' });
    expect(ConfigDict.fromYaml('').keys()).toEqual([]);
    expect(() => ConfigDict.fromYaml('- 1\n- 2\n')).toThrow(/YAML mapping/);
    expect(() => ConfigDict.fromYaml('a: [1, 2\n')).toThrow(/invalid YAML/);
  });
});
