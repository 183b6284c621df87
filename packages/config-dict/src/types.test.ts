/** Type-level checks: compiled by `tsc` with the rest of the tests (expectTypeOf is a no-op at run time). */
import { describe, expectTypeOf, it } from 'vitest';
import {
  ConfigDict,
  create,
  FieldReference,
  type FieldType,
  FrozenConfigDict,
  placeholder,
  requiredPlaceholder,
} from './index.js';

describe('typings', () => {
  it('dynamic fields are reachable with dot access', () => {
    const cfg = new ConfigDict({ model: { depth: 4 } });
    cfg.model.depth = 8;
    const typeOnly = () => {
      cfg.anything.nested.goes = 1; // type-checks (would throw at run time: no such field)
    };
    expectTypeOf(typeOnly).toBeFunction();
    expectTypeOf(cfg.model.depth).toBeAny();
    expectTypeOf(cfg.lock()).toEqualTypeOf(cfg);
    expectTypeOf(cfg.isLocked).toEqualTypeOf<boolean>();
    expectTypeOf(cfg.keys()).toEqualTypeOf<string[]>();
    expectTypeOf(cfg.getType('model')).toEqualTypeOf<FieldType | null>();
    expectTypeOf(cfg.unlocked(() => 3)).toEqualTypeOf<number>();
    expectTypeOf(cfg.ignoreType(async () => 'x')).toEqualTypeOf<Promise<string>>();
    expectTypeOf(create({ a: 1 })).toEqualTypeOf<ConfigDict<{ a: number }>>();
    expectTypeOf(new FrozenConfigDict({ a: 1 }).hash()).toEqualTypeOf<number>();
    expectTypeOf(FrozenConfigDict.fromJson('{}')).toEqualTypeOf<FrozenConfigDict>();
    expectTypeOf(ConfigDict.fromYaml('a: 1')).toEqualTypeOf<ConfigDict>();
  });

  it('references are typed by their default or fieldType', () => {
    expectTypeOf(new FieldReference(1)).toEqualTypeOf<FieldReference<number>>();
    expectTypeOf(new FieldReference(1).get()).toEqualTypeOf<number>();
    expectTypeOf(new FieldReference(null, { fieldType: String }).get()).toBeAny();
    expectTypeOf(placeholder<number>(Number)).toEqualTypeOf<FieldReference<number>>();
    expectTypeOf(requiredPlaceholder(String)).toEqualTypeOf<FieldReference<unknown>>();
    expectTypeOf(new FieldReference(1.5).toInt()).toEqualTypeOf<FieldReference<number>>();
    expectTypeOf(new FieldReference(1.5).toStr()).toEqualTypeOf<FieldReference<string>>();
    const typeOnly = () => {
      // @ts-expect-error: a number reference does not take a string (unless the type check is off)
      new FieldReference(1).set('x');
    };
    expectTypeOf(typeOnly).toBeFunction();
    new FieldReference(1).set('x', false);
  });
});
