import type { BlockDriver, WasmMemory } from '@salkit/ndarray/wasm';
import type { RiseLayout } from './riseLayout.js';

/** The kernels of wasmRiseRows.ts (see there). */
export interface RiseKernels {
  hrows: (...args: number[]) => void;
  lerp: (...args: number[]) => void;
}

/** Where `riseBlock` finds things (byte addresses in wasm memory) and what it writes. */
export interface RiseBlockArgs {
  /** The tables (see riseTables). */
  w0Off: number;
  w1Off: number;
  segOff: number;
  vOff: number;
  /** Thread 0's scratch (see riseScratch); thread t's is `stride * t` bytes further. */
  hOff: number;
  hRow: number;
  dOff: number;
  scrOff: number;
  chunkRows: number;
  stride: number;
  /** The masks' grids (float32 s*s each, consecutive) and shifts (i32 sy, sx each). */
  grids: number;
  shifts: number;
  /** Masks, where mask 0 goes in the output, masks per block. */
  count: number;
  outOffset: number;
  perBlock: number;
}

/** The Float64Array `riseBlock` reads: 20 numbers, then the layout's bands. */
export function riseBlockArgs(layout: RiseLayout, o: RiseBlockArgs): Float64Array {
  const bands = layout.bandR0.length;
  const args = new Float64Array(20 + 3 * bands + 1);
  args.set([
    layout.H,
    layout.W,
    layout.s,
    layout.segJ0.length,
    o.w0Off,
    o.w1Off,
    o.segOff,
    o.vOff,
    o.grids,
    o.hOff,
    o.hRow,
    o.dOff,
    o.scrOff,
    o.chunkRows,
    o.stride,
    o.shifts,
    o.count,
    o.outOffset,
    o.perBlock,
    bands,
  ]);
  args.set(layout.bandStart.subarray(0, bands + 1), 20);
  args.set(layout.bandR0, 21 + bands);
  args.set(layout.bandR1, 21 + 2 * bands);
  return args;
}

/**
 * Masks `[block * perBlock, ...)` of a run (one mask for WasmRiseRows.write, many for ThreadedRiseRows.writeMany): the row kernels of
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
