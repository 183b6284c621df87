/** config_flags-style overrides (after ml_collections' config_overriding_test and tuple_parser_test). */
import { describe, expect, it } from 'vitest';
import {
  applyOverrides,
  ConfigDict,
  FieldReference,
  FrozenConfigDict,
  parseLiteral,
  parseOverrideValue,
  placeholder,
  splitConfigPath,
} from './index.js';

/** ml_collections' config_flags/tests/mock_config.py, as a ConfigDict. */
function mockConfig(): ConfigDict {
  const object = new ConfigDict({
    integer: 1,
    float: 2.0,
    string: 'tom',
    bool: true,
    dict: { integer: 1, float: 2.0, list: [1, 2, [3]], dict: { float: 2.0 } },
    list: [1, 2, [3]],
    tuple: Object.freeze([1, 2, 3]),
    tuple_with_spaces: Object.freeze([1, 2, 3]),
  });
  const cfg = new ConfigDict({
    integer: 23,
    float: 2.34,
    string: 'james',
    bool: true,
    dict: { integer: 1, float: 2.34, bool: false },
    object,
    object_reference: object,
    object_copy: object.copyAndResolveReferences(),
  });
  return cfg.lock();
}

describe('applyOverrides', () => {
  it('overrides values of every supported form (testOverride)', () => {
    const forms = [
      (p: string, v: string) => [`--config.${p}=${v}`],
      (p: string, v: string) => [`--config.${p}`, v],
      (p: string, v: string) => [`-config.${p}`, v],
      (p: string, v: string) => [`-config.${p}=${v}`],
    ];
    for (const form of forms) {
      const overrides: [string, string][] = [
        ['integer', '1'],
        ['float', '-3'],
        ['dict.float', '3'],
        ['object.integer', '12'],
        ['object.float', '123'],
        ['object.string', 'tom'],
        ['object.dict.integer', '-2'],
        ['object.dict.float', '3.15'],
        ['object.dict.list[0]', '101'],
        ['object.dict.list[2][0]', '103'],
        ['object.list[0]', '101'],
        ['object.list[2][0]', '103'],
        ['object.tuple', '(1,2,(1,2))'],
        ['object.tuple_with_spaces', '(1, 2, (1, 2))'],
        ['object_reference.dict.dict.float', '123'],
        ['object_copy.float', '111.111'],
      ];
      const cfg = mockConfig();
      const rest = applyOverrides(cfg, ['./program', ...overrides.flatMap(([p, v]) => form(p, v)), 'positional']);
      expect(rest).toEqual(['./program', 'positional']);
      expect(cfg.integer).toBe(1);
      expect(cfg.float).toBe(-3);
      expect(cfg.dict.float).toBe(3);
      expect(cfg.object.integer).toBe(12);
      expect(cfg.object.float).toBe(123);
      expect(cfg.object.string).toBe('tom');
      expect(cfg.object.dict.integer).toBe(-2);
      expect(cfg.object.dict.float).toBe(3.15);
      expect(cfg.object.dict.list).toEqual([101, 2, [103]]);
      expect(cfg.object.list).toEqual([101, 2, [103]]);
      expect(cfg.object.tuple).toEqual([1, 2, [1, 2]]);
      expect(Object.isFrozen(cfg.object.tuple)).toBe(true);
      expect(cfg.object.tuple_with_spaces).toEqual([1, 2, [1, 2]]);
      expect(cfg.object_reference.dict.dict.float).toBe(123);
      expect(cfg.object.dict.dict.float).toBe(123);
      expect(cfg.object_copy.float).toBe(111.111);
    }
  });

  it('overrides booleans (testOverrideBoolean)', () => {
    let cfg = mockConfig();
    applyOverrides(cfg, ['--config.dict.bool']);
    expect(cfg.dict.bool).toBe(true);
    cfg = mockConfig();
    applyOverrides(cfg, ['--config.dict.bool=true']);
    expect(cfg.dict.bool).toBe(true);
    cfg = mockConfig();
    applyOverrides(cfg, ['--config.object.bool=false']);
    expect(cfg.object.bool).toBe(false);
    cfg = mockConfig();
    applyOverrides(cfg, ['--noconfig.object.bool']);
    expect(cfg.object.bool).toBe(false);
    cfg = mockConfig();
    // A bare boolean flag does not take the next argument.
    expect(applyOverrides(cfg, ['--config.bool', 'false'])).toEqual(['false']);
    expect(cfg.bool).toBe(true);
    for (const [raw, value] of [
      ['True', true],
      ['F', false],
      ['1', true],
      ['no', false],
    ] as const) {
      applyOverrides(cfg, [`--config.bool=${raw}`]);
      expect(cfg.bool).toBe(value);
    }
  });

  it('overrides FieldReference fields by their type (testFieldReferenceOverride)', () => {
    const shared = new FieldReference(1);
    const cfg = new ConfigDict({ ref_nodefault: placeholder(Number), ref: shared, other: shared });
    applyOverrides(cfg, ['--config.ref_nodefault=1', '--config.ref=2']);
    expect(cfg.ref_nodefault).toBe(1);
    expect(cfg.ref).toBe(2);
    expect(cfg.other).toBe(2);
  });

  it('refuses unknown keys with a suggestion (testSetNotExistingKey)', () => {
    const cfg = mockConfig();
    expect(() => applyOverrides(cfg, ['--config.not_existing_key=1'])).toThrow(
      '--config.not_existing_key: unknown field "not_existing_key" in config',
    );
    expect(() => applyOverrides(cfg, ['--config.object.integr=1'])).toThrow(
      '--config.object.integr: unknown field "integr" in config.object. Did you mean "integer" instead of "integr"?',
    );
    expect(() => applyOverrides(cfg, ['--config.dict.not_existing_key.key=1'])).toThrow(
      /unknown field "not_existing_key"/,
    );
    expect(cfg.integer).toBe(23);
  });

  it('refuses values that do not parse, naming the flag', () => {
    const cfg = mockConfig();
    expect(() => applyOverrides(cfg, ['--config.integer=abc'])).toThrow(
      '--config.integer: cannot parse "abc" as a number',
    );
    expect(() => applyOverrides(cfg, ['--config.bool=maybe'])).toThrow(
      /--config.bool: cannot parse "maybe" as a boolean/,
    );
    expect(() => applyOverrides(cfg, ['--config.object.tuple=(1, 2'])).toThrow(/--config.object.tuple: cannot parse/);
    expect(() => applyOverrides(cfg, ['--config.dict={1: 2'])).toThrow(/a dict literal/);
    expect(() => applyOverrides(cfg, ['--config.dict=[1]'])).toThrow(/a dict literal/);
    expect(() => applyOverrides(cfg, ['--config.integer'])).toThrow('--config.integer: missing value');
  });

  it('refuses list indices out of range and indexing non-lists (testListOutOfRange, testListExtraIndex)', () => {
    const cfg = mockConfig();
    expect(() => applyOverrides(cfg, ['--config.object.dict.list[2][1]=1'])).toThrow(RangeError);
    expect(() => applyOverrides(cfg, ['--config.object.dict.list[0][0]=1'])).toThrow(/Number 1, which has no field/);
    expect(() => applyOverrides(cfg, ['--config.object.tuple[0]=5'])).toThrow(/frozen array/);
  });

  it('refuses types that cannot come from the command line (testNotSupportedOperation)', () => {
    const cfg = new ConfigDict({ fn: () => 1, when: new Date(0) });
    expect(() => applyOverrides(cfg, ['--config.fn=1'])).toThrow(/fields of type Function cannot be overridden/);
    expect(() => applyOverrides(cfg, ['--config.when=1'])).toThrow(/fields of type Date cannot be overridden/);
  });

  it('refuses an override of a parent after one of its children (FlagOrderError)', () => {
    const cfg = mockConfig();
    expect(() => applyOverrides(cfg, ['--config.dict.float=1', '--config.dict={"float": 2}'])).toThrow(
      /--config.dict is given after --config.dict.float/,
    );
    expect(cfg.dict.float).toBe(2.34);
    applyOverrides(cfg, ['--config.dict={"float": 2.0, "integer": 5, "bool": true}', '--config.dict.float=1']);
    expect(cfg.dict.toDict()).toEqual({ float: 1, integer: 5, bool: true });
  });

  it('type safety and locking still apply', () => {
    const cfg = mockConfig();
    expect(() => applyOverrides(cfg, ['--config.object.string=5'])).not.toThrow();
    expect(cfg.object.string).toBe('5');
    const withNew = new ConfigDict({ a: 1 }).lock();
    expect(() => applyOverrides(withNew, ['--config.b=1'], { acceptNewAttributes: true })).toThrow(/locked/);
    const open = new ConfigDict({ a: 1 });
    applyOverrides(open, ['--config.b=[1, 2]', '--config.c=word', '--config.d={"x": 1}'], {
      acceptNewAttributes: true,
    });
    expect(open.b).toEqual([1, 2]);
    expect(open.c).toBe('word');
    expect(open.d).toBeInstanceOf(ConfigDict);
    expect(() => applyOverrides(new FrozenConfigDict({ a: 1 }), ['--config.a=2'])).toThrow(/--config.a: .*immutable/);
  });

  it('null fields take literals; None/null give null for non-string fields', () => {
    const cfg = new ConfigDict({ maybe: null, n: 1, s: 'x' });
    applyOverrides(cfg, ['--config.maybe=3']);
    expect(cfg.maybe).toBe(3);
    cfg.maybe = null;
    applyOverrides(cfg, ['--config.maybe=hello']);
    expect(cfg.maybe).toBe('hello');
    applyOverrides(cfg, ['--config.n=None', '--config.s=None']);
    expect(cfg.n).toBeNull();
    expect(cfg.s).toBe('None');
  });

  it('ConfigDict fields take dict literals', () => {
    const cfg = new ConfigDict({ model: { depth: 1 } });
    applyOverrides(cfg, ["--config.model={'depth': 4, 'width': 8}"]);
    expect(cfg.model).toBeInstanceOf(ConfigDict);
    expect(cfg.model.toDict()).toEqual({ depth: 4, width: 8 });
  });

  it('repeated overrides of an array field collect their values (tuple multi-flag)', () => {
    const cfg = new ConfigDict({ t: Object.freeze([0]), l: [0] });
    applyOverrides(cfg, ['--config.t=1', '--config.t', 'a', '--config.t=(2, 3)', '--config.l=5', '--config.l=6']);
    expect(cfg.t).toEqual([1, 'a', [2, 3]]);
    expect(Object.isFrozen(cfg.t)).toBe(true);
    expect(cfg.l).toEqual([5, 6]);
    applyOverrides(cfg, ['--config.l=7']);
    expect(cfg.l).toEqual([7]);
  });

  it('leaves other flags, the config flag itself and everything after -- alone', () => {
    const cfg = new ConfigDict({ a: 1, b: 2 });
    const rest = applyOverrides(cfg, ['--config=cfg.py', '--other.a=5', '--config.a=3', '--', '--config.b=4', 'x'], {});
    expect(rest).toEqual(['--config=cfg.py', '--other.a=5', '--', '--config.b=4', 'x']);
    expect(cfg.a).toBe(3);
    expect(cfg.b).toBe(2);
  });

  it('supports another flag name', () => {
    const cfg = new ConfigDict({ field1: 1, nested: { field: 2.23 } });
    const rest = applyOverrides(cfg, ['--my_config.field1', '8', '--my_config.nested.field=2.1', '--config.x=1'], {
      prefix: 'my_config',
    });
    expect(cfg.toDict()).toEqual({ field1: 8, nested: { field: 2.1 } });
    expect(rest).toEqual(['--config.x=1']);
  });

  it('refuses negating non-boolean fields and giving values to negated flags', () => {
    const cfg = new ConfigDict({ n: 1, b: true });
    expect(() => applyOverrides(cfg, ['--noconfig.n'])).toThrow(/only Boolean fields can be negated/);
    expect(() => applyOverrides(cfg, ['--noconfig.b=false'])).toThrow(/takes no value/);
  });

  it('validates its arguments', () => {
    // biome-ignore lint/suspicious/noExplicitAny: wrong arguments on purpose
    const anyApply = applyOverrides as any;
    expect(() => anyApply({}, [])).toThrow(/expected a ConfigDict/);
    expect(() => anyApply(new ConfigDict(), [1])).toThrow(/array of strings/);
    expect(() => anyApply(new ConfigDict(), [], { prefix: '' })).toThrow(/prefix/);
    expect(() => applyOverrides(new ConfigDict({ a: 1 }), ['--config.a[=1'])).toThrow(/Could not parse config path/);
  });
});

