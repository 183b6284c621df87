import type { TypedArray } from '@salkit/ndarray';
import {
  KERNEL_MEMORY_MAX_PAGES,
  type KernelMemoryLease,
  leaseKernelMemory,
  type WasmMemory,
  type WasmModule,
  type WasmThreadPool,
  wasmApi,
  wasmThreadPool,
} from '@salkit/ndarray/wasm';
import type { RegionWeightEngine } from '../regionWeightEngine.js';
import { maxAbsScaleAndClip, TINY_F32, TINY_F64 } from '../scaleMaps.js';
import { type FinishKernels, finishArgs, finishBlock } from './finishDriver.js';
import {
  type BlockKernels,
  FLOAT_F32,
  FLOAT_F32_FUSED,
  FLOAT_F64,
  FLOAT_FUSED,
  type RegionBlockArgs,
  regionBlock,
  regionBlockArgs,
  TABLE_01,
} from './regionBlockDriver.js';
import {
  buildRegionKernels,
  FUSED_MAX_MAPS,
  type KernelShape,
  WEIGHTS_F32_MINUS_M,
  WEIGHTS_F32_PLUS_M,
  WEIGHTS_F64,
  WEIGHTS_F64_MINUS_M,
  WEIGHTS_F64_PLUS_M,
  WEIGHTS_F64_ROUNDED,
  WEIGHTS_MASK,
} from './regionKernels.js';

/** Pixels per block: a block's accumulators (maps x PB float64) stay in cache while all masks stream by. */
const PB = 2048;
/**
 * Pixels between staged rows (and weight rows, and pattern chunks): PB plus one cache line of
 * float32, so that the rows of a block do not all fall in the same cache set (a power-of-two pitch
 * made every column-wise walk over the rows miss L1).
 */
const PITCH = PB + 16;
/** Mask rows per phase-1/phase-2 step of the float kernel (weight scratch: ROWS x PITCH float64). */
const ROWS = 16;
/** Mask rows per step of the float32-arithmetic kernel (stage: ROWS_F32 x PITCH float32). */
const ROWS_F32 = 32;
/**
 * Mask rows per step when the fused and float32 kernels read the masks where they lie: rows a mask
 * apart, which for many image sizes (224x224 float32: 49 pages) is a multiple of 4 KB, so that the
 * rows' lines share one L1 set; 8 rows fit its 8 ways (13% faster than 16 at 224x224). The float64
 * kernel keeps ROWS per step (its multiply-adds read weight rows in its scratch) and forms the
 * weights 8 rows at a time (about 6% faster on one thread than 8-row steps).
 */
const ROWS_IN_PLACE = 8;
/** Table chunks (of 8 masks) fused per pass over the pixels. */
const FUSE = 8;
/** Masks per run of the 0/1 table kernel (its FUSE tables). */
const TABLE_ROWS = 8 * FUSE;
/** Masks per sub-batch of 0/1 uint8 masks (its table sums are grouped per sub-batch). */
const SUB = 256;
/**
 * Bytes of scalars in wasm memory for one run over float (or integer) masks: whole SUBs, at least
 * one (C = 10: 1536 masks a run, C = 1: 16384). Each run ends waiting for the slowest thread's last
 * block, so fewer runs waste less.
 */
const RUN_SCALAR_BYTES = 128 * 1024;

/** Masks per run over float masks for C maps (a multiple of SUB). */
function runRows(C: number): number {
  return Math.max(SUB, Math.floor(RUN_SCALAR_BYTES / (C * 8 * SUB)) * SUB);
}
/** Above this much wasm memory the plain-JS engine is used instead. */
const MAX_BYTES = 2 ** 31;
/** Shared memories (for threads, and kernel memories holding masks) declare this maximum. */
const MAX_PAGES = KERNEL_MEMORY_MAX_PAGES;
/** Float-mask runs of fewer mask values than this stay on the calling thread (waking helpers costs ~0.1 ms). */
const MIN_PARALLEL_VALUES = 2 ** 20;
/** Finishes of fewer map values than this stay on the calling thread (C = 10 at 224x224: 0.5M). */
const MIN_PARALLEL_FINISH = 2 ** 17;
/**
 * Largest unshared memory kept for the next engine after a release (larger ones are left to the
 * GC). A shared memory is always kept: Node 20 does not count shared memories toward GC pressure,
 * so dropping them one after another grows the process by gigabytes before a collection.
 */
const SPARE_MAX_BYTES = 64 * 2 ** 20;
/**
 * Bytes of each slot where the calling thread stages unshared float masks for the threads: it
 * fills one while the threads work on the other (small enough to stay in cache between its writes
 * and the helpers' reads).
 */
const SLOT_BYTES = 4 * 2 ** 20;
/** Slots in the ring (3 measured 3-4% slower than 2 at 224x224: more of them falls out of cache). */
const RING = 2;
/** Row groups of a threaded run over masks read in place (see inPlaceRun). */
const IN_PLACE_GROUPS = 4;

/**
 * The memory of the last released engine (one unshared, one shared), handed to the next one: a
 * fresh memory costs a page fault per 4 KB page touched (about 5500 for C = 10 at 224x224, 10-15
 * ms of system time on this kind of VM) and external-memory GCs; reusing one costs a memset.
 */
const spare: { unshared: WasmMemory | null; shared: WasmMemory | null } = { unshared: null, shared: null };

