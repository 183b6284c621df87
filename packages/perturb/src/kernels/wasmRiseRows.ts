import {
  assembleModule,
  FunctionBuilder,
  I32,
  Op,
  Simd,
  V128,
  type WasmMemory,
  type WasmModule,
  wasmApi,
} from '@salkit/ndarray/wasm';
import { type RiseKernels, riseBlock, riseBlockArgs } from './riseBlockDriver.js';
import type { RiseLayout } from './riseLayout.js';

/**
 * WebAssembly SIMD version of the RISE row formula (riseMask.ts' `writeByRows`), with the same
 * float64 operations in the same order, so the float32 masks are bit-identical:
 *
 * - `hrows(grid, segs, nseg, w0, w1, h, s, sx, W, hRowBytes)`: for each of the `s` grid rows
 *   (float32 at `grid`, row-major `s x s`), `h[x] = g[j0] * w0[X] + g[j1] * w1[X]` for the `W`
 *   cropped columns `X = sx + x`, per column segment (records `[start, 4*j0, 4*j1, end]` of i32
 *   at `segs`: upsampled columns `[start, end)` read grid columns j0, j1), two columns at a time;
 *   a segment's odd last column spills one value into the next segment (which overwrites it) or,
 *   at the row's end, into padding. `h` rows are `hRowBytes` apart; `w0`, `w1` are float64 per
 *   upsampled column.
 * - `lerp(a, b, d, v, rows, out, groups, rowBytes, withDiff)`: with `withDiff`, first
 *   `d = b - a` (`4*groups` float64); then for `rows` rows, `out[x] = f32(a[x] + v*d[x])` for
 *   `4*groups` columns, `v` the float64 at `v` (advancing 8 bytes a row) and `out` advancing
 *   `rowBytes` a row. f32x4.demote_f64x2_zero rounds to nearest even, as a Float32Array store.
 *
 * Rows are written 4 pixels at a time: when the row width is not a multiple of 4, the last group
 * of a row spills up to 3 values into the start of the next row, which is always written later
 * (see lerpKernel); past the last row the spill lands in slack.
 */
function hrowsKernel(): FunctionBuilder {
  const f = new FunctionBuilder('hrows', [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32]);
  const [grid, segs, nseg, w0, w1, h, s, sx, W, hRowBytes] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const gridRow = f.local(I32);
  const xe = f.local(I32);
  const sp = f.local(I32);
  const k = f.local(I32);
  const xa = f.local(I32);
  const xb = f.local(I32);
  const x = f.local(I32);
  const hp = f.local(I32);
  const p0 = f.local(I32);
  const p1 = f.local(I32);
  const g0 = f.local(V128);
  const g1 = f.local(V128);
  f.get(sx).get(W).i32Add().set(xe);
  f.get(s).i32(4).i32Mul().set(gridRow);
  f.block().loop();
  f.get(s).i32Eqz().brIf(1);
  f.get(segs).set(sp).get(nseg).set(k);
  f.block().loop();
  f.get(k).i32Eqz().brIf(1);
  // xa = max(start, sx), xb = min(end, xe)
  f.get(sp).mem(Op.i32Load, 2).tee(xa).get(sx).get(xa).get(sx).op(Op.i32GtS, Op.select).set(xa);
  f.get(sp).mem(Op.i32Load, 2, 12).tee(xb).get(xe).get(xb).get(xe).op(Op.i32LtS, Op.select).set(xb);
  f.get(xa).get(xb).op(Op.i32LtS).if();
  // g0, g1: the segment's two grid values of this row, as float64 in both lanes
  for (const [offset, g] of [
    [4, g0],
    [8, g1],
  ] as const)
    f.get(grid)
      .get(sp)
      .mem(Op.i32Load, 2, offset)
      .i32Add()
      .mem(Op.f32Load, 2)
      .op(Op.f64PromoteF32)
      .simd(Simd.f64x2Splat)
      .set(g);
  f.get(h).get(xa).get(sx).i32Sub().i32(8).i32Mul().i32Add().set(hp);
  f.get(xa).i32(8).i32Mul().set(p0);
  f.get(p0).get(w1).i32Add().set(p1);
  f.get(p0).get(w0).i32Add().set(p0);
  f.get(xa).set(x);
  f.loop();
  f.get(hp);
  f.get(g0).get(p0).vload().simd(Simd.f64x2Mul);
  f.get(g1).get(p1).vload().simd(Simd.f64x2Mul);
  f.simd(Simd.f64x2Add).vstore();
  f.addTo(hp, 16).addTo(p0, 16).addTo(p1, 16);
  f.get(x).i32(2).i32Add().tee(x).get(xb).op(Op.i32LtS).brIf(0);
  f.end();
  f.end();
  f.addTo(sp, 16).addTo(k, -1);
  f.br(0).end().end();
  f.get(grid).get(gridRow).i32Add().set(grid);
  f.get(h).get(hRowBytes).i32Add().set(h);
  f.addTo(s, -1);
  f.br(0).end().end();
  return f;
}

