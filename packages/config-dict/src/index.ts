export {
  ConfigDict,
  type ConfigDictOptions,
  type ConfigInit,
  type ConfigSource,
  type PreserveOptions,
} from './config-dict.js';
export { type PathPart, splitConfigPath } from './config-path.js';
export { getCloseMatches } from './did-you-mean.js';
export { JSONDecodeError, MutabilityError, RequiredValueError } from './errors.js';
export { FieldReference, type FieldReferenceOptions, type LazyOp, type RefOrValue } from './field-reference.js';
export { FrozenConfigDict, type FrozenConfigDictOptions } from './frozen-config-dict.js';
export { create, placeholder, recursiveRename, requiredPlaceholder } from './helpers.js';
export type { JsonOptions } from './json.js';
export { parseLiteral } from './literal.js';
export { applyOverrides, type OverrideOptions, parseOverrideValue } from './overrides.js';
export type { FieldType } from './types.js';
