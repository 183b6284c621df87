/** ml_collections' frozen_config_dict_test.py for the TypeScript API (frozen arrays play tuples). */
import { describe, expect, it } from 'vitest';
import { ConfigDict, FieldReference, FrozenConfigDict } from './index.js';

const tuple = (...xs: unknown[]): readonly unknown[] => Object.freeze(xs);
const frozenSet = (xs: unknown[]) => new FrozenConfigDict({ s: new Set(xs) }).s as Set<unknown>;

// biome-ignore lint/suspicious/noExplicitAny: test fixture
function testDict(): Record<string, any> {
  return {
    int: 2,
    list: [1, 2],
    nested_list: [[1, [2]]],
    set: new Set([1, 2]),
    tuple: tuple(1, 2),
    frozenset: frozenSet([1, 2]),
    dict: {
      float: -1.23,
      list: [1, 2],
      dict: {},
      tuple_containing_list: tuple(1, 2, tuple(3, [4, 5], tuple(6, 7))),
      list_containing_tuple: [1, 2, [3, 4], tuple(5, 6)],
    },
    ref: new FieldReference({ int: 0 }),
  };
}

const testFrozen = () => new FrozenConfigDict(testDict());

function expectRejected(inputs: object[]) {
  for (const input of inputs) expect(() => new FrozenConfigDict(input)).toThrow(/bad initialization/);
}

