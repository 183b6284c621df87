import { assembleModule, F64, FunctionBuilder, I32, Op, Simd, V128 } from '@salkit/ndarray/wasm';
import { finishMaps, finishMapsF32, scaleMaps } from './finishKernels.js';

/** Byte pattern moving the high 8 bytes of a vector to its low half. */
const HIGH_TO_LOW = [8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15];

/** How a kernel module is specialised. */
export interface KernelShape {
  /** Maps (classes) C. */
  maps: number;
  /** Table row length in f64: C maps + 1 coverage column, rounded up to even. */
  tableWidth: number;
  /** Table chunks (8 masks each) fused per pass over the pixels. */
  fuse: number;
  /** Pixels between consecutive staged mask rows and pattern rows (a multiple of 16). */
  pitch: number;
  /** Bytes between the 8 mask rows of a chunk that tablePatterns reads (a multiple of 16). */
  rowPitch: number;
  /** Byte address of the table kernel's `fuse` tables (consecutive, 256 rows of tableWidth f64 each). */
  tablesAt: number;
  /** Import a shared memory of at most this many pages (for threads); unset: an unshared one. */
  sharedMaxPages?: number;
}

/** Phase-1 arithmetic: `alpha + beta*m` in float64, or the same rounded to float32. */
export const WEIGHTS_F64 = 0;
export const WEIGHTS_F64_ROUNDED = 1;
/**
 * Float32 masks, beta = 1 and -1: `f32(alpha + m)` and `f32(alpha - m)` in float32, which for
 * alpha a float32 are WEIGHTS_F64_ROUNDED's numbers (beta*m is exact), with no multiply.
 */
export const WEIGHTS_F32_PLUS_M = 2;
export const WEIGHTS_F32_MINUS_M = 6;
/**
 * fusedF32 only, for alpha = 0 and beta = 1: `w = m` (promoted), the same number as any of the
 * modes above except that -0 stays -0, which adds to the +0-started sums exactly as +0 does.
 */
export const WEIGHTS_MASK = 3;
/**
 * `alpha + m` and `alpha - m` in float64: WEIGHTS_F64's numbers for beta = 1 and -1 (beta*m is then
 * exact), one multiply fewer per pixel.
 */
export const WEIGHTS_F64_PLUS_M = 4;
export const WEIGHTS_F64_MINUS_M = 5;

/** Pushes `alpha op m` for the float64 mode `md` (va, vb: alpha and beta splatted; `m()` pushes the f64x2 masks). */
function pushWeightsF64(f: FunctionBuilder, md: number, va: number, vb: number, m: () => void): FunctionBuilder {
  f.get(va);
  if (md === WEIGHTS_F64_PLUS_M || md === WEIGHTS_F64_MINUS_M) {
    m();
    return f.simd(md === WEIGHTS_F64_PLUS_M ? Simd.f64x2Add : Simd.f64x2Sub);
  }
  f.get(vb);
  m();
  f.simd(Simd.f64x2Mul).simd(Simd.f64x2Add);
  if (md === WEIGHTS_F64_ROUNDED) f.simd(Simd.f32x4DemoteF64x2Zero).simd(Simd.f64x2PromoteLowF32x4);
  return f;
}

/**
 * The exported functions. Addresses are byte offsets into the imported memory; pixel counts are
 * multiples of 16; mask rows are `srcRow` bytes apart (staged rows: `pitch` values; masks read
 * where they lie: a mask's length); float64 weights are packed in chunks of 8 pixels, each the
 * chunk's rows one 64-byte line after another (see packedWeightAddress).
 *
 * - `weightsU8|weightsF32|weightsF64(stage, w, cov, rows, pb, alpha, beta, mode, withCov, srcRow,
 *   chunkRows)`: for `rows` mask rows, `W = alpha + beta*m` (see the WEIGHTS_* modes) written as
 *   float64 to weights packed `chunkRows` rows a chunk, from the row at `w` (so a step's rows can
 *   be formed in parts) and, with `withCov`, added to `cov` row after row;
 * - `mac(w, s, acc, rows, pb, accPitch)`: `acc[c][p] += s[n][c] * W[n][p]`, n in order, over the
 *   weights packed `rows` rows a chunk; acc rows are `accPitch` bytes apart; registers hold a block
 *   of maps x pixels across all rows;
 * - `fusedF32(stage, s, acc, cov, rows, pb, accPitch, alpha, beta, mode, withCov, srcRow)`: for
 *   C <= 2 maps, phases 1 and 2 in one pass over float32 mask rows (no weight scratch), same
 *   arithmetic and order; for more maps it is an empty function;
 * - `weightsF32InPlace(stage, cov, rows, pb, alpha, beta, withCov, srcRow)` then `macF32(stage, s,
 *   acc, rows, pb, accPitch, srcRow)`: numpy's float32 arithmetic for float32 mask rows: the
 *   weights `w = f32(f32(alpha) + f32(beta)*m)` (numpy casts the Python scalars to float32)
 *   replace the masks (so these must be staged copies unless the weights are the masks:
 *   `f32(alpha)` +0 and `f32(beta)` 1) and `cov[p] = f32(cov + w)`, then
 *   `acc[c][p] = f32(acc + f32(s[n][c] * w))`, n in order; scalars, accumulators and coverage are
 *   float32 (4 bytes a value);
 * - `fusedMacF32(stage, s, acc, cov, rows, pb, accPitch, alpha, beta, withCov, srcRow)`: for C <=
 *   2 maps, the same float32 arithmetic in one pass that only reads the mask rows;
 * - `tablePatterns(stage, pat, pb) -> i32`: 0/1 masks, one chunk of 8 staged rows `rowPitch`
 *   bytes apart: per pixel a byte of their 8 bits into `pat`; 1 when all bytes were 0/1;
 * - `tableSums(pat, accT, chunks, pb)`: per pixel the pattern bytes of `chunks` (<= fuse) chunks
 *   (`pitch` bytes apart) index rows of the tables at `tablesAt`, their sums added to `accT[p][...]`;
 * - `finishMaps` and `finishMapsF32`: the maps, normalised by the coverage; `scaleMaps` and
 *   `scaleMapsF32`: each map max-abs scaled and clipped (see finishKernels.ts).
 */
