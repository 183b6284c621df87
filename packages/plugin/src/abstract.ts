import { className, describe } from './json.js';

/**
 * Any class, abstract or not. (`never[]` parameters make every constructor assignable.)
 */
export type AnyClass<T = unknown> = abstract new (...args: never[]) => T;

const declared = new WeakMap<object, string[]>();

/**
 * Declares abstract methods (or accessors) of an interface class in a way that survives compilation
 * (TypeScript's `abstract` keyword leaves nothing at run time). Call it in the class body:
 *
 * ```ts
 * abstract class PerturbImage extends Plugfigurable {
 *   static { declareAbstract(this, 'perturb'); }
 *   abstract perturb(refImage: NdArray): NdArray;
 * }
 * ```
 *
 * A class is abstract while any member declared this way by it or an ancestor has no implementation
 * defined on a class strictly below the declaring one (a placeholder body on the interface itself does
 * not count). Abstract classes are never valid plugins and cannot be constructed. Names are type-checked
 * against the instance type.
 */
export function declareAbstract<T>(cls: AnyClass<T>, ...names: (keyof T & string)[]): void {
  if (typeof cls !== 'function') {
    throw new TypeError(`declareAbstract: cls: expected a class, got ${describe(cls)}`);
  }
  for (const name of names as unknown[]) {
    if (typeof name !== 'string' || name.length === 0) {
      throw new TypeError(
        `declareAbstract(${className(cls)}): names: expected non-empty strings, got ${describe(name)}`,
      );
    }
  }
  const own = declared.get(cls) ?? [];
  for (const name of names) if (!own.includes(name)) own.push(name);
  declared.set(cls, own);
}

/** The chain `cls, parent of cls, ...` of constructors (static prototype chain), ending before `Function.prototype`. */
export function classChain(cls: object): object[] {
  const chain: object[] = [];
  for (let c: object | null = cls; c !== null && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    chain.push(c);
  }
  return chain;
}

function definingPrototype(start: object, name: string): object | null {
  for (let p: object | null = start; p !== null; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d !== undefined) return d.get !== undefined || d.set !== undefined || d.value !== undefined ? p : null;
  }
  return null;
}

/**
 * The abstract members (declared with {@link declareAbstract}) that `cls` leaves unimplemented, sorted.
 * Empty for a concrete class.
 */
export function abstractMethodsOf(cls: AnyClass): string[] {
  const proto = (cls as { prototype?: unknown }).prototype;
  if (typeof cls !== 'function' || typeof proto !== 'object' || proto === null) return [];
  const missing = new Set<string>();
  for (const decl of classChain(cls)) {
    const names = declared.get(decl);
    if (names === undefined) continue;
    const declProto = (decl as { prototype: object }).prototype;
    for (const name of names) {
      const where = definingPrototype(proto, name);
      const below = where !== null && where !== declProto && Object.prototype.isPrototypeOf.call(declProto, where);
      if (!below) missing.add(name);
    }
  }
  return [...missing].sort();
}

/** True when `cls` leaves at least one declared abstract member unimplemented. */
export function isAbstract(cls: AnyClass): boolean {
  return abstractMethodsOf(cls).length > 0;
}
