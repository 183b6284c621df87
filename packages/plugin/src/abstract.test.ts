import { describe, expect, it } from 'vitest';
import { abstractMethodsOf, classChain, declareAbstract, isAbstract } from './abstract.js';

describe('declareAbstract / abstractMethodsOf', () => {
  abstract class Iface {
    static {
      declareAbstract(this, 'run', 'size');
    }
    abstract run(): number;
    abstract get size(): number;
  }

  it('marks the interface itself abstract, listing its members sorted', () => {
    expect(abstractMethodsOf(Iface)).toEqual(['run', 'size']);
    expect(isAbstract(Iface)).toBe(true);
  });

  it('a subclass implementing only some members stays abstract (method only / accessor only)', () => {
    abstract class MethodOnly extends Iface {
      run() {
        return 1;
      }
    }
    abstract class PropOnly extends Iface {
      get size() {
        return 1;
      }
    }
    expect(abstractMethodsOf(MethodOnly)).toEqual(['size']);
    expect(abstractMethodsOf(PropOnly)).toEqual(['run']);
  });

  it('a subclass implementing everything (methods or accessors, at any depth) is concrete', () => {
    abstract class Half extends Iface {
      run() {
        return 1;
      }
    }
    class Full extends Half {
      get size() {
        return 2;
      }
    }
    expect(abstractMethodsOf(Full)).toEqual([]);
    expect(isAbstract(Full)).toBe(false);
  });

  it('a placeholder body on the declaring interface does not count as an implementation', () => {
    class WithPlaceholder {
      static {
        declareAbstract(this, 'go');
      }
      go(): number {
        throw new Error('abstract');
      }
    }
    class Inherits extends WithPlaceholder {}
    class Implements extends WithPlaceholder {
      override go() {
        return 3;
      }
    }
    expect(abstractMethodsOf(WithPlaceholder)).toEqual(['go']);
    expect(abstractMethodsOf(Inherits)).toEqual(['go']);
    expect(abstractMethodsOf(Implements)).toEqual([]);
  });

  it('a sub-interface can add members and re-declare implemented ones abstract', () => {
    abstract class Base {
      static {
        declareAbstract(this, 'a');
      }
      abstract a(): void;
    }
    abstract class Mid extends Base {
      a() {}
    }
    abstract class Sub extends Mid {
      static {
        declareAbstract(this, 'a', 'b');
      }
      abstract override a(): void;
      abstract b(): void;
    }
    class Impl extends Sub {
      override a() {}
      b() {}
    }
    expect(abstractMethodsOf(Mid)).toEqual([]);
    expect(abstractMethodsOf(Sub)).toEqual(['a', 'b']);
    expect(abstractMethodsOf(Impl)).toEqual([]);
  });

  it('an undefined-valued member is not an implementation', () => {
    abstract class I {
      static {
        declareAbstract(this, 'f');
      }
      abstract f(): void;
    }
    class C extends I {
      declare f: () => void;
    }
    Object.defineProperty(C.prototype, 'f', { value: undefined });
    expect(abstractMethodsOf(C)).toEqual(['f']);
  });

  it('classes without declarations and non-classes are not abstract', () => {
    class Plain {}
    expect(abstractMethodsOf(Plain)).toEqual([]);
    expect(abstractMethodsOf((() => 1) as never)).toEqual([]);
  });

  it('declaring twice merges names; bad arguments throw naming them', () => {
    class D {
      static {
        declareAbstract(this as never, 'x' as never);
        declareAbstract(this as never, 'x' as never, 'y' as never);
      }
    }
    expect(abstractMethodsOf(D)).toEqual(['x', 'y']);
    expect(() => declareAbstract(3 as never)).toThrow(/declareAbstract: cls: expected a class, got number 3/);
    expect(() => declareAbstract(D, '' as never)).toThrow(/declareAbstract\(D\): names: expected non-empty strings/);
  });

  it('names are type-checked against the instance type', () => {
    abstract class T {
      abstract known(): void;
    }
    // @ts-expect-error 'unknown' is not a member of T
    declareAbstract(T, 'unknownMember');
    declareAbstract(T, 'known');
    expect(abstractMethodsOf(T)).toContain('known');
  });

  it('classChain walks the static inheritance chain', () => {
    class A {}
    class B extends A {}
    expect(classChain(B)).toEqual([B, A]);
  });
});
