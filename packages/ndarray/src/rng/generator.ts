import ndarray from 'ndarray';
import type { NdArray } from '../array.js';
import { describe } from '../dtype.js';
import { checkShapeArg } from '../validate.js';
import { PCG64 } from './pcg64.js';
import { type SeedLike, SeedSequence } from './seed-sequence.js';

/** A size argument: one length, or a shape. */
export type Size = number | readonly number[];

/** An ndarray of int64 values held as bigints (what `integers` returns for bigint bounds). */
export type BigIntNdArray = ndarray.NdArray<BigInt64Array<ArrayBuffer>>;

export interface RandomOptions {
  /** 'float64' (default): 53-bit doubles; 'float32': numpy's `dtype=np.float32` draws (24-bit, uses the 32-bit buffer). */
  dtype?: 'float64' | 'float32';
}

export interface IntegersOptions {
  /** Include `high` in the range (numpy's `endpoint=True`). Default false. */
  endpoint?: boolean;
}

const TWO32 = 4294967296;
const UINT32_MAX = 4294967295;
const MASK64 = (1n << 64n) - 1n;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** High 32 bits of the 64-bit product of two uint32 values, exactly. */
function mulHi32(a: number, b: number): number {
  const p1 = (a >>> 16) * b; // < 2^48
  const p2 = (a & 0xffff) * b; // < 2^48
  const q = Math.floor(p1 / 65536);
  const rem = p1 - q * 65536;
  return q + Math.floor((rem * 65536 + p2) / TWO32);
}

function toBigIntBound(label: string, x: unknown): bigint {
  if (typeof x === 'bigint') return x;
  // Integer-valued doubles beyond 2^53 (e.g. 2**62 read from JSON) are exact integers too.
  if (typeof x === 'number' && Number.isInteger(x)) return BigInt(x);
  if (typeof x === 'string' && /^-?[0-9]+$/.test(x)) return BigInt(x);
  throw new TypeError(
    `${label}: expected an integer (an integer-valued number, a bigint, or a decimal string), got ${
      typeof x === 'string' ? JSON.stringify(x) : describe(x)
    }`,
  );
}

/**
 * numpy's `Generator` over {@link PCG64}: `random` and `integers` give the same numbers as
 * `numpy.random.default_rng(seed).random(...)` / `.integers(...)` (int64 default dtype).
 */
export class Generator {
  readonly bitGenerator: PCG64;
  private readonly scalarScratch = new Float64Array(1);

  constructor(bitGenerator: PCG64) {
    if (!(bitGenerator instanceof PCG64)) {
      throw new TypeError(`Generator: bitGenerator: expected a PCG64, got ${describe(bitGenerator)}`);
    }
    this.bitGenerator = bitGenerator;
  }

  /**
   * Floats in [0, 1) as numpy's `Generator.random(size)`: one number without `size`, else a
   * float64 ndarray of that shape (float32 with `{ dtype: 'float32' }`).
   */
  random(size?: null, options?: RandomOptions): number;
  random(size: Size, options?: { dtype?: 'float64' }): NdArray<Float64Array>;
  random(size: Size, options: { dtype: 'float32' }): NdArray<Float32Array>;
  random(size: Size, options?: RandomOptions): NdArray<Float64Array> | NdArray<Float32Array>;
  random(size?: Size | null, options: RandomOptions = {}): number | NdArray<Float64Array> | NdArray<Float32Array> {
    const dtype = options?.dtype ?? 'float64';
    if (dtype !== 'float64' && dtype !== 'float32') {
      throw new TypeError(`Generator.random: options.dtype: expected 'float64' or 'float32', got ${describe(dtype)}`);
    }
    const bg = this.bitGenerator;
    if (size === undefined || size === null) return dtype === 'float64' ? bg.nextDouble() : bg.nextFloat();
    const shape = checkShapeArg('Generator.random: size', size, { allowScalar: true });
    const n = shape.reduce((a, b) => a * b, 1);
    if (dtype === 'float64') {
      const out = new Float64Array(n);
      bg.fillDoubles(out);
      return ndarray(out, shape);
    }
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = bg.nextFloat();
    return ndarray(out, shape);
  }

