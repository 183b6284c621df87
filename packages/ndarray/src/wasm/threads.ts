import type { TypedArray } from '../dtype.js';
import { helperMain } from './threadHelper.js';
import type { WasmMemory, WasmModule } from './webassembly.js';

/**
 * Work for one block of a parallel run, called on whichever thread takes the block. Helpers get
 * it as source text, so it must be self-contained: no names from its module or closure.
 */
export type BlockDriver = (
  exports: object,
  memory: WasmMemory,
  data: TypedArray | null,
  block: number,
  thread: number,
  args: Float64Array,
) => void;

/** A run of `driver` over blocks 0..blocks-1, each block on one thread, over one shared wasm memory. */
export interface ParallelBlocks {
  /** The kernels, compiled with a shared `env.memory` import. */
  module: WasmModule;
  /** A shared memory (its buffer is a SharedArrayBuffer). */
  memory: WasmMemory;
  /** The calling thread's instance of `module` over `memory`. */
  exports: object;
  /** Data on a SharedArrayBuffer that every thread's driver gets (to read, or to write disjoint parts), or null. */
  data: TypedArray | null;
  driver: BlockDriver;
  args: Float64Array;
  blocks: number;
  /**
   * Work of the calling thread's own, done while the helpers start on the blocks and before it
   * takes blocks itself (e.g. preparing the next run's data elsewhere in memory). Runs once,
   * also when no helper is used; an error it throws stops the run and is rethrown.
   */
  overlap?: () => void;
}

/** Threads that run blocks of wasm work; the calling thread takes blocks too and returns when all are done. */
export interface WasmThreadPool {
  /** Threads a run can use, the calling one included. */
  readonly threads: number;
  /** How long a thread waits for another (a helper to finish, or work that one waits on) before giving it up. */
  readonly helperTimeoutMs: number;
  /** Helpers started and waiting for work (a run uses only these). */
  readyHelpers(): number;
  /** Resolves when every helper is ready. */
  whenReady(): Promise<void>;
  run(task: ParallelBlocks): void;
}

interface MessagePortLike {
  postMessage(message: unknown): void;
}
interface WorkerThreads {
  Worker: new (
    code: string,
    options: { eval: true; workerData: unknown; transferList: unknown[] },
  ) => { unref(): void; on(event: 'error', cb: (e: unknown) => void): void };
  MessageChannel: new () => { port1: MessagePortLike; port2: unknown };
  receiveMessageOnPort(port: MessagePortLike): { message: unknown } | undefined;
}
interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
  env?: Record<string, string | undefined>;
}

/** Control words of a helper (Int32Array over a SharedArrayBuffer). */
const WAKE = 0;
const DONE = 1;
const FAILED = 2;
const READY = 3;
/** How long the calling thread waits, by default, for a helper to finish its blocks before giving it up. */
const HELPER_TIMEOUT_MS = 60_000;

class Helper {
  readonly ctl = new Int32Array(new SharedArrayBuffer(16));
  readonly port: MessagePortLike;
  module: WasmModule | null = null;
  memory: WasmMemory | null = null;
  failure: string | null = null;

  constructor(wt: WorkerThreads, next: Int32Array) {
    const channel = new wt.MessageChannel();
    this.port = channel.port1;
    const worker = new wt.Worker(`(${helperMain.toString()})();`, {
      eval: true,
      workerData: { ctl: this.ctl, next, port: channel.port2 },
      transferList: [channel.port2],
    });
    worker.on('error', (e) => {
      this.failure = e instanceof Error ? e.message : String(e);
    });
    worker.unref();
  }
}

class NodeThreadPool implements WasmThreadPool {
  private readonly helpers: Helper[] = [];
  private readonly next = new Int32Array(new SharedArrayBuffer(4));
  private gen = 0;
  /** Set when a helper did not answer: it may still run blocks of an old run, so no helper is used again. */
  private abandoned = false;