export function buildRegionKernels(shape: KernelShape): Uint8Array<ArrayBuffer> {
  return assembleModule(
    [
      weights('weightsU8', 1),
      weights('weightsF32', 4),
      weights('weightsF64', 8),
      mac(shape.maps),
      fusedF32(shape.maps),
      weightsF32InPlace(),
      macF32(shape.maps),
      fusedMacF32(shape.maps),
      tablePatterns(shape.rowPitch),
      tableSums(shape.tableWidth, shape.fuse, shape.pitch, shape.tablesAt),
      finishMaps(shape.maps, shape.tableWidth),
      finishMapsF32(),
      scaleMaps(false),
      scaleMaps(true),
    ],
    1,
    shape.sharedMaxPages === undefined ? undefined : { shared: true, maxPages: shape.sharedMaxPages },
  );
}

/** Phase 1: staged mask rows of `bytes`-sized elements -> float64 weights, plus coverage. */
/**
 * Emits `regs[g*V + v] += weights[v] * splat(scalars[g])` for v < V: the scalar of map g is
 * loaded from the address in local `scalarPtr`, splatted into local `splat`, and multiplied into
 * the map's V accumulator registers (f64x2 or f32x4 lanes, no fused multiply-add: numpy's rounding).
 */
function splatMultiplyAdd(
  f: FunctionBuilder,
  scalarPtr: number,
  g: number,
  splat: number,
  weights: readonly number[],
  regs: readonly number[],
  V: number,
  lanes: 'f64x2' | 'f32x4' = 'f64x2',
): void {
  const f64 = lanes === 'f64x2';
  f.get(scalarPtr)
    .simd(f64 ? Simd.load64Splat : Simd.load32Splat, [0, g * (f64 ? 8 : 4)])
    .set(splat);
  for (let v = 0; v < V; v++) {
    const r = regs[g * V + v] as number;
    f.get(r)
      .get(weights[v] as number)
      .get(splat)
      .simd(f64 ? Simd.f64x2Mul : Simd.f32x4Mul)
      .simd(f64 ? Simd.f64x2Add : Simd.f32x4Add)
      .set(r);
  }
}

