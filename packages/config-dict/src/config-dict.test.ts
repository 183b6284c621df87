/**
 * ml_collections' config_dict_test.py, rewritten for the TypeScript API (one `it` per Python test,
 * same names in camelCase), plus the JS-specific behaviours DESIGN.md fixes.
 */
import { describe, expect, it } from 'vitest';
import {
  ConfigDict,
  create,
  FieldReference,
  FrozenConfigDict,
  MutabilityError,
  placeholder,
  RequiredValueError,
  recursiveRename,
  requiredPlaceholder,
} from './index.js';

const TEST_FIELD = { int: 0 };
const TEST_DICT = {
  float: 2.34,
  string: 'tom',
  int: 2,
  list: [1, 2],
  dict: { float: -1.23, int: 23 },
};

function testFunction() {}

class TestClass {
  variable_1 = 1;
  variable_2 = '2';
}
class TestClassNoFields {}

// biome-ignore lint/suspicious/noExplicitAny: test fixtures
function getTestDict(): Record<string, any> {
  const field = new FieldReference(TEST_FIELD);
  return { ...TEST_DICT, ref: field, ref2: field };
}

// biome-ignore lint/suspicious/noExplicitAny: test fixtures
function getTestDictBestEffort(): Record<string, any> {
  return {
    ...getTestDict(),
    unserializable: TestClass,
    unserializable_no_fields: new TestClassNoFields(),
    function: testFunction,
    object: new TestClass(),
    set: new Set([3, 1, 2]),
  };
}

const getTestConfigDict = () => new ConfigDict(getTestDict());

const TEST_DICT_CHANGE_FLOAT_NAME = {
  double: 2.34,
  string: 'tom',
  int: 2,
  list: [1, 2],
  dict: { double: -1.23, int: 23 },
};

