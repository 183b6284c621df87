import type { AnyClass } from './abstract.js';
import { className, describe } from './json.js';

const classByName = new Map<string, AnyClass>();
const nameByClass = new Map<AnyClass, string>();

/**
 * Registers a class under an explicit, stable name: the `type` that names it in configurations
 * (never derived from `class.name`, which minifiers rename). Registration also makes the class
 * discoverable by `discoverViaSubclasses` / `getImpls()` of its interfaces. Put it in the class body:
 *
 * ```ts
 * class RISEGrid extends PerturbImage {
 *   static { registerPlugin(this, 'salkit.perturb.RISEGrid'); }
 * }
 * ```
 *
 * Registering the same class under the same name again is a no-op. Throws when the name is taken by
 * another class, when the class already has another name, or when the name is empty or `"type"`.
 * Returns the class.
 */
export function registerPlugin<C extends AnyClass>(cls: C, name: string): C {
  if (typeof cls !== 'function' || typeof (cls as { prototype?: unknown }).prototype !== 'object') {
    throw new TypeError(`registerPlugin: cls: expected a class, got ${describe(cls)}`);
  }
  if (typeof name !== 'string' || name.trim() !== name || name.length === 0) {
    throw new TypeError(
      `registerPlugin(${className(cls)}): name: expected a non-empty string without surrounding spaces, got ${describe(name)}`,
    );
  }
  if (name === 'type') {
    throw new TypeError(`registerPlugin(${className(cls)}): name: "type" is reserved by the configuration format`);
  }
  const existing = classByName.get(name);
  if (existing !== undefined && existing !== cls) {
    throw new Error(
      `registerPlugin(${className(cls)}): name ${JSON.stringify(name)} is already registered to another class (${className(existing)}); plugin names must be unique`,
    );
  }
  const previous = nameByClass.get(cls);
  if (previous !== undefined && previous !== name) {
    throw new Error(
      `registerPlugin(${className(cls)}): this class is already registered as ${JSON.stringify(previous)}, cannot also register it as ${JSON.stringify(name)}`,
    );
  }
  classByName.set(name, cls);
  nameByClass.set(cls, name);
  return cls;
}

/** The name `cls` was registered under, or `undefined` (not inherited: a subclass has its own name or none). */
export function registeredNameOf(cls: unknown): string | undefined {
  return nameByClass.get(cls as AnyClass);
}

/**
 * The registered name of `cls` (the configuration `type`). Throws an error telling how to register
 * when the class is not registered.
 */
export function typeNameOf(cls: unknown): string {
  const name = nameByClass.get(cls as AnyClass);
  if (name !== undefined) return name;
  if (typeof cls !== 'function') {
    throw new TypeError(`typeNameOf: cls: expected a registered class, got ${describe(cls)}`);
  }
  const n = className(cls);
  throw new Error(
    `${n} is not registered, so it has no configuration type name: add \`static { registerPlugin(this, 'my.package.${n}'); }\` to the body of class ${n}`,
  );
}

/** All registered classes, in registration order. */
export function registeredClasses(): AnyClass[] {
  return [...nameByClass.keys()];
}