/** Bytes 0-7 of the first vector then bytes 0-7 of the second: two demoted f64x2 as one f32x4. */
const LOW_HALVES = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];

/** Rows written per pass over the columns (the row values of a block of rows share the loads of `a` and `d`). */
const ROW_BLOCK = 4;

function lerpKernel(): FunctionBuilder {
  const f = new FunctionBuilder('lerp', [I32, I32, I32, I32, I32, I32, I32, I32, I32]);
  const [a, b, d, v, rows, out, groups, rowBytes, withDiff] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const vv = Array.from({ length: ROW_BLOCK }, () => f.local(V128));
  const va = [f.local(V128), f.local(V128)];
  const vd = [f.local(V128), f.local(V128)];
  const pa = f.local(I32);
  const pb = f.local(I32);
  const pd = f.local(I32);
  const p = f.local(I32);
  const n = f.local(I32);
  const last = f.local(I32); // byte offset of the last group in a, d (32 * (groups - 1))
  const rowOff = Array.from({ length: ROW_BLOCK }, () => f.local(I32)); // r * rowBytes
  // d = b - a
  f.get(withDiff).if();
  f.get(a).set(pa).get(b).set(pb).get(d).set(pd).get(groups).set(n);
  f.block().loop();
  f.get(n).i32Eqz().brIf(1);
  for (const o of [0, 16]) f.get(pd).get(pb).vload(o).get(pa).vload(o).simd(Simd.f64x2Sub).vstore(o);
  f.addTo(pa, 32).addTo(pb, 32).addTo(pd, 32).addTo(n, -1);
  f.br(0).end().end();
  f.end();
  f.get(groups).i32(1).i32Sub().i32(32).i32Mul().set(last);
  for (let r = 0; r < ROW_BLOCK; r++)
    f.get(rowBytes)
      .i32(r)
      .i32Mul()
      .set(rowOff[r] as number);
  // Blocks of R rows: per group of 4 columns, load a and d once and write the group in each row.
  // Groups go from last to first, so the spill of a row's last group into the next row's first
  // pixels is always overwritten later.
  for (const R of [ROW_BLOCK, 1]) {
    f.block().loop();
    f.get(rows).i32(R).i32LtU().brIf(1);
    for (let r = 0; r < R; r++)
      f.get(v)
        .simd(Simd.load64Splat, [3, 8 * r])
        .set(vv[r] as number);
    f.get(a).get(last).i32Add().set(pa);
    f.get(d).get(last).i32Add().set(pd);
    f.get(out).get(last).i32(1).op(0x76).i32Add().set(p); // out + last / 2 (i32.shr_u)
    f.get(groups).set(n);
    f.block().loop();
    f.get(n).i32Eqz().brIf(1);
    for (let h = 0; h < 2; h++) {
      f.get(pa)
        .vload(16 * h)
        .set(va[h] as number);
      f.get(pd)
        .vload(16 * h)
        .set(vd[h] as number);
    }
    for (let r = 0; r < R; r++) {
      f.get(p);
      if (r > 0) f.get(rowOff[r] as number).i32Add();
      for (let h = 0; h < 2; h++) {
        f.get(va[h] as number)
          .get(vv[r] as number)
          .get(vd[h] as number)
          .simd(Simd.f64x2Mul)
          .simd(Simd.f64x2Add)
          .simd(Simd.f32x4DemoteF64x2Zero);
      }
      f.shuffle(LOW_HALVES).vstore();
    }
    f.addTo(pa, -32).addTo(pd, -32).addTo(p, -16).addTo(n, -1);
    f.br(0).end().end();
    f.get(out)
      .get(rowOff[R - 1] as number)
      .i32Add()
      .get(rowBytes)
      .i32Add()
      .set(out);
    f.addTo(v, 8 * R).addTo(rows, -R);
    f.br(0).end().end();
  }
  return f;
}

