export { type AnyClass, abstractMethodsOf, declareAbstract, isAbstract } from './abstract.js';
export { clsConfToConfigDict } from './cls-conf-to-config-dict.js';
export { clsConfFromConfigDict, fromConfigDict, makeDefaultConfig, toConfigDict } from './config-dict.js';
export { Configurable } from './configurable.js';
export { type ConfigurableFieldOptions, configurableField, type NestedConfig } from './configurable-field.js';
export { configurationTestHelper } from './configuration-test-helper.js';
export { DEFAULT_PLUGIN_ENV_VAR, DEFAULT_PLUGIN_NAMESPACE } from './constants.js';
export { type DiscoverPluginsOptions, discoverPlugins } from './discover-plugins.js';
export {
  type DiscoverViaEntrypointOptions,
  discoverViaEntrypointExtensions,
} from './discover-via-entrypoint-extensions.js';
export { type DiscoverViaEnvVarOptions, discoverViaEnvVar } from './discover-via-env-var.js';
export { discoverViaSubclasses } from './discover-via-subclasses.js';
export { type ConfigIssue, ConfigValidationError, NotAModuleError, NotUsableError } from './errors.js';
export { filterPluginTypes, isValidPlugin } from './is-valid-plugin.js';
export type { JsonObject, JsonValue } from './json.js';
export type { JsonSchema } from './json-schema.js';
export { clearLoadedPlugins } from './loaded.js';
export { mergeDict } from './merge-dict.js';
export { collectTypesInModule } from './module-types.js';
export type { ConfigSchema } from './options.js';
export { Plugfigurable } from './plugfigurable.js';
export { Pluggable } from './pluggable.js';
export { registeredNameOf, registerPlugin, typeNameOf } from './registry.js';
