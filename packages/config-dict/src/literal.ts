/**
 * A parser for Python literals (what `ast.literal_eval` accepts, which config_flags uses for
 * command-line values), also accepting JSON spellings (`true`, `false`, `null`).
 *
 * Numbers (`1`, `-2.5e3`, `1_000`, `0x1f`), strings (`'a'`, `"b"`, escapes, `r'raw'`, adjacent
 * strings concatenate), `True`/`False`/`None`, lists `[...]` (mutable arrays), tuples `(...)`, `(1,)`
 * or a bare `1, 2` (frozen arrays, the JS counterpart of tuples), dicts `{k: v}` (plain objects) and
 * sets `{1, 2}`.
 */

/** The text is well-formed but not a literal (Python's ValueError from literal_eval, e.g. a bare name). */
export class NotALiteralError extends Error {
  override name = 'NotALiteralError';
}

/** The text is malformed (Python's SyntaxError). */
export class LiteralSyntaxError extends Error {
  override name = 'LiteralSyntaxError';
}

const NUMBER =
  /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?)/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const KEYWORDS: Record<string, unknown> = {
  True: true,
  False: false,
  None: null,
  true: true,
  false: false,
  null: null,
};

class Parser {
  pos = 0;
  /** The first bare name met (not a literal). */
  nonLiteral: string | undefined;
  constructor(readonly text: string) {}