describe('ConfigDict (config_dict_test.ConfigDictTest)', () => {
  it('testCreating', () => {
    const cfg = new ConfigDict();
    cfg.field = 2.34;
    expect(cfg.field).toBe(2.34);
  });

  it('testDir: fields and methods are both visible', () => {
    const cfg = new ConfigDict();
    cfg.field = 2.34;
    expect(Object.keys(cfg)).toContain('field');
    expect('field' in cfg).toBe(true);
    expect('lock' in cfg).toBe(true);
  });

  it('testFromDictConstruction', () => {
    const cfg = new ConfigDict(TEST_DICT);
    expect(cfg.toDict()).toEqual(TEST_DICT);
  });

  it('testOverridingValues', () => {
    const cfg = new ConfigDict();
    cfg.field = 2.34;
    expect(cfg.field).toBe(2.34);
    cfg.field = -2.34;
    expect(cfg.field).toBe(-2.34);
  });

  it('testDictAttributeTurnsIntoConfigDict', () => {
    const cfg = new ConfigDict(TEST_DICT);
    expect(cfg.dict).toBeInstanceOf(ConfigDict);
    const newDict = { inside_dict: { inside_key: 0 } };
    cfg.new_dict = newDict;
    expect(cfg.new_dict).toBeInstanceOf(ConfigDict);
    expect(cfg.new_dict.inside_dict).toBeInstanceOf(ConfigDict);
    expect(cfg.new_dict.toDict()).toEqual(newDict);
  });

  it('testOverrideExceptions: ints and floats are numbers; lists and tuples convert', () => {
    const cfg = new ConfigDict();
    cfg.float_field = 2.34;
    cfg.float_field = 2;
    expect(cfg.float_field).toBe(2);
    cfg.string_field = '42';
    cfg.string_field = '42';
    expect(cfg.string_field).toBe('42');
    // A frozen array is a tuple: a tuple assigned to a list field becomes a list and vice versa.
    cfg.list_field = [1, 2, 3];
    cfg.list_field = Object.freeze([1, 2]);
    expect(cfg.list_field).toEqual([1, 2]);
    expect(Object.isFrozen(cfg.list_field)).toBe(false);
    cfg.tuple_field = Object.freeze([23, 42]);
    cfg.tuple_field = [8, 9, 10];
    expect(cfg.tuple_field).toEqual([8, 9, 10]);
    expect(Object.isFrozen(cfg.tuple_field)).toBe(true);
    cfg.big_field = 1n;
    cfg.big_field = 10n ** 100n;
    expect(cfg.big_field).toBe(10n ** 100n);
  });

  it('testOverrideCallable: a function may replace a function', () => {
    class SomeClass {
      y: number;
      constructor(x: number, power = 1) {
        this.y = x ** power;
      }
      factory(x: number) {
        return new SomeClass(this.y + x);
      }
    }
    const fn1 = SomeClass;
    const fn2 = (x: number) => new SomeClass(x, 2);
    const fn3 = function partial(x: number) {
      return new SomeClass(x, 3);
    };
    const instance = new SomeClass(4);
    const fn4 = instance.factory.bind(instance);
    const cfg = new ConfigDict();
    for (const orig of [fn1, fn2, fn3, fn4]) {
      for (const next of [fn1, fn2, fn3, fn4]) {
        cfg.fn_field = orig;
        cfg.fn_field = next;
        expect(cfg.fn_field).toBe(next);
      }
    }
    expect(cfg.getType('fn_field')).toBe(Function);
    expect(() => {
      cfg.fn_field = 3;
    }).toThrow(TypeError);
  });

  it('testOverrideFieldReference', () => {
    const cfg = new ConfigDict();
    cfg.field_1 = 'field_1';
    cfg.field_2 = 'field_2';
    cfg.field_1 = new FieldReference('override_1');
    cfg.field_1 = new FieldReference('override_2');
    cfg.field_2 = new FieldReference(null, { fieldType: String });
    cfg.field_2 = 'field_2';
    expect(cfg.field_1).toBe('override_2');
    expect(cfg.field_2).toBe('field_2');
    expect(() => {
      cfg.field_2 = new FieldReference(1);
    }).toThrow(TypeError);
    expect(() => {
      cfg.field_2 = new FieldReference(null, { fieldType: Number });
    }).toThrow(TypeError);
  });

  it('testTypeSafe', () => {
    const cfg = getTestConfigDict();
    expect(() => {
      cfg.float = 'tom';
    }).toThrow(/field 'float'/);
    expect(() => {
      cfg.string = -123;
    }).toThrow(/field 'string'/);
    expect(() => {
      cfg.dict.float = 'string';
    }).toThrow(/field 'float'/);
    // Booleans and bigints are not numbers.
    expect(() => {
      cfg.int = true;
    }).toThrow(TypeError);
    expect(() => {
      cfg.int = 2n;
    }).toThrow(TypeError);
    expect(() => {
      cfg.list = 'not a list';
    }).toThrow(TypeError);
    expect(() => {
      cfg.dict = 5;
    }).toThrow(TypeError);
    // null is ignored by type safety, both ways.
    cfg.string = null;
    cfg.string = 'tom';
    cfg.string = null;
    cfg.string = 12;
    expect(cfg.string).toBe(12);
    expect(cfg.int).toBe(2);
  });

  it('type errors name the field, the expected type and what came', () => {
    const cfg = new ConfigDict({ lr: 0.1 });
    expect(() => {
      cfg.lr = 'fast';
    }).toThrow('Could not override field \'lr\': expected a value of type Number, got String "fast"');
  });

  it('testIgnoreType', () => {
    const cfg = new ConfigDict({
      string: 'This is a string',
      float: 3.0,
      list: [new ConfigDict({ float: 1.0 })],
      tuple: Object.freeze([new ConfigDict({ float: 1.0 })]),
      dict: { float: 1.0 },
    });
    const result = cfg.ignoreType((c) => {
      c.string = -123;
      c.float = 'string';
      c.list[0].float = 'string';
      c.tuple[0].float = 'string';
      c.dict.float = 'string';
      return 'done';
    });
    expect(result).toBe('done');
    expect(cfg.isTypeSafe).toBe(true);
    expect(cfg.dict.isTypeSafe).toBe(true);
    expect(cfg.list[0].isTypeSafe).toBe(true);
    expect(() => {
      cfg.dict.float = 1;
    }).toThrow(TypeError);
  });

  it('testTypeUnsafe', () => {
    const cfg = new ConfigDict(getTestDict(), { typeSafe: false });
    cfg.float = 'tom';
    cfg.string = -123;
    cfg.int = 12.8;
    expect(cfg.float).toBe('tom');
    expect(cfg.isTypeSafe).toBe(false);
  });

  it('testLocking', () => {
    const cfg = new ConfigDict();
    cfg.field = 2;
    cfg.dict_field = { float: 1.23, integer: 3 };
    cfg.ref = new FieldReference(new ConfigDict({ integer: 0 }));
    expect(cfg.lock()).toBe(cfg);
    expect(cfg.isLocked).toBe(true);
    cfg.field = -4;
    expect(cfg.field).toBe(-4);
    expect(() => {
      cfg.new_field = 2;
    }).toThrow(/does not exist and cannot be added since the config is locked/);
    expect(() => {
      cfg.dict_field.new_field = -1.23;
    }).toThrow(/locked/);
    expect(() => {
      cfg.ref.new_field = 1;
    }).toThrow(/locked/);
    expect(() => {
      delete cfg.field;
    }).toThrow(/locked/);
    expect(cfg.field).toBe(-4);
  });

  it('testUnlocking', () => {
    const cfg = new ConfigDict();
    cfg.dict_field = { float: 1.23, integer: 3 };
    cfg.ref = new FieldReference(new ConfigDict({ integer: 0 }));
    cfg.lock();
    cfg.unlocked(() => {
      cfg.new_field = 2;
      cfg.dict_field.new_field = -1.23;
      cfg.ref.new_field = 1;
    });
    expect(cfg.isLocked).toBe(true);
    expect(cfg.dict_field.isLocked).toBe(true);
    expect(cfg.new_field).toBe(2);
    expect(cfg.ref.new_field).toBe(1);
    expect(cfg.unlock()).toBe(cfg);
    expect(cfg.dict_field.isLocked).toBe(false);
  });

  it('testGetMethod', () => {
    const cfg = getTestConfigDict();
    expect(cfg.get('float', -1)).toBe(cfg.float);
    expect(cfg.get('ref', -1)).toBe(cfg.ref);
    expect(cfg.get('another_key', -1)).toBe(-1);
    expect(cfg.get('another_key')).toBeUndefined();
    expect(cfg.get('dict.int')).toBe(23);
    expect(cfg.get('dict.missing', 'd')).toBe('d');
  });

  it('testItemsMethod', () => {
    const cfg = getTestConfigDict();
    expect({ ...cfg }).toEqual(Object.fromEntries(cfg.items()));
    const items = cfg.items();
    expect(items).toHaveLength(Object.keys(getTestDict()).length);
    for (const [k, v] of Object.entries(TEST_DICT)) {
      const expected = typeof v === 'object' && !Array.isArray(v) ? new ConfigDict(v) : v;
      expect(
        items.some(([ik, iv]) => ik === k && new ConfigDict({ v: iv }).equals(new ConfigDict({ v: expected }))),
      ).toBe(true);
    }
    const ref = items.find(([k]) => k === 'ref')![1];
    const ref2 = items.find(([k]) => k === 'ref2')![1];
    expect(ref).toBe(ref2);
    expect(items.map(([k]) => k)).toEqual([...items.map(([k]) => k)].sort());
    const empty = new ConfigDict();
    expect({ ...empty }).toEqual(Object.fromEntries(empty.items()));
  });

  it('testGetItemRecursively', () => {
    const cfg = getTestConfigDict();
    expect(cfg['dict.float']).toBe(-1.23);
    expect(cfg.get('dict.int')).toBe(23);
  });

  it('testIterItemsMethod / testIterKeysMethod: sorted, deterministic', () => {
    const someDict = { x3: 'str', x1: 32, x2: 5.2 };
    const cfg = new ConfigDict(someDict);
    expect(cfg.keys()).toEqual(['x1', 'x2', 'x3']);
    expect([...cfg]).toEqual(['x1', 'x2', 'x3']);
    expect(Object.keys(cfg)).toEqual(['x1', 'x2', 'x3']);
    expect(cfg.items()).toEqual([
      ['x1', 32],
      ['x2', 5.2],
      ['x3', 'str'],
    ]);
  });

  it('testLenMethod', () => {
    const cfg = new ConfigDict({ x1: 32, x2: 5.2, x3: 'str' });
    expect(cfg.keys()).toHaveLength(3);
  });

  it('testValuesMethod', () => {
    const cfg = new ConfigDict({ x1: 32, x2: 5.2, x3: 'str' });
    expect(cfg.values()).toEqual([32, 5.2, 'str']);
    for (const [i, k] of cfg.keys().entries()) expect(cfg.values()[i]).toBe(cfg[k]);
  });

  it('testValuesResolvesReferences / testItemsResolvesReferences', () => {
    const cfg = new ConfigDict({ x1: 32, x2: 5.2, x3: 'str' });
    const ref = new FieldReference(0);
    cfg.x4 = ref;
    for (const v of cfg.values()) expect(v).not.toBeInstanceOf(FieldReference);
    for (const [, v] of cfg.items()) expect(v).not.toBeInstanceOf(FieldReference);
    expect(cfg.values({ preserveFieldReferences: true })).toContain(ref);
    expect(cfg.items({ preserveFieldReferences: true })).toContainEqual(['x4', ref]);
    expect(cfg.items({ preserveFieldReferences: true }).find(([k]) => k === 'x4')![1]).toBe(ref);
  });

  it('testEquals', () => {
    const someDict = { float: 1.23, integer: 3, list: [1, 2], dict: { a: {}, b: 'string' } };
    let cfg = new ConfigDict(someDict);
    let cfgOther = new ConfigDict(someDict);
    expect(cfg.equals(cfgOther)).toBe(true);
    expect(new ConfigDict(cfg).equals(cfgOther)).toBe(true);
    cfgOther.float = 3;
    expect(cfg.equals(cfgOther)).toBe(false);
    cfgOther.float = cfg.float;
    cfgOther.list = ['a', 'b'];
    expect(cfg.equals(cfgOther)).toBe(false);
    cfgOther.list = cfg.list;
    cfgOther.lock();
    expect(cfg.equals(cfgOther)).toBe(false);
    cfgOther.unlock();
    cfgOther = new ConfigDict(someDict, { typeSafe: false });
    expect(cfg.equals(cfgOther)).toBe(false);

    // References to the same object are equal, even self references.
    cfg = new ConfigDict(someDict);
    cfgOther = new ConfigDict(someDict);
    cfgOther.me = cfg;
    cfg.me = cfg;
    expect(cfg.equals(cfgOther)).toBe(true);
    cfg = new ConfigDict(someDict);
    cfg.me = cfg;
    expect(cfg.equals(cfg)).toBe(true);

    // Self references that are not the same object recurse forever in Python (RecursionError).
    cfgOther = new ConfigDict(someDict);
    cfgOther.me = cfgOther;
    expect(() => cfg.equals(cfgOther)).toThrow(RangeError);
  });

  it('equality with lazy computation compares computed values', () => {
    const cfg1 = new ConfigDict();
    cfg1.a = 1;
    cfg1.b = cfg1.getRef('a').add(2);
    const cfg2 = new ConfigDict();
    cfg2.a = 1;
    cfg2.b = cfg2.getRef('a').mul(3);
    expect(cfg1.equals(cfg2)).toBe(true);
  });

  it('testEqAsConfigDict', () => {
    const cfg1 = getTestConfigDict();
    const cfg2 = getTestConfigDict();
    cfg2.added_field = Math.PI;
    const cfgSelfRef = getTestConfigDict();
    cfgSelfRef.self_ref = cfgSelfRef;
    const frozen1 = new FrozenConfigDict(cfg1);
    const frozen2 = new FrozenConfigDict(cfg2);

    expect(cfg1.eqAsConfigdict(cfg1)).toBe(true);
    expect(cfg1.eqAsConfigdict(frozen1)).toBe(true);
    expect(frozen1.eqAsConfigdict(cfg1)).toBe(true);
    expect(frozen1.eqAsConfigdict(frozen1)).toBe(true);

    expect(cfg1.eqAsConfigdict(cfg2)).toBe(false);
    expect(cfg1.eqAsConfigdict(frozen2)).toBe(false);
    expect(frozen1.eqAsConfigdict(cfgSelfRef)).toBe(false);
    expect(frozen1.eqAsConfigdict(frozen2)).toBe(false);
    expect(cfgSelfRef.eqAsConfigdict(cfg1)).toBe(false);
    expect(cfg1.eqAsConfigdict({ ...TEST_DICT })).toBe(false);
  });

  it('testHash: a ConfigDict is not hashable', () => {
    const cfg = new ConfigDict({ float: 1.23, integer: 3 });
    expect(() => cfg.hash()).toThrow(TypeError);
    expect(() => cfg.hash()).toThrow(/unhashable type: 'ConfigDict'/);
  });

  it('testDidYouMeanFeature', () => {
    const cfg = new ConfigDict();
    cfg.learning_rate = 0.01;
    cfg.lock();
    expect(() => cfg.laerning_rate).toThrow(/Did you mean.*learning_rate.*/);
    cfg.unlocked(() => {
      expect(() => {
        delete cfg.laerning_rate;
      }).toThrow(/Did you mean.*learning_rate.*/);
    });
    expect(() => {
      cfg.laerning_rate = 0.02;
    }).toThrow(/Did you mean.*learning_rate.*/);
    expect(cfg.learning_rate).toBe(0.01);
    expect(() => cfg.getType('laerning_rate')).toThrow(/Did you mean.*learning_rate.*/);
  });

  it('missing reads name the full path', () => {
    const cfg = new ConfigDict({ model: { depth: 4 } });
    expect(() => cfg.model.dpeth).toThrow(
      'ConfigDict has no field "model.dpeth". Did you mean "depth" instead of "dpeth"?',
    );
    expect(() => cfg['model.missing']).toThrow(/"model.missing"/);
    expect(() => cfg.zzz).toThrow(/Fields present: "model"/);
  });

  it('testReferences', () => {
    const cfg = getTestConfigDict();
    cfg.dict_ref = cfg.dict;
    expect(cfg.dict_ref).toBe(cfg.dict);
  });

  it('testPreserveReferences', () => {
    const cfg = getTestConfigDict();
    expect(cfg.getRef('ref')).toBe(cfg.getRef('ref2'));
    const cfg2 = new ConfigDict(cfg);
    expect(cfg2.getRef('ref')).toBe(cfg2.getRef('ref2'));
    expect(cfg2.ref).toBe(cfg2.ref2);
  });

  it('testUnpacking (spread works like **cfg)', () => {
    const cfg = new ConfigDict();
    cfg.x = 2;
    const foo = ({ x }: { x: number }) => x + 3;
    expect(foo({ ...cfg } as { x: number })).toBe(5);
    const cfg2 = new ConfigDict();
    cfg2.x = new FieldReference(2);
    expect(foo({ ...cfg2 } as { x: number })).toBe(5);
  });

  it('testReadingIncorrectField', () => {
    const cfg = new ConfigDict();
    expect(() => cfg.non_existing_field).toThrow(/non_existing_field/);
    expect(() => cfg['non_existing_field']).toThrow(/non_existing_field/);
  });

  it('testIteration', () => {
    const cfg = new ConfigDict();
    for (let i = 0; i < 10; i++) cfg[`field${i}`] = `field${i}`;
    for (const field of cfg) expect(cfg[field]).toBe(cfg.get(field));
  });

  it('testDeYaml', () => {
    const cfg = getTestConfigDict();
    const back = ConfigDict.fromYaml(cfg.toYaml());
    expect(back.equals(cfg)).toBe(true);
    expect(ConfigDict.fromYaml(new ConfigDict({ a: 1 }).toYaml()).convertDict).toBe(true);
  });

  it('testJSONConversion', () => {
    const cfg = getTestConfigDict();
    expect(JSON.parse(cfg.toJson())).toEqual({
      dict: { float: -1.23, int: 23 },
      float: 2.34,
      int: 2,
      list: [1, 2],
      ref: { int: 0 },
      ref2: { int: 0 },
      string: 'tom',
    });
    // Python's json.dumps layout (its _JSON_TEST_DICT, byte for byte).
    expect(cfg.toJson()).toBe(
      '{"dict": {"float": -1.23, "int": 23}, "float": 2.34, "int": 2, "list": [1, 2], "ref": {"int": 0}, "ref2": {"int": 0}, "string": "tom"}',
    );
    expect(() => new ConfigDict(getTestDictBestEffort()).toJson()).toThrow(TypeError);
  });

  it('testJSONConversionBestEffort', () => {
    const cfg = getTestConfigDict();
    expect(cfg.toJsonBestEffort()).toBe(cfg.toJson());
    const best = new ConfigDict(getTestDictBestEffort());
    expect(JSON.parse(best.toJsonBestEffort())).toEqual({
      dict: { float: -1.23, int: 23 },
      float: 2.34,
      function: 'function testFunction',
      int: 2,
      list: [1, 2],
      object: { variable_1: 1, variable_2: '2' },
      ref: { int: 0 },
      ref2: { int: 0 },
      set: [1, 2, 3],
      string: 'tom',
      unserializable: 'function TestClass',
      unserializable_no_fields: 'unserializable object of type: TestClassNoFields',
    });
  });

  it('testStrConversion: String(cfg) is YAML and never throws', () => {
    const cfg = getTestConfigDict();
    expect(String(cfg)).toContain('string: tom');
    const d = getTestDict();
    d.nested_dict = {
      float: -1.23,
      int: 23,
      nested_dict: { float: -1.23, int: 23, non_nested_dict: { float: -1.23, int: 233 } },
      nested_list: [1, 2, [3, 44, 5], 6],
    };
    const cfg2 = new ConfigDict(d);
    cfg2.nested_dict.nested_dict.non_nested_dict.int = 23;
    cfg2.nested_dict.nested_list[2][1] = 4;
    expect(String(cfg2)).toContain('non_nested_dict');
    const withRequired = create({ a: requiredPlaceholder(Number) });
    expect(() => String(withRequired)).not.toThrow();
  });

  it('testDotInField', () => {
    const cfg = new ConfigDict();
    expect(() => {
      cfg['invalid.name'] = 2.3;
    }).toThrow(/dots/);
    expect(() => cfg.set('invalid.name', 2.3)).toThrow(/dots/);
    expect(() => new ConfigDict({ 'a.b': 1 })).toThrow(/dots/);
  });

  it('testToDictConversion', () => {
    const cfg = new ConfigDict();
    const field = new FieldReference('a string');
    cfg.dict = { float: 2.3, integer: 1, field_ref1: field, field_ref2: field };
    cfg.ref = cfg.dict;
    cfg.self_ref = cfg;

    const pure = cfg.toDict();
    expect(Object.getPrototypeOf(pure)).toBe(Object.prototype);
    expect(pure.self_ref).toBe(pure);
    expect(pure.dict).toBe(pure.ref);
    expect(Object.getPrototypeOf(pure.dict)).toBe(Object.prototype);
    expect(pure.dict.field_ref1).not.toBeInstanceOf(FieldReference);
    expect(pure.dict.field_ref1).toBe(field.get());
    expect(pure.dict.field_ref2).toBe(field.get());

    const withRefs = cfg.toDict({ preserveFieldReferences: true });
    expect(withRefs.dict.field_ref1).toBeInstanceOf(FieldReference);
    expect(withRefs.dict.field_ref2).toBeInstanceOf(FieldReference);
    expect(withRefs.dict.field_ref1).toBe(withRefs.dict.field_ref2);
    expect(withRefs.dict.field_ref1).not.toBe(cfg.dict.getRef('field_ref1'));
    expect(withRefs.dict.field_ref1.get()).toBe('a string');
  });

  it('testToDictTypeUnsafe', () => {
    const cfg = new ConfigDict();
    cfg.string = new FieldReference(null, { fieldType: String });
    cfg.ignoreType(() => {
      cfg.string = 1;
    });
    expect(cfg.toDict({ preserveFieldReferences: true }).string.get()).toBe(1);
  });

  it('testCopyAndResolveReferences', () => {
    const cfg = new ConfigDict();
    const field = new FieldReference('a string');
    const intField = new FieldReference(5);
    cfg.dict = {
      float: 2.3,
      integer: 1,
      field_ref1: field,
      field_ref2: field,
      field_ref_int1: intField,
      field_ref_int2: intField.add(5),
      placeholder: placeholder(String),
      cfg: new ConfigDict({ integer: 1, int_field: intField }),
    };
    cfg.ref = cfg.dict;
    cfg.self_ref = cfg;

    const resolved = cfg.copyAndResolveReferences();
    for (const [f, v] of [
      ['float', 2.3],
      ['integer', 1],
      ['field_ref1', 'a string'],
      ['field_ref2', 'a string'],
      ['field_ref_int1', 5],
      ['field_ref_int2', 10],
      ['placeholder', null],
    ] as const) {
      expect(resolved.dict[f]).toBe(v);
    }
    expect(resolved.dict.cfg.integer).toBe(1);
    expect(resolved.dict.cfg.int_field).toBe(5);
    expect(resolved.self_ref).toBe(resolved);
    expect(resolved.dict).toBe(resolved.ref);
    expect(
      resolved.dict
        .items({ preserveFieldReferences: true })
        .some(([, v]: [string, unknown]) => v instanceof FieldReference),
    ).toBe(false);
  });

  it('testCopyAndResolveReferencesConfigTypes', () => {
    const typeSafe = new ConfigDict();
    const intField = new FieldReference(5);
    typeSafe.field_ref1 = intField;
    typeSafe.field_ref2 = intField.add(5);
    typeSafe.lock();
    const typeSafeLockedResolved = typeSafe.copyAndResolveReferences();
    expect(typeSafeLockedResolved.isLocked).toBe(true);
    expect(typeSafeLockedResolved.isTypeSafe).toBe(true);

    const cfg = new ConfigDict(undefined, { typeSafe: false });
    cfg.field_ref1 = intField;
    cfg.field_ref2 = intField.add(5);
    const cfgResolved = cfg.copyAndResolveReferences();
    expect(cfgResolved.isLocked).toBe(false);
    expect(cfgResolved.isTypeSafe).toBe(false);
    cfg.lock();
    const cfgLockedResolved = cfg.copyAndResolveReferences();
    expect(cfgLockedResolved.isLocked).toBe(true);
    expect(cfgLockedResolved.isTypeSafe).toBe(false);
    for (const r of [typeSafeLockedResolved, cfgResolved, cfgLockedResolved]) {
      expect(r.field_ref1).toBe(5);
      expect(r.field_ref2).toBe(10);
    }

    const frozen = new FrozenConfigDict(typeSafe);
    const frozenResolved = frozen.copyAndResolveReferences();
    for (const r of [frozen, frozenResolved]) {
      expect(r.field_ref1).toBe(5);
      expect(r.field_ref2).toBe(10);
      expect(r).toBeInstanceOf(FrozenConfigDict);
    }
    expect(frozenResolved.equals(frozen)).toBe(true);
  });

  it('testInitConfigDict', () => {
    const cfg = getTestConfigDict();
    const cfg2 = new ConfigDict(cfg);
    expect(cfg2).not.toBe(cfg);
    expect(cfg2.float).toBe(cfg.float);
    expect(cfg2.dict).toBe(cfg.dict);
    const cfg3 = new ConfigDict({ cfg });
    expect(cfg3.cfg).toBe(cfg);
    const cfg4 = new ConfigDict(cfg, { typeSafe: false });
    cfg4.lock();
    expect(cfg4.equals(new ConfigDict(cfg4))).toBe(true);
    // As in ml_collections, a ConfigDict source keeps its own type-safety setting.
    expect(cfg4.isTypeSafe).toBe(true);
  });

  it('testInitReferenceStructure', () => {
    const x = [1, 2, 3];
    // biome-ignore lint/suspicious/noExplicitAny: self-referencing fixture
    const selfRefDict: Record<string, any> = { float: 2.34, test_dict_1: TEST_DICT, test_dict_2: TEST_DICT, list: x };
    selfRefDict.self = selfRefDict;
    selfRefDict.self_fr = new FieldReference(selfRefDict);

    const cd = new ConfigDict(selfRefDict);
    expect(cd.test_dict_1).toBe(cd.test_dict_2);
    expect(cd.self).toBe(cd);
    expect(cd.self_fr).toBe(cd);
    expect(cd.list).toBe(x);
    expect(cd.equals(cd.self)).toBe(true);
    cd.self.int = 1;
    expect(cd.int).toBe(1);

    const cd2 = new ConfigDict(cd);
    expect(cd2).not.toBe(cd);
    expect(cd2.self).toBe(cd2);
    expect(cd2.test_dict_1).toBe(cd.test_dict_1);
  });

  it('testInitFieldReference', () => {
    const testDict = { x: 1, y: 1 };
    let reference: FieldReference = new FieldReference(testDict);
    let cfg = new ConfigDict();
    cfg.reference = reference;
    expect(cfg.reference).toBeInstanceOf(ConfigDict);
    expect(cfg.reference.x).toBe(1);
    expect(cfg.reference.y).toBe(1);

    const testConfigdict = new ConfigDict(testDict);
    reference = new FieldReference(testConfigdict);
    cfg = new ConfigDict();
    cfg.reference = reference;
    testConfigdict.x = 2;
    expect(cfg.reference.x).toBe(2);
    expect(cfg.reference.y).toBe(1);

    const referenceInt = new FieldReference(0);
    cfg = new ConfigDict();
    cfg.reference = new FieldReference(referenceInt);
    referenceInt.set(1);
    expect(cfg.reference).toBe(1);
  });

  it('testDeletingFields', () => {
    const cfg = new ConfigDict();
    cfg.field1 = 123;
    cfg.field2 = 123;
    expect(cfg.has('field1')).toBe(true);
    expect(cfg.has('field2')).toBe(true);
    delete cfg.field1;
    expect(cfg.has('field1')).toBe(false);
    expect('field1' in cfg).toBe(false);
    expect(cfg.has('field2')).toBe(true);
    expect(cfg.delete('field2')).toBe(cfg);
    expect(cfg.has('field2')).toBe(false);
    expect(() => {
      // biome-ignore lint/suspicious/noExplicitAny: deleting a method on purpose
      delete (cfg as any).keys;
    }).toThrow(/member/);
    expect(() => cfg.delete('keys')).toThrow(/keys/);
    expect(() => {
      delete cfg.missing;
    }).toThrow(/missing/);
  });

  it('testDeletingNestedFields', () => {
    const cfg = new ConfigDict({
      a: { aa: [1, 2] },
      b: { ba: { baa: 2, bab: 3 }, bb: new Set([1, 2, 3]) },
    });
    expect(cfg.has('a')).toBe(true);
    expect(cfg.a.has('aa')).toBe(true);
    expect(cfg.b.ba.has('baa')).toBe(true);
    delete cfg['a.aa'];
    expect(cfg.has('a')).toBe(true);
    expect(cfg.a.has('aa')).toBe(false);
    delete cfg.a;
    expect(cfg.has('a')).toBe(false);
    cfg.delete('b.ba.baa');
    expect(cfg.b.has('ba')).toBe(true);
    expect(cfg.b.ba.has('bab')).toBe(true);
    expect(cfg.has('b.ba.baa')).toBe(false);
    delete cfg['b.ba'];
    expect(cfg.b.has('ba')).toBe(false);
    expect(cfg.b.has('bb')).toBe(true);
  });

  it('testSetAttr: members cannot be overridden with dot syntax', () => {
    const cfg = new ConfigDict();
    // biome-ignore lint/suspicious/noExplicitAny: overriding members on purpose
    const loose = cfg as any;
    expect(() => {
      loose.constructor = 'abc';
    }).toThrow(/cfg.set\("constructor", value\)/);
    expect(() => {
      loose.keys = 1;
    }).toThrow(TypeError);
    // ...but such fields can be reached with get/set.
    cfg.set('keys', 1);
    expect(cfg.get('keys')).toBe(1);
    expect(typeof cfg.keys).toBe('function');
    expect(cfg.keys()).toEqual(['keys']);
  });

  it('testPlaceholder', () => {
    const element = new FieldReference(0);
    const cfg = new ConfigDict({ element, nested: { element } });
    expect(() => {
      cfg.element = 'string';
    }).toThrow(TypeError);
    cfg.element = 1;
    expect(cfg.element).toBe(cfg.nested.element);
    expect(cfg.nested.element).toBe(1);
  });

  it('testOptional', () => {
    expect(() => new FieldReference(0, { fieldType: String })).toThrow(TypeError);
    expect(() => new FieldReference(null)).toThrow(/default value cannot be null/);
    const cfg = new ConfigDict({ default: new FieldReference(0) });
    cfg.default = 1;
    expect(cfg.default).toBe(1);
  });

  it('testOptionalNoDefault', () => {
    const cfg = new ConfigDict({ nodefault: new FieldReference(null, { fieldType: String }) });
    expect(() => {
      cfg.nodefault = 1;
    }).toThrow(TypeError);
    cfg.nodefault = 'string';
    expect(cfg.nodefault).toBe('string');
  });

  it('testGetType', () => {
    const cfg = new ConfigDict();
    cfg.integer = 123;
    cfg.ref = new FieldReference(123);
    cfg.ref_nodefault = new FieldReference(null, { fieldType: Number });
    expect(cfg.getType('integer')).toBe(Number);
    expect(cfg.getType('ref')).toBe(Number);
    expect(cfg.getType('ref_nodefault')).toBe(Number);
    expect(() => cfg.getType('ref_nodefualt')).toThrow(/Did you.*ref_nodefault.*/);
    expect(() => cfg.getType('integre')).toThrow(/Did you.*integer.*/);
  });

  it('getType returns constructors', () => {
    class Custom {}
    const cfg = new ConfigDict({
      n: 1,
      s: 's',
      b: true,
      big: 1n,
      arr: [1],
      fn: () => 1,
      nested: { a: 1 },
      nul: null,
      obj: new Custom(),
      date: new Date(0),
      frozen: new FrozenConfigDict({ a: 1 }),
    });
    cfg.set('frozen', new FrozenConfigDict({ a: 1 }));
    expect(cfg.getType('n')).toBe(Number);
    expect(cfg.getType('s')).toBe(String);
    expect(cfg.getType('b')).toBe(Boolean);
    expect(cfg.getType('big')).toBe(BigInt);
    expect(cfg.getType('arr')).toBe(Array);
    expect(cfg.getType('fn')).toBe(Function);
    expect(cfg.getType('nested')).toBe(ConfigDict);
    expect(cfg.getType('nul')).toBeNull();
    expect(cfg.getType('obj')).toBe(Custom);
    expect(cfg.getType('date')).toBe(Date);
    expect(cfg.getType('frozen')).toBe(FrozenConfigDict);
    expect(cfg.getType('nested.a')).toBe(Number);
    expect(() => {
      cfg.obj = new Date();
    }).toThrow(TypeError);
  });
});

