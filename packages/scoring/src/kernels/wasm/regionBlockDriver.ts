import type { BlockDriver, WasmMemory } from '@salkit/ndarray/wasm';

/** The kernels of regionKernels.ts that `regionBlock` calls. */
export interface BlockKernels {
  weightsU8: (...a: number[]) => void;
  weightsF32: (...a: number[]) => void;
  weightsF64: (...a: number[]) => void;
  mac: (...a: number[]) => void;
  fusedF32: (...a: number[]) => void;
  weightsF32InPlace: (...a: number[]) => void;
  macF32: (...a: number[]) => void;
  fusedMacF32: (...a: number[]) => void;
  tablePatterns: (stage: number, pat: number, pb: number) => number;
  tableSums: (...a: number[]) => void;
}

/** How `regionBlock` runs a block's rows. */
export const FLOAT_F64 = 0;
export const FLOAT_FUSED = 1;
export const FLOAT_F32 = 2;
export const TABLE_01 = 3;
export const FLOAT_F32_FUSED = 4;

/** The arguments of a `regionBlock` run (byte addresses in wasm memory, counts in values). */
export interface RegionBlockArgs {
  /**
   * FLOAT_F64 (weights, then mac), FLOAT_FUSED (fusedF32), FLOAT_F32 (numpy's float32
   * arithmetic), FLOAT_F32_FUSED (the same in one pass, fusedMacF32), or TABLE_01: uint8 masks, a
   * multiple of 8 of them (at most `fuse` chunks), through the 0/1 table kernel, or as FLOAT_F64
   * in a block where one is not 0/1.
   */
  mode: number;
  /** Pixels per mask, and pixels between accumulator rows. */
  P: number;
  pPad: number;
  maps: number;
  /** Element index of the first mask's first pixel, and masks to add from it. */
  maskOffset: number;
  rows: number;
  /** The first mask's scalars (`maps` of them; float64, float32 for FLOAT_F32), accumulators, coverage. */
  scalars: number;
  acc: number;
  cov: number;
  /** Thread 0's weight rows and stage; thread t's are `scratchStride * t` bytes further. */
  weights: number;
  stage: number;
  scratchStride: number;
  alpha: number;
  beta: number;
  /** The WEIGHTS_* mode of FLOAT_F64 and FLOAT_FUSED; 1 to accumulate the coverage. */
  weightMode: number;
  coverage: number;
  /** Pixels per block, pixels between staged rows, masks per step, bytes per staged mask value. */
  blockPixels: number;
  pitch: number;
  stepRows: number;
  maskBytes: 1 | 4 | 8;
  /** TABLE_01: the table sums, thread 0's pattern rows (each thread's scratchStride further), table row length. */
  accT: number;
  patterns: number;
  tableWidth: number;
  /**
   * Float modes: -1 to stage each block's rows here from the masks; else the byte address where
   * they lie in wasm memory already (staged there by the calling thread, or the masks themselves),
   * the rows of block b `prestagedBlockBytes * b` further on, rows `prestagedRowBytes` apart.
   * FLOAT_F32 writes its weights over the rows: it needs staged copies unless they are the masks.
   */
  prestaged: number;
  prestagedBlockBytes: number;
  prestagedRowBytes: number;
  /**
   * -1, or the byte address of a pipelined run's control words (Int32: groups staged, cancelled,
   * the next item, then per pixel block the groups done with it). A pipelined run is over
   * unshared float masks that the calling thread stages group after group while the threads work:
   * every thread's block is a loop taking items from the shared counter (`single`: only item
   * `block`, already taken). Item `i` is pixel block `i % blocks` of group `floor(i / blocks)`:
   * `groupRows` of the run's masks, staged in slot `group % ring` (`slotBytes` apart from
   * `prestaged`; rows and blocks in it as `prestagedRowBytes` and `prestagedBlockBytes` say), their
   * scalars in slot `group % ring` of `groupRows` masks' scalars from `scalars`. An item waits, at most `waitMs`, until its group is staged and the group before
   * it is done with its pixel block, so each pixel still adds its masks in order. An error stops
   * every thread's loop.
   */
  pipeline: number;
  groupRows: number;
  ring: number;
  slotBytes: number;
  waitMs: number;
  single: number;
  /**
   * 1: the sums start at zero in this run. Each pixel block zeroes its columns of the accumulators
   * (and of the coverage) before its first rows, on whichever thread takes it, where the block's
   * sums are about to be read anyway (the first group's item in a pipelined run).
   */
  zeroSums: number;
}

