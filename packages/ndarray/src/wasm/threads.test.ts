import { describe, expect, it } from 'vitest';
import { assembleModule, F64, FunctionBuilder, I32, Op } from './assembler.js';
import {
  type BlockDriver,
  bufferForThreads,
  countingPool,
  createWasmThreadPool,
  threadsWanted,
  type WasmThreadPool,
  wasmThreadPool,
} from './threads.js';
import { type WasmMemory, wasmApi } from './webassembly.js';

// put(i, x): the float64 at byte 64 + 8i becomes x * x
const put = new FunctionBuilder('put', [I32, F64]);
put.get(0).i32(8).i32Mul().get(1).get(1).op(Op.f64Mul).mem(Op.f64Store, 3, 64);
const api = wasmApi();
if (api === undefined) throw new Error('these tests need WebAssembly');
const module = new api.Module(assembleModule([put], 1, { shared: true, maxPages: 4 }));

function sharedSetup(): { memory: WasmMemory; exports: object } {
  const memory = new api!.Memory({ initial: 1, maximum: 4, shared: true });
  return { memory, exports: new api!.Instance(module, { env: { memory } }).exports };
}

/**
 * Block b: put(b, args[0] + data[b]) and record the thread at int32 index 8 + b. Thread 0 waits
 * (up to 5 s) at its first block until a helper has taken one, so that helpers surely run blocks.
 */
const record: BlockDriver = (exports, memory, data, block, thread, args) => {
  const ints = new Int32Array(memory.buffer);
  if (thread === 0) Atomics.wait(ints, 0, 0, 5000);
  else {
    Atomics.store(ints, 0, 1);
    Atomics.notify(ints, 0);
  }
  ints[1000 + block] = thread + 1;
  (exports as { put(i: number, x: number): void }).put(block, (args[0] as number) + (data as Float64Array)[block]!);
};

describe('createWasmThreadPool', () => {
  const pool = createWasmThreadPool(2) as WasmThreadPool;

  it('runs every block once, on both threads, with the same results as one thread', async () => {
    expect(pool.threads).toBe(2);
    await pool.whenReady();
    expect(pool.readyHelpers()).toBe(1);
    const { memory, exports } = sharedSetup();
    const data = new Float64Array(new SharedArrayBuffer(8 * 40));
    for (let i = 0; i < 40; i++) data[i] = i / 4;
    pool.run({ module, memory, exports, data, driver: record, args: Float64Array.of(0.5), blocks: 40 });
    const out = new Float64Array(memory.buffer, 64, 40);
    for (let i = 0; i < 40; i++) expect(out[i]).toBe((0.5 + i / 4) ** 2);
    const by = Array.from(new Int32Array(memory.buffer, 4000, 40));
    expect(by.every((t) => t === 1 || t === 2)).toBe(true);
    expect(by).toContain(2);
  });

  it('sends a new memory to the helpers when the run changes it', () => {
    for (let round = 0; round < 2; round++) {
      const { memory, exports } = sharedSetup();
      const data = new Float64Array(new SharedArrayBuffer(8 * 8)).fill(round + 1);
      pool.run({ module, memory, exports, data, driver: record, args: Float64Array.of(1), blocks: 8 });
      expect(Array.from(new Float64Array(memory.buffer, 64, 8))).toEqual(new Array(8).fill((round + 2) ** 2));
    }
  });

  it("throws a helper's error with its message, and the next run works", () => {
    const { memory, exports } = sharedSetup();
    const failing: BlockDriver = (_e, mem, _d, block, thread) => {
      const ints = new Int32Array(mem.buffer);
      if (thread === 0) Atomics.wait(ints, 0, 0, 5000);
      else {
        Atomics.store(ints, 0, 1);
        Atomics.notify(ints, 0);
        throw new Error(`boom at block ${block}`);
      }
    };
    const task = { module, memory, exports, data: null, driver: failing, args: new Float64Array(0), blocks: 4 };
    expect(() => pool.run(task)).toThrow(/^WasmThreadPool\.run: a helper thread failed: boom at block \d$/);
    const data = new Float64Array(new SharedArrayBuffer(8 * 4)).fill(2);
    pool.run({ ...task, data, driver: record, args: Float64Array.of(1) });
    expect(Array.from(new Float64Array(memory.buffer, 64, 4))).toEqual([9, 9, 9, 9]);
  });

  it("throws the calling thread's own error after the helpers stop", () => {
    const { memory, exports } = sharedSetup();
    // a helper waits at its first block until the calling thread has failed
    const failing: BlockDriver = (_e, mem, _d, block, thread) => {
      const ints = new Int32Array(mem.buffer);
      if (thread !== 0) Atomics.wait(ints, 0, 0, 5000);
      else {
        Atomics.store(ints, 0, 1);
        Atomics.notify(ints, 0);
        throw new Error(`main failed at block ${block}`);
      }
    };
    expect(() =>
      pool.run({ module, memory, exports, data: null, driver: failing, args: new Float64Array(0), blocks: 64 }),
    ).toThrow(/^main failed at block \d+$/);
  });

  it('runs the overlap work on the calling thread while a helper takes blocks, before its own blocks', () => {
    const { memory, exports } = sharedSetup();
    const data = new Float64Array(new SharedArrayBuffer(8 * 16)).fill(1);
    const ints = new Int32Array(memory.buffer);
    let sawHelper = -1;
    let ownBlocksBefore = -1;
    const overlap = () => {
      // the helper was woken first: it takes a block while this thread is still here
      Atomics.wait(ints, 0, 0, 5000);
      sawHelper = Atomics.load(ints, 0);
      ownBlocksBefore = Array.from(ints.subarray(1000, 1016)).filter((t) => t === 1).length;
    };
    pool.run({ module, memory, exports, data, driver: record, args: Float64Array.of(1), blocks: 16, overlap });
    expect(sawHelper).toBe(1);
    expect(ownBlocksBefore).toBe(0);
    expect(Array.from(new Float64Array(memory.buffer, 64, 16))).toEqual(new Array(16).fill(4));
  });

  it('runs the overlap work once without helpers too, and rethrows its error after the helpers stop', () => {
    const { memory, exports } = sharedSetup();
    const data = new Float64Array(new SharedArrayBuffer(8 * 4)).fill(2);
    let calls = 0;
    const square: BlockDriver = (e, _m, d, block, _t, a) =>
      (e as { put(i: number, x: number): void }).put(block, (a[0] as number) + (d as Float64Array)[block]!);
    const task = { module, memory, exports, data, driver: square, args: Float64Array.of(1) };
    // one block: no helper is woken
    pool.run({ ...task, blocks: 1, overlap: () => calls++ });
    expect(calls).toBe(1);
    const overlap = () => {
      throw new Error('copy failed');
    };
    expect(() => pool.run({ ...task, blocks: 4, overlap })).toThrow('copy failed');
    pool.run({ ...task, blocks: 4 });
    expect(Array.from(new Float64Array(memory.buffer, 64, 4))).toEqual([9, 9, 9, 9]);
  });

  it('validates blocks and data', () => {
    const { memory, exports } = sharedSetup();
    const task = { module, memory, exports, data: null, driver: record, args: new Float64Array(1) };
    expect(() => pool.run({ ...task, blocks: -1 })).toThrow(
      'WasmThreadPool.run: blocks must be a non-negative integer; got -1',
    );
    expect(() => pool.run({ ...task, data: new Float64Array(4), blocks: 4 })).toThrow(
      'WasmThreadPool.run: data must be a view of a SharedArrayBuffer (or null)',
    );
  });
});