/** Bytes of the memories waiting for the next engine (0 when none): for tests. */
export function spareMemoryBytes(): number {
  return (spare.unshared?.buffer.byteLength ?? 0) + (spare.shared?.buffer.byteLength ?? 0);
}

/** Gives back the kernel memory of an engine dropped without release(), once it is collected. */
const unreleasedLeases = new FinalizationRegistry<KernelMemoryLease>((lease) => lease.release());

let poolOverride: WasmThreadPool | null | undefined;
let slotBytesOverride: number | undefined;

/** For tests: engines made after this run on `pool` (null: one thread; undefined: the process's pool). */
export function setRegionThreadPool(pool: WasmThreadPool | null | undefined): void {
  poolOverride = pool;
}

/** For tests: engines made after this stage unshared masks in slots of `bytes` (undefined: the default 4 MB). */
export function setStagingSlotBytes(bytes: number | undefined): void {
  slotBytesOverride = bytes;
}

/**
 * Zeroes bytes [from, to) of `memory` (both multiples of 8): through a Float64Array, as filling a
 * shared memory byte by byte is 4x slower in V8 (1.7 vs 0.4 ms for 4.4 MB).
 */
function zeroFrom(memory: WasmMemory, from: number, to: number): void {
  new Float64Array(memory.buffer, from, (to - from) / 8).fill(0);
}

/** The pool a P-pixel engine's float-mask kernels run on: null below two pixel blocks or without threads. */
function poolFor(P: number): WasmThreadPool | null {
  if (P <= PB) return null;
  return poolOverride === undefined ? wasmThreadPool() : poolOverride;
}

type Kernels = BlockKernels & FinishKernels;

let simd: boolean | undefined;
/** True when this platform validates WebAssembly SIMD (v128) code. */
export function wasmSimdAvailable(): boolean {
  if (simd === undefined) {
    try {
      simd =
        wasmApi()?.validate(
          buildRegionKernels({ maps: 1, tableWidth: 2, fuse: FUSE, pitch: PITCH, rowPitch: 16, tablesAt: 0 }),
        ) === true;
    } catch {
      simd = false;
    }
  }
  return simd === true;
}

/**
 * The kernels' instance per memory and module, kept: the kernels keep no state outside the memory,
 * and the same export functions call after call keep the JS call sites into them fast (a new
 * instance per engine made every call go through V8's generic JS-to-wasm wrapper).
 */
const instances = new WeakMap<WasmMemory, Map<WasmModule, Kernels>>();
function instanceOf(module: WasmModule, memory: WasmMemory): Kernels {
  let byModule = instances.get(memory);
  if (byModule === undefined) {
    byModule = new Map();
    instances.set(memory, byModule);
  }
  let k = byModule.get(module);
  if (k === undefined) {
    const api = wasmApi() as NonNullable<ReturnType<typeof wasmApi>>;
    k = new api.Instance(module, { env: { memory } }).exports as unknown as Kernels;
    byModule.set(module, k);
  }
  return k;
}

const modules = new Map<string, WasmModule>();
function kernelModule(shape: KernelShape): WasmModule {
  const key = `${shape.maps}/${shape.tableWidth}/${shape.fuse}/${shape.pitch}/${shape.rowPitch}/${shape.tablesAt}/${shape.sharedMaxPages}`;
  let m = modules.get(key);
  if (!m) {
    m = new (wasmApi() as NonNullable<ReturnType<typeof wasmApi>>).Module(buildRegionKernels(shape));
    modules.set(key, m);
  }
  return m;
}

const align16 = (n: number) => Math.ceil(n / 16) * 16;

/** Grows `memory` to at least `bytes` when it is smaller; false when it cannot grow that far. */
function grownTo(memory: WasmMemory, bytes: number): boolean {
  const have = memory.buffer.byteLength;
  try {
    if (bytes > have) memory.grow(Math.ceil((bytes - have) / 65536));
    return true;
  } catch {
    return false;
  }
}

/**
 * The WebAssembly SIMD engine of RegionWeightAccumulator. Everything is float64, as in the JS
 * engine:
 * - float (and non-0/1 integer) masks: phase 1 turns a block of mask rows into weights
 *   `alpha + beta*m` (and coverage), phase 2 adds `s[n][c] * w` into accumulators that stay in
 *   registers across the rows; the products and their order of summation are the JS engine's.
 * - 0/1 uint8 masks: 8 masks at a time, each pixel's 8 bits index a table of the 256 possible sums
 *   `sum_k s[n_k][c] * w(bit_k)` (and the coverage), so each pixel costs one table row per 8 masks
 *   instead of 8 * C multiply-adds. Same products; the sums are grouped by 8 before being added.
 * - `float32` engines (numpy computes the maps in float32: float32 masks and scalars): float32
 *   products added in mask order into float32 accumulators, numpy's own operations (macF32; for
 *   up to two maps fusedMacF32, one pass that only reads the masks).
 * Masks are copied block by block into wasm memory, unless they lie in a kernel memory (see
 * `kernelArray`), which the engine then moves into and reads them in place; memory is O(C*H*W)
 * plus fixed scratch.
 */
