import { describe, expect, it } from 'vitest';
import { declareAbstract } from './abstract.js';
import { discoverViaSubclasses } from './discover-via-subclasses.js';
import { Pluggable } from './pluggable.js';
import { registerPlugin } from './registry.js';

describe('discoverViaSubclasses', () => {
  it('finds nothing for a class without registered subclasses', () => {
    class SomeClass extends Pluggable {}
    expect(discoverViaSubclasses(SomeClass).size).toBe(0);
  });

  it('finds registered descendants at any depth, abstract or not, but not siblings or the parent', () => {
    abstract class ParentClass {
      static {
        declareAbstract(this, 'someMethod');
      }
      abstract someMethod(): void;
    }
    abstract class SomeClass extends ParentClass {}
    abstract class SiblingClass extends ParentClass {}
    registerPlugin(ParentClass, 'test.subclasses.ParentClass');
    registerPlugin(SiblingClass, 'test.subclasses.SiblingClass');
    class DerivedOne extends SomeClass {
      static {
        registerPlugin(this, 'test.subclasses.DerivedOne');
      }
      someMethod() {}
    }
    class DerivedTwo extends SomeClass {
      static {
        registerPlugin(this, 'test.subclasses.DerivedTwo');
      }
      someMethod() {}
    }
    class DerivedTwoSubOne extends DerivedTwo {
      static {
        registerPlugin(this, 'test.subclasses.DerivedTwoSubOne');
      }
    }
    abstract class AbstractLeaf extends DerivedTwoSubOne {
      static {
        declareAbstract(this, 'more');
        registerPlugin(this, 'test.subclasses.AbstractLeaf');
      }
      abstract more(): void;
    }
    expect(discoverViaSubclasses(SomeClass)).toEqual(new Set([DerivedOne, DerivedTwo, DerivedTwoSubOne, AbstractLeaf]));
  });

  it('does not see unregistered classes (registration is how in-program classes are found)', () => {
    class Iface extends Pluggable {}
    class Forgotten extends Iface {}
    expect(discoverViaSubclasses(Iface).has(Forgotten)).toBe(false);
  });

  it('throws for a non-class', () => {
    expect(() => discoverViaSubclasses('x' as never)).toThrow(
      /discoverViaSubclasses: iface: expected a class, got string "x"/,
    );
  });
});
