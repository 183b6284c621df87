import { beforeEach, describe, expect, it } from 'vitest';
import { mergeDict } from './merge-dict.js';

describe('mergeDict', () => {
  let a: Record<string, unknown>;
  let b: Record<string, unknown>;
  let expected: Record<string, unknown>;

  beforeEach(() => {
    a = {
      1: 2,
      3: 'value',
      nested: { v: 'sub-value', l: [0, 1, 2], i: 4, even_deeper: { j: 'x', k: 'l' } },
      nested2: { a: 'will be overwritten' },
      s: new Set(['some', 'set', 'here']),
    };
    b = {
      3: 'different_value',
      4: 'new value',
      nested: { l: [3, 4, 5], i: 5, new: 'pair', even_deeper: { j: { new: 'sub-dict' } } },
      nested2: 'overwritten value',
    };
    expected = {
      1: 2,
      3: 'different_value',
      4: 'new value',
      nested: { v: 'sub-value', l: [3, 4, 5], i: 5, new: 'pair', even_deeper: { j: { new: 'sub-dict' }, k: 'l' } },
      nested2: 'overwritten value',
      s: new Set(['some', 'set', 'here']),
    };
  });

  const at = (o: Record<string, unknown>, ...path: string[]) =>
    path.reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o);

  it('merges shallowly by default: b values are assigned, not copied', () => {
    mergeDict(a, b);
    expect(a).toEqual(expected);
    expect(at(a, 'nested', 'l')).toBe(at(b, 'nested', 'l'));
    expect(at(a, 'nested', 'even_deeper', 'j')).toBe(at(b, 'nested', 'even_deeper', 'j'));
  });

  it('deep-copies b values with deepCopy', () => {
    mergeDict(a, b, true);
    expect(a).toEqual(expected);
    expect(at(a, 'nested', 'l')).toEqual(at(b, 'nested', 'l'));
    expect(at(a, 'nested', 'l')).not.toBe(at(b, 'nested', 'l'));
    expect(at(a, 'nested', 'even_deeper', 'j')).not.toBe(at(b, 'nested', 'even_deeper', 'j'));
  });

  it('deep copy covers Maps, Sets and Dates, and shares other objects', () => {
    class Thing {}
    const thing = new Thing();
    const src = { m: new Map([['k', [1]]]), s: new Set([[2]]), d: new Date(5), t: thing };
    const out = mergeDict({}, src, true);
    expect(out.m).not.toBe(src.m);
    expect((out.m as Map<string, number[]>).get('k')).not.toBe(src.m.get('k'));
    expect(out.s).toEqual(src.s);
    expect(out.d).not.toBe(src.d);
    expect((out.d as Date).getTime()).toBe(5);
    expect(out.t).toBe(thing);
  });

  it('returns a itself', () => {
    expect(mergeDict(a, b)).toBe(a);
  });

  it('does not modify b', () => {
    const copy = structuredClone(b);
    mergeDict(a, b);
    expect(b).toEqual(copy);
  });

  it('disjoint update adds keys', () => {
    const x = { a: 1, b: 2 };
    mergeDict(x, { c: 3 });
    expect(x).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('subset update changes a key', () => {
    const x = { a: 1, b: 2 };
    mergeDict(x, { a: 3 });
    expect(x).toEqual({ a: 3, b: 2 });
  });

  it('partial update adds and changes keys', () => {
    const x = { a: 1, b: 2 };
    mergeDict(x, { a: 3, c: 4 });
    expect(x).toEqual({ a: 3, b: 2, c: 4 });
  });

  it('a nested dict overrides a value, and a value overrides a nested dict', () => {
    const x: Record<string, unknown> = { a: 1, b: 2, c: { d: 1 } };
    mergeDict(x, { b: { c: 3 }, c: 7 });
    expect(x).toEqual({ a: 1, b: { c: 3 }, c: 7 });
  });

  it('nested updates keep siblings and nephews', () => {
    const x = { a: 1, b: { c: 2, d: { e: 3 } }, f: { g: 4, h: { i: 5 } } };
    mergeDict(x, { b: { c: 6 }, f: { h: { i: 7 } }, j: 8 });
    expect(x).toEqual({ a: 1, b: { c: 6, d: { e: 3 } }, f: { g: 4, h: { i: 7 } }, j: 8 });
  });

  it('arrays are replaced, not merged', () => {
    const x = { l: [1, 2, 3] };
    mergeDict(x, { l: [9] });
    expect(x).toEqual({ l: [9] });
  });

  it('a "__proto__" key from JSON becomes an own key, never the prototype', () => {
    const x: Record<string, unknown> = {};
    mergeDict(x, JSON.parse('{"__proto__": {"polluted": true}, "n": {"__proto__": {"p": 1}}}'));
    expect(Object.getPrototypeOf(x)).toBe(Object.prototype);
    expect(Object.hasOwn(x, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const y: Record<string, unknown> = {};
    mergeDict(y, JSON.parse('{"__proto__": {"q": 1}}'), true);
    expect(Object.getPrototypeOf(y)).toBe(Object.prototype);
    expect(Object.hasOwn(y, '__proto__')).toBe(true);
  });

  it('validates its arguments and refuses cycles', () => {
    expect(() => mergeDict(null as never, {})).toThrow('mergeDict: a: expected an object, got null');
    expect(() => mergeDict({}, [] as never)).toThrow('mergeDict: b: expected an object, got an array of length 0');
    const cyc: Record<string, unknown> = {};
    cyc.self = cyc;
    expect(() => mergeDict({ self: {} }, cyc)).toThrow('mergeDict: b: contains a cycle');
  });
});
