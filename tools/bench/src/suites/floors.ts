import {
  assembleModule,
  type BlockDriver,
  FunctionBuilder,
  I32,
  Simd,
  V128,
  type WasmMemory,
  wasmApi,
  wasmThreadPool,
} from '@salkit/ndarray/wasm';
import { type BenchSuite, type BenchTask, sink } from '../suite.js';

/**
 * What the float-mask scoring rows cannot go below on this machine, measured with the least
 * work any exact implementation must do (no salkit kernel involved), for N = 1000 masks of
 * 224x224:
 *
 * - Masks in an ordinary Float32Array must be copied into wasm memory once (wasm cannot read
 *   other buffers, and only the calling thread can read an unshared one): 200 MB, into one region
 *   and into two slots that stay in cache (as scoring stages them).
 * - Reading 200 MB of float32 masks once in wasm (a sum), on one thread and on the pool.
 * - numpy's float64 arithmetic for C = 10 maps: 5e8 multiply-adds, each a float64 multiply then
 *   add (no fused multiply-add: it rounds differently). wasm SIMD has two float64 lanes; the
 *   loop is scoring's `mac` register blocks (4, 3 and 3 maps x 2 vectors of weights, scalars
 *   splatted from memory; blocks of 5 maps made V8 spill two accumulators to the stack) over
 *   weights that stay in L1, on one thread and on the pool.
 */
const N = 1000;
const P = 224 * 224;
const PAGE = 65536;
/** Weight rows the MAC loop cycles through (kept in L1: 256 x 32 bytes). */
const ROWS = 256;
const MAPS = 10;
/** Register blocks of maps, as scoring's `mac` splits C = 10. */
const GROUPS = [4, 3, 3];

/**
 * `sum(at, bytes) -> f32x4`, stored at 0: float32 sums over `bytes` (a multiple of 64) from `at`;
 * `mac(blocks, rows)`: per block of 4 pixels, for each register block of GROUPS maps, `rows` rows of
 * `acc[g][v] += w[n][v] * splat(s[n][g])` on weights at 1024 and scalars at 16384, stored at 64.
 */
function floorKernels(): FunctionBuilder[] {
  const sum = new FunctionBuilder('sum', [I32, I32]);
  {
    const [at, bytes] = [0, 1];
    const end = sum.local(I32);
    const acc = [sum.local(V128), sum.local(V128), sum.local(V128), sum.local(V128)];
    sum.get(at).get(bytes).i32Add().set(end);
    sum.block().loop();
    sum.get(at).get(end).i32LtU().i32Eqz().brIf(1);
    acc.forEach((a, j) => {
      sum
        .get(a)
        .get(at)
        .vload(16 * j)
        .simd(Simd.f32x4Add)
        .set(a);
    });
    sum.addTo(at, 64);
    sum.br(0).end().end();
    sum
      .i32(0)
      .get(acc[0] as number)
      .get(acc[1] as number)
      .simd(Simd.f32x4Add);
    sum
      .get(acc[2] as number)
      .get(acc[3] as number)
      .simd(Simd.f32x4Add)
      .simd(Simd.f32x4Add)
      .vstore();
  }
  const mac = new FunctionBuilder('mac', [I32, I32]);
  {
    const [blocks, rows] = [0, 1];
    const n = mac.local(I32);
    const wp = mac.local(I32);
    const sp = mac.local(I32);
    const regs = Array.from({ length: 2 * Math.max(...GROUPS) }, () => mac.local(V128));
    const w = [mac.local(V128), mac.local(V128)];
    const splat = mac.local(V128);
    mac.block().loop();
    mac.get(blocks).i32Eqz().brIf(1);
    for (let group = 0, c0 = 0; group < GROUPS.length; c0 += GROUPS[group] as number, group++) {
      const G = GROUPS[group] as number;
      for (const r of regs.slice(0, 2 * G)) mac.i32(64).vload().set(r);
      mac.get(rows).set(n);
      mac.i32(1024).set(wp);
      mac.i32(16384 + 8 * c0).set(sp);
      mac.block().loop();
      mac.get(n).i32Eqz().brIf(1);
      mac
        .get(wp)
        .vload(0)
        .set(w[0] as number);
      mac
        .get(wp)
        .vload(16)
        .set(w[1] as number);
      for (let g = 0; g < G; g++) {
        mac
          .get(sp)
          .simd(Simd.load64Splat, [0, 8 * g])
          .set(splat);
        for (let v = 0; v < 2; v++) {
          const r = regs[2 * g + v] as number;
          mac
            .get(r)
            .get(w[v] as number)
            .get(splat)
            .simd(Simd.f64x2Mul)
            .simd(Simd.f64x2Add)
            .set(r);
        }
      }
      // the next weight row, wrapping within the L1 rows; scalars advance a row of MAPS float64
      // wp = ((wp + 32 - 1024) & (32 ROWS - 1)) + 1024
      mac
        .get(wp)
        .i32(32 - 1024)
        .i32Add()
        .i32(32 * ROWS - 1)
        .op(0x71)
        .i32(1024)
        .i32Add()
        .set(wp);
      mac.addTo(sp, 8 * MAPS).addTo(n, -1);
      mac.br(0).end().end();
      for (const r of regs.slice(0, 2 * G)) mac.i32(64).get(r).vstore();
    }
    mac.addTo(blocks, -1);
    mac.br(0).end().end();
  }
  return [sum, mac];
}

