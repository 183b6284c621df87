import { correlateSymmetric } from '@salkit/ndarray';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsFoldBatch } from './jsFoldBatch.js';
import { WasmFold } from './wasmFold.js';

const wasm = WasmFold.get();

/** A normalised half kernel of radius r (any positive weights do: the sums are compared bit for bit). */
function halfKernel(r: number, seed: number): Float64Array {
  const w = Float64Array.from({ length: r + 1 }, (_, k) => Math.exp(-((k + seed) ** 2) / (2 * (r + 1) ** 2)));
  let sum = w[0] as number;
  for (let k = 1; k <= r; k++) sum += 2 * (w[k] as number);
  return w.map((v) => v / sum);
}

/** Runs the same jobs through a batch of each kind; lines get `fill(i)` at line index i. */
function both(w: Float64Array, lineValues: number, jobs: [number, number, number][], outValues: number, o: number) {
  const lines = Float64Array.from(
    { length: lineValues },
    (_, i) => Math.sin(i * 12.9898) * 43758.5453 - Math.trunc(Math.sin(i * 12.9898) * 43758.5453),
  );
  const results = [
    jsFoldBatch(w, lineValues, jobs.length, outValues),
    (wasm as WasmFold).batch(w, lineValues, jobs.length, outValues),
  ].map((b) => {
    if (b === null) throw new Error('no wasm batch');
    b.lines.set(lines);
    for (const [start, n, outStart] of jobs) b.job(start, n, outStart);
    const out = new Float32Array(outValues + 2 * o).fill(-7);
    b.run(out, o);
    return out;
  });
  return { js: results[0] as Float32Array, wasm: results[1] as Float32Array, lines };
}

describe('WasmFold', () => {
  it('is available here (Node 20 has WebAssembly SIMD)', () => {
    expect(wasm).not.toBeNull();
  });

  it('sums bit for bit as the JS fold, for any radius, job length and order, writing only its outputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 45 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 5 })),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.integer({ min: 0, max: 3 }),
        (r, seed, specs, o) => {
          const w = halfKernel(r, seed);
          // Jobs: line starts as drawn, outputs one after another with the drawn gaps.
          const jobs: [number, number, number][] = [];
          let lineValues = 0;
          let outValues = 0;
          for (const [start, n, gap] of specs) {
            jobs.push([start, n, outValues + gap]);
            lineValues = Math.max(lineValues, start + n + 2 * r);
            outValues += gap + n;
          }
          const { js, wasm: got, lines } = both(w, lineValues, jobs, outValues, o);
          expect(Array.from(got)).toEqual(Array.from(js));
          // The JS batch is correlateSymmetric per job; outputs of no job are 0 and nothing outside the range is touched.
          const want = new Float32Array(outValues + 2 * o).fill(-7);
          want.fill(0, o, o + outValues);
          for (const [start, n, outStart] of jobs) correlateSymmetric(lines, start + r, n, w, want, o + outStart);
          expect(Array.from(js)).toEqual(Array.from(want));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('grows its memory for a batch larger than it has, and its lines start as zeros', () => {
    const w = halfKernel(40, 0);
    const lineValues = 50_000; // 400 KB of lines: beyond the first pages
    const batch = (wasm as WasmFold).batch(w, lineValues, 2, 1000);
    expect(batch).not.toBeNull();
    const b = batch as NonNullable<typeof batch>;
    expect(b.lines.length).toBe(lineValues);
    expect(b.lines.every((v) => v === 0)).toBe(true);
    b.lines.fill(1);
    b.job(0, 500, 0);
    b.job(lineValues - 500 - 80, 500, 500);
    const out = new Float32Array(1000);
    b.run(out);
    // A line of ones sums the whole kernel: 1 up to rounding, at every output.
    for (const v of out) expect(Math.abs(v - 1)).toBeLessThan(1e-6);
    const next = (wasm as WasmFold).batch(w, 10, 1, 1) as NonNullable<typeof batch>;
    expect(next.lines.every((v) => v === 0)).toBe(true);
  });

  it('lets an instance whose memory grew past 16 MB go after its batch, and keeps a smaller one', () => {
    const w = halfKernel(3, 0);
    const small = WasmFold.get() as WasmFold;
    (small.batch(w, 1000, 1, 10) as NonNullable<ReturnType<WasmFold['batch']>>).run(new Float32Array(10));
    expect(WasmFold.get()).toBe(small);
    const big = small.batch(w, 3_000_000, 1, 10) as NonNullable<ReturnType<WasmFold['batch']>>; // 24 MB of lines
    big.lines.fill(1, 0, 20);
    big.job(0, 10, 0);
    const out = new Float32Array(10);
    big.run(out);
    for (const v of out) expect(Math.abs(v - 1)).toBeLessThan(1e-6);
    const next = WasmFold.get() as WasmFold;
    expect(next).not.toBe(small);
    const b = next.batch(w, 20, 1, 10) as NonNullable<ReturnType<WasmFold['batch']>>;
    b.lines.fill(1);
    b.job(0, 10, 0);
    b.run(out);
    for (const v of out) expect(Math.abs(v - 1)).toBeLessThan(1e-6);
  });

  it('refuses more jobs than it holds, and a batch replaced by a later one', () => {
    const w = halfKernel(2, 0);
    for (const b of [jsFoldBatch(w, 10, 1, 4), (wasm as WasmFold).batch(w, 10, 1, 4)]) {
      if (b === null) throw new Error('no wasm batch');
      b.job(0, 2, 0);
      expect(() => b.job(0, 2, 2)).toThrow('FoldBatch.job: the batch holds 1 jobs');
    }
    const first = (wasm as WasmFold).batch(w, 10, 1, 4) as NonNullable<ReturnType<WasmFold['batch']>>;
    (wasm as WasmFold).batch(w, 10, 1, 4);
    expect(() => first.run(new Float32Array(4))).toThrow('FoldBatch.run: a later batch has replaced this one');
  });
});