  private syntax(msg: string): LiteralSyntaxError {
    return new LiteralSyntaxError(`${msg} at position ${this.pos} in ${JSON.stringify(this.text)}`);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  private peek(): string {
    this.skipSpace();
    return this.text[this.pos] ?? '';
  }

  private eat(ch: string): boolean {
    if (this.peek() === ch) {
      this.pos++;
      return true;
    }
    return false;
  }

  private expect(ch: string): void {
    if (!this.eat(ch)) throw this.syntax(`expected "${ch}"`);
  }

  /** The whole text: one value, or a bare comma-separated tuple. */
  parseTop(): unknown {
    if (this.peek() === '') throw this.syntax('empty text');
    const first = this.parseValue();
    let result = first;
    if (this.peek() === ',') {
      const items = [first];
      while (this.eat(',')) {
        if (this.peek() === '') break;
        items.push(this.parseValue());
      }
      result = Object.freeze(items);
    }
    if (this.peek() !== '') throw this.syntax('unexpected text');
    if (this.nonLiteral !== undefined) {
      throw new NotALiteralError(`malformed node or string: name "${this.nonLiteral}" in ${JSON.stringify(this.text)}`);
    }
    return result;
  }

  private parseSequence(close: string): { items: unknown[]; trailingComma: boolean } {
    const items: unknown[] = [];
    let trailingComma = false;
    while (!this.eat(close)) {
      if (this.peek() === '') throw this.syntax(`missing "${close}"`);
      items.push(this.parseValue());
      trailingComma = this.eat(',');
      if (!trailingComma && this.peek() !== close) throw this.syntax(`expected "," or "${close}"`);
    }
    return { items, trailingComma };
  }

  parseValue(): unknown {
    const ch = this.peek();
    if (ch === '[') {
      this.pos++;
      return this.parseSequence(']').items;
    }
    if (ch === '(') {
      this.pos++;
      const { items, trailingComma } = this.parseSequence(')');
      return items.length === 1 && !trailingComma ? items[0] : Object.freeze(items);
    }
    if (ch === '{') {
      this.pos++;
      return this.parseBraces();
    }
    if (ch === '+' || ch === '-') {
      this.pos++;
      const v = this.parseValue();
      if (this.nonLiteral !== undefined) return null;
      if (typeof v !== 'number' && typeof v !== 'bigint')
        throw new NotALiteralError(`malformed node: sign before a non-number in ${JSON.stringify(this.text)}`);
      return ch === '-' ? -v : v;
    }
    if (ch === '"' || ch === "'") return this.parseStrings();
    const rest = this.text.slice(this.pos);
    const num = NUMBER.exec(rest);
    if (num) {
      this.pos += num[0].length;
      return parseNumber(num[0]);
    }
    const name = NAME.exec(rest);
    if (name) {
      const prefix = name[0];
      const quote = this.text[this.pos + prefix.length];
      if ((prefix === 'r' || prefix === 'R') && (quote === '"' || quote === "'")) {
        this.pos += 1;
        return this.parseStrings(true);
      }
      this.pos += prefix.length;
      if (Object.hasOwn(KEYWORDS, prefix)) return KEYWORDS[prefix];
      // Like literal_eval, report a non-literal only once the whole text is known to be well-formed.
      this.nonLiteral ??= prefix;
      return null;
    }
    throw this.syntax(ch === '' ? 'unexpected end of text' : `unexpected "${ch}"`);
  }

  private parseBraces(): unknown {
    if (this.eat('}')) return {};
    const first = this.parseValue();
    if (this.eat(':')) {
      const out: Record<string, unknown> = {};
      const put = (k: unknown, v: unknown) => {
        if (typeof k !== 'string' && typeof k !== 'number')
          throw new NotALiteralError(`dict keys must be strings or numbers, got ${typeof k}`);
        Object.defineProperty(out, String(k), { value: v, enumerable: true, writable: true, configurable: true });
      };
      put(first, this.parseValue());
      while (this.eat(',')) {
        if (this.eat('}')) return out;
        const k = this.parseValue();
        this.expect(':');
        put(k, this.parseValue());
      }
      this.expect('}');
      return out;
    }
    const items = [first];
    while (this.eat(',')) {
      if (this.peek() === '}') break;
      items.push(this.parseValue());
    }
    this.expect('}');
    return new Set(items);
  }

  private parseStrings(raw = false): string {
    let out = this.parseString(raw);
    for (;;) {
      const ch = this.peek();
      if (ch === '"' || ch === "'") out += this.parseString(false);
      else if ((ch === 'r' || ch === 'R') && (this.text[this.pos + 1] === '"' || this.text[this.pos + 1] === "'")) {
        this.pos++;
        out += this.parseString(true);
      } else return out;
    }
  }

  private parseString(raw: boolean): string {
    const quote = this.text[this.pos]!;
    this.pos++;
    let out = '';
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined || ch === '\n') throw this.syntax('unterminated string');
      this.pos++;
      if (ch === quote) return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const esc = this.text[this.pos];
      if (esc === undefined) throw this.syntax('unterminated string');
      this.pos++;
      if (raw) {
        out += `\\${esc}`;
        continue;
      }
      const simple: Record<string, string> = {
        n: '\n',
        t: '\t',
        r: '\r',
        '\\': '\\',
        "'": "'",
        '"': '"',
        '0': '\0',
        a: '\x07',
        b: '\b',
        f: '\f',
        v: '\v',
        '\n': '',
      };
      if (Object.hasOwn(simple, esc)) out += simple[esc];
      else if (esc === 'x' || esc === 'u' || esc === 'U') {
        const len = esc === 'x' ? 2 : esc === 'u' ? 4 : 8;
        const hex = this.text.slice(this.pos, this.pos + len);
        if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) throw this.syntax(`bad \\${esc} escape`);
        out += String.fromCodePoint(Number.parseInt(hex, 16));
        this.pos += len;
      } else out += `\\${esc}`;
    }
  }
}

function parseNumber(text: string): number {
  const t = text.replaceAll('_', '');
  if (/^0[xob]/i.test(t)) return Number(t.toLowerCase());
  if (/^0\d+$/.test(t) && /[1-9]/.test(t)) {
    throw new LiteralSyntaxError(
      `leading zeros in decimal integer literals are not permitted: ${JSON.stringify(text)}`,
    );
  }
  return Number(t);
}

/**
 * Parses a Python/JSON literal. Throws `NotALiteralError` for well-formed non-literals (a bare word)
 * and `LiteralSyntaxError` for malformed text.
 */
export function parseLiteral(text: string): unknown {
  if (typeof text !== 'string') throw new TypeError(`parseLiteral: text: expected a string, got ${typeof text}`);
  return new Parser(text).parseTop();
}