function weights(name: string, bytes: 1 | 4 | 8): FunctionBuilder {
  const f = new FunctionBuilder(name, [I32, I32, I32, I32, I32, F64, F64, I32, I32, I32, I32]);
  const [stage, w, cov, rows, pb, alpha, beta, mode, withCov, srcRow, chunkRows] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const va = f.local(V128);
  const vb = f.local(V128);
  const m = f.local(V128);
  const x = f.local(V128);
  const q = f.local(I32);
  const src = f.local(I32);
  const dst = f.local(I32);
  const n = f.local(I32);
  const wl = Array.from({ length: 4 }, () => f.local(V128));
  const cl = Array.from({ length: 4 }, () => f.local(V128));
  f.get(alpha).simd(Simd.f64x2Splat).set(va);
  f.get(beta).simd(Simd.f64x2Splat).set(vb);
  const va32 = splatF32(f, alpha);
  // pixels per step: float32 masks 8 at a time, so that each row's weights fill a 64-byte line
  const step = bytes === 8 ? 2 : 8;
  const nv = step / 2; // float64 vectors per step
  const emit = (md: number, withC: boolean) => {
    f.i32(0).set(q);
    f.block().loop();
    f.get(q).get(pb).i32LtU().i32Eqz().brIf(1);
    if (withC) loadVectors(f, () => pixelAddress(f, cov, q, 8), cl, 0, nv);
    f.get(stage).get(q).i32(bytes).i32Mul().i32Add().set(src);
    packedWeightAddress(f, w, () => f.get(q).i32(3).op(0x74), chunkRows).set(dst); // i32.shl: q * 8
    f.get(rows).set(n);
    f.block().loop();
    f.get(n).i32Eqz().brIf(1);
    if (bytes === 1) {
      f.get(src).simd(Simd.load8x8u, [0, 0]).set(m); // 8 x u16
      f.get(m).simd(Simd.i32x4ExtendLowU).set(x); // pixels 0..3
      f.get(m).simd(Simd.i32x4ExtendHighU).set(m); // pixels 4..7
      const halves = [
        () => f.get(x),
        () => f.get(x).get(x).shuffle(HIGH_TO_LOW),
        () => f.get(m),
        () => f.get(m).get(m).shuffle(HIGH_TO_LOW),
      ];
      halves.forEach((h, j) => {
        pushWeightsF64(f, md, va, vb, () => {
          h();
          f.simd(Simd.f64x2ConvertLowI32x4U);
        }).set(wl[j] as number);
      });
    } else if (bytes === 4) {
      for (let h = 0; h < 2; h++)
        float32MaskWeights(f, md, src, 16 * h, { m, va, vb, va32 }, wl[2 * h] as number, wl[2 * h + 1] as number);
    } else {
      pushWeightsF64(f, md, va, vb, () => f.get(src).vload()).set(wl[0] as number);
    }
    for (let j = 0; j < nv; j++) {
      f.get(dst)
        .get(wl[j] as number)
        .vstore(16 * j);
      if (withC)
        f.get(cl[j] as number)
          .get(wl[j] as number)
          .simd(Simd.f64x2Add)
          .set(cl[j] as number);
    }
    f.get(src).get(srcRow).i32Add().set(src);
    f.addTo(dst, 64).addTo(n, -1);
    f.br(0).end().end();
    if (withC) storeVectors(f, () => pixelAddress(f, cov, q, 8), cl, 0, nv);
    f.addTo(q, step);
    f.br(0).end().end();
  };
  const modes = [WEIGHTS_F64, WEIGHTS_F64_ROUNDED, WEIGHTS_F64_PLUS_M, WEIGHTS_F64_MINUS_M];
  if (bytes === 4) modes.push(WEIGHTS_F32_PLUS_M, WEIGHTS_F32_MINUS_M);
  specialise(f, withCov, mode, modes, emit);
  return f;
}

/** Pushes `base + q * bytes`, the address of pixel `q` in a row of `bytes`-sized values (base, q: locals). */
function pixelAddress(f: FunctionBuilder, base: number, q: number, bytes: number): FunctionBuilder {
  return f.get(base).get(q).i32(bytes).i32Mul().i32Add();
}

/** `regs[first + v] = v128.load(address + 16 v)` for v < V; `address()` pushes the address. */
function loadVectors(f: FunctionBuilder, address: () => void, regs: readonly number[], first: number, V: number): void {
  for (let v = 0; v < V; v++) {
    address();
    f.vload(16 * v).set(regs[first + v] as number);
  }
}

/** `v128.store(address + 16 v, regs[first + v])` for v < V. */
function storeVectors(
  f: FunctionBuilder,
  address: () => void,
  regs: readonly number[],
  first: number,
  V: number,
): void {
  for (let v = 0; v < V; v++) {
    address();
    f.get(regs[first + v] as number).vstore(16 * v);
  }
}

/**
 * Emits one specialised body per (coverage on/off, weight mode): `if (withCov == withC && mode == md)
 * { body; return }`, so the hot loops carry no run-time branches.
 */
function specialise(
  f: FunctionBuilder,
  withCov: number,
  mode: number,
  modes: readonly number[],
  emit: (md: number, withC: boolean) => void,
): void {
  for (const withC of [true, false]) {
    f.get(withCov).i32Eqz();
    if (withC) f.i32Eqz();
    f.if();
    for (const md of modes) {
      f.get(mode).i32(md).op(0x46).if(); // i32.eq
      emit(md, withC);
      f.op(0x0f).end(); // return
    }
    f.end();
  }
}

/**
 * For maps c0..c0+G-1: `bases[g] = acc + accPitch*(c0+g) + offset` (`offset()` pushes the block's
 * byte offset in a row) and the map's V accumulator vectors from there into `regs[g*V..]`.
 */
