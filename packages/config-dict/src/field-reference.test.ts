/** ml_collections' field_reference_test.py for the TypeScript API, plus JS-specific op semantics. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ConfigDict,
  create,
  FieldReference,
  MutabilityError,
  placeholder,
  RequiredValueError,
  requiredPlaceholder,
} from './index.js';

type BinOp = (ref: FieldReference, other: unknown) => FieldReference;
type UnOp = (ref: FieldReference) => FieldReference;

interface Case {
  initial: unknown;
  other?: unknown;
  expected: unknown;
  newInitial: unknown;
  newExpected: unknown;
}

function check(actual: unknown, expected: unknown, almost: boolean) {
  if (almost && typeof expected === 'number' && typeof actual === 'number') expect(actual).toBeCloseTo(expected, 7);
  else expect(actual).toEqual(expected);
}

/** field_reference_test._test_binary_operator */
function testBinary(c: Case, op: BinOp, almost = false) {
  const ref = new FieldReference(c.initial);
  check(op(ref, c.other).get(), c.expected, almost);

  const config = new ConfigDict();
  config.a = c.initial;
  config.b = c.other;
  config.result = op(config.getRef('a'), config.b);
  check(config.result, c.expected, almost);
  config.a = c.newInitial;
  check(config.result, c.newExpected, almost);
}

/** field_reference_test._test_unary_operator */
function testUnary(c: Case, op: UnOp, almost = false) {
  const ref = new FieldReference(c.initial);
  check(op(ref).get(), c.expected, almost);

  const config = new ConfigDict();
  config.a = c.initial;
  config.result = op(config.getRef('a'));
  check(config.result, c.expected, almost);
  config.a = c.newInitial;
  check(config.result, c.newExpected, almost);
}

const ref = (v: unknown) => new FieldReference(v);