/** Shared memories (threaded writers) declare this maximum: 1 GiB. */
export const RISE_SHARED_MAX_PAGES = 16384;

/** The kernel module's bytes (exported for tests); `shared`: importing a shared memory. */
function buildRiseRowsModule(shared = false): Uint8Array<ArrayBuffer> {
  return assembleModule(
    [hrowsKernel(), lerpKernel()],
    1,
    shared ? { shared: true, maxPages: RISE_SHARED_MAX_PAGES } : undefined,
  );
}

const compiled: { unshared?: WasmModule | null; shared?: WasmModule | null } = {};
/** The compiled module, or null when WebAssembly (SIMD) is missing or compilation is refused. */
export function riseRowsModule(shared = false): WasmModule | null {
  const key = shared ? 'shared' : 'unshared';
  if (compiled[key] === undefined) {
    compiled[key] = null;
    const api = wasmApi();
    if (api) {
      try {
        const bytes = buildRiseRowsModule(shared);
        if (api.validate(bytes)) compiled[key] = new api.Module(bytes);
      } catch {
        // e.g. a browser refusing synchronous compilation on the main thread: the JS path stays
      }
    }
  }
  return compiled[key] ?? null;
}

/** Bytes of output rows staged in wasm memory before each copy out (at least one row). */
const CHUNK_BYTES = 32 * 1024;
const PAGE = 65536;
const align16 = (n: number) => Math.ceil(n / 16) * 16;

/** Where a geometry's tables are in wasm memory (byte offsets). */
export interface RiseTables {
  /** Column weights w0, w1 (float64 per upsampled column) and column segments (4 x i32 each). */
  readonly w0Off: number;
  readonly w1Off: number;
  readonly segOff: number;
  /** Row weights w1 (float64 per upsampled row). */
  readonly vOff: number;
  /** The first byte after them. */
  readonly end: number;
}

/** Where one writer's scratch is (byte offsets): what a mask is written through. */
export interface RiseScratch {
  /** The current mask's grid (float32 s x s). */
  readonly gridOff: number;
  /** Its s interpolated grid rows, `hRow` bytes apart, and one band's row difference. */
  readonly hOff: number;
  readonly hRow: number;
  readonly dOff: number;
  /** Output rows staged for copying out, `chunkRows` of them. */
  readonly scrOff: number;
  readonly chunkRows: number;
  /** The first byte after it. */
  readonly end: number;
}

/** The tables of `layout` laid out from byte 0. */
export function riseTables(layout: RiseLayout): RiseTables {
  // weights of the upsampled columns (plus the column a pair may read past a segment's end)
  const w0Off = 0;
  const w1Off = align16(w0Off + 8 * (layout.cols.outSize + 2));
  const segOff = align16(w1Off + 8 * (layout.cols.outSize + 2));
  const vOff = align16(segOff + 16 * layout.segJ0.length);
  return { w0Off, w1Off, segOff, vOff, end: align16(vOff + 8 * layout.rows.outSize) };
}

/** A writer's scratch for `layout` from byte `at` (16-aligned). */
export function riseScratch(layout: RiseLayout, at: number): RiseScratch {
  const { H, W, s } = layout;
  const chunkRows = Math.max(1, Math.min(H, Math.floor(CHUNK_BYTES / (4 * W))));
  const hOff = align16(at + 4 * s * s);
  // h rows: 4*groups columns (what lerp reads) plus room for hrows' spill of one value
  const hRow = 32 * Math.ceil((W + 1) / 4);
  const dOff = align16(hOff + s * hRow);
  const scrOff = align16(dOff + 8 * Math.ceil(W / 4) * 4);
  return { gridOff: at, hOff, hRow, dOff, scrOff, chunkRows, end: align16(scrOff + 4 * chunkRows * W + 16) };
}

/** Writes the tables of `layout` where `t` says, through views of the memory. */
export function writeRiseTables(layout: RiseLayout, t: RiseTables, f64: Float64Array, i32: Int32Array): void {
  const UW = layout.cols.outSize;
  const ns = layout.segJ0.length;
  f64.fill(0, t.w0Off / 8, t.segOff / 8);
  f64.set(layout.cols.w0.subarray(0, UW), t.w0Off / 8);
  f64.set(layout.cols.w1.subarray(0, UW), t.w1Off / 8);
  for (let k = 0; k < ns; k++) {
    const q = t.segOff / 4 + 4 * k;
    i32[q] = layout.segStart[k] as number;
    i32[q + 1] = 4 * (layout.segJ0[k] as number);
    i32[q + 2] = 4 * (layout.segJ1[k] as number);
    i32[q + 3] = layout.segStart[k + 1] as number;
  }
  f64.set(layout.rows.w1.subarray(0, layout.rows.outSize), t.vOff / 8);
}

