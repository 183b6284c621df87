import {
  type BlockDriver,
  type WasmMemory,
  type WasmModule,
  type WasmThreadPool,
  wasmApi,
  wasmThreadPool,
} from '@salkit/ndarray/wasm';
import type { RiseLayout } from './riseLayout.js';
import {
  RISE_SHARED_MAX_PAGES,
  type RiseKernels,
  riseRowsModule,
  riseScratch,
  riseTables,
  writeRiseTables,
} from './wasmRiseRows.js';

/** Masks per block of a threaded run. */
const MASKS_PER_BLOCK = 4;
/** Runs of fewer output values than this stay on one thread (waking helpers costs ~0.1 ms). */
const MIN_PARALLEL_VALUES = 2 ** 20;
const PAGE = 65536;

let poolOverride: WasmThreadPool | null | undefined;
/** For tests: threaded writers made after this use `pool` (null: none; undefined: the process's pool). */
export function setRiseThreadPool(pool: WasmThreadPool | null | undefined): void {
  poolOverride = pool;
  ThreadedRiseRows.writer = undefined;
}

/**
 * Masks `[block * perBlock, ...)` of a run (see ThreadedRiseRows.writeMany): the row kernels of
 * wasmRiseRows.ts through this thread's scratch, copied out to `out` (the masks, on a
 * SharedArrayBuffer). Self-contained (helper threads get its source). Arguments, in order: H, W,
 * s, segments, w0, w1, segs, v, grids, h, hRow, d, scr, chunkRows, scratch stride, shifts (i32
 * sy, sx per mask), masks, output offset, per block, bands, then bandStart (bands + 1 values),
 * bandR0 and bandR1 (bands each).
 */
export const riseBlock: BlockDriver = (exports, memory, out, block, thread, a) => {
  const k = exports as RiseKernels;
  const o = out as Float32Array;
  const H = a[0] as number;
  const W = a[1] as number;
  const s = a[2] as number;
  const stride = thread * (a[14] as number);
  const gridsOff = a[8] as number;
  const hOff = (a[9] as number) + stride;
  const hRow = a[10] as number;
  const dOff = (a[11] as number) + stride;
  const scrOff = (a[12] as number) + stride;
  const chunkRows = a[13] as number;
  const count = a[16] as number;
  const perBlock = a[18] as number;
  const bands = a[19] as number;
  const B = 20;
  const buf = (memory as WasmMemory).buffer;
  const f32 = new Float32Array(buf);
  const i32 = new Int32Array(buf);
  const shifts = (a[15] as number) / 4;
  const groups = Math.ceil(W / 4);
  const rowBytes = 4 * W;
  const scr = scrOff / 4;
  const end = Math.min(count, (block + 1) * perBlock);
  for (let j = block * perBlock; j < end; j++) {
    const sy = i32[shifts + 2 * j] as number;
    const sx = i32[shifts + 2 * j + 1] as number;
    const at = (a[17] as number) + j * H * W;
    k.hrows(gridsOff + j * s * s * 4, a[6], a[3], a[4], a[5], hOff, s, sx, W, hRow);
    const yEnd = sy + H;
    let filled = 0;
    let done = 0;
    for (let b = 0; b < bands; b++) {
      const ya = Math.max(a[B + b] as number, sy);
      const yb = Math.min(a[B + b + 1] as number, yEnd);
      if (ya >= yb) continue;
      const r0 = hOff + (a[B + bands + 1 + b] as number) * hRow;
      const r1 = hOff + (a[B + 2 * bands + 1 + b] as number) * hRow;
      let withDiff = 1;
      for (let y = ya; y < yb; ) {
        const take = Math.min(chunkRows - filled, yb - y);
        k.lerp(r0, r1, dOff, (a[7] as number) + 8 * y, take, scrOff + filled * rowBytes, groups, rowBytes, withDiff);
        withDiff = 0;
        filled += take;
        y += take;
        if (filled === chunkRows) {
          o.set(f32.subarray(scr, scr + filled * W), at + done * W);
          done += filled;
          filled = 0;
        }
      }
    }
    if (filled > 0) o.set(f32.subarray(scr, scr + filled * W), at + done * W);
  }
};