describe('ConfigDict.update (config_dict_test.ConfigDictUpdateTest)', () => {
  it('testUpdateSimple', () => {
    const first = new ConfigDict();
    first.x = 5;
    first.y = 'truman';
    first.q = 2.0;
    const second = new ConfigDict();
    second.x = 9;
    second.y = 'wilson';
    second.z = 'washington';
    expect(first.update(second)).toBe(first);
    expect(first.x).toBe(9);
    expect(first.y).toBe('wilson');
    expect(first.z).toBe('washington');
    expect(first.q).toBe(2.0);
  });

  it('testUpdateNothing', () => {
    const cfg = new ConfigDict({ x: 5, y: 9 });
    cfg.update();
    expect(cfg.keys()).toHaveLength(2);
    expect(cfg.x).toBe(5);
    expect(cfg.y).toBe(9);
  });

  it('testUpdateFromDict / testUpdateFromKwargs', () => {
    const cfg = new ConfigDict({ x: 5, y: 9 });
    cfg.update({ x: 6, z: 2 });
    expect(cfg.toDict()).toEqual({ x: 6, y: 9, z: 2 });
    cfg.update(new Map([['x', 7]]));
    expect(cfg.x).toBe(7);
  });

  it('testUpdateFromMultipleDictTypeError', () => {
    const cfg = new ConfigDict({ x: 5, y: 9 });
    expect(() => cfg.update({ x: 4 }, { z: 2 })).toThrow(/update expected at most 1 arguments, got 2/);
    expect(cfg.x).toBe(5);
  });

  it('testUpdateNested: nested dicts are updated in place', () => {
    const cfg = new ConfigDict();
    cfg.subcfg = new ConfigDict();
    const sub = cfg.subcfg;
    cfg.p = 5;
    cfg.q = 6;
    cfg.subcfg.y = 9;
    cfg.update({ p: 4, subcfg: { y: 10, z: 5 } });
    expect(cfg.p).toBe(4);
    expect(cfg.q).toBe(6);
    expect(cfg.subcfg.y).toBe(10);
    expect(cfg.subcfg.z).toBe(5);
    expect(cfg.subcfg).toBe(sub);
    expect(() => cfg.update({ subcfg: 3 })).toThrow(/subcfg.*ConfigDict/);
  });

  const assertAssociated = (cfg1: ConfigDict, cfg2: ConfigDict, key: string) => {
    expect(cfg1[key]).toBe(cfg2[key]);
    cfg1[key] = 1;
    cfg2[key] = 2;
    expect(cfg1[key]).toBe(2);
    cfg1[key] = 3;
    expect(cfg2[key]).toBe(3);
  };

  it('testUpdateFieldReference', () => {
    let ref = new FieldReference(1);
    let cfg = new ConfigDict({ a: ref, b: ref });
    cfg.update(new ConfigDict({ a: 2 }));
    expect(cfg.a).toBe(2);
    expect(cfg.b).toBe(2);
    const msg = /Cannot update a FieldReference from another FieldReference/;
    expect(() => cfg.update(new ConfigDict({ a: new FieldReference(2) }))).toThrow(msg);
    expect(() => cfg.update(new ConfigDict({ b: new FieldReference(2) }))).toThrow(msg);

    ref = new FieldReference(1);
    let cfgFrom = new ConfigDict({ a: ref, b: ref });
    cfg = new ConfigDict();
    cfg.update(cfgFrom);
    assertAssociated(cfg, cfgFrom, 'a');
    assertAssociated(cfg, cfgFrom, 'b');

    ref = new FieldReference(1);
    cfgFrom = new ConfigDict({ a: ref, b: ref });
    cfg = new ConfigDict({ a: 2, b: 3 });
    cfg.update(cfgFrom);
    assertAssociated(cfg, cfgFrom, 'a');
    assertAssociated(cfg, cfgFrom, 'b');
  });

  it('testUpdateFromFlattened', () => {
    const cfg = new ConfigDict({ a: 1, b: { c: { d: 2 } } });
    cfg.updateFromFlattenedDict({ a: 2, 'b.c.d': 3 });
    expect(cfg.a).toBe(2);
    expect(cfg.b.c.d).toBe(3);
    cfg.updateFromFlattenedDict({ 'b.c.e': 4 });
    expect(cfg.b.c.e).toBe(4);
  });

  it('testUpdateFromFlattenedWithPrefix', () => {
    const cfg = new ConfigDict({ a: 1, b: { c: { d: 2 } } });
    cfg.b.updateFromFlattenedDict({ a: 2, 'b.c.d': 3 }, 'b.');
    expect(cfg.a).toBe(1);
    expect(cfg.b.c.d).toBe(3);
    const config = new ConfigDict({ a: { b: 0, c: 0 } });
    config.updateFromFlattenedDict(
      { flag1: 1, flag2: 2, config: 'some_file.py', 'config.a.b': 1, 'config.a.c': 2 },
      'config.',
    );
    expect(config.toDict()).toEqual({ a: { b: 1, c: 2 } });
  });

  it('testUpdateFromFlattenedNotFound', () => {
    const cfg = new ConfigDict({ a: 1, b: { c: { d: 2 } } });
    expect(() => cfg.updateFromFlattenedDict({ a: 2, 'b.d.e': 3 })).toThrow(
      'Key "b.d.e" cannot be set as "b.d" was not found.',
    );
  });

  it('testUpdateFromFlattenedWrongType', () => {
    const cfg = new ConfigDict({ a: 1, b: { c: { d: 2 } } });
    expect(() => cfg.updateFromFlattenedDict({ 'a.b.c': 2 })).toThrow(
      /Key "a.b.c" cannot be updated as "a" is not a ConfigDict./,
    );
  });

  it('testUpdateFromFlattenedTupleListConversion', () => {
    const cfg = new ConfigDict({ a: 1, b: { c: { d: Object.freeze([1, 2, 3, 4, 5]) } } });
    cfg.updateFromFlattenedDict({ 'b.c.d': [2, 4, 6, 8] });
    expect(Object.isFrozen(cfg.b.c.d)).toBe(true);
    expect(cfg.b.c.d).toEqual([2, 4, 6, 8]);
  });

  it('updateFromFlattenedDict with list indices', () => {
    const cfg = new ConfigDict({
      a: { b: [1, 2, 3], t: Object.freeze([1, 2, 3]), layers: [new ConfigDict({ x: 1 }), new ConfigDict({ x: 2 })] },
    });
    const b = cfg.a.b;
    cfg.updateFromFlattenedDict(
      new Map<string, unknown>([
        ['a.b[2]', 30],
        ['a.t[0]', 10],
        ['a.layers[1].x', 20],
      ]),
    );
    expect(cfg.a.b).toEqual([1, 2, 30]);
    expect(cfg.a.b).toBe(b);
    expect(cfg.a.t).toEqual([10, 2, 3]);
    expect(Object.isFrozen(cfg.a.t)).toBe(true);
    expect(cfg.a.layers[1].x).toBe(20);
    expect(() => cfg.updateFromFlattenedDict({ 'a.b[7]': 1 })).toThrow(RangeError);
    expect(() => cfg.updateFromFlattenedDict({ 'a.x[0]': 1 })).toThrow(
      'Key "a.x[0]" cannot be set as "a.x" was not found.',
    );
    cfg.a.n = 5;
    expect(() => cfg.updateFromFlattenedDict({ 'a.n[0]': 1 })).toThrow(/"a.n" is not a tuple\/list/);
  });

  it('testConvertDict', () => {
    let cfg = new ConfigDict();
    cfg.a = { b: { c: 0 } };
    expect(cfg.a).toBeInstanceOf(ConfigDict);
    expect(cfg.a.b).toBeInstanceOf(ConfigDict);
    cfg = new ConfigDict(undefined, { convertDict: false });
    cfg.a = { b: { c: 0 } };
    expect(cfg.a).not.toBeInstanceOf(ConfigDict);
    expect(cfg.a.b).not.toBeInstanceOf(ConfigDict);
    expect(cfg.convertDict).toBe(false);
    expect(cfg.getType('a')).toBe(Object);
  });

  it('testConvertDictInInitialValue', () => {
    const initial = { a: { b: { c: 0 } } };
    let cfg = new ConfigDict(initial);
    expect(cfg.a).toBeInstanceOf(ConfigDict);
    expect(cfg.a.b).toBeInstanceOf(ConfigDict);
    cfg = new ConfigDict(initial, { convertDict: false });
    expect(cfg.a).toBe(initial.a);
    expect(cfg.a.b).not.toBeInstanceOf(ConfigDict);
  });

  it('testConvertDictInCopyAndResolveReferences', () => {
    let cfg = new ConfigDict();
    cfg.a = { b: { c: 0 } };
    let copied = cfg.copyAndResolveReferences();
    expect(copied.a).toBeInstanceOf(ConfigDict);
    expect(copied.a.b).toBeInstanceOf(ConfigDict);
    cfg = new ConfigDict(undefined, { convertDict: false });
    cfg.a = { b: { c: 0 } };
    copied = cfg.copyAndResolveReferences();
    expect(copied.a).not.toBeInstanceOf(ConfigDict);
    expect(copied.a.b).not.toBeInstanceOf(ConfigDict);
  });

  it('testConvertDictTypeCompat', () => {
    const cfg = new ConfigDict();
    cfg.a = {};
    expect(cfg.a).toBeInstanceOf(ConfigDict);
    cfg.a = {};
    expect(cfg.a).toBeInstanceOf(ConfigDict);
  });

  it('testRecursiveRename', () => {
    const cfg = new ConfigDict(TEST_DICT);
    const renamed = recursiveRename(cfg, 'float', 'double');
    expect(renamed.toDict()).toEqual(TEST_DICT_CHANGE_FLOAT_NAME);
    expect(cfg.toDict()).toEqual(TEST_DICT);
  });

  it('testGetOnewayRef', () => {
    const cfg = create({ a: 1 });
    cfg.b = cfg.getOnewayRef('a');
    cfg.a = 2;
    expect(cfg.b).toBe(2);
    cfg.b = 3;
    expect(cfg.a).toBe(2);
    expect(cfg.b).toBe(3);
  });
});