export class WasmRegionWeights implements RegionWeightEngine {
  private k!: Kernels;
  private memory: WasmMemory;
  private f32!: Float32Array;
  private f64!: Float64Array;
  private readonly T: number;
  private readonly pPad: number;
  /** Threads for float-mask runs on shared masks (null: this thread only; the memory is then unshared). */
  private readonly pool: WasmThreadPool | null;
  private module!: WasmModule;
  /** Bytes between the threads' scratch (weight rows, then stage); thread 0's is at wOff. */
  private scratchStride = 0;
  private wOff = 0;
  private patternsOff = 0;
  /** The whole-row table path's scratch (see ensureAccT), and where it ends. */
  private rowStageOff = 0;
  private blockPatternsOff = 0;
  private tableEnd = 0;
  /** The ring of staging slots for unshared masks on the threads (0 bytes each without threads). */
  private slotsOff = 0;
  private readonly slotBytes: number;
  /** A pipelined run's control words (see RegionBlockArgs.pipeline), and its groups' scalars (RING slots). */
  private ctlOff = 0;
  private scalarRingOff = 0;
  private stageOff = 0;
  private sOff = 0;
  private tablesOff = 0;
  private covOff = 0;
  private accOff = 0;
  /** accT[p][T] of the table kernel, allocated on first use (0 = none yet). */
  private accTOff = 0;
  private end = 0;
  /**
   * The kernel memory (see kernelArray) the engine moved into when its first masks lay in one:
   * masks in it are read where they lie. Null: the engine's own memory.
   */
  private lease: KernelMemoryLease | null = null;
  /** Set by the first add: the engine moves into a kernel memory only before it holds sums. */
  private used = false;
  /**
   * The coverage and accumulators (a reused memory's, or those after the masks once the engine
   * moves) are still to be zeroed: by the first float run's pixel blocks (see
   * RegionBlockArgs.zeroSums), or at once by anything else that comes first.
   */
  private zeroPending = false;

  /** An engine, or null when WebAssembly SIMD is missing or the maps would not fit in wasm memory. */
  static create(
    C: number,
    P: number,
    alpha: number,
    beta: number,
    round: boolean,
    coverage: boolean,
    float32 = false,
  ): WasmRegionWeights | null {
    if (C < 1 || P < 1 || !wasmSimdAvailable()) return null;
    const T = (C + 2) & ~1;
    const pPad = align16(P);
    // acc, cov, accT, the maps formed by finish; scalars, tables; scratch for up to 16 threads and
    // the masks copied for them
    const bytes =
      pPad * 8 * (2 * C + 1 + T) +
      (runRows(C) + SUB) * C * 8 +
      FUSE * 256 * T * 8 +
      16 * (ROWS * PITCH * 16 + FUSE * PITCH) +
      RING * SLOT_BYTES;
    if (bytes > MAX_BYTES) return null;
    try {
      return new WasmRegionWeights(C, P, alpha, beta, round, coverage, float32, T, pPad);
    } catch {
      // e.g. older browsers (Chrome < 114) refuse synchronous compilation of modules over 4 KB on the main thread,
      // or memory cannot be had: the plain-JS engine takes over
      return null;
    }
  }

  private constructor(
    private readonly C: number,
    private readonly P: number,
    private readonly alpha: number,
    private readonly beta: number,
    private readonly round: boolean,
    private readonly coverage: boolean,
    /** numpy's float32 arithmetic (float32 masks only); else float64. */
    private readonly float32: boolean,
    T: number,
    pPad: number,
  ) {
    this.T = T;
    this.pPad = pPad;
    this.pool = poolFor(P);
    // with threads: unshared masks are staged in slots for the helpers to read
    this.slotBytes = this.pool === null ? 0 : align16(slotBytesOverride ?? SLOT_BYTES);
    const o = this.layOut(0);
    const pages = Math.ceil(o / 65536);
    const kind = this.pool === null ? 'unshared' : 'shared';
    const reuse = spare[kind];
    if (reuse !== null && reuse.buffer.byteLength >= pages * 65536) {
      this.memory = reuse;
      spare[kind] = null;
      // the coverage and accumulators (the last regions) must start at zero; the rest is written
      // before it is read
      this.zeroPending = true;
    } else {
      const api = wasmApi() as NonNullable<ReturnType<typeof wasmApi>>;
      this.memory = new api.Memory(
        this.pool === null ? { initial: pages } : { initial: pages, maximum: MAX_PAGES, shared: true },
      );
    }
    this.instantiate(this.pool !== null);
  }

  /**
   * Places the working memory from byte `base` on (per thread: weight rows, the stage, the table
   * kernel's patterns; then the staging slots, scalars, tables, coverage, accumulators); returns
   * where it ends.
   */
  private layOut(base: number): number {
    const { C, T, pPad } = this;
    let o = align16(base);
    const take = (bytes: number) => {
      const at = o;
      o = align16(o + bytes);
      return at;
    };
    const threads = this.pool?.threads ?? 1;
    const weightBytes = align16(ROWS * PITCH * 8);
    const stageBytes = align16(Math.max(ROWS * PITCH * 8, 8 * pPad, ROWS_F32 * PITCH * 4));
    this.scratchStride = weightBytes + stageBytes + FUSE * PITCH;
    this.wOff = take(this.scratchStride * threads);
    this.stageOff = this.wOff + weightBytes;
    this.patternsOff = this.stageOff + stageBytes;
    this.slotsOff = take(RING * this.slotBytes);
    this.ctlOff = take(this.pool === null ? 0 : 4 * (3 + Math.ceil(pPad / PB)));
    this.sOff = take(runRows(C) * C * 8);
    this.scalarRingOff = take(this.pool === null ? 0 : SUB * C * 8);
    this.tablesOff = take(FUSE * 256 * T * 8);
    this.covOff = take(pPad * 8);
    this.accOff = take(C * pPad * 8);
    this.end = o;
    return o;
  }

