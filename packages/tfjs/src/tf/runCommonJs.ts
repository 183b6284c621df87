import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { runInThisContext } from 'node:vm';

/**
 * Runs a CommonJS file as Node's loader would (same wrapper, file name and folder), except that
 * the `require` ids in `replace` get the given values instead of their modules. Not cached: each
 * call runs the file again. Returns its `module.exports`.
 */
export function runCommonJs(filename: string, replace: ReadonlyMap<string, unknown>): unknown {
  const fromFile = createRequire(filename);
  const require = (id: string): unknown => (replace.has(id) ? replace.get(id) : fromFile(id));
  const wrapper = runInThisContext(
    `(function (exports, require, module, __filename, __dirname) {${readFileSync(filename, 'utf8')}\n})`,
    { filename },
  ) as (exports: object, require: (id: string) => unknown, module: object, file: string, dir: string) => void;
  const module = { exports: {} as object };
  wrapper(module.exports, require, module, filename, dirname(filename));
  return module.exports;
}
