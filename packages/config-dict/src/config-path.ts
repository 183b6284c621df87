/**
 * Config paths as config_flags writes them: `model.depth`, `layers[2]`, `grid[0][1]`,
 * `weights["key.with.dots"]` (ml_collections' `config_path.split`).
 */
import { LiteralSyntaxError, NotALiteralError, parseLiteral } from './literal.js';

/** A path part: a field name (string) or an array index (number). */
export type PathPart = string | number;

/** Splits a config path into field names and indices; throws Error on a malformed path. */
export function splitConfigPath(path: string): PathPart[] {
  if (typeof path !== 'string') throw new TypeError(`splitConfigPath: path: expected a string, got ${typeof path}`);
  const parts: PathPart[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`Could not parse config path ${JSON.stringify(path)}: ${why}`);
  };
  if (path.trim() === '') fail('the path is empty');
  while (i < path.length) {
    if (path[i] === '[') {
      let depth = 0;
      let j = i;
      let quote = '';
      for (; j < path.length; j++) {
        const ch = path[j]!;
        if (quote) {
          if (ch === '\\') j++;
          else if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '[') depth++;
        else if (ch === ']' && --depth === 0) break;
      }
      if (j >= path.length) fail(`unclosed "[" at position ${i}`);
      let key: unknown;
      try {
        key = parseLiteral(path.slice(i + 1, j));
      } catch (e) {
        if (e instanceof LiteralSyntaxError || e instanceof NotALiteralError) fail(`bad subscript at position ${i}`);
        throw e;
      }
      if (typeof key === 'number' && Number.isInteger(key)) parts.push(key);
      else if (typeof key === 'string') parts.push(key);
      else fail(`subscripts must be integers or strings, got ${JSON.stringify(path.slice(i + 1, j))}`);
      i = j + 1;
      if (i < path.length && path[i] !== '.' && path[i] !== '[') fail(`expected "." or "[" at position ${i}`);
    } else {
      if (path[i] === '.') {
        if (parts.length === 0 || i + 1 >= path.length) fail(`unexpected "." at position ${i}`);
        i++;
      }
      const m = /^[^.[\]]+/.exec(path.slice(i));
      if (!m) fail(`expected a field name at position ${i}`);
      parts.push(m![0].trim());
      i += m![0].length;
    }
  }
  return parts;
}

/** Joins parts back into a path. */
export function joinConfigPath(parts: readonly PathPart[]): string {
  return parts
    .map((p, i) =>
      typeof p === 'number' ? `[${p}]` : /^[^.[\]]+$/.test(p) ? (i === 0 ? p : `.${p}`) : `[${JSON.stringify(p)}]`,
    )
    .join('');
}