  /** The kernels over `this.memory` (a module importing a shared memory when `shared`). */
  private instantiate(shared: boolean): void {
    this.module = kernelModule({
      maps: this.C,
      tableWidth: this.T,
      fuse: FUSE,
      pitch: PITCH,
      rowPitch: this.pPad,
      tablesAt: this.tablesOff,
      ...(shared ? { sharedMaxPages: MAX_PAGES } : {}),
    });
    this.k = instanceOf(this.module, this.memory);
    this.views();
  }

  /** Before the first sums (`m`: the first masks, or null): their memory, with the sums at zero. */
  private firstUse(m: TypedArray | null): void {
    if (this.used) return;
    this.used = true;
    if (m !== null) this.moveToMasks(m);
  }

  /**
   * Before the first sums: when float masks `m` lie in a kernel memory that is free, moves the
   * working memory there, after the masks, so that the kernels read them in place (this engine's
   * own memory goes to the next engine).
   */
  private moveToMasks(m: TypedArray): void {
    if (!(m instanceof Float32Array || m instanceof Float64Array)) return;
    const lease = leaseKernelMemory(m);
    if (lease === null) return;
    // the layout's size does not depend on its (64-byte aligned) start
    const end = lease.at + this.end;
    if (end > MAX_BYTES || !grownTo(lease.memory, end)) {
      // no room after the masks: stay, and copy them as usual
      lease.release();
      return;
    }
    this.release();
    this.layOut(lease.at);
    this.memory = lease.memory;
    this.lease = lease;
    unreleasedLeases.register(this, lease, this);
    this.instantiate(true);
    // a past lease may have left sums here
    this.zeroPending = true;
  }

  /** Zeroes the coverage and accumulators now if they are still to be zeroed. */
  private zeroSumsNow(): void {
    if (!this.zeroPending) return;
    zeroFrom(this.memory, this.covOff, this.end);
    this.zeroPending = false;
  }

  /** `args` of a float run, which zeroes the sums when they are still to be zeroed. */
  private zeroingRun(args: Float64Array): Float64Array {
    if (this.zeroPending) {
      args[32] = 1;
      this.zeroPending = false;
    }
    return args;
  }

  private views(): void {
    const buf = this.memory.buffer;
    this.f32 = new Float32Array(buf);
    this.f64 = new Float64Array(buf);
  }

  /** accT, then the calling thread's table scratch: 8 whole mask rows pPad bytes apart and the patterns [block][FUSE][PITCH]. */
  private ensureAccT(): number {
    if (this.accTOff === 0) {
      const { pPad } = this;
      const accTEnd = this.end + pPad * this.T * 8;
      const rowStage = align16(accTEnd);
      const patterns = rowStage + 8 * pPad;
      const need = patterns + Math.ceil(pPad / PB) * FUSE * PITCH;
      const have = this.memory.buffer.byteLength;
      if (need > have) this.memory.grow(Math.ceil((need - have) / 65536));
      this.views();
      // accT sums from zero (a reused memory holds old data there)
      this.f64.fill(0, this.end / 8, accTEnd / 8);
      this.accTOff = this.end;
      this.rowStageOff = rowStage;
      this.blockPatternsOff = patterns;
      this.tableEnd = need;
    }
    return this.accTOff;
  }

  add(
    scalars: Float64Array,
    scalarOffset: number,
    masks: TypedArray,
    maskOffset: number,
    n: number,
    overlap?: () => void,
  ): void {
    const { C, P } = this;
    let m: TypedArray = masks;
    const raw: unknown = masks;
    if (raw instanceof Uint8ClampedArray) m = new Uint8Array(raw.buffer, raw.byteOffset, raw.length);
    if (this.float32 && !(m instanceof Float32Array))
      throw new Error('RegionWeightAccumulator: float32 arithmetic needs float32 masks');
    this.firstUse(m);
    // unshared float masks on the threads: one pipelined run for all of them, whose groups bring
    // their own scalars
    if (this.pool !== null && n * P >= MIN_PARALLEL_VALUES && !(m.buffer instanceof SharedArrayBuffer)) {
      const args = this.blockArgs(m, maskOffset, 0, n, false);
      if (!(m instanceof Uint8Array && !this.float32) && this.pipelineFit(args) > 0) {
        // this thread stages for everyone: its own work cannot wait in parallel
        overlap?.();
        this.runPipelined(m, scalars, scalarOffset, this.zeroingRun(args));
        return;
      }
    }
    let pending = overlap;
    const sub = m instanceof Uint8Array && !this.float32 ? SUB : runRows(C);
    for (let i0 = 0; i0 < n; i0 += sub) {
      const b = Math.min(sub, n - i0);
      const s = scalars.subarray(scalarOffset + i0 * C, scalarOffset + (i0 + b) * C);
      const mo = maskOffset + i0 * P;
      // float32 scalars are numpy's float32 values, exact in a Float32Array
      if (this.float32) this.f32.set(s, this.sOff / 4);
      else this.f64.set(s, this.sOff / 8);
      if (m instanceof Uint8Array && !this.float32) {
        pending?.();
        this.zeroSumsNow();
        this.addU8(m, mo, b);
      } else this.run(m, this.zeroingRun(this.blockArgs(m, mo, 0, b, false, this.readsInPlace(m))), pending);
      pending = undefined;
    }
    pending?.();
  }