interface FloorExports {
  sum(at: number, bytes: number): void;
  mac(blocks: number, rows: number): void;
}

/** The float64 arithmetic floor's task names (also calm mode's probes: see calm.ts). */
export const MAC_FLOOR_1T = 'float64 multiply-add x 5e8 (C=10 x N=1000 x 224x224) in wasm f64x2 (1 thread)';
export const MAC_FLOOR_2T = 'float64 multiply-add x 5e8 (C=10 x N=1000 x 224x224) in wasm f64x2 (2 threads)';

/** Bytes from which the masks go (after the weights at 1024 and N rows of scalars at 16384). */
const MASKS_AT = 16384 + 8 * MAPS * N + 1024;

export const floorsSuite: BenchSuite = {
  name: 'floors',
  tasks: () => {
    const api = wasmApi();
    if (!api) return [];
    const pool = wasmThreadPool();
    const maskBytes = 4 * N * P;
    const pages = Math.ceil((MASKS_AT + maskBytes) / PAGE);
    const memory: WasmMemory = new api.Memory({ initial: pages, maximum: pages, shared: true });
    const module = new api.Module(assembleModule(floorKernels(), pages, { shared: true, maxPages: pages }));
    const exports = new api.Instance(module, { env: { memory } }).exports as unknown as FloorExports;
    const f64 = new Float64Array(memory.buffer);
    for (let i = 0; i < 4 * ROWS; i++) f64[1024 / 8 + i] = 1 - i / (4 * ROWS);
    for (let i = 0; i < MAPS * N; i++) f64[16384 / 8 + i] = 1 / (i + 1);
    const masks = new Float32Array(memory.buffer, MASKS_AT, N * P);
    const plain = new Float32Array(N * P);
    for (let i = 0; i < plain.length; i += 97) plain[i] = (i % 1000) / 1000;
    masks.set(plain);
    // 2 threads split the pixels (blocks of 4 pixels) or the masks' bytes in halves
    const macDriver: BlockDriver = (ex, _m, _d, b, _t, args) =>
      (ex as { mac(blocks: number, rows: number): void }).mac(
        b === 0 ? (args[0] as number) : (args[1] as number),
        args[2] as number,
      );
    const sumDriver: BlockDriver = (ex, _m, _d, b, _t, args) =>
      (ex as { sum(at: number, bytes: number): void }).sum(
        (args[0] as number) + b * (args[1] as number),
        args[1] as number,
      );
    const blocks4 = P / 4;
    const tasks: BenchTask[] = [
      {
        name: 'copy 200 MB of float32 masks from an ordinary Float32Array into wasm memory (1 thread)',
        fn: () => {
          masks.set(plain);
          sink.value = masks[7];
        },
      },
      {
        // as scoring stages unshared masks for its threads: 16 masks at a time, into two slots
        // that stay in cache
        name: 'copy 200 MB of float32 masks into two 3.2 MB slots of wasm memory, 16 masks at a time (1 thread)',
        fn: () => {
          for (let n = 0, g = 0; n < N; n += 16, g++) {
            const k = Math.min(16, N - n);
            masks.set(plain.subarray(n * P, (n + k) * P), (g % 2) * 16 * P);
          }
          sink.value = masks[7];
        },
      },
      {
        name: 'read 200 MB of float32 masks in wasm (1 thread)',
        fn: () => exports.sum(MASKS_AT, maskBytes),
      },
      {
        name: MAC_FLOOR_1T,
        fn: () => exports.mac(blocks4, N),
      },
    ];
    if (pool !== null && pool.threads > 1) {
      const half = Math.floor(blocks4 / 2);
      const onPool = (driver: BlockDriver, args: Float64Array) => () =>
        pool.run({ module, memory, exports, data: null, driver, args, blocks: 2 });
      tasks.push(
        {
          name: 'read 200 MB of float32 masks in wasm (2 threads)',
          fn: onPool(sumDriver, Float64Array.of(MASKS_AT, maskBytes / 2)),
        },
        {
          name: MAC_FLOOR_2T,
          fn: onPool(macDriver, Float64Array.of(half, blocks4 - half, N)),
        },
      );
    }
    return tasks;
  },
};
