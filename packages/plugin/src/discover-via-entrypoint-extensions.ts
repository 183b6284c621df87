import type { AnyClass } from './abstract.js';
import { NotAModuleError } from './errors.js';
import { describe } from './json.js';
import { collectTypesInModule, isNode, loadNodeHost, messageOf } from './module-types.js';

/** Options of {@link discoverViaEntrypointExtensions}. */
export interface DiscoverViaEntrypointOptions {
  /**
   * Directory whose node_modules folders (its own and its parents', as Node resolves) are searched for
   * installed packages. Default `process.cwd()`.
   */
  root?: string;
}

const MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs'];
// `./impl.js:MyClass` or `pkg/mod:Thing.sub`: an export named after the module, which is not supported.
const ATTRIBUTE_FORM = /^(?![a-z][a-z0-9+.-]*:\/\/)[^:]+:[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/**
 * Imports the modules that installed packages declare in their package.json under `namespace` and
 * returns the classes those modules export (SMQTK's `discover_via_entrypoint_extensions`):
 *
 * ```json
 * { "name": "my-plugins", "salkit_plugins": "./impl.js" }
 * { "name": "my-plugins", "salkit_plugins": ["./perturbers.js", "./scorers.js"] }
 * ```
 *
 * Specifiers are module files relative to the package (`./impl.js`) or package specifiers. Something
 * that is not a module specifier (a non-string, `"./impl.js:MyClass"`, a directory, a non-JS file)
 * throws {@link NotAModuleError}; a module that cannot be found or throws while loading rejects with an
 * error naming the package and specifier. Outside Node.js, returns an empty set.
 */
export async function discoverViaEntrypointExtensions(
  namespace: string,
  options: DiscoverViaEntrypointOptions = {},
): Promise<Set<AnyClass>> {
  if (typeof namespace !== 'string' || namespace.length === 0) {
    throw new TypeError(
      `discoverViaEntrypointExtensions: namespace: expected a non-empty string, got ${describe(namespace)}`,
    );
  }
  const out = new Set<AnyClass>();
  if (!isNode()) return out;
  const host = await loadNodeHost();
  const root = host.resolveDir(options.root ?? host.currentDir());
  for (const pkg of host.installedPackages(root)) {
    if (!Object.hasOwn(pkg.json, namespace)) continue;
    const declared = pkg.json[namespace];
    const where = `package ${pkg.name} (${pkg.dir}) "${namespace}"`;
    const specs: unknown[] = Array.isArray(declared) ? declared : [declared];
    if (typeof declared !== 'string' && !Array.isArray(declared)) {
      throw new NotAModuleError(`${where}: expected a module specifier or a list of them, got ${describe(declared)}`);
    }
    for (const spec of specs) {
      if (typeof spec !== 'string' || spec.length === 0) {
        throw new NotAModuleError(`${where}: expected module specifiers (strings), got ${describe(spec)}`);
      }
      if (ATTRIBUTE_FORM.test(spec)) {
        throw new NotAModuleError(
          `${where}: ${JSON.stringify(spec)} did not specify a module; list modules, not exports: write ${JSON.stringify(spec.slice(0, spec.lastIndexOf(':')))}`,
        );
      }
      let file: string;
      try {
        // Relative to the package; a package name is looked up from it (so it may name the package itself).
        file = host.resolveSpecifier(spec, pkg.dir);
      } catch (err) {
        throw new Error(`${where}: ${JSON.stringify(spec)} cannot be resolved: ${messageOf(err)}`, { cause: err });
      }
      const kind = host.kindOf(file);
      if (kind === 'missing') {
        throw new Error(`${where}: ${JSON.stringify(spec)} cannot be imported: no file ${file}`);
      }
      if (kind === 'dir' || !MODULE_EXTENSIONS.some((e) => file.endsWith(e))) {
        throw new NotAModuleError(
          `${where}: ${JSON.stringify(spec)} did not specify a module (got ${kind === 'dir' ? 'a directory' : 'a non-JavaScript file'}: ${file}); expected a .js, .mjs or .cjs file`,
        );
      }
      let ns: object;
      try {
        ns = await import(/* @vite-ignore */ host.fileUrl(file));
      } catch (err) {
        throw new Error(`${where}: ${JSON.stringify(spec)} cannot be imported: ${messageOf(err)}`, { cause: err });
      }
      for (const t of collectTypesInModule(ns)) out.add(t);
    }
  }
  return out;
}