function loadMapBlock(
  f: FunctionBuilder,
  acc: number,
  accPitch: number,
  c0: number,
  G: number,
  offset: () => void,
  bases: readonly number[],
  regs: readonly number[],
  V: number,
): void {
  for (let g = 0; g < G; g++) {
    f.get(acc)
      .get(accPitch)
      .i32(c0 + g)
      .i32Mul()
      .i32Add();
    offset();
    f.i32Add().set(bases[g] as number);
    loadVectors(f, () => f.get(bases[g] as number), regs, g * V, V);
  }
}

/** C maps split into near-equal register blocks `[first map, size]` of at most `max` maps. */
function mapGroups(C: number, max: number): [number, number][] {
  const groups: [number, number][] = [];
  const nGroups = Math.ceil(C / max);
  for (let g = 0, c0 = 0; g < nGroups; g++) {
    const size = Math.ceil((C - c0) / (nGroups - g));
    groups.push([c0, size]);
    c0 += size;
  }
  return groups;
}

/**
 * Pushes the address of pixel byte offset `byteOffset()` (8 bytes a pixel) of the first weight row
 * in `base`'s packed weights: 8-pixel chunks of `chunkRows` rows x 64 bytes, so that each row's
 * part of a chunk is one cache line and the multiply-adds walk memory in order.
 */
function packedWeightAddress(
  f: FunctionBuilder,
  base: number,
  byteOffset: () => void,
  chunkRows: number,
): FunctionBuilder {
  f.get(base);
  byteOffset();
  f.i32(6).op(0x76); // i32.shr_u: the chunk
  f.get(chunkRows).i32(6).op(0x74).i32Mul().i32Add(); // i32.shl: chunkRows * 64
  byteOffset();
  return f.i32(63).op(0x71).i32Add(); // i32.and: the byte in the chunk's row
}

/** Phase 2, unrolled for C maps: register blocks of G maps x V pixel pairs, the rows streamed through. */
function mac(C: number): FunctionBuilder {
  const f = new FunctionBuilder('mac', [I32, I32, I32, I32, I32, I32]);
  const [w, s, acc, rows, pb, accPitch] = [0, 1, 2, 3, 4, 5];
  // V8 gives wasm 15 vector registers and loads all of a row's splats before its multiply-adds:
  // blocks of 4 maps (8 accumulators, 2 weights, 4 splats, a product) fit; blocks of 5 spilled
  // two accumulators to the stack (5% slower at C = 10)
  const groups = mapGroups(C, 4);
  const p = f.local(I32);
  const wn = f.local(I32);
  const sn = f.local(I32);
  const n = f.local(I32);
  const end = f.local(I32);
  const bases = Array.from({ length: 4 }, () => f.local(I32));
  const regs = Array.from({ length: 16 }, () => f.local(V128));
  const wv = Array.from({ length: 8 }, () => f.local(V128));
  const sv = f.local(V128);
  f.get(pb).i32(8).i32Mul().set(end);
  for (const [c0, G] of groups) {
    // pixel pairs per block (a divisor of 8: blocks are multiples of 16 pixels)
    const V = G >= 3 ? 2 : 4;
    f.i32(0).set(p);
    f.block().loop();
    f.get(p).get(end).i32LtU().i32Eqz().brIf(1);
    loadMapBlock(f, acc, accPitch, c0, G, () => f.get(p), bases, regs, V);
    packedWeightAddress(f, w, () => f.get(p), rows).set(wn);
    f.get(s)
      .i32(c0 * 8)
      .i32Add()
      .set(sn);
    f.get(rows).set(n);
    f.block().loop();
    f.get(n).i32Eqz().brIf(1);
    for (let v = 0; v < V; v++)
      f.get(wn)
        .vload(16 * v)
        .set(wv[v] as number);
    for (let g = 0; g < G; g++) splatMultiplyAdd(f, sn, g, sv, wv, regs, V);
    f.addTo(wn, 64)
      .addTo(sn, C * 8)
      .addTo(n, -1);
    f.br(0).end().end();
    for (let g = 0; g < G; g++) storeVectors(f, () => f.get(bases[g] as number), regs, g * V, V);
    f.addTo(p, V * 16);
    f.br(0).end().end();
  }
  return f;
}

/** Maps up to which `fusedF32` is generated (its registers: C*V accumulators, V weights, V coverage). */
export const FUSED_MAX_MAPS = 2;

