import { describe, expect, it } from 'vitest';
import { declareAbstract } from './abstract.js';
import { filterPluginTypes, isValidPlugin } from './is-valid-plugin.js';
import { Pluggable } from './pluggable.js';

describe('isValidPlugin', () => {
  it('rule 1: the interface itself is not a plugin of itself', () => {
    class Iface {}
    expect(isValidPlugin(Iface, Iface)).toBe(false);
  });

  it('rule 2: a class that does not descend from the interface is not a plugin', () => {
    class Iface {}
    class Other {}
    expect(isValidPlugin(Other, Iface)).toBe(false);
    // nor is the parent of the interface
    class Child extends Iface {}
    expect(isValidPlugin(Iface, Child)).toBe(false);
  });

  it('rule 3: a subclass leaving an abstract method or accessor unimplemented is not a plugin', () => {
    abstract class Iface {
      static {
        declareAbstract(this, 'absMethod', 'absProp');
      }
      abstract absMethod(): void;
      abstract get absProp(): number;
    }
    abstract class ImplementsMethodOnly extends Iface {
      absMethod() {}
    }
    abstract class ImplementsPropOnly extends Iface {
      get absProp() {
        return 1;
      }
    }
    class ImplementsBoth extends ImplementsMethodOnly {
      get absProp() {
        return 1;
      }
    }
    expect(isValidPlugin(ImplementsMethodOnly, Iface)).toBe(false);
    expect(isValidPlugin(ImplementsPropOnly, Iface)).toBe(false);
    expect(isValidPlugin(ImplementsBoth, Iface)).toBe(true);
  });

  it('rule 4: a Pluggable class must report usable', () => {
    class Iface extends Pluggable {}
    class UsableFalse extends Iface {
      static override isUsable() {
        return false;
      }
    }
    class UsableTrue extends Iface {
      static override isUsable() {
        return true;
      }
    }
    expect(isValidPlugin(UsableFalse, Iface)).toBe(false);
    expect(isValidPlugin(UsableTrue, Iface)).toBe(true);
  });

  it('success: a concrete, usable strict subtype (usable by default), at any depth', () => {
    abstract class Iface {
      static {
        declareAbstract(this, 'feature');
      }
      abstract feature(): number;
    }
    class Impl extends Iface {
      feature() {
        return 1;
      }
    }
    class Deeper extends Impl {}
    expect(isValidPlugin(Impl, Iface)).toBe(true);
    expect(isValidPlugin(Deeper, Iface)).toBe(true);
  });

  it('non-classes are never plugins', () => {
    class Iface {}
    for (const v of [1, 'x', null, undefined, {}, () => 1]) expect(isValidPlugin(v, Iface)).toBe(false);
  });

  it('throws when the interface is not a class', () => {
    expect(() => isValidPlugin(class {}, (() => 1) as never)).toThrow(
      /isValidPlugin: iface: expected a class, got function/,
    );
    expect(() => isValidPlugin(class {}, null as never)).toThrow(/got null/);
  });
});

describe('filterPluginTypes', () => {
  class ClassDefinition {}
  class Derived extends ClassDefinition {}

  it('no candidates -> empty set', () => {
    expect(filterPluginTypes(ClassDefinition, []).size).toBe(0);
  });

  it('no subclasses among the candidates -> empty set', () => {
    expect(filterPluginTypes(ClassDefinition, [Number, String, Function]).size).toBe(0);
  });

  it('keeps the valid implementations', () => {
    expect(filterPluginTypes(ClassDefinition, [Number, String, Derived, Function])).toEqual(new Set([Derived]));
  });

  it('duplicates (a type found by several routes) appear once', () => {
    const out = filterPluginTypes(ClassDefinition, [Number, Derived, String, Derived]);
    expect([...out]).toEqual([Derived]);
  });

  it('validates its arguments', () => {
    expect(() => filterPluginTypes(ClassDefinition, 3 as never)).toThrow(
      /filterPluginTypes: pool: expected an iterable of classes, got number 3/,
    );
    expect(() => filterPluginTypes({} as never, [])).toThrow(/filterPluginTypes: iface: expected a class/);
  });
});