describe('threadsWanted', () => {
  it('reads SALKIT_THREADS, else takes the cores up to 4', () => {
    expect(threadsWanted(undefined, 2)).toBe(2);
    expect(threadsWanted('', 16)).toBe(4);
    expect(threadsWanted(undefined, 0)).toBe(1);
    expect(threadsWanted('3', 2)).toBe(3);
    expect(() => threadsWanted('0', 2)).toThrow(
      "SALKIT_THREADS must be a positive integer (threads, the calling one included); got '0'",
    );
    expect(() => threadsWanted('two', 2)).toThrow(/got 'two'/);
    expect(() => createWasmThreadPool(0)).toThrow('createWasmThreadPool: threads must be a positive integer; got 0');
  });
});

describe('bufferForThreads', () => {
  it('is shared exactly when the process has a pool, and checks the size', () => {
    const b = bufferForThreads(24);
    expect(b.byteLength).toBe(24);
    expect(b instanceof SharedArrayBuffer).toBe(wasmThreadPool() !== null);
    expect(() => bufferForThreads(-1)).toThrow('bufferForThreads: bytes must be a non-negative integer; got -1');
    expect(() => bufferForThreads(1.5)).toThrow(/got 1.5/);
  });
});

describe('countingPool', () => {
  it('counts the runs and forwards them', async () => {
    const real = createWasmThreadPool(2) as WasmThreadPool;
    const counting = countingPool(real);
    await counting.whenReady();
    expect(counting.threads).toBe(2);
    expect(counting.helperTimeoutMs).toBe(60_000);
    expect(counting.readyHelpers()).toBe(1);
    const memory = new api!.Memory({ initial: 1, maximum: 4, shared: true });
    const exports = new api!.Instance(module, { env: { memory } }).exports;
    const data = new Float64Array(new SharedArrayBuffer(8 * 4)).fill(1);
    counting.run({ module, memory, exports, data, driver: record, args: Float64Array.of(2), blocks: 4 });
    expect(counting.runs).toBe(1);
    expect(Array.from(new Float64Array(memory.buffer, 64, 4))).toEqual([9, 9, 9, 9]);
  });
});

describe('a helper that does not answer', () => {
  it('is given up after helperTimeoutMs: the run throws, later runs use the calling thread alone', async () => {
    const pool = createWasmThreadPool(2, { helperTimeoutMs: 300 }) as WasmThreadPool;
    expect(pool.helperTimeoutMs).toBe(300);
    await pool.whenReady();
    const { memory, exports } = sharedSetup();
    // the helper sleeps 2 s at its first block (after the calling thread has started one)
    const stuck: BlockDriver = (_e, mem, _d, _b, thread) => {
      const ints = new Int32Array(mem.buffer);
      if (thread === 0) Atomics.wait(ints, 0, 0, 5000);
      else {
        Atomics.store(ints, 0, 1);
        Atomics.notify(ints, 0);
        Atomics.wait(ints, 1, 0, 2000);
      }
    };
    const task = { module, memory, exports, data: null, driver: stuck, args: new Float64Array(0), blocks: 8 };
    expect(() => pool.run(task)).toThrow('WasmThreadPool.run: a helper thread failed: no answer within 300 ms');
    expect(pool.readyHelpers()).toBe(0);
    const data = new Float64Array(new SharedArrayBuffer(8 * 4)).fill(1);
    pool.run({ ...task, data, driver: record, args: Float64Array.of(1), blocks: 4 });
    expect(Array.from(new Float64Array(memory.buffer, 64, 4))).toEqual([4, 4, 4, 4]);
    expect(() => createWasmThreadPool(2, { helperTimeoutMs: 0 })).toThrow(
      'createWasmThreadPool: helperTimeoutMs must be a positive number; got 0',
    );
  });
});
