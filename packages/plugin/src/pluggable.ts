import type { AnyClass } from './abstract.js';
import { PLUGGABLE } from './brand.js';
import { DEFAULT_PLUGIN_ENV_VAR, DEFAULT_PLUGIN_NAMESPACE } from './constants.js';
import { assertNotAbstract, assertUsable } from './construction.js';
import { getImplsOf } from './get-impls.js';

/**
 * Base of interfaces whose implementations are discovered at run time (SMQTK's `Pluggable`).
 *
 * - `Iface.getImpls()`: the set of valid implementations of `Iface` (see `isValidPlugin`) among the
 *   classes registered with `registerPlugin` and those loaded by `await discoverPlugins()`. It is
 *   synchronous and never imports modules: call `discoverPlugins()` once at start-up first if plugins
 *   come from `SALKIT_PLUGIN_PATH` or installed packages.
 * - `static isUsable()`: override to report missing run-time requirements (default true).
 * - `PLUGIN_ENV_VAR` / `PLUGIN_NAMESPACE`: where `discoverPlugins()` looks, per interface.
 *
 * Constructing a class that is abstract (see `declareAbstract`) throws a TypeError; one whose
 * `isUsable()` is false throws `NotUsableError`.
 */
export abstract class Pluggable {
  /** Environment variable listing plugin modules (path-list separated). */
  static PLUGIN_ENV_VAR: string = DEFAULT_PLUGIN_ENV_VAR;
  /** package.json key under which installed packages list plugin modules. */
  static PLUGIN_NAMESPACE: string = DEFAULT_PLUGIN_NAMESPACE;

  /** The valid, usable implementations of the interface this is called on. */
  static getImpls<C extends AnyClass>(this: C): Set<C> {
    return getImplsOf(this as C & typeof Pluggable);
  }

  /** Whether this class can be used in the current environment. Override (and warn why) to say no. */
  static isUsable(): boolean {
    return true;
  }

  /** `x instanceof Pluggable` also holds for Plugfigurable instances. */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this === Pluggable) {
      return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PLUGGABLE] === true;
    }
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }

  constructor() {
    assertUsable(new.target);
    assertNotAbstract(new.target);
  }
}

Object.defineProperty(Pluggable.prototype, PLUGGABLE, { value: true });