/** The Float64Array `regionBlock` reads, in its order. */
export function regionBlockArgs(o: RegionBlockArgs): Float64Array {
  return Float64Array.of(
    o.mode,
    o.P,
    o.pPad,
    o.maps,
    o.maskOffset,
    o.rows,
    o.scalars,
    o.acc,
    o.cov,
    o.weights,
    o.stage,
    o.scratchStride,
    o.alpha,
    o.beta,
    o.weightMode,
    o.coverage,
    o.blockPixels,
    o.pitch,
    o.stepRows,
    o.maskBytes,
    o.accT,
    o.patterns,
    o.tableWidth,
    o.prestaged,
    o.prestagedBlockBytes,
    o.prestagedRowBytes,
    o.pipeline,
    o.groupRows,
    o.ring,
    o.slotBytes,
    o.waitMs,
    o.single,
    o.zeroSums,
  );
}

/**
 * Pixel block `block` of a run of masks: for float (and non-0/1 integer) masks, stage the block's
 * part of `stepRows` masks at a time (or find them prestaged), then weights and multiply-adds; for
 * 0/1 uint8 masks, each chunk of 8 masks' bytes become patterns, whose table sums are added
 * (regionKernels.ts). Blocks touch disjoint accumulator columns and each adds the masks in order,
 * so any thread may take any block. In a pipelined run (see RegionBlockArgs.pipeline) the block is
 * a loop over the run's items instead. Self-contained (helper threads get its source): numbers,
 * typed arrays, atomics and kernel calls.
 */
