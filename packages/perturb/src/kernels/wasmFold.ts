import {
  assembleModule,
  FunctionBuilder,
  I32,
  Op,
  Simd,
  V128,
  type WasmMemory,
  type WasmModule,
  wasmApi,
} from '@salkit/ndarray/wasm';
import { type FoldBatch, jobTable } from './jsFoldBatch.js';

/**
 * `fold(jobs, count, w, r, lines, outs)`: scipy's symmetric correlation sums in WebAssembly SIMD.
 * Each job is three i32 at `jobs` (`start`, `n`, `outStart`, as FoldBatch.job takes them); its
 * output j is `x[c]*w0 + sum_{k=r..1} (x[c-k] + x[c+k])*w[k]` with `x[c]` the float64
 * `start + r + j` values after `lines`, summed in that order in float64 as the JS fold does, and
 * stored as float32 `outStart + j` values after `outs`
 * (f32x4.demote_f64x2_zero rounds to nearest even, as a Float32Array store). Outputs go four at a
 * time (two f64x2 accumulators); a last group of 1-3 stores only those lanes, so nothing past
 * `n` is written (it reads up to 3 float64 past the job's line).
 */
function foldKernel(): FunctionBuilder {
  const f = new FunctionBuilder('fold', [I32, I32, I32, I32, I32, I32]);
  const [jobs, count, w, r, lines, outs] = [0, 1, 2, 3, 4, 5];
  const p = f.local(I32);
  const left = f.local(I32);
  const out = f.local(I32);
  const pm = f.local(I32);
  const pp = f.local(I32);
  const wp = f.local(I32);
  const span = f.local(I32);
  const w0 = f.local(V128);
  const wk = f.local(V128);
  const acc0 = f.local(V128);
  const acc1 = f.local(V128);
  const sums = f.local(V128);
  f.get(w).simd(Simd.load64Splat, [3, 0]).set(w0);
  f.get(r).i32(8).i32Mul().set(span);
  f.block().loop(); // jobs
  f.get(count).i32Eqz().brIf(1);
  f.get(lines).get(jobs).mem(Op.i32Load, 2, 0).i32(8).i32Mul().i32Add().get(span).i32Add().set(p);
  f.get(jobs).mem(Op.i32Load, 2, 4).set(left);
  f.get(outs).get(jobs).mem(Op.i32Load, 2, 8).i32(4).i32Mul().i32Add().set(out);
  f.block().loop(); // groups of four outputs
  f.get(left).i32(0).op(Op.i32GtS).i32Eqz().brIf(1);
  f.get(p).vload().get(w0).simd(Simd.f64x2Mul).set(acc0);
  f.get(p).vload(16).get(w0).simd(Simd.f64x2Mul).set(acc1);
  f.get(r).if();
  f.get(p).get(span).i32Sub().set(pm);
  f.get(p).get(span).i32Add().set(pp);
  f.get(w).get(span).i32Add().set(wp);
  f.loop(); // k = r .. 1
  f.get(wp).simd(Simd.load64Splat, [3, 0]).set(wk);
  for (const [acc, offset] of [
    [acc0, 0],
    [acc1, 16],
  ] as const) {
    f.get(acc);
    f.get(pm).vload(offset).get(pp).vload(offset).simd(Simd.f64x2Add);
    f.get(wk).simd(Simd.f64x2Mul).simd(Simd.f64x2Add).set(acc);
  }
  f.addTo(pm, 8).addTo(pp, -8);
  f.get(wp).i32(8).i32Sub().tee(wp).get(w).op(Op.i32Ne).brIf(0);
  f.end();
  f.end();
  f.get(acc0).simd(Simd.f32x4DemoteF64x2Zero);
  f.get(acc1).simd(Simd.f32x4DemoteF64x2Zero);
  f.shuffle(LOW_HALVES).set(sums);
  f.get(left).i32(4).op(Op.i32GeS).if();
  f.get(out).get(sums).vstore();
  f.else();
  for (let lane = 0; lane < 3; lane++) {
    // lane `lane` when at least lane + 1 outputs are left
    f.get(left).i32(lane).op(Op.i32GtS).if();
    f.get(out)
      .get(sums)
      .simd(Simd.f32x4ExtractLane)
      .op(lane)
      .mem(Op.f32Store, 2, 4 * lane);
    f.end();
  }
  f.end();
  f.addTo(out, 16).addTo(p, 32).addTo(left, -4);
  f.br(0).end().end();
  f.addTo(jobs, 12).addTo(count, -1);
  f.br(0).end().end();
  return f;
}