  /**
   * True when the kernels can read float masks `m` where they lie: in this engine's kernel memory,
   * and not overwritten by the float32 weights (which are the masks only for alpha +0, beta 1; the
   * one-pass kernel of up to FUSED_MAX_MAPS maps keeps them in registers).
   */
  private readsInPlace(m: TypedArray): boolean {
    if (this.lease === null || m.buffer !== this.lease.buffer) return false;
    if (!(m instanceof Float32Array || m instanceof Float64Array)) return false;
    return (
      !this.float32 ||
      this.kernelMode(false, 4) === FLOAT_F32_FUSED ||
      (Object.is(Math.fround(this.alpha), 0) && Math.fround(this.beta) === 1)
    );
  }

  /**
   * The regionBlock mode for masks of `bytes`-sized values (`table`: 0/1 uint8 masks through the
   * table kernel): up to FUSED_MAX_MAPS maps, every map fits one register block and the one-pass
   * kernels run.
   */
  private kernelMode(table: boolean, bytes: number): number {
    if (table) return TABLE_01;
    const oneBlock = this.C <= FUSED_MAX_MAPS;
    if (this.float32) return oneBlock ? FLOAT_F32_FUSED : FLOAT_F32;
    return oneBlock && bytes === 4 ? FLOAT_FUSED : FLOAT_F64;
  }

  /**
   * The regionBlock arguments for masks [r0, r1) of the sub-batch whose first mask is at `mo`
   * (`table`: 0/1 uint8 masks, a multiple of 8, at most FUSE chunks, whose tables are built;
   * `inPlace`: the kernels read the masks where they lie in wasm memory).
   */
  private blockArgs(m: TypedArray, mo: number, r0: number, r1: number, table: boolean, inPlace = false): Float64Array {
    const bytes = m instanceof Float32Array ? 4 : m instanceof Uint8Array ? 1 : 8;
    const f32 = this.float32;
    const mode = this.kernelMode(table, bytes);
    const fused = mode === FLOAT_FUSED;
    const args: RegionBlockArgs = {
      mode,
      P: this.P,
      pPad: this.pPad,
      maps: this.C,
      maskOffset: mo + r0 * this.P,
      rows: r1 - r0,
      scalars: this.sOff + r0 * this.C * (f32 ? 4 : 8),
      acc: this.accOff,
      cov: this.covOff,
      weights: this.wOff,
      stage: this.stageOff,
      scratchStride: this.scratchStride,
      alpha: this.alpha,
      beta: this.beta,
      weightMode: fused && this.alpha === 0 && this.beta === 1 ? WEIGHTS_MASK : this.weightMode(bytes),
      coverage: this.coverage ? 1 : 0,
      blockPixels: PB,
      pitch: PITCH,
      stepRows: inPlace && (f32 || fused) ? ROWS_IN_PLACE : f32 ? ROWS_F32 : ROWS,
      maskBytes: bytes,
      accT: this.accTOff,
      patterns: this.patternsOff,
      tableWidth: this.T,
      prestaged: inPlace ? m.byteOffset + (mo + r0 * this.P) * bytes : -1,
      prestagedBlockBytes: PB * bytes,
      prestagedRowBytes: inPlace ? this.P * bytes : PITCH * bytes,
      pipeline: -1,
      groupRows: 0,
      ring: 0,
      slotBytes: 0,
      waitMs: 0,
      single: 0,
      zeroSums: 0,
    };
    return regionBlockArgs(args);
  }

  /**
   * regionBlock over every pixel block: on the pool's threads when there is enough work, else
   * here. Masks on a SharedArrayBuffer are read in place by every thread; unshared float masks are
   * staged by this thread into a ring of slots while the threads work (runPipelined). Same sums
   * either way.
   */
  private run(m: TypedArray, args: Float64Array, overlap?: () => void): void {
    const blocks = Math.ceil(this.P / PB);
    const rows = args[5] as number;
    const { pool, P } = this;
    const threads = pool !== null && rows * P >= MIN_PARALLEL_VALUES;
    const task = {
      module: this.module,
      memory: this.memory,
      exports: this.k,
      driver: regionBlock,
      args,
      blocks,
      ...(overlap ? { overlap } : {}),
    };
    if (threads && (args[23] as number) >= 0) {
      // the masks lie in the (shared) kernel memory: every thread reads them there
      pool.run({ ...task, ...this.inPlaceRun(args), data: null });
      return;
    }
    if (threads && m.buffer instanceof SharedArrayBuffer) {
      pool.run({ ...task, data: m });
      return;
    }
    // this thread alone, or staging for everyone: its own work first
    overlap?.();
    // unshared masks on the threads: this thread stages them for everyone (the helpers cannot read
    // them) while the threads work through the groups staged before; the table kernel and masks
    // too large for a slot stay here
    if (!threads || args[0] === TABLE_01 || this.pipelineFit(args) < 1) {
      for (let b = 0; b < blocks; b++) regionBlock(this.k, this.memory, m, b, 0, args);
      return;
    }
    const vb = this.float32 ? 4 : 8;
    this.runPipelined(m, this.float32 ? this.f32 : this.f64, (args[6] as number) / vb, args);
  }