function fusedF32(C: number): FunctionBuilder {
  const f = new FunctionBuilder('fusedF32', [I32, I32, I32, I32, I32, I32, I32, F64, F64, I32, I32, I32]);
  if (C > FUSED_MAX_MAPS) return f;
  const [stage, s, acc, cov, rows, pb, accPitch, alpha, beta, mode, withCov, srcRow] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
  ];
  const V = C === 1 ? 4 : 2; // pixel pairs per block
  const va = f.local(V128);
  const vb = f.local(V128);
  const m = f.local(V128);
  const sv = f.local(V128);
  const q = f.local(I32);
  const src = f.local(I32);
  const sn = f.local(I32);
  const n = f.local(I32);
  const regs = Array.from({ length: C * V }, () => f.local(V128));
  const wl = Array.from({ length: V }, () => f.local(V128));
  const cl = Array.from({ length: V }, () => f.local(V128));
  f.get(alpha).simd(Simd.f64x2Splat).set(va);
  f.get(beta).simd(Simd.f64x2Splat).set(vb);
  const va32 = splatF32(f, alpha);
  const emit = (md: number, withC: boolean) => {
    f.i32(0).set(q);
    f.block().loop();
    f.get(q).get(pb).i32LtU().i32Eqz().brIf(1);
    for (let g = 0; g < C; g++)
      loadVectors(f, () => pixelAddress(f, acc, q, 8).get(accPitch).i32(g).i32Mul().i32Add(), regs, g * V, V);
    if (withC) loadVectors(f, () => pixelAddress(f, cov, q, 8), cl, 0, V);
    f.get(stage).get(q).i32(4).i32Mul().i32Add().set(src);
    f.get(s).set(sn);
    f.get(rows).set(n);
    f.block().loop();
    f.get(n).i32Eqz().brIf(1);
    for (let h = 0; h < V / 2; h++)
      float32MaskWeights(f, md, src, 16 * h, { m, va, vb, va32 }, wl[2 * h] as number, wl[2 * h + 1] as number);
    for (let g = 0; g < C; g++) splatMultiplyAdd(f, sn, g, sv, wl, regs, V);
    if (withC) addVectors(f, cl, wl, V, Simd.f64x2Add);
    f.get(src).get(srcRow).i32Add().set(src);
    f.addTo(sn, C * 8).addTo(n, -1);
    f.br(0).end().end();
    for (let g = 0; g < C; g++)
      storeVectors(f, () => pixelAddress(f, acc, q, 8).get(accPitch).i32(g).i32Mul().i32Add(), regs, g * V, V);
    if (withC) storeVectors(f, () => pixelAddress(f, cov, q, 8), cl, 0, V);
    f.addTo(q, 2 * V);
    f.br(0).end().end();
  };
  const modes = [
    WEIGHTS_F64,
    WEIGHTS_F64_ROUNDED,
    WEIGHTS_F32_PLUS_M,
    WEIGHTS_F32_MINUS_M,
    WEIGHTS_MASK,
    WEIGHTS_F64_PLUS_M,
    WEIGHTS_F64_MINUS_M,
  ];
  specialise(f, withCov, mode, modes, emit);
  return f;
}

/**
 * numpy's float32 weights and coverage, in place over `rows` staged float32 rows:
 * `m <- f32(f32(alpha) + f32(beta)*m)` (numpy casts the Python scalars to float32; skipped when
 * that is `m` itself: alpha +0 and beta 1, where a -0 mask adds to the +0-started sums as +0 does)
 * and, with `withCov`, `cov[p] = f32(cov + w)` row after row. Pixels go 8 at a time, the rows
 * walked down each column, so the coverage stays in registers.
 */
function weightsF32InPlace(): FunctionBuilder {
  const f = new FunctionBuilder('weightsF32InPlace', [I32, I32, I32, I32, F64, F64, I32, I32]);
  const [stage, cov, rows, pb, alpha, beta, withCov, srcRow] = [0, 1, 2, 3, 4, 5, 6, 7];
  const q = f.local(I32);
  const src = f.local(I32);
  const n = f.local(I32);
  const wl = Array.from({ length: 2 }, () => f.local(V128));
  const cl = Array.from({ length: 2 }, () => f.local(V128));
  const ident = identityWeights(f, alpha, beta);
  const va32 = splatF32(f, alpha);
  const vb32 = splatF32(f, beta);
  const emit = (withC: boolean, identity: boolean) => {
    f.i32(0).set(q);
    f.block().loop();
    f.get(q).get(pb).i32LtU().i32Eqz().brIf(1);
    if (withC) loadVectors(f, () => pixelAddress(f, cov, q, 4), cl, 0, 2);
    f.get(stage).get(q).i32(4).i32Mul().i32Add().set(src);
    f.get(rows).set(n);
    f.block().loop();
    f.get(n).i32Eqz().brIf(1);
    for (let v = 0; v < 2; v++) {
      pushWeightsF32(f, src, 16 * v, va32, vb32, identity).set(wl[v] as number);
      if (!identity)
        f.get(src)
          .get(wl[v] as number)
          .vstore(16 * v);
    }
    if (withC) addVectors(f, cl, wl, 2, Simd.f32x4Add);
    f.get(src).get(srcRow).i32Add().set(src);
    f.addTo(n, -1);
    f.br(0).end().end();
    if (withC) storeVectors(f, () => pixelAddress(f, cov, q, 4), cl, 0, 2);
    f.addTo(q, 8);
    f.br(0).end().end();
  };
  // identity weights without coverage: nothing to do
  specialise(f, withCov, ident, [1, 0], (id, withC) => {
    if (withC || id === 0) emit(withC, id === 1);
  });
  return f;
}

