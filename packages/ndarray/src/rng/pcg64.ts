import { describe } from '../dtype.js';
import { PCG64_MULT } from './pcg64Multiplier.js';
import { type SeedLike, SeedSequence } from './seed-sequence.js';
import { WasmPcg64 } from './wasmPcg64.js';

/**
 * numpy's PCG64 bit generator: a 128-bit LCG (`state = state * MULT + inc mod 2^128`) with the
 * XSL-RR 128/64 output, seeded from a {@link SeedSequence} exactly as numpy seeds it.
 *
 * The 128-bit state lives in six 24-bit limbs held in doubles (the top limb has 8 bits), so a
 * step is 21 exact double multiplications and no BigInt; BigInt is only used for seeding and
 * for the state getter/setter.
 */

const MASK128 = (1n << 128n) - 1n;
/** Fills at least this long run in WebAssembly (see fillDoubles). */
const WASM_MIN_DRAWS = 2048;
let wasmFill = true;

/**
 * Lets fillDoubles use its WebAssembly kernel (the default) or not; for tests and benchmarks.
 * Returns the previous setting.
 */
export function useWasmPcg64(on: boolean): boolean {
  const was = wasmFill;
  wasmFill = on;
  return was;
}
const T24 = 16777216;
const INV24 = 1 / 16777216;
const TWO32 = 4294967296;
const TWO_M53 = 1 / 9007199254740992;
const TWO_M24 = 1 / 16777216;

function limbsOf(x: bigint, out: Float64Array): void {
  for (let k = 0; k < 6; k++) out[k] = Number((x >> BigInt(24 * k)) & 0xffffffn);
}

function bigOf(limbs: Float64Array): bigint {
  let x = 0n;
  for (let k = 5; k >= 0; k--) x = (x << 24n) | BigInt(limbs[k] as number);
  return x;
}

const M = new Float64Array(6);
limbsOf(PCG64_MULT, M);
const M0 = M[0] as number;
const M1 = M[1] as number;
const M2 = M[2] as number;
const M3 = M[3] as number;
const M4 = M[4] as number;
const M5 = M[5] as number;

/** numpy's `bit_generator.state` dict for PCG64, with the 128-bit values as bigints. */
export interface PCG64State {
  state: bigint;
  inc: bigint;
  hasUint32: boolean;
  uinteger: number;
}

export class PCG64 {
  // State and increment limbs, least significant first.
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private s4 = 0;
  private s5 = 0;
  private i0 = 0;
  private i1 = 0;
  private i2 = 0;
  private i3 = 0;
  private i4 = 0;
  private i5 = 0;
  /** Halves of the last 64-bit output (unsigned 32-bit values). */
  hi = 0;
  lo = 0;
  /** numpy's 32-bit half-word buffer: next32 returns the high half of the last uint64 when set. */
  private hasUint32 = false;
  private uinteger = 0;

  /** Seeds like `numpy.random.PCG64(seed)`: through a SeedSequence, or from one you pass. */
  constructor(seed?: SeedLike | SeedSequence | null) {
    const ss = seed instanceof SeedSequence ? seed : new SeedSequence(seed);
    const v = ss.generateState64(4);
    const initState = ((v[0] as bigint) << 64n) | (v[1] as bigint);
    const initSeq = ((v[2] as bigint) << 64n) | (v[3] as bigint);
    // pcg_setseq_128_srandom_r: state = 0; inc = seq << 1 | 1; step; state += init; step.
    const inc = ((initSeq << 1n) | 1n) & MASK128;
    let state = inc; // 0 * MULT + inc
    state = (state + initState) & MASK128;
    state = (state * PCG64_MULT + inc) & MASK128;
    this.setRaw(state, inc);
  }

  private setRaw(state: bigint, inc: bigint): void {
    const l = new Float64Array(6);
    limbsOf(state, l);
    [this.s0, this.s1, this.s2, this.s3, this.s4, this.s5] = l as unknown as number[];
    limbsOf(inc, l);
    [this.i0, this.i1, this.i2, this.i3, this.i4, this.i5] = l as unknown as number[];
  }