  constructor(
    private readonly wt: WorkerThreads,
    readonly threads: number,
    readonly helperTimeoutMs: number,
  ) {
    for (let i = 1; i < threads; i++) this.helpers.push(new Helper(wt, this.next));
  }

  readyHelpers(): number {
    if (this.abandoned) return 0;
    return this.helpers.filter((h) => h.failure === null && Atomics.load(h.ctl, READY) === 1).length;
  }

  async whenReady(): Promise<void> {
    for (let waited = 0; this.readyHelpers() < this.helpers.length; waited += 5) {
      const failed = this.helpers.find((h) => h.failure !== null);
      if (failed) throw new Error(`WasmThreadPool: a helper thread failed to start: ${failed.failure}`);
      if (waited > 30_000) throw new Error('WasmThreadPool: helper threads did not start within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  run(task: ParallelBlocks): void {
    const { blocks, driver, exports, memory, data, args } = task;
    if (!Number.isInteger(blocks) || blocks < 0)
      throw new Error(`WasmThreadPool.run: blocks must be a non-negative integer; got ${blocks}`);
    if (data !== null && !(data.buffer instanceof SharedArrayBuffer))
      throw new Error('WasmThreadPool.run: data must be a view of a SharedArrayBuffer (or null)');
    const ready =
      blocks < 2 || this.abandoned
        ? []
        : this.helpers.filter((h) => h.failure === null && Atomics.load(h.ctl, READY) === 1);
    if (ready.length === 0) {
      task.overlap?.();
      for (let b = 0; b < blocks; b++) driver(exports, memory, data, b, 0, args);
      return;
    }
    if (!(memory.buffer instanceof SharedArrayBuffer))
      throw new Error('WasmThreadPool.run: memory must be a shared WebAssembly.Memory');
    const gen = ++this.gen;
    Atomics.store(this.next, 0, 0);
    const source = driver.toString();
    ready.forEach((h, i) => {
      const message: Record<string, unknown> = { gen, thread: i + 1, source, args, blocks };
      if (data !== null)
        message.data = {
          buffer: data.buffer,
          type: data.constructor.name,
          offset: data.byteOffset,
          length: data.length,
        };
      // the module and memory travel only when they change (a helper keeps its last instance)
      if (h.module !== task.module || h.memory !== memory) {
        message.module = task.module;
        message.memory = memory;
        h.module = task.module;
        h.memory = memory;
      }
      h.port.postMessage(message);
      Atomics.store(h.ctl, FAILED, 0);
      Atomics.store(h.ctl, WAKE, gen);
      Atomics.notify(h.ctl, WAKE);
    });
    let error: unknown = null;
    try {
      task.overlap?.();
      for (let b = Atomics.add(this.next, 0, 1); b < blocks; b = Atomics.add(this.next, 0, 1))
        driver(exports, memory, data, b, 0, args);
    } catch (e) {
      error = e;
      // helpers stop taking blocks
      Atomics.store(this.next, 0, blocks);
    }
    const failures: string[] = [];
    for (const h of ready) {
      let waited = 0;
      for (let done = Atomics.load(h.ctl, DONE); done !== gen; done = Atomics.load(h.ctl, DONE)) {
        // a block takes milliseconds: a helper silent this long is lost; it might still take blocks
        // from the shared counter, so from now on the calling thread works alone
        if (waited >= this.helperTimeoutMs) {
          h.failure = `no answer within ${this.helperTimeoutMs} ms`;
          this.abandoned = true;
          failures.push(h.failure);
          break;
        }
        const slice = Math.min(1000, this.helperTimeoutMs - waited);
        Atomics.wait(h.ctl, DONE, done, slice);
        waited += slice;
      }
      if (Atomics.load(h.ctl, FAILED) === 1) {
        const reply = this.wt.receiveMessageOnPort(h.port)?.message;
        failures.push(String(reply ?? 'unknown error'));
        // a failed helper may have lost its instance: send the module and memory again next time
        h.module = null;
        h.memory = null;
      }
    }
    if (error !== null) throw error;
    if (failures.length > 0) throw new Error(`WasmThreadPool.run: a helper thread failed: ${failures.join('; ')}`);
  }
}

let pool: WasmThreadPool | null | undefined;

/** Node's worker_threads, or undefined where there is none (browsers) or no SharedArrayBuffer. */
function workerThreads(): WorkerThreads | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  const wt = proc?.getBuiltinModule?.('node:worker_threads') as WorkerThreads | undefined;
  return typeof SharedArrayBuffer === 'function' ? wt : undefined;
}

/**
 * Threads to use: `wanted` (SALKIT_THREADS) when set, else the cores, at most 4. Throws on a
 * value that is not a positive integer.
 */
export function threadsWanted(wanted: string | undefined, cores: number): number {
  if (wanted === undefined || wanted === '') return Math.max(1, Math.min(cores, 4));
  const n = Number(wanted);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`SALKIT_THREADS must be a positive integer (threads, the calling one included); got '${wanted}'`);
  return n;
}

