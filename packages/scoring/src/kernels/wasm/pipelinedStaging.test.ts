import { defaultRng } from '@salkit/ndarray';
import {
  assembleModule,
  type BlockDriver,
  countingPool,
  createWasmThreadPool,
  type WasmThreadPool,
  wasmApi,
} from '@salkit/ndarray/wasm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RegionWeightAccumulator } from '../regionWeights.js';
import { setRegionThreadPool, setStagingSlotBytes, wasmSimdAvailable } from './wasmRegionWeights.js';

// P pixels: three pixel blocks of 2048, 2048 and 1200 pixels
const C = 3;
const P = 2 * 2048 + 1200;
const N = 300;
/** Slots of two staged float64 masks (four float32 ones). */
const SLOT_BYTES = 2 * P * 8;

const scalars = defaultRng(7).random([N * C]).data as Float64Array;

const MASK_TYPES = { f64: Float64Array, f32: Float32Array, i16: Int16Array };
type MaskKind = keyof typeof MASK_TYPES;

/** Seeded masks of a kind (i16: 0..3). */
function masksOf<K extends MaskKind>(kind: K): InstanceType<(typeof MASK_TYPES)[K]> {
  const u = defaultRng(3).random([N * P]).data as Float64Array;
  const out = new MASK_TYPES[kind](N * P);
  for (let i = 0; i < out.length; i++) out[i] = kind === 'i16' ? Math.floor((u[i] as number) * 4) : (u[i] as number);
  return out as InstanceType<(typeof MASK_TYPES)[K]>;
}

/**
 * The maps of all N masks, added in two batches: 50 masks (too few for threads: the calling thread
 * alone), then 250 (a run on the pool).
 */
function maps(masks: Float64Array | Float32Array | Int16Array): Float64Array {
  const acc = new RegionWeightAccumulator(C, P, 1, -1, masks instanceof Float32Array);
  expect(acc.usesWasm).toBe(true);
  try {
    acc.add(scalars, 0, masks, 0, 50);
    acc.add(scalars, 50 * C, masks, 50 * P, N - 50);
    return acc.finish(true, new Float64Array(C * P)) as Float64Array;
  } finally {
    acc.release();
  }
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

/** The maps on `pool` (in one run of it) are the one-thread maps bit for bit. */
function expectSameMapsOn(
  pool: WasmThreadPool & { readonly runs: number },
  masks: Float32Array | Float64Array | Int16Array,
) {
  setRegionThreadPool(null);
  const one = maps(masks);
  expect(one.some((v) => v !== 0)).toBe(true);
  setRegionThreadPool(pool);
  const runs = pool.runs;
  expect(same(maps(masks), one)).toBe(true);
  expect(pool.runs).toBe(runs + 1);
}

/** Float32 masks whose staging (`subarray`) runs `hook` at the `at`-th call. */
function masksWithHook(at: number, hook: () => void): Float32Array {
  let calls = 0;
  const masks = masksOf('f32');
  return new Proxy(masks, {
    get(target, key) {
      if (key === 'subarray')
        return (begin: number, end: number) => {
          if (++calls === at) hook();
          return target.subarray(begin, end);
        };
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe.runIf(wasmSimdAvailable())('pipelined staging of unshared masks on threads', () => {
  // more threads than cores, and groups of two rows over three pixel blocks: items of consecutive
  // groups on one pixel block are three apart, so threads meet on them all the time
  const pool = countingPool(createWasmThreadPool(4) as WasmThreadPool);
  afterEach(() => {
    setRegionThreadPool(undefined);
    setStagingSlotBytes(undefined);
  });
  afterAll(() => setStagingSlotBytes(undefined));

  for (const kind of ['f64', 'f32', 'i16'] as const) {
    it(`adds every pixel's masks in order, as one thread does (${kind} masks, 2-row groups, 4 threads)`, async () => {
      await pool.whenReady();
      setStagingSlotBytes(SLOT_BYTES);
      for (let round = 0; round < 3; round++) expectSameMapsOn(pool, masksOf(kind));
    });
  }

  it("stops every thread at once when the calling thread's staging throws, and the next engine works", async () => {
    await pool.whenReady();
    setRegionThreadPool(pool);
    setStagingSlotBytes(SLOT_BYTES);
    const runs = pool.runs;
    const failing = masksWithHook(50 * 3 + 40, () => {
      throw new Error('masks unreadable');
    });
    // the helpers, waiting for a group that never comes, would otherwise hold the run for 60 s
    expect(() => maps(failing)).toThrow('masks unreadable');
    expect(pool.runs).toBe(runs + 1);
    expect(pool.readyHelpers()).toBe(3);
    expectSameMapsOn(pool, masksOf('f32'));
  }, 20_000);

  it('fails the run when a helper waits longer than the pool allows for a group, and the pool still works', async () => {
    const impatient = countingPool(createWasmThreadPool(2, { helperTimeoutMs: 300 }) as WasmThreadPool);
    await impatient.whenReady();
    setRegionThreadPool(impatient);
    setStagingSlotBytes(SLOT_BYTES);
    const sleep = new Int32Array(new SharedArrayBuffer(4));
    // the calling thread stalls 1.5 s while staging a group: the helper runs out of staged groups
    const stalling = masksWithHook(50 * 3 + 40, () => Atomics.wait(sleep, 0, 0, 1500));
    expect(() => maps(stalling)).toThrow(
      /^WasmThreadPool\.run: a helper thread failed: regionBlock: waited 300 ms for the calling thread to stage group \d+$/,
    );
    expect(impatient.runs).toBe(1);
    expect(impatient.readyHelpers()).toBe(1);
    expectSameMapsOn(impatient, masksOf('f32'));
  });

  it('runs on the calling thread alone once the pool has given its helper up', async () => {
    const lost = countingPool(createWasmThreadPool(2, { helperTimeoutMs: 200 }) as WasmThreadPool);
    await lost.whenReady();
    // a run whose helper sleeps past the timeout: the pool gives it up
    const api = wasmApi() as NonNullable<ReturnType<typeof wasmApi>>;
    const memory = new api.Memory({ initial: 1, maximum: 1, shared: true });
    const module = new api.Module(assembleModule([], 1, { shared: true, maxPages: 1 }));
    const exports = new api.Instance(module, { env: { memory } }).exports;
    // (the calling thread waits at its block until the helper has taken the other)
    const sleepy: BlockDriver = (_e, mem, _d, _b, thread) => {
      const ints = new Int32Array(mem.buffer);
      if (thread === 0) Atomics.wait(ints, 0, 0, 5000);
      else {
        Atomics.store(ints, 0, 1);
        Atomics.notify(ints, 0);
        Atomics.wait(ints, 1, 0, 1000);
      }
    };
    expect(() =>
      lost.run({ module, memory, exports, data: null, driver: sleepy, args: new Float64Array(0), blocks: 2 }),
    ).toThrow('no answer within 200 ms');
    expect(lost.readyHelpers()).toBe(0);
    setStagingSlotBytes(SLOT_BYTES);
    expectSameMapsOn(lost, masksOf('f64'));
  });
});