  /** The generator state in numpy's terms (`bit_generator.state`). */
  get state(): PCG64State {
    return {
      state: bigOf(Float64Array.of(this.s0, this.s1, this.s2, this.s3, this.s4, this.s5)),
      inc: bigOf(Float64Array.of(this.i0, this.i1, this.i2, this.i3, this.i4, this.i5)),
      hasUint32: this.hasUint32,
      uinteger: this.uinteger,
    };
  }

  set state(st: PCG64State) {
    const ok =
      typeof st === 'object' &&
      st !== null &&
      typeof st.state === 'bigint' &&
      typeof st.inc === 'bigint' &&
      st.state >= 0n &&
      st.state <= MASK128 &&
      st.inc >= 0n &&
      st.inc <= MASK128 &&
      (st.inc & 1n) === 1n &&
      typeof st.hasUint32 === 'boolean' &&
      Number.isInteger(st.uinteger) &&
      st.uinteger >= 0 &&
      st.uinteger < TWO32;
    if (!ok) {
      throw new TypeError(
        `PCG64.state: expected { state: bigint < 2^128, inc: odd bigint < 2^128, hasUint32: boolean, uinteger: uint32 }, got ${describe(st)}`,
      );
    }
    this.setRaw(st.state, st.inc);
    this.hasUint32 = st.hasUint32;
    this.uinteger = st.uinteger;
  }

  /** Advances the state one step and leaves the 64-bit output in `this.hi` / `this.lo`. */
  next64(): void {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2;
    const s3 = this.s3;
    const s4 = this.s4;
    const s5 = this.s5;
    let t = s0 * M0 + this.i0;
    let c = (t * INV24) | 0;
    const n0 = t - c * T24;
    t = s0 * M1 + s1 * M0 + this.i1 + c;
    c = (t * INV24) | 0;
    const n1 = t - c * T24;
    t = s0 * M2 + s1 * M1 + s2 * M0 + this.i2 + c;
    c = (t * INV24) | 0;
    const n2 = t - c * T24;
    t = s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0 + this.i3 + c;
    c = (t * INV24) | 0;
    const n3 = t - c * T24;
    t = s0 * M4 + s1 * M3 + s2 * M2 + s3 * M1 + s4 * M0 + this.i4 + c;
    c = (t * INV24) | 0;
    const n4 = t - c * T24;
    const n5 =
      (Math.imul(s0, M5) +
        Math.imul(s1, M4) +
        Math.imul(s2, M3) +
        Math.imul(s3, M2) +
        Math.imul(s4, M1) +
        Math.imul(s5, M0) +
        this.i5 +
        c) &
      255;
    this.s0 = n0;
    this.s1 = n1;
    this.s2 = n2;
    this.s3 = n3;
    this.s4 = n4;
    this.s5 = n5;
    // XSL-RR: rotr64(high64 ^ low64, state >> 122).
    const xlo = (n0 | ((n1 & 0xff) << 24)) ^ ((n2 >>> 16) | (n3 << 8));
    const xhi = ((n1 >>> 8) | ((n2 & 0xffff) << 16)) ^ (n4 | (n5 << 24));
    const rot = n5 >>> 2;
    const r = rot & 31;
    const m = -(rot >>> 5);
    const a = (xlo & ~m) | (xhi & m);
    const b = (xhi & ~m) | (xlo & m);
    this.lo = ((a >>> r) | ((b << 1) << (31 - r))) >>> 0;
    this.hi = ((b >>> r) | ((a << 1) << (31 - r))) >>> 0;
  }

  /** The next uint64 as a bigint (numpy `next_uint64`). */
  nextUint64(): bigint {
    this.next64();
    return (BigInt(this.hi) << 32n) | BigInt(this.lo);
  }

