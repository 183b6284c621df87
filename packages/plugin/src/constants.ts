/** Default name of the environment variable listing plugin modules (`Pluggable.PLUGIN_ENV_VAR`). */
export const DEFAULT_PLUGIN_ENV_VAR = 'SALKIT_PLUGIN_PATH';
/** Default package.json key under which packages list plugin modules (`Pluggable.PLUGIN_NAMESPACE`). */
export const DEFAULT_PLUGIN_NAMESPACE = 'salkit_plugins';
