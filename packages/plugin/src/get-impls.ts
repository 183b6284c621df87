import type { AnyClass } from './abstract.js';
import { discoverViaSubclasses } from './discover-via-subclasses.js';
import { filterPluginTypes } from './is-valid-plugin.js';
import { loadedTypes } from './loaded.js';

/** What `getImpls()` reads from an interface class. */
export interface PluginInterface extends AnyClass {
  readonly PLUGIN_ENV_VAR: string;
  readonly PLUGIN_NAMESPACE: string;
}

/**
 * The valid plugins of `iface` among the registered classes and the classes `discoverPlugins()` loaded
 * for `iface.PLUGIN_ENV_VAR` and `iface.PLUGIN_NAMESPACE`. Synchronous: it never loads modules.
 */
export function getImplsOf<C extends PluginInterface>(iface: C): Set<C> {
  const pool = [...discoverViaSubclasses(iface), ...loadedTypes(iface.PLUGIN_ENV_VAR, iface.PLUGIN_NAMESPACE)];
  return filterPluginTypes(iface, pool);
}