/**
 * A new pool of `threads` threads, the calling one included (threads - 1 helpers), or null where
 * threads cannot run synchronously (no worker_threads: browsers, whose main thread may not block).
 * A helper that does not finish a run's blocks within `helperTimeoutMs` (default 60 s; a block
 * takes milliseconds) is given up: the run throws, and later runs use the calling thread alone.
 */
export function createWasmThreadPool(
  threads: number,
  options: { helperTimeoutMs?: number } = {},
): WasmThreadPool | null {
  if (!Number.isInteger(threads) || threads < 1)
    throw new Error(`createWasmThreadPool: threads must be a positive integer; got ${threads}`);
  const { helperTimeoutMs = HELPER_TIMEOUT_MS } = options;
  if (!(helperTimeoutMs > 0))
    throw new Error(`createWasmThreadPool: helperTimeoutMs must be a positive number; got ${helperTimeoutMs}`);
  const wt = workerThreads();
  return wt === undefined ? null : new NodeThreadPool(wt, threads, helperTimeoutMs);
}

/**
 * The process's thread pool for wasm kernels, or null where threads cannot run synchronously or
 * one thread is wanted. Threads: the environment variable SALKIT_THREADS, else the number of
 * cores (at most 4), the calling thread included. Helpers start on the first call and do not keep
 * the process alive.
 */
export function wasmThreadPool(): WasmThreadPool | null {
  if (pool !== undefined) return pool;
  const proc = (globalThis as { process?: NodeProcess }).process;
  const os = proc?.getBuiltinModule?.('node:os') as { availableParallelism(): number } | undefined;
  const threads = threadsWanted(proc?.env?.SALKIT_THREADS, os?.availableParallelism() ?? 1);
  pool = threads > 1 ? createWasmThreadPool(threads) : null;
  return pool;
}

/**
 * A buffer of `bytes` for data the thread pool's helpers will read: a SharedArrayBuffer when the
 * process has a pool (Node with more than one thread), else an ArrayBuffer. Typed arrays over it
 * behave the same either way.
 */
export function bufferForThreads(bytes: number): ArrayBuffer {
  if (!Number.isInteger(bytes) || bytes < 0)
    throw new Error(`bufferForThreads: bytes must be a non-negative integer; got ${bytes}`);
  // typed as ArrayBuffer: every typed-array constructor takes either
  return (wasmThreadPool() === null ? new ArrayBuffer(bytes) : new SharedArrayBuffer(bytes)) as ArrayBuffer;
}

/** `pool`, counting the runs it is given (for tests and benchmarks: which work went to threads). */
export function countingPool(pool: WasmThreadPool): WasmThreadPool & { readonly runs: number } {
  let runs = 0;
  return {
    threads: pool.threads,
    helperTimeoutMs: pool.helperTimeoutMs,
    get runs() {
      return runs;
    },
    readyHelpers: () => pool.readyHelpers(),
    whenReady: () => pool.whenReady(),
    run: (task: ParallelBlocks) => {
      runs++;
      pool.run(task);
    },
  };
}