/** Locals of the float32-mask weight step: a scratch vector, alpha and beta splatted as f64x2, alpha as f32x4. */
interface WeightLocals {
  m: number;
  va: number;
  vb: number;
  va32: number;
}

/**
 * The weights (WEIGHTS_* mode `md`) of the four float32 mask values at `src + offset`, as two
 * f64x2: lanes 0-1 into local `lo`, lanes 2-3 into `hi`. The WEIGHTS_F32_* modes form them in
 * float32 and promote them; WEIGHTS_MASK and the float64 modes promote the masks first.
 */
function float32MaskWeights(
  f: FunctionBuilder,
  md: number,
  src: number,
  offset: number,
  { m, va, vb, va32 }: WeightLocals,
  lo: number,
  hi: number,
): void {
  if (md === WEIGHTS_F32_PLUS_M || md === WEIGHTS_F32_MINUS_M) {
    f.get(va32)
      .get(src)
      .vload(offset)
      .simd(md === WEIGHTS_F32_PLUS_M ? Simd.f32x4Add : Simd.f32x4Sub)
      .set(m);
    f.get(m).simd(Simd.f64x2PromoteLowF32x4).set(lo);
    f.get(m).get(m).shuffle(HIGH_TO_LOW).simd(Simd.f64x2PromoteLowF32x4).set(hi);
    return;
  }
  // each pair of lanes loaded on its own: V8 folds the load into the conversion (cvtps2pd xmm,
  // m64), where a 16-byte load then a shuffle for the high pair took 15% longer in fusedF32
  for (const [j, out] of [lo, hi].entries()) {
    const promoted = () =>
      f
        .get(src)
        .simd(Simd.load64Zero, [0, offset + 8 * j])
        .simd(Simd.f64x2PromoteLowF32x4);
    if (md === WEIGHTS_MASK) promoted().set(out);
    else pushWeightsF64(f, md, va, vb, promoted).set(out);
  }
}

/**
 * Pushes numpy's float32 weights of the four float32 mask values at `src + offset`:
 * `f32(f32(alpha) + f32(beta)*m)` (alpha and beta splatted in va32, vb32), or `m` itself.
 */
function pushWeightsF32(
  f: FunctionBuilder,
  src: number,
  offset: number,
  va32: number,
  vb32: number,
  identity: boolean,
): FunctionBuilder {
  if (identity) return f.get(src).vload(offset);
  return f.get(va32).get(vb32).get(src).vload(offset).simd(Simd.f32x4Mul).simd(Simd.f32x4Add);
}

/** `into[v] = add(into[v], from[v])` for v < V (`add`: a lane-wise SIMD add opcode). */
function addVectors(
  f: FunctionBuilder,
  into: readonly number[],
  from: readonly number[],
  V: number,
  add: number,
): void {
  for (let v = 0; v < V; v++)
    f.get(into[v] as number)
      .get(from[v] as number)
      .simd(add)
      .set(into[v] as number);
}

/** A local: float64 parameter `x` (alpha or beta) as float32, as numpy casts the Python scalars, splatted to f32x4. */
function splatF32(f: FunctionBuilder, x: number): number {
  const v = f.local(V128);
  f.get(x).op(Op.f32DemoteF64).simd(Simd.f32x4Splat).set(v);
  return v;
}

/** A local set to 1 when `f32(alpha) + f32(beta)*m` is `m` itself: f32(alpha) is +0 and f32(beta) is 1. */
function identityWeights(f: FunctionBuilder, alpha: number, beta: number): number {
  const ident = f.local(I32);
  f.get(alpha).op(Op.f32DemoteF64).op(0xbc).i32Eqz(); // i32.reinterpret_f32
  f.get(beta).op(Op.f32DemoteF64).op(0xbc).i32(0x3f800000).op(0x46).op(0x71).set(ident); // i32.eq, i32.and
  return ident;
}

/**
 * numpy's float32 products and sums, unrolled for C maps, over staged rows that already hold the
 * float32 weights (weightsF32InPlace): `acc[c][p] = f32(acc + f32(s[n][c] * w))`, n in order.
 * Register blocks of up to 4 maps x 2 f32x4 vectors: 8 accumulators, 2 weights, a splat and a
 * product fit V8's 15 vector registers (blocks of 5, or weights recomputed per block, spilled).
 */