describe('FieldReference (field_reference_test.FieldReferenceTest)', () => {
  it('testBasic', () => {
    expect(new FieldReference(1).get()).toBe(1);
  });

  it('testGetRef', () => {
    const config = new ConfigDict();
    config.a = 1.0;
    config.b = config.getRef('a').add(10);
    config.c = config.getRef('b').add(10);
    expect(config.c).toBe(21.0);
  });

  it('testFunction', () => {
    const fn = (x: FieldReference) => x.add(5);
    const config = new ConfigDict();
    config.a = 1;
    config.b = fn(config.getRef('a'));
    config.c = fn(config.getRef('b'));
    expect(config.b).toBe(6);
    expect(config.c).toBe(11);
    config.a = 2;
    expect(config.b).toBe(7);
    expect(config.c).toBe(12);
  });

  it('testCycles', () => {
    let config = new ConfigDict();
    config.a = 1.0;
    config.b = config.getRef('a').add(10);
    config.c = config.getRef('b').add(10);
    expect(config.b).toBe(11.0);
    expect(config.c).toBe(21.0);
    expect(() => {
      config.a = config.getRef('c').sub(1.0);
    }).toThrow(MutabilityError);
    expect(() => {
      config.a = config.getRef('c').sub(1.0);
    }).toThrow(/cycle/);
    expect(() => {
      config.a = new FieldReference(5.0).add(config.getRef('c'));
    }).toThrow(/cycle/);
    expect(config.a).toBe(1.0);
    expect(config.c).toBe(21.0);

    const l = [0];
    config = new ConfigDict();
    config.a = l;
    config.b = l;
    config.c = config.getRef('a').add(['c']);
    config.d = config.getRef('b').add(['d']);
    expect(config.c).toEqual([0, 'c']);
    expect(config.d).toEqual([0, 'd']);
    expect(l).toEqual([0]);
    config.a = [1];
    config.b = [2];
    expect(l).toEqual([0]);
    expect(config.c).toEqual([1, 'c']);
    expect(config.d).toEqual([2, 'd']);
  });

  const add: BinOp = (r, o) => r.add(o);
  it.each<Case>([
    { initial: 1, other: 2, expected: 3, newInitial: 10, newExpected: 12 },
    { initial: 2.0, other: 2.5, expected: 4.5, newInitial: 3.7, newExpected: 6.2 },
    { initial: 'hello, ', other: 'world!', expected: 'hello, world!', newInitial: 'foo, ', newExpected: 'foo, world!' },
    {
      initial: ['hello'],
      other: ['world'],
      expected: ['hello', 'world'],
      newInitial: ['foo'],
      newExpected: ['foo', 'world'],
    },
    { initial: ref(10), other: ref(5.0), expected: 15.0, newInitial: 12, newExpected: 17.0 },
    { initial: placeholder(Number), other: 7.0, expected: null, newInitial: 12, newExpected: 19.0 },
    { initial: 5.0, other: placeholder(Number), expected: null, newInitial: 8.0, newExpected: null },
    { initial: placeholder(String), other: 'tail', expected: null, newInitial: 'head', newExpected: 'headtail' },
  ])('testAdd %#', (c) => testBinary(c, add));

  const sub: BinOp = (r, o) => r.sub(o);
  it.each<Case>([
    { initial: 5, other: 3, expected: 2, newInitial: -1, newExpected: -4 },
    { initial: 2.0, other: 2.5, expected: -0.5, newInitial: 12.3, newExpected: 9.8 },
    {
      initial: new Set(['hello', 123, 4.5]),
      other: new Set([123]),
      expected: new Set(['hello', 4.5]),
      newInitial: new Set([123]),
      newExpected: new Set([]),
    },
    { initial: ref(10), other: ref(5.0), expected: 5.0, newInitial: 12, newExpected: 7.0 },
    { initial: placeholder(Number), other: 7.0, expected: null, newInitial: 12, newExpected: 5.0 },
  ])('testSub %#', (c) => testBinary(c, sub, true));

  const mul: BinOp = (r, o) => r.mul(o);
  it.each<Case>([
    { initial: 1, other: 2, expected: 2, newInitial: 3, newExpected: 6 },
    { initial: 2.0, other: 2.5, expected: 5.0, newInitial: 3.5, newExpected: 8.75 },
    {
      initial: ['hello'],
      other: 3,
      expected: ['hello', 'hello', 'hello'],
      newInitial: ['foo'],
      newExpected: ['foo', 'foo', 'foo'],
    },
    { initial: ref(10), other: ref(5.0), expected: 50.0, newInitial: 1, newExpected: 5.0 },
    { initial: placeholder(Number), other: 7.0, expected: null, newInitial: 12, newExpected: 84.0 },
  ])('testMul %#', (c) => testBinary(c, mul));

  const div: BinOp = (r, o) => r.div(o);
  it.each<Case>([
    { initial: 3, other: 2, expected: 1.5, newInitial: 10, newExpected: 5.0 },
    { initial: 2.0, other: 2.5, expected: 0.8, newInitial: 6.3, newExpected: 2.52 },
    { initial: ref(10), other: ref(5.0), expected: 2.0, newInitial: 13, newExpected: 2.6 },
    { initial: placeholder(Number), other: 7.0, expected: null, newInitial: 17.5, newExpected: 2.5 },
  ])('testTrueDiv %#', (c) => testBinary(c, div, true));

  const floordiv: BinOp = (r, o) => r.floordiv(o);
  it.each<Case>([
    { initial: 3, other: 2, expected: 1, newInitial: 7, newExpected: 3 },
    { initial: ref(10), other: ref(5), expected: 2, newInitial: 28, newExpected: 5 },
    { initial: placeholder(Number), other: 7, expected: null, newInitial: 25, newExpected: 3 },
  ])('testFloorDiv %#', (c) => testBinary(c, floordiv));

  const pow: BinOp = (r, o) => r.pow(o);
  it.each<Case>([
    { initial: 3, other: 2, expected: 9, newInitial: 10, newExpected: 100 },
    { initial: 2.7, other: 3.2, expected: 24.0084457245, newInitial: 6.5, newExpected: 399.321543621 },
    { initial: ref(10), other: ref(5), expected: 1e5, newInitial: 2, newExpected: 32 },
    { initial: placeholder(Number), other: 3.0, expected: null, newInitial: 7.0, newExpected: 343.0 },
  ])('testPow %#', (c) => testBinary(c, pow, true));

  const mod: BinOp = (r, o) => r.mod(o);
  it.each<Case>([
    { initial: 3, other: 2, expected: 1, newInitial: 10, newExpected: 0 },
    { initial: 5.3, other: 3.2, expected: 2.0999999999999996, newInitial: 77, newExpected: 0.2 },
    { initial: ref(10), other: ref(5), expected: 0, newInitial: 32, newExpected: 2 },
    { initial: placeholder(Number), other: 7, expected: null, newInitial: 25, newExpected: 4 },
  ])('testMod %#', (c) => testBinary(c, mod, true));

  const and: BinOp = (r, o) => r.and(o);
  it.each<Case>([
    { initial: true, other: true, expected: true, newInitial: false, newExpected: false },
    { initial: ref(false), other: ref(false), expected: false, newInitial: true, newExpected: false },
    { initial: placeholder(Boolean), other: true, expected: null, newInitial: false, newExpected: false },
  ])('testAnd %#', (c) => testBinary(c, and));

  const or: BinOp = (r, o) => r.or(o);
  it.each<Case>([
    { initial: false, other: false, expected: false, newInitial: true, newExpected: true },
    { initial: ref(true), other: ref(true), expected: true, newInitial: false, newExpected: true },
    { initial: placeholder(Boolean), other: false, expected: null, newInitial: true, newExpected: true },
  ])('testOr %#', (c) => testBinary(c, or));

  const xor: BinOp = (r, o) => r.xor(o);
  it.each<Case>([
    { initial: false, other: true, expected: true, newInitial: true, newExpected: false },
    { initial: ref(true), other: ref(true), expected: false, newInitial: false, newExpected: true },
    { initial: placeholder(Boolean), other: true, expected: null, newInitial: true, newExpected: false },
  ])('testXor %#', (c) => testBinary(c, xor));

  it.each<Case>([
    { initial: 3, expected: -3, newInitial: -22, newExpected: 22 },
    { initial: 15.3, expected: -15.3, newInitial: -0.2, newExpected: 0.2 },
    { initial: ref(7), expected: ref(-7), newInitial: 123, newExpected: -123 },
    { initial: placeholder(Number), expected: null, newInitial: -6, newExpected: 6 },
  ])('testNeg %#', (c) => testUnary(c, (r) => r.neg()));

  it.each<Case>([
    { initial: create({ attribute: 2 }), expected: 2, newInitial: create({ attribute: 3 }), newExpected: 3 },
    {
      initial: create({ attribute: { a: 1 } }),
      expected: create({ a: 1 }),
      newInitial: create({ attribute: { b: 1 } }),
      newExpected: create({ b: 1 }),
    },
    { initial: ref(create({ attribute: 2 })), expected: ref(2), newInitial: create({ attribute: 3 }), newExpected: 3 },
    { initial: placeholder(ConfigDict), expected: null, newInitial: create({ attribute: 3 }), newExpected: 3 },
  ])('testAttr %#', (c) => testUnary(c, (r) => r.attr('attribute')));

  it.each<Case>([
    { initial: 3, expected: 3, newInitial: -101, newExpected: 101 },
    { initial: -15.3, expected: 15.3, newInitial: 7.3, newExpected: 7.3 },
    { initial: ref(-7), expected: ref(7), newInitial: 3, newExpected: 3 },
    { initial: placeholder(Number), expected: null, newInitial: -6.25, newExpected: 6.25 },
  ])('testAbs %#', (c) => testUnary(c, (r) => r.abs()));

  it('testToInt', () => {
    testUnary({ initial: 25.3, expected: 25, newInitial: 27.9, newExpected: 27 }, (r) => r.toInt());
    const r = new FieldReference(64.7).toInt();
    expect(r.get()).toBe(64);
    expect(r.getType()).toBe(Number);
  });

  it('testToFloat', () => {
    testUnary({ initial: 12, expected: 12.0, newInitial: 0, newExpected: 0.0 }, (r) => r.toFloat());
    const r = new FieldReference(647).toFloat();
    expect(r.get()).toBe(647.0);
    expect(r.getType()).toBe(Number);
  });

  it('testToString', () => {
    testUnary({ initial: 12, expected: '12', newInitial: 0, newExpected: '0' }, (r) => r.toStr());
    const r = new FieldReference(647).toStr();
    expect(r.get()).toBe('647');
    expect(r.getType()).toBe(String);
  });

  it('testSetValue', () => {
    const r = new FieldReference(1.0);
    const other = new FieldReference(3);
    const refPlusOther = r.add(other);
    expect(refPlusOther.get()).toBe(4.0);
    r.set(2.5);
    expect(refPlusOther.get()).toBe(5.5);
    other.set(110);
    expect(refPlusOther.get()).toBe(112.5);
    const untyped = other as FieldReference;
    expect(() => untyped.set('this is a string')).toThrow(TypeError);
    expect(() => untyped.set(new FieldReference('this is a string'))).toThrow(TypeError);
    expect(() => untyped.set(new FieldReference(null, { fieldType: String }))).toThrow(TypeError);
    expect(other.get()).toBe(110);
  });

  it('testSetResult', () => {
    const r = new FieldReference(1.0);
    const result = r.add(1.0);
    const second = result.add(1.0);
    expect([r.get(), result.get(), second.get()]).toEqual([1, 2, 3]);
    r.set(2.0);
    expect([r.get(), result.get(), second.get()]).toEqual([2, 3, 4]);
    result.set(4.0);
    expect([r.get(), result.get(), second.get()]).toEqual([2, 4, 5]);
    r.set(1.0);
    expect([r.get(), result.get(), second.get()]).toEqual([1, 4, 5]);
  });

  it('testTypeChecking: mixing a number and a string throws TypeError on get()', () => {
    const x = new FieldReference(1).add(new FieldReference('a'));
    expect(() => x.get()).toThrow(TypeError);
    expect(() => x.get()).toThrow("unsupported operand type(s) for +: 'number' and 'string'");
  });

  it('testNoType', () => {
    // biome-ignore lint/suspicious/noExplicitAny: a wrong fieldType on purpose
    expect(() => new FieldReference(null, { fieldType: 0 as any })).toThrow(/fieldType should be a type/);
  });

  it('testEqual', () => {
    const r1 = new FieldReference(1);
    const r2 = new FieldReference(1);
    const r3 = new FieldReference(2);
    expect(r1.equals(1)).toBe(true);
    expect(r1.equals(r1)).toBe(true);
    expect(r1.equals(r2)).toBe(true);
    expect(r1.equals(2)).toBe(false);
    expect(r1.equals(r3)).toBe(false);
    // Test matchers compare a reference by value too.
    expect(r1).toEqual(1);
    expect(1).toEqual(r1);
    expect(r1).not.toEqual(2);

    const c1 = new FieldReference(new ConfigDict({ a: 1 }));
    const c2 = new FieldReference(new ConfigDict({ a: 1 }));
    const c3 = new FieldReference(new ConfigDict({ a: 2 }));
    expect(c1.equals(new ConfigDict({ a: 1 }))).toBe(true);
    expect(c1.equals(c1)).toBe(true);
    expect(c1.equals(c2)).toBe(true);
    expect(c1.equals(new ConfigDict({ a: 2 }))).toBe(false);
    expect(c1.equals(c3)).toBe(false);
  });

  it('testControlFlowError: a reference is not a primitive', () => {
    const r = new FieldReference(true);
    // biome-ignore lint/suspicious/noExplicitAny: misuse on purpose
    const misuse = r as any;
    expect(() => misuse + 1).toThrow(/cannot be used as a primitive/);
    expect(() => misuse * 2).toThrow(TypeError);
    expect(() => misuse > 0).toThrow(TypeError);
    expect(`${r}`).toBe('FieldReference(Boolean true)');
  });
});

