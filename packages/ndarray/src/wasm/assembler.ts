/**
 * A tiny WebAssembly binary encoder: just enough to emit salkit's SIMD kernels at run
 * time (so each kernel is unrolled for the caller's number of maps). One module = one imported
 * memory (`env.memory`) plus exported functions over i32 / f64 values.
 */

export const I32 = 0x7f;
export const I64 = 0x7e;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof I64 | typeof F64 | typeof V128;

/** SIMD opcodes used here (after the 0xfd prefix). */
export const Simd = {
  load: 0x00,
  load8x8u: 0x02,
  load32Splat: 0x09,
  load64Splat: 0x0a,
  store: 0x0b,
  shuffle: 0x0d,
  f32x4Splat: 0x13,
  f64x2Splat: 0x14,
  i8x16Splat: 0x0f,
  anyTrue: 0x53,
  and: 0x4e,
  or: 0x50,
  i8x16Shl: 0x6b,
  i16x8ExtendLowU: 0x89,
  i16x8ExtendHighU: 0x8a,
  i32x4ExtendLowU: 0xa9,
  i32x4ExtendHighU: 0xaa,
  f32x4DemoteF64x2Zero: 0x5e,
  f64x2PromoteLowF32x4: 0x5f,
  f32x4Add: 0xe4,
  f32x4Mul: 0xe6,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2ExtractLane: 0x21,
  f32x4ExtractLane: 0x1f,
  f64x2Mul: 0xf2,
  f64x2Div: 0xf3,
  f64x2Pmin: 0xf6,
  f64x2Pmax: 0xf7,
  f64x2Abs: 0xec,
  f32x4Abs: 0xe0,
  f32x4Pmax: 0xeb,
  f32x4Div: 0xe7,
  f32x4Eq: 0x41,
  f64x2Eq: 0x47,
  bitselect: 0x52,
  f64x2ConvertLowI32x4U: 0xff,
  load32Zero: 0x5c,
  load64Zero: 0x5d,
  not: 0x4d,
  i32x4Splat: 0x11,
  i32x4ExtractLane: 0x1b,
  f32x4Ge: 0x46,
  f32x4Le: 0x45,
  f32x4Sub: 0xe5,
  f32x4ConvertI32x4U: 0xfb,
  i32x4TruncSatF32x4U: 0xf9,
  i16x8NarrowI32x4U: 0x86,
  i8x16NarrowI16x8U: 0x66,
} as const;

/** Scalar opcodes used by the kernels (loads and stores take a memory argument: see `mem`). */
export const Op = {
  select: 0x1b,
  i64Load: 0x29,
  i64Store: 0x37,
  i64LtU: 0x54,
  i64Add: 0x7c,
  i64Mul: 0x7e,
  i64And: 0x83,
  i64Xor: 0x85,
  i64ShrU: 0x88,
  i64Rotr: 0x8a,
  i64ExtendI32U: 0xad,
  f64ConvertI64U: 0xba,
  i32Load: 0x28,
  f32Load: 0x2a,
  f64Load: 0x2b,
  f32Store: 0x38,
  f64Store: 0x39,
  i32Ne: 0x47,
  i32LtS: 0x48,
  i32GtS: 0x4a,
  i32GeS: 0x4e,
  f32Eq: 0x5b,
  f64Eq: 0x61,
  f32Div: 0x95,
  f64Sqrt: 0x9f,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  f64Div: 0xa3,
  f64Min: 0xa4,
  f64Max: 0xa5,
  f64Abs: 0x99,
  f64Ge: 0x66,
  f32Abs: 0x8b,
  f32Max: 0x97,
  f32DemoteF64: 0xb6,
  f64PromoteF32: 0xbb,
} as const;

function uleb(out: number[], v: number): void {
  let x = v >>> 0;
  do {
    let b = x & 0x7f;
    x >>>= 7;
    if (x !== 0) b |= 0x80;
    out.push(b);
  } while (x !== 0);
}