describe('FrozenConfigDict (frozen_config_dict_test.FrozenConfigDictTest)', () => {
  it('testBasicEquality', () => {
    const fcd = testFrozen();
    expect(fcd.equals(new FrozenConfigDict(new ConfigDict(testDict())))).toBe(true);
    expect(fcd.equals(new FrozenConfigDict(fcd))).toBe(true);
  });

  it('testImmutability', () => {
    const d = testDict();
    const fcd = new FrozenConfigDict(d);
    expect(fcd.list).toEqual([1, 2]);
    expect(Object.isFrozen(fcd.list)).toBe(true);
    expect(fcd.tuple).toBe(d.tuple);
    // `set` is a method name: the field is reached with get().
    expect(fcd.get('set')).toEqual(new Set([1, 2]));
    expect(() => fcd.get('set').add(3)).toThrow(TypeError);
    expect(fcd.get('set').size).toBe(2);
    expect(fcd.frozenset).toBe(d.frozenset);
    expect(Object.isFrozen(fcd.dict.list)).toBe(true);
    expect(Object.isFrozen(fcd.dict.tuple_containing_list[2][1])).toBe(true);
    expect(fcd.dict.tuple_containing_list[2][1]).toEqual([4, 5]);
    expect(fcd.dict).toBeInstanceOf(FrozenConfigDict);
    expect(fcd.nested_list[0][1]).toEqual([2]);
    expect(Object.isFrozen(fcd.nested_list[0][1])).toBe(true);

    expect(() => {
      fcd.newitem = 0;
    }).toThrow(TypeError);
    expect(() => {
      fcd.dict.float = 0;
    }).toThrow(/immutable/);
    expect(() => {
      fcd['newitem'] = 0;
    }).toThrow(TypeError);
    expect(() => {
      delete fcd.int;
    }).toThrow(TypeError);
    expect(() => fcd.set('int', 3)).toThrow(TypeError);
    expect(() => fcd.delete('int')).toThrow(TypeError);
    expect(() => {
      fcd.list.push(3);
    }).toThrow(TypeError);
    expect(() => Object.defineProperty(fcd, 'x', { value: 1 })).toThrow(TypeError);
    expect(fcd.int).toBe(2);
  });

  it('writes throw even from sloppy-mode code', () => {
    const fcd = testFrozen();
    const sloppySet = new Function('o', 'o.int = 5; return o.int;') as (o: unknown) => unknown;
    const sloppyDelete = new Function('o', 'delete o.int;') as (o: unknown) => unknown;
    expect(() => sloppySet(fcd)).toThrow(TypeError);
    expect(() => sloppyDelete(fcd)).toThrow(TypeError);
    const cfg = new ConfigDict({ int: 1 }).lock();
    expect(() => sloppySet(new ConfigDict({ int: 'x' }))).toThrow(TypeError);
    expect(new Function('o', 'o.other = 1;') as (o: unknown) => void).toBeTypeOf('function');
    expect(() => (new Function('o', 'o.other = 1;') as (o: unknown) => void)(cfg)).toThrow(/locked/);
  });

  it('testLockAndFreeze', () => {
    const fcd = testFrozen();
    expect(fcd.isLocked).toBe(false);
    expect(fcd.asConfigdict().isLocked).toBe(false);
    expect(() => fcd.lock()).toThrow(TypeError);
    expect(() => fcd.unlock()).toThrow(TypeError);
    expect(() => fcd.freeze()).toThrow(/no field "freeze"/);
    expect(() => fcd.unfreeze()).toThrow(/no field "unfreeze"/);
    const locked = new FrozenConfigDict(new ConfigDict(testDict()).lock());
    expect(locked.isLocked).toBe(true);
    expect(() => locked.unlocked(() => 1)).toThrow(TypeError);
    expect(fcd.unlocked(() => 1)).toBe(1);
  });

  it('testInitConfigDict', () => {
    const withoutNode = testDict();
    delete withoutNode.ref;
    const withNode = testDict();
    delete withNode.ref;
    withNode.dict = new FrozenConfigDict(withNode.dict);
    const cdWithout = new ConfigDict(withoutNode);
    const cdWith = new ConfigDict(withNode);
    expect(cdWith.dict).toBeInstanceOf(ConfigDict);
    expect(cdWith.dict).not.toBeInstanceOf(FrozenConfigDict);
    expect(cdWithout.equals(cdWith)).toBe(true);
    expect(new FrozenConfigDict(withoutNode).equals(new FrozenConfigDict(withNode))).toBe(true);
  });

  it('testInitCopying: copies when and only when necessary', () => {
    const d = testDict();
    const fcd = new FrozenConfigDict(d);
    for (const [x, y] of [
      [d.tuple, fcd.tuple],
      [d.frozenset, fcd.frozenset],
      [d.dict.tuple_containing_list[2][2], fcd.dict.tuple_containing_list[2][2]],
      [d.dict.list_containing_tuple[3], fcd.dict.list_containing_tuple[3]],
    ]) {
      expect(y).toBe(x);
    }
    for (const [x, y] of [
      [d.list, fcd.list],
      [d.dict.tuple_containing_list[2][1], fcd.dict.tuple_containing_list[2][1]],
    ]) {
      expect(y).not.toBe(x);
      expect(y).toEqual(x);
    }
    // Converting back gives the caller's tuples, not copies.
    expect(new ConfigDict(fcd).dict.tuple_containing_list).toBe(d.dict.tuple_containing_list);
  });

  it("the caller's arrays are copied: later changes do not reach the frozen dict", () => {
    const d = { list: [1, 2], nested: { list: [3] } };
    const fcd = new FrozenConfigDict(d);
    const h = fcd.hash();
    d.list.push(99);
    d.nested.list.push(99);
    expect(fcd.list).toEqual([1, 2]);
    expect(fcd.nested.list).toEqual([3]);
    expect(fcd.hash()).toBe(h);
    expect(fcd.equals(new FrozenConfigDict({ list: [1, 2], nested: { list: [3] } }))).toBe(true);
    const thawed = fcd.asConfigdict();
    thawed.list.push(5);
    expect(fcd.list).toEqual([1, 2]);
    expect(Object.isFrozen(thawed.list)).toBe(false);
  });

  it('testAsConfigDict', () => {
    expect(new ConfigDict(new FrozenConfigDict()).equals(new ConfigDict())).toBe(true);
    let cd = new ConfigDict(testDict());
    expect(cd.equals(new ConfigDict(new FrozenConfigDict(cd)))).toBe(true);
    cd.lock();
    expect(cd.equals(new ConfigDict(new FrozenConfigDict(cd)))).toBe(true);
    cd = new ConfigDict(testDict(), { typeSafe: false });
    expect(cd.equals(new ConfigDict(new FrozenConfigDict(cd)))).toBe(true);
    expect(new FrozenConfigDict(cd).isTypeSafe).toBe(false);
    expect(new FrozenConfigDict(cd).asConfigdict().isTypeSafe).toBe(false);
  });

  it('testInitSelfReferencing', () => {
    // biome-ignore lint/suspicious/noExplicitAny: cyclic fixtures
    const selfRef: any = {};
    selfRef.self = selfRef;
    // biome-ignore lint/suspicious/noExplicitAny: cyclic fixtures
    const parentRef: any = { dict: {} };
    parentRef.dict.parent = parentRef;
    // biome-ignore lint/suspicious/noExplicitAny: cyclic fixtures
    const tupleParentRef: any = { dict: {} };
    tupleParentRef.dict.tuple = tuple(1, 2, tupleParentRef);
    // biome-ignore lint/suspicious/noExplicitAny: cyclic fixtures
    const inner: any = {};
    inner.self = inner;
    const attributeCycle = { dict: inner };
    expectRejected([selfRef, parentRef, tupleParentRef, attributeCycle]);
  });

  it('testInitCycles', () => {
    const innerCyclicList: unknown[] = [1, 2];
    const cyclicList = [3, innerCyclicList];
    innerCyclicList.push(cyclicList);
    const withList = testDict();
    withList.cyclic_list = cyclicList;
    const withTuple = testDict();
    withTuple.dict.cyclic_tuple = Object.freeze([...cyclicList]);
    expectRejected([withList, withTuple]);
    expect(() => new FrozenConfigDict(withList)).toThrow(/cycle/);
  });

  it('testInitDictInList', () => {
    expectRejected([
      { list: [1, 2, 3, { a: 4, b: 5 }] },
      { tuple: tuple(1, 2, 3, { a: 4, b: 5 }) },
      { list: [1, 2, 3, new ConfigDict(testDict())] },
      { tuple: tuple(1, 2, 3, new ConfigDict(testDict())) },
      { fr: new FieldReference([1, { a: 2 }]) },
    ]);
    expect(() => new FrozenConfigDict({ list: [1, { a: 4 }] })).toThrow(/"list\[1\]"/);
  });

  it('testInitFieldReferenceInList', () => {
    expectRejected([{ list: [1, 2, 3, new FieldReference(4)] }, { tuple: tuple(1, 2, 3, new FieldReference('a')) }]);
  });

  it('testInitInvalidAttributeName', () => {
    expect(() => new FrozenConfigDict({ 'dot.name': null })).toThrow(/dots/);
    expect(() => new FrozenConfigDict(JSON.parse('{"__proto__": null}'))).toThrow(/__proto__/);
  });

  it('testFieldReferenceResolved', () => {
    const cfg = new ConfigDict({ fr: new FieldReference(1) });
    const frozen = new FrozenConfigDict(cfg);
    expect(frozen.items({ preserveFieldReferences: true })).toEqual([['fr', 1]]);
    expect(frozen.items({ preserveFieldReferences: true })[0]![1]).not.toBeInstanceOf(FieldReference);
    expect(typeof frozen.hash()).toBe('number');
  });

  it('testFieldReferenceCycle', () => {
    const fs = frozenSet([1, 2]);
    const frozensetFr = { frozenset: fs, fr: new FieldReference(fs) };
    const list = [1, 2];
    const listFr = { list, fr: new FieldReference(list) };
    // biome-ignore lint/suspicious/noExplicitAny: cyclic fixtures
    const cyclicFr: any = { a: 1 };
    cyclicFr.fr = new FieldReference(cyclicFr);
    // biome-ignore lint/suspicious/noExplicitAny: cyclic fixtures
    const cyclicFrParent: any = { dict: {} };
    cyclicFrParent.dict.fr = new FieldReference(cyclicFrParent);
    const a = new FrozenConfigDict(frozensetFr);
    const b = new FrozenConfigDict(listFr);
    expect(a.fr).toBe(a.frozenset);
    expect(b.fr).toBe(b.list);
    expectRejected([cyclicFr, cyclicFrParent]);
  });

  it('testDeepCopy: a copy is equal', () => {
    const fcd = testFrozen();
    expect(fcd.copyAndResolveReferences().equals(fcd)).toBe(true);
    expect(new FrozenConfigDict(fcd.asConfigdict()).equals(fcd)).toBe(true);
  });

  it('testEquals: respects hidden mutability (a frozen array is a tuple)', () => {
    const fcd = testFrozen();
    expect(fcd.equals([1, 2])).toBe(false);
    expect(fcd.equals(fcd.asConfigdict())).toBe(false);

    const listToTuple = testDict();
    listToTuple.list = tuple(...listToTuple.list);
    const fcdListToTuple = new FrozenConfigDict(listToTuple);
    const setToFrozenset = testDict();
    setToFrozenset.set = frozenSet([...setToFrozenset.set]);
    const fcdSetToFrozenset = new FrozenConfigDict(setToFrozenset);

    expect(fcd.equals(fcdListToTuple)).toBe(false);
    expect(fcd.equals(fcdSetToFrozenset)).toBe(true);
    expect(fcd.items()).toEqual(fcdListToTuple.items());
    expect(fcd.items()).toEqual(fcdSetToFrozenset.items());
  });

  it('testEqualsAsConfigDict', () => {
    const fcd = testFrozen();
    expect(fcd.eqAsConfigdict([1, 2])).toBe(false);
    expect(fcd.eqAsConfigdict(fcd.asConfigdict())).toBe(true);
    expect(new FrozenConfigDict().eqAsConfigdict(new ConfigDict())).toBe(true);

    const listToTuple = testDict();
    listToTuple.list = tuple(...listToTuple.list);
    const setToFrozenset = testDict();
    setToFrozenset.set = frozenSet([...setToFrozenset.set]);
    expect(fcd.eqAsConfigdict(new FrozenConfigDict(listToTuple))).toBe(false);
    expect(fcd.eqAsConfigdict(new FrozenConfigDict(setToFrozenset))).toBe(true);
  });

  it('testHash: consistent with equality, respects hidden mutability', () => {
    const listToTuple = testDict();
    listToTuple.list = tuple(...listToTuple.list);
    expect(testFrozen().hash()).toBe(new FrozenConfigDict(testDict()).hash());
    expect(testFrozen().hash()).not.toBe(new FrozenConfigDict(listToTuple).hash());
    expect(Number.isInteger(testFrozen().hash())).toBe(true);
    const setToFrozenset = testDict();
    setToFrozenset.set = frozenSet([2, 1]);
    expect(testFrozen().hash()).toBe(new FrozenConfigDict(setToFrozenset).hash());
    const locked = new FrozenConfigDict(new ConfigDict(testDict()).lock());
    expect(locked.equals(testFrozen())).toBe(false);
    expect(locked.hash()).not.toBe(testFrozen().hash());
  });

  it('testUnhashableType', () => {
    const unhashable = new FrozenConfigDict({ unhashable: new Uint8Array(2) });
    expect(() => unhashable.hash()).toThrow(TypeError);
    expect(() => unhashable.hash()).toThrow(/unhashable type Uint8Array/);
  });

  it('testToDict: does not care about hidden mutability', () => {
    const listToTuple = testDict();
    listToTuple.list = tuple(...listToTuple.list);
    expect(testFrozen().toDict()).toEqual(new FrozenConfigDict(listToTuple).toDict());
  });

  it('round trips through JSON and YAML as frozen dicts', () => {
    const fcd = new FrozenConfigDict({ a: 1, b: { c: [1, 2] }, s: 'x' });
    const fromJson = FrozenConfigDict.fromJson(fcd.toJson());
    expect(fromJson).toBeInstanceOf(FrozenConfigDict);
    expect(fromJson.equals(fcd)).toBe(true);
    const fromYaml = FrozenConfigDict.fromYaml(fcd.toYaml());
    expect(fromYaml.equals(fcd)).toBe(true);
    expect(fromYaml.hash()).toBe(fcd.hash());
  });

  it('refuses everything that would change it', () => {
    const fcd = new FrozenConfigDict({ a: 1, b: { c: 2 } });
    expect(() => fcd.update({ a: 2 })).toThrow(/immutable/);
    expect(() => fcd.updateFromFlattenedDict({ 'b.c': 3 })).toThrow(/immutable/);
    expect(() => fcd.getRef('a')).toThrow(/immutable/);
    expect(() => fcd.getOnewayRef('a')).toThrow(/immutable/);
    expect(fcd.ignoreType(() => 7)).toBe(7);
    expect(fcd.toDict()).toEqual({ a: 1, b: { c: 2 } });
  });

  it('shared sub-dicts stay shared; reads and iteration work as for ConfigDict', () => {
    const shared = { x: [1] };
    const fcd = new FrozenConfigDict({ p: shared, q: shared });
    expect(fcd.p).toBe(fcd.q);
    expect(fcd.keys()).toEqual(['p', 'q']);
    expect(fcd.getType('p')).toBe(FrozenConfigDict);
    expect(fcd.get('p.x')).toEqual([1]);
    expect(fcd).toEqual({ p: { x: [1] }, q: { x: [1] } });
    expect(() => fcd.p.y).toThrow(/no field "p\.y"/);
  });

  it('validates its arguments', () => {
    // biome-ignore lint/suspicious/noExplicitAny: wrong arguments on purpose
    expect(() => new FrozenConfigDict({}, { typeSafe: 'no' as any })).toThrow(TypeError);
    // biome-ignore lint/suspicious/noExplicitAny: wrong arguments on purpose
    expect(() => new FrozenConfigDict(5 as any)).toThrow(/expected a plain object/);
  });
});
