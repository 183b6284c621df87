import type { AnyClass } from './abstract.js';
import { PLUGGABLE } from './brand.js';
import { Configurable } from './configurable.js';
import { DEFAULT_PLUGIN_ENV_VAR, DEFAULT_PLUGIN_NAMESPACE } from './constants.js';
import { assertUsable } from './construction.js';
import { getImplsOf } from './get-impls.js';

/**
 * Both Pluggable and Configurable (SMQTK's `Plugfigurable`): the base of algorithm interfaces such as
 * `PerturbImage`. `x instanceof Pluggable` and `x instanceof Configurable` both hold for its instances.
 *
 * ```ts
 * export abstract class PerturbImage extends Plugfigurable {
 *   static { declareAbstract(this, 'perturb'); }
 *   abstract perturb(refImage: NdArray): NdArray;
 * }
 * ```
 */
export abstract class Plugfigurable extends Configurable {
  /** Environment variable listing plugin modules (path-list separated). */
  static PLUGIN_ENV_VAR: string = DEFAULT_PLUGIN_ENV_VAR;
  /** package.json key under which installed packages list plugin modules. */
  static PLUGIN_NAMESPACE: string = DEFAULT_PLUGIN_NAMESPACE;

  /** The valid, usable implementations of the interface this is called on (see `Pluggable.getImpls`). */
  static getImpls<C extends AnyClass>(this: C): Set<C> {
    return getImplsOf(this as C & typeof Plugfigurable);
  }

  /** Whether this class can be used in the current environment. Override (and warn why) to say no. */
  static isUsable(): boolean {
    return true;
  }

  constructor(options: object = {}) {
    assertUsable(new.target);
    super(options);
  }
}

Object.defineProperty(Plugfigurable.prototype, PLUGGABLE, { value: true });