describe('create / placeholder (config_dict_test.CreateTest, PlaceholderTest)', () => {
  it('CreateTest.testBasic', () => {
    expect(create({ a: 1, b: 'b' }).toDict()).toEqual({ a: 1, b: 'b' });
  });

  it('CreateTest.testNested', () => {
    const config = create({ data: create({ game: 'freeway' }), model: create({ num_hidden: 1000 }) });
    expect(config.toDict()).toEqual({ data: { game: 'freeway' }, model: { num_hidden: 1000 } });
  });

  it('PlaceholderTest.testBasic', () => {
    const config = create({ a: 1, b: placeholder(Number) });
    expect(config.toDict()).toEqual({ a: 1, b: null });
    config.b = 5;
    expect(config.toDict()).toEqual({ a: 1, b: 5 });
  });

  it('PlaceholderTest.testTypeChecking', () => {
    const config = create({ a: 1, b: placeholder(Number) });
    expect(() => {
      config.b = 'chutney';
    }).toThrow(TypeError);
  });

  it('PlaceholderTest.testRequired', () => {
    let config = create({ a: requiredPlaceholder(Number) });
    const ref = config.getRef('a');
    expect(() => config.a).toThrow(RequiredValueError);
    expect(() => config.toDict()).toThrow(RequiredValueError);
    expect(() => ref.get()).toThrow(RequiredValueError);
    config.a = 10;
    expect(config.toDict()).toEqual({ a: 10 });
    expect(String(config)).toBe('a: 10\n');
    config.a = null;
    expect(() => config.a).toThrow(RequiredValueError);
    ref.set(5);
    expect(config.toDict()).toEqual({ a: 5 });

    const testDict = { field: 10 };
    config = create({ a: requiredPlaceholder(Object), b: new FieldReference({ ...testDict }) });
    expect(config.b.toDict()).toEqual(testDict);
    config.a = testDict;
    expect(config.a).toEqual(testDict);
  });

  it('RequiredValueError names the full dotted path', () => {
    const config = create({ model: create({ batch_size: requiredPlaceholder(Number) }) });
    expect(() => config.model.batch_size).toThrow(RequiredValueError);
    expect(() => config.model.batch_size).toThrow(/"model\.batch_size"/);
    expect(() => config.toDict()).toThrow(/"model\.batch_size"/);
    expect(() => config['model.batch_size']).toThrow(/"model\.batch_size"/);
    expect(() => config.toJson()).toThrow(RequiredValueError);
    config.model.batch_size = 32;
    expect(config.model.batch_size).toBe(32);
  });

  it('lazy fields may be built on required placeholders before they are set', () => {
    const config = create({ steps: requiredPlaceholder(Number) });
    config.half = config.getRef('steps').floordiv(2);
    expect(() => config.half).toThrow(RequiredValueError);
    expect(() => config.half).toThrow(/"half" cannot be computed yet/);
    expect(() => config.steps).toThrow('Required field "steps" has no value');
    config.steps = 10;
    expect(config.half).toBe(5);
  });

  it('CycleTest.testCycle', () => {
    const config = create({ a: 1 });
    config.b = config.getRef('a').add(config.getRef('a'));
    expect(config.getRef('b').hasCycle()).toBe(false);
    expect(() => {
      config.a = config.getRef('a');
    }).toThrow(MutabilityError);
    expect(() => {
      config.a = config.getRef('b');
    }).toThrow(MutabilityError);
    expect(config.a).toBe(1);
    expect(config.b).toBe(2);
  });
});