describe('parseOverrideValue', () => {
  it('parses by field type', () => {
    expect(parseOverrideValue('8', Number)).toBe(8);
    expect(parseOverrideValue('-1.5e-3', Number)).toBe(-0.0015);
    expect(parseOverrideValue('0x10', Number)).toBe(16);
    expect(parseOverrideValue('1_000', Number)).toBe(1000);
    expect(parseOverrideValue('inf', Number)).toBe(Number.POSITIVE_INFINITY);
    expect(parseOverrideValue(' 42 ', String)).toBe(' 42 ');
    expect(parseOverrideValue('12345678901234567890', BigInt)).toBe(12345678901234567890n);
    expect(parseOverrideValue('[1, 2]', Array)).toEqual([1, 2]);
    expect(parseOverrideValue('1, 2', Array)).toEqual([1, 2]);
    expect(parseOverrideValue('abc', Array)).toEqual(['abc']);
    expect(parseOverrideValue('5', Array)).toEqual([5]);
    expect(parseOverrideValue("('a', 'b')", Array)).toEqual(['a', 'b']);
    expect(parseOverrideValue('{1, 2}', Array)).toEqual([1, 2]);
    expect(parseOverrideValue('{"a": {"b": 1}}', Object)).toEqual({ a: { b: 1 } });
    expect(parseOverrideValue('None', Number)).toBeNull();
    expect(parseOverrideValue('null', Boolean)).toBeNull();
  });

  it('names the value in its errors', () => {
    expect(() => parseOverrideValue('', Number, 'depth')).toThrow('depth: cannot parse "" as a number');
    expect(() => parseOverrideValue('1.5', BigInt, 'n')).toThrow('n: cannot parse "1.5" as a bigint');
    expect(() => parseOverrideValue('hello world', Array, 't')).toThrow(/t: cannot parse "hello world" as an array/);
    // biome-ignore lint/suspicious/noExplicitAny: wrong argument on purpose
    expect(() => parseOverrideValue(5 as any, Number)).toThrow(TypeError);
  });
});

