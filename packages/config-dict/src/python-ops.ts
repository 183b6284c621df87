/**
 * The operators behind FieldReference's lazy ops, with Python's meaning on JS values:
 * numbers (ints and floats are both `number`), bigints, strings, arrays (lists; frozen arrays are
 * tuples), Sets and booleans. Booleans are not numbers here; mixing types Python would reject throws
 * `TypeError`; division by zero throws `RangeError` (Python's ZeroDivisionError).
 */

type Num = number | bigint;

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return Object.isFrozen(v) ? 'tuple' : 'array';
  if (v instanceof Set) return 'Set';
  if (typeof v === 'object' || typeof v === 'function') {
    const name = (Object.getPrototypeOf(v)?.constructor as { name?: string } | undefined)?.name;
    return typeof v === 'function' ? 'function' : name || 'object';
  }
  return typeof v;
}

function unsupported(op: string, ...operands: unknown[]): TypeError {
  if (operands.length < 2) return new TypeError(`bad operand type for ${op}: '${kind(operands[0])}'`);
  return new TypeError(`unsupported operand type(s) for ${op}: '${kind(operands[0])}' and '${kind(operands[1])}'`);
}

const isNum = (v: unknown): v is Num => typeof v === 'number' || typeof v === 'bigint';
const isInt = (v: unknown): v is Num => typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));

/** Applies `f` to two numbers; a bigint mixed with a number is converted to a number (int op float). */
function numeric(
  a: Num,
  b: Num,
  onNumbers: (x: number, y: number) => number,
  onBigints: (x: bigint, y: bigint) => Num,
) {
  if (typeof a === 'bigint' && typeof b === 'bigint') return onBigints(a, b);
  return onNumbers(Number(a), Number(b));
}

function repeat(seq: unknown, times: Num): unknown {
  const n = Math.max(0, Number(times));
  if (typeof seq === 'string') return seq.repeat(n);
  const arr = seq as unknown[];
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push(...arr);
  return Object.isFrozen(arr) ? Object.freeze(out) : out;
}

export function pyAdd(a: unknown, b: unknown): unknown {
  if (isNum(a) && isNum(b))
    return numeric(
      a,
      b,
      (x, y) => x + y,
      (x, y) => x + y,
    );
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (Array.isArray(a) && Array.isArray(b)) {
    const out = [...a, ...b];
    return Object.isFrozen(a) ? Object.freeze(out) : out;
  }
  throw unsupported('+', a, b);
}

export function pySub(a: unknown, b: unknown): unknown {
  if (isNum(a) && isNum(b))
    return numeric(
      a,
      b,
      (x, y) => x - y,
      (x, y) => x - y,
    );
  if (a instanceof Set && b instanceof Set) return new Set([...a].filter((x) => !b.has(x)));
  throw unsupported('-', a, b);
}

export function pyMul(a: unknown, b: unknown): unknown {
  if (isNum(a) && isNum(b))
    return numeric(
      a,
      b,
      (x, y) => x * y,
      (x, y) => x * y,
    );
  if ((typeof a === 'string' || Array.isArray(a)) && isInt(b)) return repeat(a, b);
  if (isInt(a) && (typeof b === 'string' || Array.isArray(b))) return repeat(b, a);
  throw unsupported('*', a, b);
}

function checkDivisor(b: Num, what: string): void {
  if (b === 0 || b === 0n) throw new RangeError(what);
}

export function pyTrueDiv(a: unknown, b: unknown): unknown {
  if (!(isNum(a) && isNum(b))) throw unsupported('/', a, b);
  checkDivisor(b, 'division by zero');
  return Number(a) / Number(b);
}

/** CPython's float_divmod: floor quotient and remainder with the divisor's sign. */
function floatDivmod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function bigFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function bigMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

export function pyFloorDiv(a: unknown, b: unknown): unknown {
  if (!(isNum(a) && isNum(b))) throw unsupported('//', a, b);
  checkDivisor(b, 'integer division or modulo by zero');
  return numeric(a, b, (x, y) => floatDivmod(x, y)[0], bigFloorDiv);
}

export function pyMod(a: unknown, b: unknown): unknown {
  if (!(isNum(a) && isNum(b))) throw unsupported('%', a, b);
  checkDivisor(b, 'integer division or modulo by zero');
  return numeric(a, b, (x, y) => floatDivmod(x, y)[1], bigMod);
}

export function pyPow(a: unknown, b: unknown): unknown {
  if (!(isNum(a) && isNum(b))) throw unsupported('** or pow()', a, b);
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if (b >= 0n) return a ** b;
    if (a === 0n) throw new RangeError('0 cannot be raised to a negative power');
    return Number(a) ** Number(b);
  }
  const x = Number(a);
  const y = Number(b);
  if (x === 0 && y < 0) throw new RangeError('0.0 cannot be raised to a negative power');
  const r = x ** y;
  if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) {
    throw new RangeError(`${x} ** ${y} has no real value (Python would return a complex number)`);
  }
  return r;
}