function macF32(C: number): FunctionBuilder {
  const f = new FunctionBuilder('macF32', [I32, I32, I32, I32, I32, I32, I32]);
  const [stage, s, acc, rows, pb, accPitch, srcRow] = [0, 1, 2, 3, 4, 5, 6];
  const sv = f.local(V128);
  const q = f.local(I32);
  const src = f.local(I32);
  const sn = f.local(I32);
  const n = f.local(I32);
  const V = 2;
  const bases = Array.from({ length: 4 }, () => f.local(I32));
  const regs = Array.from({ length: 4 * V }, () => f.local(V128));
  const wl = Array.from({ length: V }, () => f.local(V128));
  for (const [c0, G] of mapGroups(C, 4)) {
    f.i32(0).set(q);
    f.block().loop();
    f.get(q).get(pb).i32LtU().i32Eqz().brIf(1);
    loadMapBlock(f, acc, accPitch, c0, G, () => f.get(q).i32(4).i32Mul(), bases, regs, V);
    f.get(stage).get(q).i32(4).i32Mul().i32Add().set(src);
    f.get(s)
      .i32(c0 * 4)
      .i32Add()
      .set(sn);
    f.get(rows).set(n);
    f.block().loop();
    f.get(n).i32Eqz().brIf(1);
    loadVectors(f, () => f.get(src), wl, 0, V);
    for (let g = 0; g < G; g++) splatMultiplyAdd(f, sn, g, sv, wl, regs, V, 'f32x4');
    f.get(src).get(srcRow).i32Add().set(src);
    f.addTo(sn, C * 4).addTo(n, -1);
    f.br(0).end().end();
    for (let g = 0; g < G; g++) storeVectors(f, () => f.get(bases[g] as number), regs, g * V, V);
    f.addTo(q, 4 * V);
    f.br(0).end().end();
  }
  return f;
}

/**
 * For C <= FUSED_MAX_MAPS maps, weightsF32InPlace and macF32 in one pass over float32 mask rows,
 * which it only reads: the weights `w = f32(f32(alpha) + f32(beta)*m)` (`m` itself for alpha +0,
 * beta 1) stay in registers, `acc[c][p] = f32(acc + f32(s[n][c] * w))` and, with `withCov`,
 * `cov[p] = f32(cov + w)`, n in order; for more maps it is an empty function (recomputing the
 * weights per register block of maps cost more than the second pass saves).
 */
function fusedMacF32(C: number): FunctionBuilder {
  const f = new FunctionBuilder('fusedMacF32', [I32, I32, I32, I32, I32, I32, I32, F64, F64, I32, I32]);
  if (C > FUSED_MAX_MAPS) return f;
  const [stage, s, acc, cov, rows, pb, accPitch, alpha, beta, withCov, srcRow] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const sv = f.local(V128);
  const q = f.local(I32);
  const src = f.local(I32);
  const sn = f.local(I32);
  const n = f.local(I32);
  const bases = Array.from({ length: C }, () => f.local(I32));
  const regs = Array.from({ length: 4 }, () => f.local(V128));
  const wl = Array.from({ length: 4 }, () => f.local(V128));
  const cl = Array.from({ length: 4 }, () => f.local(V128));
  const ident = identityWeights(f, alpha, beta);
  const va32 = splatF32(f, alpha);
  const vb32 = splatF32(f, beta);
  const emit = (identity: boolean, withC: boolean) => {
    // f32x4 vectors per block: 4 for one map unless alpha and beta need registers too (then V8
    // spilled an accumulator)
    const V = C === 1 && identity ? 4 : 2;
    f.i32(0).set(q);
    f.block().loop();
    f.get(q).get(pb).i32LtU().i32Eqz().brIf(1);
    loadMapBlock(f, acc, accPitch, 0, C, () => f.get(q).i32(4).i32Mul(), bases, regs, V);
    if (withC) loadVectors(f, () => pixelAddress(f, cov, q, 4), cl, 0, V);
    f.get(stage).get(q).i32(4).i32Mul().i32Add().set(src);
    f.get(s).set(sn);
    f.get(rows).set(n);
    f.block().loop();
    f.get(n).i32Eqz().brIf(1);
    for (let v = 0; v < V; v++) pushWeightsF32(f, src, 16 * v, va32, vb32, identity).set(wl[v] as number);
    for (let g = 0; g < C; g++) splatMultiplyAdd(f, sn, g, sv, wl, regs, V, 'f32x4');
    if (withC) addVectors(f, cl, wl, V, Simd.f32x4Add);
    f.get(src).get(srcRow).i32Add().set(src);
    f.addTo(sn, C * 4).addTo(n, -1);
    f.br(0).end().end();
    for (let g = 0; g < C; g++) storeVectors(f, () => f.get(bases[g] as number), regs, g * V, V);
    if (withC) storeVectors(f, () => pixelAddress(f, cov, q, 4), cl, 0, V);
    f.addTo(q, 4 * V);
    f.br(0).end().end();
  };
  specialise(f, withCov, ident, [1, 0], (id, withC) => emit(id === 1, withC));
  return f;
}