export const regionBlock: BlockDriver = (exports, memory, masks, block, thread, a) => {
  // a: regionBlockArgs' order
  const k = exports as BlockKernels;
  const m = masks as Float32Array;
  const P = a[1] as number;
  const C = a[3] as number;
  const mo = a[4] as number;
  const scratch = thread * (a[11] as number);
  const wOff = (a[9] as number) + scratch;
  const stageOff = (a[10] as number) + scratch;
  const alpha = a[12] as number;
  const beta = a[13] as number;
  const weightMode = a[14] as number;
  const withCov = a[15] as number;
  const PB = a[16] as number;
  const pitch = a[17] as number;
  const step = a[18] as number;
  const bytes = a[19] as number;
  const buf = (memory as WasmMemory).buffer;
  const view = bytes === 4 ? new Float32Array(buf) : bytes === 1 ? new Uint8Array(buf) : new Float64Array(buf);
  const at = stageOff / bytes;
  /**
   * Adds `n` masks, their scalars at `sOff`, on pixel block `pixelBlock`: prestaged at
   * `prestaged` (blocks `blockBytes` apart), or staged from the masks when that is -1.
   */
  const addRows = (
    pixelBlock: number,
    n: number,
    sOff: number,
    prestaged: number,
    blockBytes: number,
    zero: boolean,
  ): void => {
    let mode = a[0] as number;
    const p0 = pixelBlock * PB;
    const pbA = Math.min(PB, P - p0);
    const pbK = Math.ceil(pbA / 16) * 16;
    if (mode === 3) {
      const pat = (a[21] as number) + scratch;
      let ok = 1;
      for (let ch = 0; ch < n / 8; ch++) {
        for (let i = 0; i < 8; i++) {
          const src = mo + (ch * 8 + i) * P + p0;
          // 8 rows pPad bytes apart, as tablePatterns reads them
          const row = at + i * (a[2] as number);
          view.set(m.subarray(src, src + pbA), row);
          if (pbA < pbK) view.fill(0, row + pbA, row + pbK);
        }
        ok &= k.tablePatterns(stageOff, pat + ch * pitch, pbK);
      }
      if (ok === 1) {
        k.tableSums(pat, (a[20] as number) + p0 * (a[22] as number) * 8, n / 8, pbK);
        return;
      }
      // a mask in this block is not 0/1: the float64 kernels on the block's rows
      mode = 0;
    }
    const valueBytes = mode === 2 || mode === 4 ? 4 : 8;
    const accPitch = (a[2] as number) * valueBytes;
    const acc = (a[7] as number) + p0 * valueBytes;
    const cov = (a[8] as number) + p0 * valueBytes;
    if (zero) {
      const sums = valueBytes === 4 ? new Float32Array(buf) : new Float64Array(buf);
      // the block's columns of the coverage (c = -1), then of each accumulator row
      for (let c = -1; c < C; c++) {
        const from = (c < 0 ? cov : acc + c * accPitch) / valueBytes;
        sums.fill(0, from, from + pbK);
      }
    }
    const srcRow = prestaged >= 0 ? (a[25] as number) : pitch * bytes;
    for (let r = 0; r < n; r += step) {
      const rows = Math.min(step, n - r);
      let st = stageOff;
      if (prestaged >= 0) st = prestaged + pixelBlock * blockBytes + r * srcRow;
      else
        for (let i = 0; i < rows; i++) {
          const src = mo + (r + i) * P + p0;
          // other integer types convert to float64 in TypedArray.set
          view.set(m.subarray(src, src + pbA), at + i * pitch);
          if (pbA < PB) view.fill(0, at + i * pitch + pbA, at + i * pitch + PB);
        }
      const s = sOff + r * C * valueBytes;
      if (mode === 4) k.fusedMacF32(st, s, acc, cov, rows, pbK, accPitch, alpha, beta, withCov, srcRow);
      else if (mode === 2) {
        k.weightsF32InPlace(st, cov, rows, pbK, alpha, beta, withCov, srcRow);
        k.macF32(st, s, acc, rows, pbK, accPitch, srcRow);
      } else if (mode === 1) {
        k.fusedF32(st, s, acc, cov, rows, pbK, accPitch, alpha, beta, weightMode, withCov, srcRow);
      } else {
        const weights = bytes === 4 ? k.weightsF32 : bytes === 1 ? k.weightsU8 : k.weightsF64;
        // masks read where they lie: 8 rows per pass, as their rows are often a multiple of 4 KB
        // apart, all in one L1 set of 8 ways
        const per = srcRow === pitch * bytes ? rows : 8;
        for (let i = 0; i < rows; i += per) {
          const r = Math.min(per, rows - i);
          weights(st + i * srcRow, wOff + i * 64, cov, r, pbK, alpha, beta, weightMode, withCov, srcRow, rows);
        }
        k.mac(wOff, s, acc, rows, pbK, accPitch);
      }
    }
  };
  const ctlAt = a[26] as number;
  if (ctlAt < 0) {
    addRows(block, a[5] as number, a[6] as number, a[23] as number, a[24] as number, a[32] === 1);
    return;
  }
  const blocks = Math.ceil(P / PB);
  const fit = a[27] as number;
  const runRows = a[5] as number;
  const total = Math.ceil(runRows / fit) * blocks;
  const waitMs = a[30] as number;
  const single = a[31] === 1;
  const ctl = new Int32Array(buf, ctlAt, 3 + blocks);
  /** Waits until control word `word` reaches `value`; false when the run is cancelled. */
  const waitFor = (word: number, value: number): boolean => {
    for (let v = Atomics.load(ctl, word); v < value; v = Atomics.load(ctl, word)) {
      if (Atomics.load(ctl, 1) !== 0) return false;
      if (Atomics.wait(ctl, word, v, waitMs) === 'timed-out')
        throw new Error(
          `regionBlock: waited ${waitMs} ms for ${
            word === 0
              ? `the calling thread to stage group ${value - 1}`
              : `another thread to finish group ${value - 1} on pixel block ${word - 3}`
          }`,
        );
    }
    return Atomics.load(ctl, 1) === 0;
  };
  try {
    for (let i = single ? block : Atomics.add(ctl, 2, 1); i < total; i = single ? total : Atomics.add(ctl, 2, 1)) {
      const group = Math.floor(i / blocks);
      const pixelBlock = i - group * blocks;
      if (!waitFor(0, group + 1) || !waitFor(3 + pixelBlock, group)) return;
      const rows = Math.min(fit, runRows - group * fit);
      addRows(
        pixelBlock,
        rows,
        (a[6] as number) + (group % (a[28] as number)) * fit * C * (a[0] === 2 || a[0] === 4 ? 4 : 8),
        (a[23] as number) + (group % (a[28] as number)) * (a[29] as number),
        a[24] as number,
        group === 0 && a[32] === 1,
      );
      Atomics.store(ctl, 3 + pixelBlock, group + 1);
      Atomics.notify(ctl, 3 + pixelBlock);
    }
  } catch (e) {
    Atomics.store(ctl, 1, 1);
    for (let w = 0; w < ctl.length; w++) Atomics.notify(ctl, w);
    throw e;
  }
};
