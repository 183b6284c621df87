import { describe } from '../dtype.js';

/**
 * A seed as `defaultRng` / `SeedSequence` accept it: a non-negative integer (number or bigint,
 * any size), a string of decimal digits (read as a bigint), or an array of those (their 32-bit
 * words are concatenated, as numpy does for a sequence of ints).
 */
export type SeedLike = number | bigint | string | readonly (number | bigint | string)[];

// numpy's SeedSequence constants (numpy/random/bit_generator.pyx).
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const XSHIFT = 16;
const POOL_SIZE = 4;

const TWO32 = 4294967296;

function wordsOfBigInt(label: string, n: bigint, out: number[]): void {
  if (n < 0n) throw new RangeError(`${label}: expected a non-negative integer, got ${n}`);
  if (n === 0n) {
    out.push(0);
    return;
  }
  while (n > 0n) {
    out.push(Number(n & 0xffffffffn));
    n >>= 32n;
  }
}

function wordsOf(label: string, x: unknown, out: number[], depth: number): void {
  if (typeof x === 'number') {
    if (!Number.isSafeInteger(x)) {
      throw new TypeError(
        `${label}: expected an integer (a number up to 2^53-1, or a bigint beyond), got ${describe(x)}`,
      );
    }
    if (x < 0) throw new RangeError(`${label}: expected a non-negative integer, got ${x}`);
    if (x < TWO32) out.push(x);
    else {
      out.push(x % TWO32);
      out.push(Math.floor(x / TWO32));
    }
    return;
  }
  if (typeof x === 'bigint') {
    wordsOfBigInt(label, x, out);
    return;
  }
  if (typeof x === 'string') {
    if (!/^[0-9]+$/.test(x)) {
      throw new TypeError(`${label}: expected a string of decimal digits, got ${JSON.stringify(x)}`);
    }
    wordsOfBigInt(label, BigInt(x), out);
    return;
  }
  if (Array.isArray(x) && depth === 0) {
    for (let i = 0; i < x.length; i++) wordsOf(`${label}[${i}]`, x[i], out, 1);
    return;
  }
  throw new TypeError(
    `${label}: expected a non-negative integer (number or bigint), a decimal string, or an array of them, got ${describe(x)}`,
  );
}

/** The seed's 32-bit words, least significant first (numpy's `_coerce_to_uint32_array`). */
export function seedWords(seed: SeedLike, label = 'seed'): Uint32Array {
  const out: number[] = [];
  wordsOf(label, seed, out, 0);
  return Uint32Array.from(out);
}

/** 128 bits of entropy from the platform's crypto source (numpy draws 128 bits from the OS). */
function freshEntropy(): Uint32Array {
  const words = new Uint32Array(4);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(words);
  else for (let i = 0; i < 4; i++) words[i] = Math.floor(Math.random() * TWO32);
  return words;
}

/**
 * numpy's `SeedSequence` (pool size 4, no spawn key): hashes the seed's 32-bit words into a
 * pool and derives generator state words from it, bit for bit as numpy does.
 */
export class SeedSequence {
  /** The seed's 32-bit words (least significant first). */
  readonly entropy: Uint32Array;
  /** The mixed entropy pool (4 words). */
  readonly pool: Uint32Array;

  /** `seed` as {@link SeedLike}; null/undefined draws fresh OS entropy (not reproducible). */
  constructor(seed?: SeedLike | null, label = 'SeedSequence: seed') {
    this.entropy = seed === undefined || seed === null ? freshEntropy() : seedWords(seed, label);
    this.pool = new Uint32Array(POOL_SIZE);
    mixEntropy(this.pool, this.entropy);
  }

  /** `n` state words as numpy's `generate_state(n, np.uint32)`. */
  generateState(nWords: number): Uint32Array {
    if (!Number.isSafeInteger(nWords) || nWords < 0) {
      throw new RangeError(`SeedSequence.generateState: nWords: expected an integer >= 0, got ${describe(nWords)}`);
    }
    const state = new Uint32Array(nWords);
    let hashConst = INIT_B;
    for (let i = 0; i < nWords; i++) {
      let v = (this.pool[i % POOL_SIZE] as number) ^ hashConst;
      hashConst = Math.imul(hashConst, MULT_B) >>> 0;
      v = Math.imul(v, hashConst) >>> 0;
      v = (v ^ (v >>> XSHIFT)) >>> 0;
      state[i] = v;
    }
    return state;
  }

  /** `n` 64-bit state words as numpy's `generate_state(n, np.uint64)` (pairs of 32-bit words, low first). */
  generateState64(nWords: number): BigUint64Array {
    const w = this.generateState(2 * nWords);
    const out = new BigUint64Array(nWords);
    for (let i = 0; i < nWords; i++) {
      out[i] = (BigInt(w[2 * i + 1] as number) << 32n) | BigInt(w[2 * i] as number);
    }
    return out;
  }
}

function mixEntropy(pool: Uint32Array, entropy: Uint32Array): void {
  let hashConst = INIT_A;
  const hashmix = (value: number): number => {
    value = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    value = Math.imul(value, hashConst) >>> 0;
    return (value ^ (value >>> XSHIFT)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> XSHIFT)) >>> 0;
  };
  const n = pool.length;
  for (let i = 0; i < n; i++) pool[i] = hashmix(i < entropy.length ? (entropy[i] as number) : 0);
  for (let src = 0; src < n; src++) {
    for (let dst = 0; dst < n; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst] as number, hashmix(pool[src] as number));
    }
  }
  for (let src = n; src < entropy.length; src++) {
    for (let dst = 0; dst < n; dst++) pool[dst] = mix(pool[dst] as number, hashmix(entropy[src] as number));
  }
}