/**
 * 0/1 masks, one chunk of 8 staged rows `rowPitch` bytes apart: `pat[q]` gets bit j from row j
 * at pixel q, for q < pb; returns 1 when every byte read is 0 or 1 (else the patterns are void).
 */
function tablePatterns(rowPitch: number): FunctionBuilder {
  const f = new FunctionBuilder('tablePatterns', [I32, I32, I32], [I32]);
  const [stage, pat, pb] = [0, 1, 2];
  const src = f.local(I32);
  const end = f.local(I32);
  const bits = f.local(V128);
  const any = f.local(V128);
  const row = f.local(V128);
  f.get(stage).set(src);
  f.get(stage).get(pb).i32Add().set(end);
  f.block().loop();
  f.get(src).get(end).i32LtU().i32Eqz().brIf(1);
  // row j of the chunk at src + j*rowPitch: the offsets are constants of the module
  f.get(src).vload().tee(bits).get(any).simd(Simd.or).set(any);
  for (let j = 1; j < 8; j++) {
    f.get(src)
      .vload(j * rowPitch)
      .tee(row)
      .get(any)
      .simd(Simd.or)
      .set(any);
    f.get(bits).get(row).i32(j).simd(Simd.i8x16Shl).simd(Simd.or).set(bits);
  }
  f.get(pat).get(bits).vstore();
  f.addTo(src, 16).addTo(pat, 16);
  f.br(0).end().end();
  // any bit other than bit 0 set -> not 0/1
  f.get(any).i32(0xfe).simd(Simd.i8x16Splat).simd(Simd.and).simd(Simd.anyTrue).i32Eqz();
  return f;
}

/**
 * 0/1 masks: `chunks` (at most `fuse`) rows of patterns (`pitch` bytes apart, from tablePatterns)
 * index tables of `tableWidth` precomputed sums per chunk, `tables` apart in memory from
 * `tablesAt`; per pixel, one pass adds the sum of `fuse` chunks' table rows to accT[p][0..T) when
 * there are `fuse` chunks (table addresses in the load offsets), else a pass per chunk.
 */
function tableSums(T: number, fuse: number, pitch: number, tablesAt: number): FunctionBuilder {
  const f = new FunctionBuilder('tableSums', [I32, I32, I32, I32]);
  const [pat, accT, chunks, pb] = [0, 1, 2, 3];
  const k = f.local(I32);
  const q = f.local(I32);
  const a = f.local(I32);
  const pp = f.local(I32);
  const tab = f.local(I32);
  const rowPtrs = Array.from({ length: fuse }, () => f.local(I32));
  const tableBytes = 256 * T * 8;
  /** A pass over U chunks from chunk k; fused (U = fuse, k = 0): tables at constant addresses. */
  const emitPass = (U: number) => {
    const fused = U === fuse;
    f.i32(0).set(q);
    f.get(accT).set(a);
    f.get(pat).get(k).i32(pitch).i32Mul().i32Add().set(pp);
    f.block().loop();
    f.get(q).get(pb).i32LtU().i32Eqz().brIf(1);
    for (let kk = 0; kk < U; kk++) {
      // row of chunk k+kk: pattern*T*8 (+ tab for single passes); table offsets go in the loads
      f.get(pp)
        .i32Load8U(kk * pitch)
        .i32(T * 8)
        .i32Mul();
      if (!fused) f.get(tab).i32Add();
      f.set(rowPtrs[kk] as number);
    }
    const base = fused ? tablesAt : 0;
    for (let j = 0; j < T / 2; j++) {
      f.get(a);
      f.get(a).vload(16 * j);
      f.get(rowPtrs[0] as number).vload(base + 16 * j);
      for (let kk = 1; kk < U; kk++)
        f.get(rowPtrs[kk] as number)
          .vload(base + kk * tableBytes + 16 * j)
          .simd(Simd.f64x2Add);
      f.simd(Simd.f64x2Add).vstore(16 * j);
    }
    f.addTo(a, T * 8)
      .addTo(q, 1)
      .addTo(pp, 1);
    f.br(0).end().end();
    f.addTo(k, U).addTo(tab, U * tableBytes);
  };
  f.i32(tablesAt).set(tab);
  f.i32(0).set(k);
  // one fused pass when there are `fuse` chunks, else single chunks
  f.get(chunks).i32(fuse).op(0x46).if(); // i32.eq
  emitPass(fuse);
  f.op(0x0f).end(); // return
  f.block().loop();
  f.get(k).get(chunks).i32LtU().i32Eqz().brIf(1);
  emitPass(1);
  f.br(0).end().end();
  return f;
}