function sleb(out: number[], v: number): void {
  let x = v | 0;
  for (;;) {
    const b = x & 0x7f;
    x >>= 7;
    if ((x === 0 && (b & 0x40) === 0) || (x === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return;
    }
    out.push(b | 0x80);
  }
}

/** Body of one function: typed helpers append instructions; locals are declared as they are asked for. */
export class FunctionBuilder {
  readonly code: number[] = [];
  private readonly extra: ValType[] = [];

  constructor(
    readonly name: string,
    readonly params: readonly ValType[],
    readonly results: readonly ValType[] = [],
  ) {}

  /** A new local of `type`; returns its index. */
  local(type: ValType): number {
    this.extra.push(type);
    return this.params.length + this.extra.length - 1;
  }

  get(i: number): this {
    this.code.push(0x20);
    uleb(this.code, i);
    return this;
  }
  set(i: number): this {
    this.code.push(0x21);
    uleb(this.code, i);
    return this;
  }
  tee(i: number): this {
    this.code.push(0x22);
    uleb(this.code, i);
    return this;
  }
  i32(v: number): this {
    this.code.push(0x41);
    sleb(this.code, v);
    return this;
  }
  /** i64.const (a bigint in the signed or unsigned 64-bit range). */
  i64(v: bigint): this {
    this.code.push(0x42);
    let x = BigInt.asIntN(64, v);
    for (;;) {
      const b = Number(x & 0x7fn);
      x >>= 7n;
      if ((x === 0n && (b & 0x40) === 0) || (x === -1n && (b & 0x40) !== 0)) {
        this.code.push(b);
        return this;
      }
      this.code.push(b | 0x80);
    }
  }
  /** A scalar load or store (`Op.f64Load`...) with alignment 2^`align` at address-on-stack + `offset`. */
  mem(opcode: number, align: number, offset = 0): this {
    this.code.push(opcode);
    uleb(this.code, align);
    uleb(this.code, offset);
    return this;
  }
  /** f32.const / f64.const, little-endian IEEE bits. */
  f32Const(v: number): this {
    this.code.push(0x43, ...new Uint8Array(Float32Array.of(v).buffer));
    return this;
  }
  f64Const(v: number): this {
    this.code.push(0x44, ...new Uint8Array(Float64Array.of(v).buffer));
    return this;
  }
  /** Plain (non-SIMD) opcode(s). */
  op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }
  /** `block` / `loop` with no result; close with `end()`. */
  block(): this {
    return this.op(0x02, 0x40);
  }
  loop(): this {
    return this.op(0x03, 0x40);
  }
  if(): this {
    return this.op(0x04, 0x40);
  }
  else(): this {
    return this.op(0x05);
  }
  end(): this {
    return this.op(0x0b);
  }
  br(depth: number): this {
    this.code.push(0x0c);
    uleb(this.code, depth);
    return this;
  }
  brIf(depth: number): this {
    this.code.push(0x0d);
    uleb(this.code, depth);
    return this;
  }
  /** A SIMD instruction, with a memory argument `[align, offset]` for loads and stores. */
  simd(opcode: number, memarg?: readonly [number, number]): this {
    this.code.push(0xfd);
    uleb(this.code, opcode);
    if (memarg) {
      uleb(this.code, memarg[0]);
      uleb(this.code, memarg[1]);
    }
    return this;
  }
  /** v128.load at address-on-stack + offset. */
  vload(offset = 0): this {
    return this.simd(Simd.load, [0, offset]);
  }
  /** v128.store (stack: address, value) at address + offset. */
  vstore(offset = 0): this {
    return this.simd(Simd.store, [0, offset]);
  }
  /** i8x16.shuffle with 16 lane indices. */
  shuffle(lanes: readonly number[]): this {
    this.simd(Simd.shuffle);
    this.code.push(...lanes);
    return this;
  }
  i32Add(): this {
    return this.op(0x6a);
  }
  i32Sub(): this {
    return this.op(0x6b);
  }
  i32Mul(): this {
    return this.op(0x6c);
  }
  i32LtU(): this {
    return this.op(0x49);
  }
  i32Eqz(): this {
    return this.op(0x45);
  }
  /** i32.load8_u at address-on-stack + offset. */
  i32Load8U(offset = 0): this {
    this.code.push(0x2d, 0);
    uleb(this.code, offset);
    return this;
  }
  /** local[i] += delta (i32). */
  addTo(i: number, delta: number): this {
    return this.get(i).i32(delta).i32Add().set(i);
  }

  /** Encoded body: local declarations then code. */
  encode(): number[] {
    const out: number[] = [];
    const groups: [number, ValType][] = [];
    for (const t of this.extra) {
      const last = groups[groups.length - 1];
      if (last && last[1] === t) last[0]++;
      else groups.push([1, t]);
    }
    uleb(out, groups.length);
    for (const [n, t] of groups) {
      uleb(out, n);
      out.push(t);
    }
    out.push(...this.code, 0x0b);
    return out;
  }
}

function section(out: number[], id: number, body: number[]): void {
  out.push(id);
  uleb(out, body.length);
  out.push(...body);
}

/** An ASCII name (all names here are ASCII identifiers). */
function name(out: number[], s: string): void {
  uleb(out, s.length);
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0x7f);
}

/** How the imported memory is declared: shared memories (for threads) need a maximum. */
export interface ImportedMemory {
  shared: true;
  /** Largest size in 64 KiB pages (at most 65536). */
  maxPages: number;
}

/**
 * A module importing `env.memory` (at least `minPages`; shared with `memory`) and exporting the
 * given functions.
 */
export function assembleModule(
  fns: readonly FunctionBuilder[],
  minPages = 1,
  memory?: ImportedMemory,
): Uint8Array<ArrayBuffer> {
  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types: number[] = [];
  uleb(types, fns.length);
  for (const f of fns) {
    types.push(0x60);
    uleb(types, f.params.length);
    types.push(...f.params);
    uleb(types, f.results.length);
    types.push(...f.results);
  }
  section(out, 1, types);
  const imports: number[] = [1];
  name(imports, 'env');
  name(imports, 'memory');
  if (memory === undefined) {
    imports.push(0x02, 0x00);
    uleb(imports, minPages);
  } else {
    if (!Number.isInteger(memory.maxPages) || memory.maxPages < minPages || memory.maxPages > 65536)
      throw new Error(
        `assembleModule: memory.maxPages must be an integer in [${minPages}, 65536]; got ${memory.maxPages}`,
      );
    // limits flag 3: shared, with a maximum
    imports.push(0x02, 0x03);
    uleb(imports, minPages);
    uleb(imports, memory.maxPages);
  }
  section(out, 2, imports);
  const funcs: number[] = [];
  uleb(funcs, fns.length);
  for (let i = 0; i < fns.length; i++) uleb(funcs, i);
  section(out, 3, funcs);
  const exports: number[] = [];
  uleb(exports, fns.length);
  fns.forEach((f, i) => {
    name(exports, f.name);
    exports.push(0x00);
    uleb(exports, i);
  });
  section(out, 7, exports);
  const code: number[] = [];
  uleb(code, fns.length);
  for (const f of fns) {
    const body = f.encode();
    uleb(code, body.length);
    code.push(...body);
  }
  section(out, 10, code);
  return new Uint8Array(out);
}
