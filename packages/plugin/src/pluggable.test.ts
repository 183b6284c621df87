import { afterEach, describe, expect, it } from 'vitest';
import { declareAbstract } from './abstract.js';
import { NotUsableError } from './errors.js';
import { clearLoadedPlugins, recordEnvVarTypes, recordNamespaceTypes } from './loaded.js';
import { Pluggable } from './pluggable.js';
import { registerPlugin } from './registry.js';

afterEach(() => clearLoadedPlugins());

describe('Pluggable', () => {
  it('has SMQTK defaults renamed for salkit', () => {
    expect(Pluggable.PLUGIN_ENV_VAR).toBe('SALKIT_PLUGIN_PATH');
    expect(Pluggable.PLUGIN_NAMESPACE).toBe('salkit_plugins');
  });

  it('getImpls() is empty when nothing implements the interface', () => {
    class SomeInterface extends Pluggable {}
    expect(SomeInterface.getImpls().size).toBe(0);
  });

  it('getImpls() returns the valid implementations of the interface it is called on, and of its sub-interfaces', () => {
    abstract class Shape extends Pluggable {
      static {
        declareAbstract(this, 'area');
      }
      abstract area(): number;
    }
    abstract class Polygon extends Shape {
      static {
        declareAbstract(this, 'sides');
      }
      abstract sides(): number;
    }
    class Circle extends Shape {
      static {
        registerPlugin(this, 'test.pluggable.Circle');
      }
      area() {
        return Math.PI;
      }
    }
    class Square extends Polygon {
      static {
        registerPlugin(this, 'test.pluggable.Square');
      }
      area() {
        return 1;
      }
      sides() {
        return 4;
      }
    }
    abstract class HalfDone extends Polygon {
      static {
        registerPlugin(this, 'test.pluggable.HalfDone');
      }
      area() {
        return 0;
      }
    }
    class Broken extends Shape {
      static {
        registerPlugin(this, 'test.pluggable.Broken');
      }
      static override isUsable() {
        return false;
      }
      area() {
        return 0;
      }
    }
    registerPlugin(Polygon, 'test.pluggable.Polygon');
    class Unrelated extends Pluggable {
      static {
        registerPlugin(this, 'test.pluggable.Unrelated');
      }
    }
    expect(Shape.getImpls()).toEqual(new Set([Circle, Square]));
    expect(Polygon.getImpls()).toEqual(new Set([Square]));
    expect(Square.getImpls()).toEqual(new Set());
    expect(Shape.getImpls().has(HalfDone as never)).toBe(false);
    expect(Shape.getImpls().has(Broken)).toBe(false);
    expect(Shape.getImpls().has(Unrelated as never)).toBe(false);
  });

  it('getImpls() includes classes loaded for its own PLUGIN_ENV_VAR and PLUGIN_NAMESPACE only', () => {
    class Iface extends Pluggable {}
    class Special extends Pluggable {
      static override PLUGIN_ENV_VAR = 'SPECIAL_PATH';
      static override PLUGIN_NAMESPACE = 'special_plugins';
    }
    class FromEnv extends Iface {}
    class FromPkg extends Iface {}
    class SpecialEnv extends Special {}
    class SpecialPkg extends Special {}
    recordEnvVarTypes('SALKIT_PLUGIN_PATH', [FromEnv, SpecialEnv, Number as never]);
    recordNamespaceTypes('salkit_plugins', [FromPkg]);
    recordEnvVarTypes('SPECIAL_PATH', [SpecialEnv]);
    recordNamespaceTypes('special_plugins', [SpecialPkg]);
    expect(Iface.getImpls()).toEqual(new Set([FromEnv, FromPkg]));
    expect(Special.getImpls()).toEqual(new Set([SpecialEnv, SpecialPkg]));
    clearLoadedPlugins();
    expect(Iface.getImpls().size).toBe(0);
  });

  it('isUsable() is true by default and can be overridden', () => {
    class SomeInterface extends Pluggable {}
    class IsUsable extends SomeInterface {}
    class NotUsable extends SomeInterface {
      static override isUsable() {
        return false;
      }
    }
    expect(IsUsable.isUsable()).toBe(true);
    expect(NotUsable.isUsable()).toBe(false);
    expect(new IsUsable()).toBeInstanceOf(SomeInterface);
  });

  it('constructing an unusable class throws NotUsableError', () => {
    class SomeInterface extends Pluggable {}
    class NotUsable extends SomeInterface {
      static override isUsable() {
        return false;
      }
    }
    expect(() => new NotUsable()).toThrow(NotUsableError);
    expect(() => new NotUsable()).toThrow(/Implementation class NotUsable is not currently usable/);
  });

  it('constructing an abstract class throws a TypeError listing the missing members', () => {
    abstract class Iface extends Pluggable {
      static {
        declareAbstract(this, 'a', 'b');
      }
      abstract a(): void;
      abstract b(): void;
    }
    abstract class Partial extends Iface {
      a() {}
    }
    class Complete extends Partial {
      b() {}
    }
    const P = Partial as unknown as new () => Partial;
    expect(() => new P()).toThrow(TypeError);
    expect(() => new P()).toThrow("Can't instantiate abstract class Partial: abstract member b not implemented");
    expect(new Complete()).toBeInstanceOf(Iface);
  });

  it('instanceof works normally on subclasses', () => {
    class A extends Pluggable {}
    class B extends A {}
    class C extends Pluggable {}
    const b = new B();
    expect(b instanceof A).toBe(true);
    expect(b instanceof C).toBe(false);
    expect(b instanceof Pluggable).toBe(true);
    expect({} instanceof Pluggable).toBe(false);
  });
});