  /**
   * Integers in [low, high) (or [low, high] with `endpoint`) as numpy's
   * `Generator.integers(low, high, size)` with the default int64 dtype; `integers(high)` draws
   * from [0, high). Number bounds (safe integers) give numbers / a Float64Array-backed ndarray
   * (int64 values, exact); a bigint (or decimal-string) bound gives bigints / a
   * BigInt64Array-backed ndarray; so do integer-valued numbers beyond 2^53 (exact doubles, as JSON gives them).
   * Same draws as numpy: a range of 1 consumes nothing, ranges up to 2^32 use Lemire's method
   * on 32-bit draws (sharing PCG64's half-word buffer), larger ranges 64-bit Lemire.
   */
  integers(low: number, high?: number | null, size?: null, options?: IntegersOptions): number;
  integers(low: number, high: number | null | undefined, size: Size, options?: IntegersOptions): NdArray<Float64Array>;
  integers(
    low: bigint | string,
    high?: bigint | number | string | null,
    size?: null,
    options?: IntegersOptions,
  ): bigint;
  integers(low: number | bigint | string, high: bigint | string, size?: null, options?: IntegersOptions): bigint;
  integers(
    low: bigint | string,
    high: bigint | number | string | null | undefined,
    size: Size,
    options?: IntegersOptions,
  ): BigIntNdArray;
  integers(low: number | bigint | string, high: bigint | string, size: Size, options?: IntegersOptions): BigIntNdArray;
  integers(
    low: number | bigint | string,
    high?: number | bigint | string | null,
    size?: Size | null,
    options?: IntegersOptions,
  ): number | bigint | NdArray<Float64Array> | BigIntNdArray;
  integers(
    low: number | bigint | string,
    high?: number | bigint | string | null,
    size?: Size | null,
    options: IntegersOptions = {},
  ): number | bigint | NdArray<Float64Array> | BigIntNdArray {
    // One draw from small number bounds (RISEGrid draws 2n of these): the same draw as below,
    // without the BigInt bound checks, which dominate a single draw.
    if (
      size == null &&
      typeof low === 'number' &&
      typeof high === 'number' &&
      options?.endpoint === undefined &&
      Number.isSafeInteger(low) &&
      Number.isSafeInteger(high) &&
      low < high &&
      high - 1 - low <= UINT32_MAX
    ) {
      fillBounded32(this.bitGenerator, low, high - 1 - low, this.scalarScratch);
      return this.scalarScratch[0] as number;
    }
    const endpoint = options?.endpoint ?? false;
    if (typeof endpoint !== 'boolean') {
      throw new TypeError(`Generator.integers: options.endpoint: expected a boolean, got ${describe(endpoint)}`);
    }
    if (high === undefined || high === null) {
      high = low;
      low = typeof high === 'number' ? 0 : 0n;
    }
    // Results are numbers only while both bounds are safe integers; otherwise bigints, exactly.
    const asBig = !(Number.isSafeInteger(low) && Number.isSafeInteger(high));
    const lo = toBigIntBound('Generator.integers: low', low);
    const hiIn = toBigIntBound('Generator.integers: high', high);
    const hi = endpoint ? hiIn : hiIn - 1n; // inclusive upper bound
    if (lo < INT64_MIN) throw new RangeError(`Generator.integers: low: out of bounds for int64, got ${lo}`);
    if (hi > INT64_MAX) {
      throw new RangeError(
        `Generator.integers: high: out of bounds for int64, got ${hiIn}${endpoint ? '' : ' (exclusive)'}`,
      );
    }
    if (lo > hi) {
      throw new RangeError(
        `Generator.integers: expected low ${endpoint ? '<=' : '<'} high, got low=${lo}, high=${hiIn}`,
      );
    }
    let shape: number[] | null = null;
    if (size !== undefined && size !== null) {
      shape = checkShapeArg('Generator.integers: size', size, { allowScalar: true });
    }
    const n = shape ? shape.reduce((a, b) => a * b, 1) : 1;
    const rng = hi - lo; // 0 <= rng <= 2^64 - 1
    const bg = this.bitGenerator;

    if (!asBig) {
      const off = Number(lo);
      const out = new Float64Array(n);
      if (rng <= BigInt(UINT32_MAX)) {
        fillBounded32(bg, off, Number(rng), out);
      } else {
        for (let i = 0; i < n; i++) out[i] = Number(lo + bounded64(bg, rng));
      }
      return shape ? ndarray(out, shape) : (out[0] as number);
    }
    const out = new BigInt64Array(n);
    if (rng <= BigInt(UINT32_MAX)) {
      const tmp = new Float64Array(n);
      fillBounded32(bg, 0, Number(rng), tmp);
      for (let i = 0; i < n; i++) out[i] = lo + BigInt(tmp[i] as number);
    } else {
      for (let i = 0; i < n; i++) out[i] = lo + bounded64(bg, rng);
    }
    return shape ? ndarray(out, shape) : (out[0] as bigint);
  }
}

