import { type WasmMemory, type WasmModule, type WasmThreadPool, wasmApi, wasmThreadPool } from '@salkit/ndarray/wasm';
import { riseBlock, riseBlockArgs } from './riseBlockDriver.js';
import type { RiseLayout } from './riseLayout.js';
import { RISE_SHARED_MAX_PAGES, riseRowsModule, riseScratch, riseTables, writeRiseTables } from './wasmRiseRows.js';

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
    const { s } = layout;
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
    const args = riseBlockArgs(layout, {
      ...tables,
      ...first,
      stride,
      grids: gridsOff,
      shifts: shiftsOff,
      count,
      outOffset,
      perBlock: MASKS_PER_BLOCK,
    });
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