  /**
   * The args and pool blocks of a run over masks that lie in the shared kernel memory, on the
   * threads (its control words set): a pipelined run (see RegionBlockArgs.pipeline) whose
   * IN_PLACE_GROUPS groups are all staged already, each group's masks where they lie (its "slot"
   * the next `fit` masks). Items of a quarter of the masks make the run's end, where a thread
   * waits for the others' last item, a quarter as long as with whole pixel blocks; the kernels'
   * steps are the same.
   */
  private inPlaceRun(args: Float64Array): { args: Float64Array; blocks: number } {
    const pool = this.pool as WasmThreadPool;
    const blocks = Math.ceil(this.P / PB);
    const rows = args[5] as number;
    const step = args[18] as number;
    // whole kernel steps per group (a short step reloads the accumulators as a full one does)
    const fit = Math.ceil(Math.ceil(rows / IN_PLACE_GROUPS) / step) * step;
    const groups = Math.ceil(rows / fit);
    const run = args.slice();
    run[26] = this.ctlOff;
    run[27] = fit;
    run[28] = groups;
    run[29] = fit * this.P * (args[19] as number);
    run[30] = pool.helperTimeoutMs;
    const ctl = new Int32Array(this.memory.buffer, this.ctlOff, 3 + blocks);
    ctl.fill(0);
    ctl[0] = groups;
    // each pool block is a loop over the items
    return { args: run, blocks: pool.threads };
  }

  /** The kernel step of a pipelined run: its rows are a mask apart, as in place (see ROWS_IN_PLACE). */
  private static pipelineStep(args: Float64Array): number {
    return args[0] === FLOAT_F64 ? ROWS : ROWS_IN_PLACE;
  }

  /**
   * Masks per group of a pipelined run (0: none fit a slot): whole kernel steps (a group of 20
   * rows would step 16 + 4, the 4 paying a reload of the accumulators as 16 do), at most SUB / RING
   * (the scalar ring holds SUB masks' scalars).
   */
  private pipelineFit(args: Float64Array): number {
    const step = WasmRegionWeights.pipelineStep(args);
    let fit = Math.min(Math.floor(this.slotBytes / (align16(this.P) * (args[19] as number))), SUB / RING);
    if (fit > step) fit -= fit % step;
    return fit;
  }

  /**
   * One pipelined run (see RegionBlockArgs.pipeline) over the unshared float masks of `args`, in
   * groups of pipelineFit masks: this thread stages group after group, the masks into the ring of
   * slots and their scalars (from `sSrc`, the run's first at index `sAt`) into the scalar ring, a
   * slot again once its last group is done on every pixel block, and takes items itself in
   * between; the helpers take items as soon as their group is staged. An error on any thread
   * cancels the run.
   */
  private runPipelined(m: TypedArray, sSrc: Float64Array | Float32Array, sAt: number, args: Float64Array): void {
    const { C, P, k: exports, memory } = this;
    const pool = this.pool as WasmThreadPool;
    const blocks = Math.ceil(P / PB);
    const fit = this.pipelineFit(args);
    const rows = args[5] as number;
    const mo = args[4] as number;
    const bytes = args[19] as number;
    const groups = Math.ceil(rows / fit);
    const items = groups * blocks;
    const ring = this.float32 ? this.f32 : this.f64;
    const ringAt = this.scalarRingOff / (this.float32 ? 4 : 8);
    const run = args.slice();
    run[6] = this.scalarRingOff;
    run[18] = WasmRegionWeights.pipelineStep(args);
    run[23] = this.slotsOff;
    run[24] = PB * bytes;
    run[25] = align16(P) * bytes;
    run[26] = this.ctlOff;
    run[27] = fit;
    run[28] = RING;
    run[29] = this.slotBytes;
    run[30] = pool.helperTimeoutMs;
    const single = run.slice();
    single[31] = 1;
    const ctl = new Int32Array(memory.buffer, this.ctlOff, 3 + blocks);
    ctl.fill(0);
    let staged = 0;
    /** Whether group h is done on every pixel block (with `wait`, once it is); null when cancelled. */
    const groupDone = (h: number, wait: boolean): boolean | null => {
      for (let b = 0; b < blocks; b++)
        for (let v = Atomics.load(ctl, 3 + b); v <= h; v = Atomics.load(ctl, 3 + b)) {
          if (Atomics.load(ctl, 1) !== 0) return null;
          if (!wait) return false;
          if (Atomics.wait(ctl, 3 + b, v, pool.helperTimeoutMs) === 'timed-out')
            throw new Error(
              `RegionWeightAccumulator: a helper thread did not finish its part of group ${h} within ${pool.helperTimeoutMs} ms`,
            );
        }
      return true;
    };
    /** Stages the groups before g + RING whose slots are free, waiting for slots up to group g; false when cancelled. */
    const stageUpTo = (g: number): boolean => {
      while (staged < groups && staged < g + RING) {
        const h = staged;
        if (h >= RING) {
          const free = groupDone(h - RING, h <= g);
          if (free === null) return false;
          if (!free) return true;
        }
        const k = Math.min(fit, rows - h * fit);
        this.prestage(m, mo + h * fit * P, k, bytes, this.slotsOff + (h % RING) * this.slotBytes);
        // float32 scalars are numpy's float32 values, exact in a Float32Array
        ring.set(sSrc.subarray(sAt + h * fit * C, sAt + (h * fit + k) * C), ringAt + (h % RING) * fit * C);
        staged = h + 1;
        Atomics.store(ctl, 0, staged);
        Atomics.notify(ctl, 0);
      }
      return true;
    };
    const work = () => {
      try {
        for (;;) {
          if (!stageUpTo(Math.floor(Atomics.load(ctl, 2) / blocks))) return;
          const i = Atomics.add(ctl, 2, 1);
          // all items taken: stage the groups still to come for the threads that took them
          if (i >= items) {
            stageUpTo(groups);
            return;
          }
          if (!stageUpTo(Math.floor(i / blocks))) return;
          regionBlock(exports, memory, null, i, 0, single);
        }
      } catch (e) {
        Atomics.store(ctl, 1, 1);
        for (let w = 0; w < ctl.length; w++) Atomics.notify(ctl, w);
        throw e;
      }
    };
    // each pool block is a loop over the items; this thread's runs first, with the staging
    pool.run({
      module: this.module,
      memory,
      exports,
      driver: regionBlock,
      args: run,
      blocks: pool.threads,
      data: null,
      overlap: work,
    });
  }