/** numpy's random_bounded_uint64_fill for rng <= 0xFFFFFFFF (32-bit draws). */
function fillBounded32(bg: PCG64, off: number, rng: number, out: Float64Array): void {
  const n = out.length;
  if (rng === 0) {
    out.fill(off);
    return;
  }
  if (rng === UINT32_MAX) {
    for (let i = 0; i < n; i++) out[i] = off + bg.nextUint32();
    return;
  }
  const excl = rng + 1;
  const threshold = (UINT32_MAX - rng) % excl;
  for (let i = 0; i < n; i++) {
    // buffered_bounded_lemire_uint32
    let draw = bg.nextUint32();
    let leftover = Math.imul(draw, excl) >>> 0;
    if (leftover < excl) {
      while (leftover < threshold) {
        draw = bg.nextUint32();
        leftover = Math.imul(draw, excl) >>> 0;
      }
    }
    out[i] = off + mulHi32(draw, excl);
  }
}

/** numpy's bounded_lemire_uint64 (and the raw draw for rng = 2^64 - 1), for rng > 0xFFFFFFFF. */
function bounded64(bg: PCG64, rng: bigint): bigint {
  if (rng === MASK64) return bg.nextUint64();
  const excl = rng + 1n;
  let m = bg.nextUint64() * excl;
  let leftover = m & MASK64;
  if (leftover < excl) {
    const threshold = (MASK64 - rng) % excl;
    while (leftover < threshold) {
      m = bg.nextUint64() * excl;
      leftover = m & MASK64;
    }
  }
  return m >> 64n;
}

/**
 * `numpy.random.default_rng(seed)`: a {@link Generator} over {@link PCG64} seeded through
 * {@link SeedSequence}. `seed`: a non-negative integer (number up to 2^53-1, or bigint of any
 * size), a decimal string (read as a bigint), an array of those, a SeedSequence, or a
 * Generator (returned as is). Without a seed, fresh OS entropy (not reproducible).
 */
export function defaultRng(seed?: SeedLike | SeedSequence | Generator | null): Generator {
  if (seed instanceof Generator) return seed;
  if (seed instanceof SeedSequence) return new Generator(new PCG64(seed));
  if (seed !== undefined && seed !== null) {
    const ok = typeof seed === 'number' || typeof seed === 'bigint' || typeof seed === 'string' || Array.isArray(seed);
    if (!ok) {
      throw new TypeError(
        `defaultRng: seed: expected a non-negative integer (number or bigint), a decimal string, an array of them, a SeedSequence or a Generator, got ${describe(seed)}`,
      );
    }
  }
  return new Generator(
    new PCG64(seed === undefined || seed === null ? null : new SeedSequence(seed, 'defaultRng: seed')),
  );
}
