import { defaultRng } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { RegionWeightAccumulator } from '../regionWeights.js';
import { wasmSimdAvailable } from './wasmRegionWeights.js';

/**
 * The WebAssembly engine's sums for 0/1 uint8 masks, written out: per sub-batch of 256 masks (of
 * each batch added),
 * chunks of 8 masks give table sums `t = sum_j s[j] * w(bit_j)` (j in order, from 0); each group
 * of 64 rows adds `((t0 + t1) + ... + t7)` (8 chunks) or its chunks one by one (fewer); the last
 * `b % 8` masks add `s * w` one by one to a separate accumulator; coverage likewise.
 */
function tableOrder(
  C: number,
  P: number,
  alpha: number,
  beta: number,
  s: Float64Array,
  masks: Uint8Array,
  batches: readonly number[],
): Float64Array {
  const out = new Float64Array((C + 1) * P);
  const w = (m: number) => alpha + beta * m;
  for (let p = 0; p < P; p++) {
    for (let c = 0; c <= C; c++) {
      // c === C: the coverage column
      const term = (row: number) => (c === C ? 1 : (s[row * C + c] as number)) * w(masks[row * P + p] as number);
      let accT = 0;
      let acc = 0;
      const subBatches: [number, number][] = [];
      for (let start = 0, k = 0; k < batches.length; start += batches[k] as number, k++) {
        const end = start + (batches[k] as number);
        for (let i0 = start; i0 < end; i0 += 256) subBatches.push([i0, Math.min(256, end - i0)]);
      }
      for (const [i0, b] of subBatches) {
        const chunks = b >> 3;
        const t = (k: number) => {
          let v = 0;
          for (let j = 0; j < 8; j++) v += term(i0 + 8 * k + j);
          return v;
        };
        for (let r = 0; r < chunks; r += 8) {
          const nCh = Math.min(8, chunks - r);
          if (nCh === 8) {
            let sum = t(r);
            for (let k = 1; k < 8; k++) sum += t(r + k);
            accT += sum;
          } else for (let k = 0; k < nCh; k++) accT += t(r + k);
        }
        for (let row = i0 + chunks * 8; row < i0 + b; row++) acc += term(row);
      }
      out[c * P + p] = acc + accT;
    }
  }
  const maps = new Float64Array(C * P);
  for (let c = 0; c < C; c++) {
    for (let p = 0; p < P; p++) {
      const d = out[C * P + p] as number;
      const v = out[c * P + p] as number;
      maps[c * P + p] = d === 0 ? v : v / d;
    }
  }
  return maps;
}

describe.runIf(wasmSimdAvailable())('WebAssembly table kernels (0/1 uint8 masks)', () => {
  let seed = 40;
  for (const [C, P, n] of [
    [1, 2 * 2048 + 37, 256 + 64 + 24 + 5],
    [3, 300, 72],
    [2, 16, 25],
  ] as const) {
    it(`add the table sums in their documented order, bit for bit: C=${C} P=${P} n=${n}`, () => {
      const u = defaultRng(seed++).random([n * P]).data;
      const masks = Uint8Array.from(u, (v) => (v < 0.45 ? 1 : 0));
      const s = Float64Array.from(defaultRng(seed++).random([n * C]).data, (v) => v - 0.3);
      const acc = new RegionWeightAccumulator(C, P, 0.25, -1, false);
      expect(acc.usesWasm).toBe(true);
      // an early look (finish) disturbs nothing that follows
      acc.add(s, 0, masks, 0, 16);
      acc.finish(true, new Float64Array(C * P));
      acc.add(s, 16 * C, masks, 16 * P, n - 16);
      acc.finish(true, new Float64Array(C * P));
      const got = acc.finish(true, new Float64Array(C * P));
      const want = tableOrder(C, P, 0.25, -1, s, masks, [16, n - 16]);
      expect(Array.from(got, (v, i) => Object.is(v, want[i])).indexOf(false)).toBe(-1);
    });
  }
});
