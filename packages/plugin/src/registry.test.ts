import { describe, expect, it } from 'vitest';
import { registeredClasses, registeredNameOf, registerPlugin, typeNameOf } from './registry.js';

describe('registerPlugin', () => {
  it('registers a class under an explicit name, independent of class.name, and returns it', () => {
    class A {}
    expect(registerPlugin(A, 'test.registry.Alpha')).toBe(A);
    expect(registeredNameOf(A)).toBe('test.registry.Alpha');
    expect(typeNameOf(A)).toBe('test.registry.Alpha');
    expect(registeredClasses()).toContain(A);
  });

  it('works as one line in the class body', () => {
    class B {
      static {
        registerPlugin(this, 'test.registry.B');
      }
    }
    expect(typeNameOf(B)).toBe('test.registry.B');
  });

  it('is idempotent for the same class and name', () => {
    class C {}
    registerPlugin(C, 'test.registry.C');
    expect(() => registerPlugin(C, 'test.registry.C')).not.toThrow();
  });

  it('refuses a name taken by another class', () => {
    class D1 {}
    class D2 {}
    registerPlugin(D1, 'test.registry.D');
    expect(() => registerPlugin(D2, 'test.registry.D')).toThrow(
      /registerPlugin\(D2\): name "test.registry.D" is already registered to another class \(D1\)/,
    );
    expect(typeNameOf(D1)).toBe('test.registry.D');
  });

  it('refuses a second name for the same class', () => {
    class E {}
    registerPlugin(E, 'test.registry.E');
    expect(() => registerPlugin(E, 'test.registry.E2')).toThrow(/already registered as "test.registry.E"/);
  });

  it('validates its arguments', () => {
    class F {}
    expect(() => registerPlugin((() => 1) as never, 'x.y')).toThrow(
      /registerPlugin: cls: expected a class, got function/,
    );
    expect(() => registerPlugin(F, '')).toThrow(/registerPlugin\(F\): name: expected a non-empty string/);
    expect(() => registerPlugin(F, ' padded ')).toThrow(/without surrounding spaces/);
    expect(() => registerPlugin(F, 3 as never)).toThrow(/got number 3/);
    expect(() => registerPlugin(F, 'type')).toThrow(/"type" is reserved/);
  });

  it('is not inherited: a subclass has its own name or none', () => {
    class P {
      static {
        registerPlugin(this, 'test.registry.P');
      }
    }
    class Q extends P {}
    expect(registeredNameOf(Q)).toBeUndefined();
    expect(() => typeNameOf(Q)).toThrow(
      "Q is not registered, so it has no configuration type name: add `static { registerPlugin(this, 'my.package.Q'); }` to the body of class Q",
    );
  });

  it('typeNameOf rejects non-classes', () => {
    expect(() => typeNameOf(42)).toThrow(/typeNameOf: cls: expected a registered class, got number 42/);
  });
});