describe('parseLiteral (ast.literal_eval)', () => {
  it('parses Python and JSON literals', () => {
    expect(parseLiteral('1')).toBe(1);
    expect(parseLiteral('-2.5e3')).toBe(-2500);
    expect(parseLiteral('0o17')).toBe(15);
    expect(parseLiteral('0b101')).toBe(5);
    expect(parseLiteral('.5')).toBe(0.5);
    expect(parseLiteral('"a\\tb"')).toBe('a\tb');
    expect(parseLiteral("'it\\'s'")).toBe("it's");
    expect(parseLiteral("r'\\d+'")).toBe('\\d+');
    expect(parseLiteral("'a' 'b'")).toBe('ab');
    expect(parseLiteral("'\\x41\\u00e9'")).toBe('Aé');
    expect(parseLiteral('True')).toBe(true);
    expect(parseLiteral('false')).toBe(false);
    expect(parseLiteral('None')).toBeNull();
    expect(parseLiteral('null')).toBeNull();
    expect(parseLiteral('[1, [2, 3], ]')).toEqual([1, [2, 3]]);
    expect(parseLiteral('(1,)')).toEqual([1]);
    expect(Object.isFrozen(parseLiteral('(1, 2)'))).toBe(true);
    expect(parseLiteral('(1)')).toBe(1);
    expect(parseLiteral('()')).toEqual([]);
    expect(parseLiteral('1, 2,')).toEqual([1, 2]);
    expect(parseLiteral("{'a': 1, 2: [3]}")).toEqual({ a: 1, '2': [3] });
    expect(parseLiteral('{}')).toEqual({});
    expect(parseLiteral('{1, 2, 2}')).toEqual(new Set([1, 2]));
    expect(parseLiteral('{"__proto__": 1}')).toEqual(JSON.parse('{"__proto__": 1}'));
  });

  it('distinguishes non-literals from malformed text', () => {
    expect(() => parseLiteral('abc')).toThrow(expect.objectContaining({ name: 'NotALiteralError' }));
    expect(() => parseLiteral('[1, 2')).toThrow(expect.objectContaining({ name: 'LiteralSyntaxError' }));
    expect(() => parseLiteral('1 2')).toThrow(expect.objectContaining({ name: 'LiteralSyntaxError' }));
    expect(() => parseLiteral('')).toThrow(/empty/);
    expect(() => parseLiteral("'open")).toThrow(/unterminated/);
    expect(() => parseLiteral('012')).toThrow(/leading zeros/);
    expect(() => parseLiteral('-"a"')).toThrow(expect.objectContaining({ name: 'NotALiteralError' }));
  });
});

describe('splitConfigPath (config_path.split)', () => {
  it('splits names and subscripts', () => {
    expect(splitConfigPath('a.b.cc')).toEqual(['a', 'b', 'cc']);
    expect(splitConfigPath('a.b["cc.d"]')).toEqual(['a', 'b', 'cc.d']);
    expect(splitConfigPath('a.b[10]')).toEqual(['a', 'b', 10]);
    expect(splitConfigPath("a[0]['k'].c[2][3]")).toEqual(['a', 0, 'k', 'c', 2, 3]);
  });

  it('rejects malformed paths', () => {
    for (const bad of ['', 'a..b', '.a', 'a.', 'a[1', 'a[1.5]', 'a[x]', 'a[0]b']) {
      expect(() => splitConfigPath(bad)).toThrow(/Could not parse config path/);
    }
  });
});