  /** The next uint32 (numpy `next_uint32`): the low half of a fresh uint64, then its high half. */
  nextUint32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64();
    this.hasUint32 = true;
    this.uinteger = this.hi;
    return this.lo;
  }

  /** The next double in [0, 1): `(next_uint64 >> 11) * 2^-53` (numpy `next_double`). */
  nextDouble(): number {
    this.next64();
    return (this.hi * 2097152 + (this.lo >>> 11)) * TWO_M53;
  }

  /** The next float32 in [0, 1): `(next_uint32 >> 8) * 2^-24` (numpy `next_float`). */
  nextFloat(): number {
    return (this.nextUint32() >>> 8) * TWO_M24;
  }

  /** Fills `out[start..end)` with `nextDouble()` values (the state stays in locals: fast path of `random`). */
  fillDoubles(out: Float64Array, start = 0, end = out.length): void {
    // Long runs in WebAssembly: the same integer steps, compiled at once, where this loop would
    // run in V8's interpreter until optimised (~1 us a draw cold, e.g. RISEGrid's 64 000).
    const kernel = wasmFill && end - start >= WASM_MIN_DRAWS ? WasmPcg64.get() : null;
    if (kernel) {
      const inc = bigOf(Float64Array.of(this.i0, this.i1, this.i2, this.i3, this.i4, this.i5));
      const state = bigOf(Float64Array.of(this.s0, this.s1, this.s2, this.s3, this.s4, this.s5));
      const r = kernel.run(state, inc, out, start, end);
      this.setRaw(r.state, inc);
      this.hi = Number(r.last >> 32n);
      this.lo = Number(r.last & 0xffffffffn);
      return;
    }
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    let s4 = this.s4;
    let s5 = this.s5;
    const i0 = this.i0;
    const i1 = this.i1;
    const i2 = this.i2;
    const i3 = this.i3;
    const i4 = this.i4;
    const i5 = this.i5;
    let hi = this.hi;
    let lo = this.lo;
    for (let k = start; k < end; k++) {
      let t = s0 * M0 + i0;
      let c = (t * INV24) | 0;
      const n0 = t - c * T24;
      t = s0 * M1 + s1 * M0 + i1 + c;
      c = (t * INV24) | 0;
      const n1 = t - c * T24;
      t = s0 * M2 + s1 * M1 + s2 * M0 + i2 + c;
      c = (t * INV24) | 0;
      const n2 = t - c * T24;
      t = s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0 + i3 + c;
      c = (t * INV24) | 0;
      const n3 = t - c * T24;
      t = s0 * M4 + s1 * M3 + s2 * M2 + s3 * M1 + s4 * M0 + i4 + c;
      c = (t * INV24) | 0;
      const n4 = t - c * T24;
      // top limb: only its low 8 bits survive, and those only depend on the factors' low bits
      const n5 =
        (Math.imul(s0, M5) +
          Math.imul(s1, M4) +
          Math.imul(s2, M3) +
          Math.imul(s3, M2) +
          Math.imul(s4, M1) +
          Math.imul(s5, M0) +
          i5 +
          c) &
        255;
      s0 = n0;
      s1 = n1;
      s2 = n2;
      s3 = n3;
      s4 = n4;
      s5 = n5;
      const xlo = (n0 | ((n1 & 0xff) << 24)) ^ ((n2 >>> 16) | (n3 << 8));
      const xhi = ((n1 >>> 8) | ((n2 & 0xffff) << 16)) ^ (n4 | (n5 << 24));
      const rot = n5 >>> 2;
      const r = rot & 31;
      const m = -(rot >>> 5); // all ones when rot >= 32: swap halves first (branchless)
      const a = (xlo & ~m) | (xhi & m);
      const b = (xhi & ~m) | (xlo & m);
      // rotr by r: (x << (32 - r)) written as ((x << 1) << (31 - r)) so that r = 0 gives 0
      lo = ((a >>> r) | ((b << 1) << (31 - r))) >>> 0;
      hi = ((b >>> r) | ((a << 1) << (31 - r))) >>> 0;
      out[k] = (hi * 2097152 + (lo >>> 11)) * TWO_M53;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    this.s4 = s4;
    this.s5 = s5;
    this.hi = hi;
    this.lo = lo;
  }
}
