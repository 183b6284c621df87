/** Thrown when a Pluggable class is constructed while its `isUsable()` reports false. */
export class NotUsableError extends Error {
  override name = 'NotUsableError';
}

/**
 * Thrown by `discoverViaEntrypointExtensions` when a package declares, under the plugin namespace, something
 * that is not a module specifier (e.g. `"./impl.js:MyClass"`, a directory, a JSON file or a non-string).
 */
export class NotAModuleError extends Error {
  override name = 'NotAModuleError';
}

/** One problem found while validating options: where (`perturber.n`) and what. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/**
 * Thrown when options or a configuration do not match a class's `configSchema`. The message names the
 * class, each key path and its problem; `issues` holds them one by one.
 */
export class ConfigValidationError extends TypeError {
  override name = 'ConfigValidationError';
  readonly className: string;
  readonly issues: readonly ConfigIssue[];

  constructor(className: string, issues: readonly ConfigIssue[]) {
    const what = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    super(`${className}: invalid options: ${what}`);
    this.className = className;
    this.issues = issues;
  }
}