/**
 * RISE masks written by the row kernels on the process's thread pool: each thread writes whole
 * masks through its own scratch in one shared memory that holds the geometry's tables, the run's
 * grids and shifts, straight into an output on a SharedArrayBuffer (see RISEGrid.perturbInto).
 * Same kernels and arguments as WasmRiseRows, so the same bits. One writer per process, its memory
 * kept. (Into an unshared output, the calling thread would have to copy every mask and take every
 * page fault: measured no faster than one thread.)
 */
export class ThreadedRiseRows {
  private readonly memory: WasmMemory;
  private readonly exports: object;
  private layout: RiseLayout | null = null;

  private constructor(
    private readonly pool: WasmThreadPool,
    private readonly module: WasmModule,
  ) {
    const api = wasmApi() as NonNullable<ReturnType<typeof wasmApi>>;
    this.memory = new api.Memory({ initial: 1, maximum: RISE_SHARED_MAX_PAGES, shared: true });
    this.exports = new api.Instance(module, { env: { memory: this.memory } }).exports;
  }

  /** The process's writer; undefined until first asked, null without a pool or WebAssembly SIMD. */
  static writer: ThreadedRiseRows | null | undefined;

  /** The writer, or null where there are no threads (or no WebAssembly SIMD). */
  static get(): ThreadedRiseRows | null {
    if (ThreadedRiseRows.writer === undefined) {
      const pool = poolOverride === undefined ? wasmThreadPool() : poolOverride;
      const module = pool === null ? null : riseRowsModule(true);
      try {
        ThreadedRiseRows.writer = pool !== null && module !== null ? new ThreadedRiseRows(pool, module) : null;
      } catch {
        ThreadedRiseRows.writer = null;
      }
    }
    return ThreadedRiseRows.writer;
  }

  /** True when a run of `count` masks into `out` is worth the threads. */
  static wanted(layout: RiseLayout, out: Float32Array, count: number): boolean {
    return (
      layout.rowFormulaExact === true &&
      out.buffer instanceof SharedArrayBuffer &&
      count * layout.H * layout.W >= MIN_PARALLEL_VALUES
    );
  }

  /**
   * Writes `count` masks into `out` from `outOffset`: mask j from the grid at
   * `grid[gridOffset + j*s*s]` shifted by `shifts[2j]` rows and `shifts[2j+1]` columns (as
   * writeRiseMask). `out` must be on a SharedArrayBuffer and the row formula proven for `layout`.
   * Returns false, having written nothing, if the memory could not be had.
   */
  writeMany(
    layout: RiseLayout,
    grid: Float32Array,
    gridOffset: number,
    shifts: Int32Array,
    out: Float32Array,
    outOffset: number,
    count: number,
  ): boolean {
    const { H, W, s } = layout;
    const threads = this.pool.threads;
    const tables = riseTables(layout);
    const first = riseScratch(layout, tables.end);
    const stride = first.end - first.gridOff;
    const gridsOff = tables.end + threads * stride;
    const shiftsOff = gridsOff + count * s * s * 4;
    const end = shiftsOff + count * 8;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      try {
        this.memory.grow(Math.ceil((end - have) / PAGE));
      } catch {
        return false;
      }
    }
    const buf = this.memory.buffer;
    if (this.layout !== layout) {
      writeRiseTables(layout, tables, new Float64Array(buf), new Int32Array(buf));
      this.layout = layout;
    }
    new Float32Array(buf).set(grid.subarray(gridOffset, gridOffset + count * s * s), gridsOff / 4);
    new Int32Array(buf).set(shifts.subarray(0, 2 * count), shiftsOff / 4);
    const bands = layout.bandR0.length;
    const args = new Float64Array(20 + 3 * bands + 1);
    args.set([
      H,
      W,
      s,
      layout.segJ0.length,
      tables.w0Off,
      tables.w1Off,
      tables.segOff,
      tables.vOff,
      gridsOff,
      first.hOff,
      first.hRow,
      first.dOff,
      first.scrOff,
      first.chunkRows,
      stride,
      shiftsOff,
      count,
      outOffset,
      MASKS_PER_BLOCK,
      bands,
    ]);
    args.set(layout.bandStart.subarray(0, bands + 1), 20);
    args.set(layout.bandR0, 21 + bands);
    args.set(layout.bandR1, 21 + 2 * bands);
    this.pool.run({
      module: this.module,
      memory: this.memory,
      exports: this.exports,
      data: out,
      driver: riseBlock,
      args,
      blocks: Math.ceil(count / MASKS_PER_BLOCK),
    });
    return true;
  }
}