  /**
   * Stages `k` masks from element `mo` at byte address `at`, row after row, `align16(P)` values
   * apart, zero padded (no stale values in the kernels' last lanes): one copy per mask, not one
   * per pixel block (10% less time for 200 MB).
   * `bytes`: the staged value size (other integer types become float64).
   */
  private prestage(m: TypedArray, mo: number, k: number, bytes: number, at: number): void {
    const { P } = this;
    const buf = this.memory.buffer;
    const view = bytes === 4 ? new Float32Array(buf) : bytes === 1 ? new Uint8Array(buf) : new Float64Array(buf);
    const pitch = align16(P);
    // rows that need no padding: one copy for them all
    if (pitch === P) {
      view.set(m.subarray(mo, mo + k * P) as never, at / bytes);
      return;
    }
    for (let i = 0; i < k; i++) {
      const dst = at / bytes + i * pitch;
      view.set(m.subarray(mo + i * P, mo + (i + 1) * P) as never, dst);
      if (pitch > P) view.fill(0, dst + P, dst + pitch);
    }
  }

  /**
   * How phase 1 forms the weights: uint8 weights are never rounded (small integers, as the JS
   * engine's table); rounded float32 weights are computed in float32 when that is the same number
   * (for alpha a float32 and beta = +-1, beta*m is exact and `alpha +- m` is a sum of two float32s,
   * whose rounding to float64 then float32 equals one rounding to float32: float64's 53 bits are
   * at least 2*24 + 2); unrounded weights with beta = +-1 skip the multiply.
   */
  private weightMode(kind: 1 | 4 | 8): number {
    if (!this.round || kind === 1)
      return this.beta === 1 ? WEIGHTS_F64_PLUS_M : this.beta === -1 ? WEIGHTS_F64_MINUS_M : WEIGHTS_F64;
    if (kind === 4 && Math.fround(this.alpha) === this.alpha && Math.abs(this.beta) === 1)
      return this.beta === 1 ? WEIGHTS_F32_PLUS_M : WEIGHTS_F32_MINUS_M;
    return WEIGHTS_F64_ROUNDED;
  }

  /**
   * A sub-batch of uint8 masks: groups of up to TABLE_ROWS (whole chunks of 8) through the table
   * kernel (each pixel block whose masks in the group are all 0/1; the float kernel in any other
   * block), the last b % 8 masks through the float kernel.
   */
  private addU8(m: Uint8Array, mo: number, b: number): void {
    const chunks = b >> 3;
    if (chunks > 0) this.ensureAccT();
    const threads = this.pool !== null && m.buffer instanceof SharedArrayBuffer;
    for (let r = 0; r < chunks * 8; r += TABLE_ROWS) {
      const rows = Math.min(TABLE_ROWS, chunks * 8 - r);
      this.buildTables(r >> 3, rows >> 3);
      if (threads && rows * this.P >= MIN_PARALLEL_VALUES) this.run(m, this.blockArgs(m, mo, r, r + rows, true));
      else this.tableRows(m, mo, r, rows);
    }
    if (chunks * 8 < b) this.run(m, this.blockArgs(m, mo, chunks * 8, b, false));
  }