function toBig(v: Num): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

function bitwise(a: Num, b: Num, f32: (x: number, y: number) => number, fbig: (x: bigint, y: bigint) => bigint) {
  if (typeof a === 'number' && typeof b === 'number' && a === (a | 0) && b === (b | 0)) return f32(a, b);
  const r = fbig(toBig(a), toBig(b));
  return typeof a === 'bigint' && typeof b === 'bigint' ? r : Number(r);
}

function logicalOrBitwise(
  op: string,
  a: unknown,
  b: unknown,
  onBool: (x: boolean, y: boolean) => boolean,
  f32: (x: number, y: number) => number,
  fbig: (x: bigint, y: bigint) => bigint,
  onSets: (x: Set<unknown>, y: Set<unknown>) => Set<unknown>,
): unknown {
  if (typeof a === 'boolean' && typeof b === 'boolean') return onBool(a, b);
  if (isInt(a) && isInt(b)) return bitwise(a, b, f32, fbig);
  if (a instanceof Set && b instanceof Set) return onSets(a, b);
  throw unsupported(op, a, b);
}

export function pyAnd(a: unknown, b: unknown): unknown {
  return logicalOrBitwise(
    '&',
    a,
    b,
    (x, y) => x && y,
    (x, y) => x & y,
    (x, y) => x & y,
    (x, y) => new Set([...x].filter((e) => y.has(e))),
  );
}

export function pyOr(a: unknown, b: unknown): unknown {
  return logicalOrBitwise(
    '|',
    a,
    b,
    (x, y) => x || y,
    (x, y) => x | y,
    (x, y) => x | y,
    (x, y) => new Set([...x, ...y]),
  );
}

export function pyXor(a: unknown, b: unknown): unknown {
  return logicalOrBitwise(
    '^',
    a,
    b,
    (x, y) => x !== y,
    (x, y) => x ^ y,
    (x, y) => x ^ y,
    (x, y) => new Set([...[...x].filter((e) => !y.has(e)), ...[...y].filter((e) => !x.has(e))]),
  );
}

/** Logical not on booleans, bitwise inversion (`~x == -x - 1`) on integers. */
export function pyNot(a: unknown): unknown {
  if (typeof a === 'boolean') return !a;
  if (typeof a === 'bigint') return ~a;
  if (typeof a === 'number' && Number.isInteger(a)) return -a - 1;
  throw unsupported('not/~', a);
}

export function pyNeg(a: unknown): unknown {
  if (typeof a === 'number') return -a;
  if (typeof a === 'bigint') return -a;
  throw unsupported('unary -', a);
}

export function pyAbs(a: unknown): unknown {
  if (typeof a === 'number') return Math.abs(a);
  if (typeof a === 'bigint') return a < 0n ? -a : a;
  throw unsupported('abs()', a);
}

const INT_LITERAL = /^[+-]?\d(?:_?\d)*$/;
const FLOAT_LITERAL = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL_FLOAT = /^([+-]?)(inf|infinity|nan)$/i;

/** Python's `int(x)`: truncates numbers toward zero, parses integer strings, maps booleans to 0/1. */
export function pyInt(v: unknown): number {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`cannot convert float ${v} to integer`);
    return Math.trunc(v) || 0;
  }
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const s = v.trim();
    if (INT_LITERAL.test(s)) return Number(s.replaceAll('_', ''));
    throw new Error(`invalid literal for int() with base 10: ${JSON.stringify(v)}`);
  }
  throw new TypeError(`int() argument must be a string, a number or a boolean, not '${kind(v)}'`);
}

/** Python's `float(x)`: parses numeric strings (including inf/nan), maps booleans to 0/1. */
export function pyFloat(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const s = v.trim();
    if (FLOAT_LITERAL.test(s)) return Number(s.replaceAll('_', ''));
    const special = SPECIAL_FLOAT.exec(s);
    if (special) {
      if (special[2]!.toLowerCase() === 'nan') return Number.NaN;
      return special[1] === '-' ? -Infinity : Infinity;
    }
    throw new Error(`could not convert string to float: ${JSON.stringify(v)}`);
  }
  throw new TypeError(`float() argument must be a string, a number or a boolean, not '${kind(v)}'`);
}

/** Python's `str(x)` for JS values (`String(x)`). */
export function pyStr(v: unknown): string {
  return String(v);
}

/** `operator.attrgetter(name)`: reads `name` (dotted names walk nested attributes). */
export function pyAttr(v: unknown, name: string): unknown {
  let cur = v;
  for (const part of name.split('.')) {
    if (cur === null || cur === undefined || !(part in Object(cur))) {
      throw new Error(`'${kind(cur)}' object has no attribute '${part}'`);
    }
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