describe('FieldReference: construction, set, cycles', () => {
  it('infers the type from the default or another reference', () => {
    expect(new FieldReference(1).getType()).toBe(Number);
    expect(new FieldReference('s').getType()).toBe(String);
    expect(new FieldReference(new FieldReference(true)).getType()).toBe(Boolean);
    expect(new FieldReference([1]).getType()).toBe(Array);
    expect(new FieldReference(null, { fieldType: Date }).getType()).toBe(Date);
  });

  it('validates its options', () => {
    expect(() => new FieldReference(1, { op: { fn: (x: number) => x }, required: true })).toThrow(/required/);
    // biome-ignore lint/suspicious/noExplicitAny: wrong options on purpose
    expect(() => new FieldReference(1, { op: 3 as any })).toThrow(TypeError);
    // biome-ignore lint/suspicious/noExplicitAny: wrong options on purpose
    expect(() => new FieldReference(1, { required: 'yes' as any })).toThrow(TypeError);
    // biome-ignore lint/suspicious/noExplicitAny: wrong options on purpose
    expect(() => new FieldReference(1, 5 as any)).toThrow(TypeError);
  });

  it('accepts a custom op', () => {
    const r = new FieldReference(3, { op: { fn: (x: number, y: number) => x * y, args: [new FieldReference(4)] } });
    expect(r.get()).toBe(12);
  });

  it('set(value, false) skips the type check; a failed set changes nothing', () => {
    const r = new FieldReference(1);
    const doubled = r.mul(2);
    expect(() => (doubled as FieldReference).set('x')).toThrow(TypeError);
    expect(doubled.get()).toBe(2);
    r.set('x', false);
    expect(r.get()).toBe('x');
    r.set(undefined);
    expect(r.empty()).toBe(true);
    expect(r.get()).toBeNull();
  });

  it('subclass-typed references may be assigned to base-typed ones', () => {
    class Base {}
    class Derived extends Base {}
    const base = new FieldReference(null, { fieldType: Base });
    base.set(new FieldReference(new Derived()));
    expect(base.get()).toBeInstanceOf(Derived);
    const derived = new FieldReference(null, { fieldType: Derived });
    expect(() => derived.set(new FieldReference(new Base()))).toThrow(TypeError);
  });

  it('hasCycle follows values and op arguments; a rejected cycle restores the old value', () => {
    const a = new FieldReference(1);
    const b = a.add(1);
    const c = new FieldReference(0).add(b);
    expect(c.hasCycle()).toBe(false);
    expect(() => a.set(c)).toThrow(MutabilityError);
    expect(a.get()).toBe(1);
    expect(c.get()).toBe(2);
  });

  it('required references throw RequiredValueError until set', () => {
    const r = requiredPlaceholder<number>(Number);
    expect(r.required).toBe(true);
    expect(() => r.get()).toThrow(RequiredValueError);
    r.set(3);
    expect(r.get()).toBe(3);
    expect(placeholder(Number).required).toBe(false);
  });

  it('identity() is a one-way link', () => {
    const r = new FieldReference(1);
    const one = r.identity();
    r.set(2);
    expect(one.get()).toBe(2);
    one.set(3);
    expect(r.get()).toBe(2);
  });

  it('serialises and prints its value', () => {
    const r = new FieldReference({ a: [1, 2] });
    expect(JSON.stringify({ r })).toBe('{"r":{"a":[1,2]}}');
    expect(inspect(new FieldReference(5))).toBe('FieldReference(Number 5)');
    expect(String(requiredPlaceholder(Number))).toBe('FieldReference(<RequiredValueError>)');
  });
});