/** Bytes 0-7 of the first vector then bytes 0-7 of the second: two demoted f64x2 as one f32x4. */
const LOW_HALVES = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];

interface FoldExports {
  fold(jobs: number, count: number, w: number, r: number, lines: number, outs: number): void;
}

let compiled: WasmModule | null | undefined;
function foldModule(): WasmModule | null {
  if (compiled === undefined) {
    compiled = null;
    const api = wasmApi();
    if (api) {
      try {
        const bytes = assembleModule([foldKernel()]);
        if (api.validate(bytes)) compiled = new api.Module(bytes);
      } catch {
        // no SIMD, or no synchronous compilation here: the JS fold stays
      }
    }
  }
  return compiled;
}

const PAGE = 65536;
/** Memory the shared instance keeps between batches (a 224x224 image's tables take about 5 MB). */
const KEEP_BYTES = 16 * 1024 * 1024;
const align16 = (n: number) => Math.ceil(n / 16) * 16;

/**
 * One wasm instance and memory for the soft SlidingRadial tables' 1-D Gaussian sums. A batch
 * lays out the weights, the job table, the lines (which the caller fills in place) and the
 * results in the memory, which grows to the largest batch; one batch is open at a time. An
 * instance whose memory grew past 16 MB is let go after its batch (the process keeps no more).
 */
export class WasmFold {
  private readonly memory: WasmMemory;
  private readonly k: FoldExports;
  /** Counts batches: a batch may only run while it is the latest. */
  private epoch = 0;

  private constructor(mod: WasmModule) {
    const api = wasmApi() as NonNullable<ReturnType<typeof wasmApi>>;
    this.memory = new api.Memory({ initial: 1 });
    this.k = new api.Instance(mod, { env: { memory: this.memory } }).exports as unknown as FoldExports;
  }

  private static shared: WasmFold | null | undefined;
  /** The shared instance, or null where WebAssembly SIMD is unavailable. */
  static get(): WasmFold | null {
    if (WasmFold.shared === undefined) {
      const mod = foldModule();
      try {
        WasmFold.shared = mod ? new WasmFold(mod) : null;
      } catch {
        WasmFold.shared = null;
      }
    }
    return WasmFold.shared;
  }

  /** A batch (see {@link FoldBatch}); null if the memory cannot grow to it. Ends the previous batch. */
  batch(w: Float64Array, lineValues: number, maxJobs: number, outValues: number): FoldBatch | null {
    const r = w.length - 1;
    const jobsOff = align16(8 * (r + 1));
    const linesOff = align16(jobsOff + 12 * maxJobs);
    // the last group of a job reads up to 3 values past its line
    const outOff = align16(linesOff + 8 * (lineValues + 3));
    const end = outOff + 4 * outValues;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      try {
        this.memory.grow(Math.ceil((end - have) / PAGE));
      } catch {
        return null;
      }
    }
    const buf = this.memory.buffer;
    const f64 = new Float64Array(buf);
    f64.set(w, 0);
    const lines = f64
      .subarray(linesOff / 8, linesOff / 8 + lineValues + 3)
      .fill(0)
      .subarray(0, lineValues);
    const jobs = jobTable(new Int32Array(buf, jobsOff, 3 * maxJobs));
    const results = new Float32Array(buf, outOff, outValues).fill(0);
    const epoch = ++this.epoch;
    return {
      lines,
      job: jobs.add,
      run: (out, o = 0) => {
        if (epoch !== this.epoch) throw new Error('FoldBatch.run: a later batch has replaced this one');
        this.k.fold(jobsOff, jobs.count(), 0, r, linesOff, outOff);
        out.set(results, o);
        // wasm memory cannot shrink: after a batch this large, the next caller gets a fresh instance
        if (WasmFold.shared === this && buf.byteLength > KEEP_BYTES) WasmFold.shared = undefined;
      },
    };
  }
}