  /**
   * One table group on the calling thread: each chunk's 8 whole rows staged with one copy per row
   * (fewer, longer copies than regionBlock's per-block staging: about 15% faster on one thread),
   * patterns per block, then the table sums of every block whose masks were all 0/1, the float
   * kernel in any other.
   */
  private tableRows(m: Uint8Array, mo: number, r: number, rows: number): void {
    const { P, T, pPad, rowStageOff, blockPatternsOff } = this;
    const u8 = new Uint8Array(this.memory.buffer);
    const blocks = Math.ceil(P / PB);
    const ok = new Uint8Array(blocks).fill(1);
    for (let ch = 0; ch < rows >> 3; ch++) {
      for (let i = 0; i < 8; i++) {
        const s = mo + (r + ch * 8 + i) * P;
        u8.set(m.subarray(s, s + P), rowStageOff + i * pPad);
        // the padding reads as 0 (finish may have used this scratch)
        if (P < pPad) u8.fill(0, rowStageOff + i * pPad + P, rowStageOff + (i + 1) * pPad);
      }
      for (let blk = 0; blk < blocks; blk++) {
        const p0 = blk * PB;
        const pat = blockPatternsOff + blk * FUSE * PITCH + ch * PITCH;
        ok[blk] = (ok[blk] as number) & this.k.tablePatterns(rowStageOff + p0, pat, align16(Math.min(PB, P - p0)));
      }
    }
    let floatArgs: Float64Array | null = null;
    for (let blk = 0; blk < blocks; blk++) {
      const p0 = blk * PB;
      if (ok[blk] === 1) {
        const pat = blockPatternsOff + blk * FUSE * PITCH;
        this.k.tableSums(pat, this.accTOff + p0 * T * 8, rows >> 3, align16(Math.min(PB, P - p0)));
        continue;
      }
      // a mask in this block is not 0/1: the float kernel on the group's rows
      floatArgs ??= this.blockArgs(m, mo, r, r + rows, false);
      regionBlock(this.k, this.memory, m, blk, 0, floatArgs);
    }
  }

  /**
   * Tables of `chunks` chunks of 8 scalar rows from chunk `first` of the sub-batch (scalars in wasm
   * memory at sOff), into the table slots at tablesOff (where tableSums reads them): entry [pat][c] is
   * `sum_k s[k][c] * (bit k of pat ? w1 : w0)` summed in k order, column C the coverage
   * `sum_k w(bit_k)`, later columns 0.
   */
  private buildTables(first: number, chunks: number): void {
    const { C, T, f64 } = this;
    const w0 = this.alpha;
    const w1 = this.alpha + this.beta;
    const s0 = this.sOff / 8;
    for (let ch = 0; ch < chunks; ch++) {
      const tb = this.tablesOff / 8 + ch * 256 * T;
      f64.fill(0, tb, tb + T);
      for (let k = 0, size = 1; k < 8; k++, size *= 2) {
        const so = s0 + ((first + ch) * 8 + k) * C;
        for (let pat = 0; pat < size; pat++) {
          const lo = tb + pat * T;
          const hi = tb + (pat + size) * T;
          for (let c = 0; c < C; c++) {
            const sc = f64[so + c] as number;
            const t = f64[lo + c] as number;
            f64[hi + c] = t + sc * w1;
            f64[lo + c] = t + sc * w0;
          }
          const t = f64[lo + C] as number;
          f64[hi + C] = t + w1;
          f64[lo + C] = t + w0;
          for (let c = C + 1; c < T; c++) f64[hi + c] = 0;
        }
      }
    }
  }

  finish(normalize: boolean, out: Float64Array | Float32Array, scale = false): Float64Array | Float32Array {
    if (normalize && !this.coverage) throw new Error('RegionWeightAccumulator.finish: coverage was not accumulated');
    this.firstUse(null);
    this.zeroSumsNow();
    const { C, P, pPad } = this;
    // the maps are formed in wasm memory, then copied out: over the threads' scratch, free by now,
    // else past everything (accT included)
    const bytes = C * P * 8;
    let at = this.accTOff === 0 ? this.end : align16(this.tableEnd);
    if (bytes <= this.sOff - this.wOff) at = this.wOff;
    const have = this.memory.buffer.byteLength;
    if (at + bytes > have) {
      this.memory.grow(Math.ceil((at + bytes - have) / 65536));
      this.views();
    }
    // float64 maps into a Float32Array (float32 scores with 0/1 or integer masks): numpy rounds
    // them first, then scales in float32 (its threshold too), so the JS steps on the output
    const roundFirst = !this.float32 && out instanceof Float32Array;
    const args = finishArgs({
      float32: this.float32 ? 1 : 0,
      acc: this.accOff,
      cov: this.covOff,
      accT: this.accTOff,
      out: at,
      P,
      accPitch: pPad * (this.float32 ? 4 : 8),
      useT: this.accTOff !== 0 ? 1 : 0,
      normalize: normalize ? 1 : 0,
      scale: scale && !roundFirst ? 1 : 0,
      tiny: this.float32 ? TINY_F32 : TINY_F64,
    });
    // the maps are independent: the threads split them
    if (this.pool !== null && C * P >= MIN_PARALLEL_FINISH)
      this.pool.run({
        module: this.module,
        memory: this.memory,
        exports: this.k,
        driver: finishBlock,
        args,
        blocks: C,
        data: null,
      });
    else for (let c = 0; c < C; c++) finishBlock(this.k, this.memory, null, c, 0, args);
    out.set(this.float32 ? this.f32.subarray(at / 4, at / 4 + C * P) : this.f64.subarray(at / 8, at / 8 + C * P));
    if (scale && roundFirst) maxAbsScaleAndClip(out, C, P);
    return out;
  }

  /** Hands the memory to the next engine (the caller never uses this one again). */
  release(): void {
    if (this.lease !== null) {
      unreleasedLeases.unregister(this);
      this.lease.release();
      return;
    }
    if (this.pool !== null || this.memory.buffer.byteLength <= SPARE_MAX_BYTES)
      spare[this.pool === null ? 'unshared' : 'shared'] = this.memory;
  }
}