/** A bound geometry: where things are, and riseBlock's arguments for one mask (output offset set per mask). */
type Plan = RiseTables &
  RiseScratch & { readonly layout: RiseLayout; readonly shiftsOff: number; readonly args: Float64Array };

/**
 * One wasm instance and memory, shared by all RISE mask writers: it holds the tables of the last
 * geometry written ({@link RiseLayout}) and one mask's interpolated grid rows plus a chunk of
 * output rows, so its memory is O(s*W + chunk), not O(masks). Writing a mask is synchronous and
 * self-contained, so writers of different geometries can interleave.
 */
export class WasmRiseRows {
  private readonly memory: WasmMemory;
  private readonly k: RiseKernels;
  private f32!: Float32Array;
  private f64!: Float64Array;
  private i32!: Int32Array;
  /** The geometry whose tables are in memory, and where things are (byte offsets). */
  private plan: Plan | null = null;

  private constructor(mod: WasmModule) {
    const api = wasmApi() as NonNullable<ReturnType<typeof wasmApi>>;
    this.memory = new api.Memory({ initial: 1 });
    this.k = new api.Instance(mod, { env: { memory: this.memory } }).exports as unknown as RiseKernels;
    this.views();
  }

  private views(): void {
    const buf = this.memory.buffer;
    this.f32 = new Float32Array(buf);
    this.f64 = new Float64Array(buf);
    this.i32 = new Int32Array(buf);
  }

  private static shared: WasmRiseRows | null | undefined;
  /** The shared writer, or null where WebAssembly SIMD is unavailable. */
  static get(): WasmRiseRows | null {
    if (WasmRiseRows.shared === undefined) {
      const mod = riseRowsModule();
      try {
        WasmRiseRows.shared = mod ? new WasmRiseRows(mod) : null;
      } catch {
        WasmRiseRows.shared = null;
      }
    }
    return WasmRiseRows.shared;
  }

  /** Lays out memory for `layout` and writes its tables; null if the memory cannot grow to it. */
  private bind(layout: RiseLayout): Plan | null {
    const tables = riseTables(layout);
    const scratch = riseScratch(layout, tables.end);
    // the mask's shifts (two i32) after the scratch
    const shiftsOff = scratch.end;
    const end = shiftsOff + 8;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      try {
        this.memory.grow(Math.ceil((end - have) / PAGE));
      } catch {
        return null;
      }
      this.views();
    }
    writeRiseTables(layout, tables, this.f64, this.i32);
    const args = riseBlockArgs(layout, {
      ...tables,
      ...scratch,
      stride: 0,
      grids: scratch.gridOff,
      shifts: shiftsOff,
      count: 1,
      outOffset: 0,
      perBlock: 1,
    });
    this.plan = { ...tables, ...scratch, layout, shiftsOff, args };
    return this.plan;
  }

  /**
   * Writes the mask as riseMask.ts' row path does (same arguments as `writeRiseMask`, whose row
   * formula must be proven for `layout`). Returns false, having written nothing, if wasm memory
   * could not be had for the geometry.
   */
  write(
    layout: RiseLayout,
    grid: ArrayLike<number>,
    gridOffset: number,
    sy: number,
    sx: number,
    out: Float32Array,
    outOffset: number,
  ): boolean {
    const plan = this.plan?.layout === layout ? this.plan : this.bind(layout);
    if (plan === null) return false;
    const { f32, i32 } = this;
    const g0 = plan.gridOff / 4;
    const ss = layout.s * layout.s;
    if (grid instanceof Float32Array) f32.set(grid.subarray(gridOffset, gridOffset + ss), g0);
    else for (let i = 0; i < ss; i++) f32[g0 + i] = grid[gridOffset + i] as number;
    i32[plan.shiftsOff / 4] = sy;
    i32[plan.shiftsOff / 4 + 1] = sx;
    plan.args[17] = outOffset;
    riseBlock(this.k, this.memory, out, 0, 0, plan.args);
    return true;
  }
}