describe('lazy ops follow Python semantics', () => {
  const v = (x: unknown) => new FieldReference(x);

  it('floordiv and mod round toward -infinity (sign of the divisor)', () => {
    expect(v(-7).floordiv(2).get()).toBe(-4);
    expect(v(7).floordiv(-2).get()).toBe(-4);
    expect(v(-7).floordiv(-2).get()).toBe(3);
    expect(v(-7).mod(2).get()).toBe(1);
    expect(v(7).mod(-2).get()).toBe(-1);
    expect(v(-7.5).floordiv(2).get()).toBe(-4);
    expect(v(-7.5).mod(2).get()).toBe(0.5);
    expect(v(7.5).mod(-2).get()).toBe(-0.5);
    expect(Object.is(v(-4).mod(2).get(), 0)).toBe(true);
    expect(v(-7n).floordiv(2n).get()).toBe(-4n);
    expect(v(-7n).mod(2n).get()).toBe(1n);
    expect(v(7n).mod(-2n).get()).toBe(-1n);
    // int // int of large values stays exact as far as doubles allow
    expect(
      v(10 ** 15 + 1)
        .floordiv(2)
        .get(),
    ).toBe(500000000000000);
  });

  it('division by zero throws RangeError (ZeroDivisionError)', () => {
    expect(() => v(1).div(0).get()).toThrow(RangeError);
    expect(() => v(1).floordiv(0).get()).toThrow(RangeError);
    expect(() => v(1).mod(0).get()).toThrow(RangeError);
    expect(() => v(0).pow(-1).get()).toThrow(RangeError);
    expect(() =>
      v(-8)
        .pow(1 / 3)
        .get(),
    ).toThrow(RangeError);
  });

  it('and/or/xor/not are logical on booleans and bitwise on integers', () => {
    expect(v(true).and(false).get()).toBe(false);
    expect(v(true).or(false).get()).toBe(true);
    expect(v(true).xor(true).get()).toBe(false);
    expect(v(true).not().get()).toBe(false);
    expect(v(12).and(10).get()).toBe(8);
    expect(v(12).or(3).get()).toBe(15);
    expect(v(12).xor(10).get()).toBe(6);
    expect(v(5).not().get()).toBe(-6);
    expect(
      v(2 ** 40)
        .or(1)
        .get(),
    ).toBe(2 ** 40 + 1);
    expect(v(12n).and(10n).get()).toBe(8n);
    expect(v(5n).not().get()).toBe(-6n);
    expect(() => v(1.5).and(1).get()).toThrow(TypeError);
    expect(() => v(true).and(1).get()).toThrow(TypeError);
    expect(
      v(new Set([1, 2]))
        .and(new Set([2, 3]))
        .get(),
    ).toEqual(new Set([2]));
    expect(
      v(new Set([1, 2]))
        .or(new Set([2, 3]))
        .get(),
    ).toEqual(new Set([1, 2, 3]));
    expect(
      v(new Set([1, 2]))
        .xor(new Set([2, 3]))
        .get(),
    ).toEqual(new Set([1, 3]));
  });

  it('add concatenates strings and arrays; mixing a number and a string throws', () => {
    expect(v('a').add('b').get()).toBe('ab');
    expect(v([1]).add([2, 3]).get()).toEqual([1, 2, 3]);
    expect(() => v(1).add('1').get()).toThrow(TypeError);
    expect(() => v('1').add(1).get()).toThrow(TypeError);
    expect(() => v(true).add(1).get()).toThrow(TypeError);
    expect(v(1n).add(2n).get()).toBe(3n);
    expect(v(1n).add(0.5).get()).toBe(1.5);
    expect(v('ab').mul(3).get()).toBe('ababab');
    expect(v(2).mul([0]).get()).toEqual([0, 0]);
    expect(() => v('ab').mul(1.5).get()).toThrow(TypeError);
  });

  it('neg and abs reject non-numbers', () => {
    expect(() => v('a').neg().get()).toThrow(TypeError);
    expect(() => v(true).abs().get()).toThrow(TypeError);
    expect(v(-3n).abs().get()).toBe(3n);
  });

  it('toInt truncates toward zero and parses integer strings', () => {
    expect(v(-2.7).toInt().get()).toBe(-2);
    expect(Object.is(v(-0.5).toInt().get(), 0)).toBe(true);
    expect(v(' 42 ').toInt().get()).toBe(42);
    expect(v('1_000').toInt().get()).toBe(1000);
    expect(v(true).toInt().get()).toBe(1);
    expect(() => v('4.2').toInt().get()).toThrow(/invalid literal for int/);
    expect(() => v(Number.POSITIVE_INFINITY).toInt().get()).toThrow(RangeError);
  });

  it('toFloat parses numeric strings', () => {
    expect(v('1e3').toFloat().get()).toBe(1000);
    expect(v(' 2.5 ').toFloat().get()).toBe(2.5);
    expect(v('-inf').toFloat().get()).toBe(Number.NEGATIVE_INFINITY);
    expect(v('.5').toFloat().get()).toBe(0.5);
    expect(v(false).toFloat().get()).toBe(0);
    expect(() => v('abc').toFloat().get()).toThrow(/could not convert string to float/);
    expect(() => v('').toFloat().get()).toThrow(/could not convert/);
  });

  it('toStr, identity and attr', () => {
    expect(v(1.5).toStr().get()).toBe('1.5');
    expect(
      v(create({ a: { b: 3 } }))
        .attr('a.b')
        .get(),
    ).toBe(3);
    expect(() => v({ a: 1 }).attr('zz').get()).toThrow(/no attribute 'zz'/);
    // biome-ignore lint/suspicious/noExplicitAny: a wrong argument on purpose
    expect(() => v({}).attr(3 as any)).toThrow(TypeError);
  });

  it('ops on a ConfigDict field follow later assignments', () => {
    const cfg = new ConfigDict({ steps: 100, warmup_frac: 0.1 });
    cfg.warmup = cfg.getRef('steps').mul(cfg.getRef('warmup_frac')).toInt();
    expect(cfg.warmup).toBe(10);
    cfg.steps = 1000;
    expect(cfg.warmup).toBe(100);
  });
});
