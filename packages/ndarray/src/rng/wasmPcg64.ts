import { assembleModule, FunctionBuilder, I32, I64, Op } from '../wasm/assembler.js';
import { type WasmMemory, wasmApi } from '../wasm/webassembly.js';
import { PCG64_MULT } from './pcg64Multiplier.js';

/** Memory layout: state lo/hi, inc lo/hi, last output (u64 each), then the doubles. */
const STATE = 0;
const INC = 16;
const LAST = 32;
const OUT = 64;
/** Draws per kernel call: 64 KB of doubles. */
export const PCG64_CHUNK = 8192;

/**
 * `fill(count)`: `count` PCG64 steps, `OUT[k] = (xslrr(state) >> 11) * 2^-53` (numpy's
 * next_double), in 64-bit integer arithmetic: the 128-bit product's high word from four 32x32-bit
 * products, the increment added with its carry, XSL-RR with i64.rotr.
 */
function fillKernel(): FunctionBuilder {
  const f = new FunctionBuilder('fill', [I32]);
  const count = 0;
  const [sl, sh, il, ih, ml, mh, b0, b1] = Array.from({ length: 8 }, () => f.local(I64));
  const [a0, a1, p01, p10, lo, hi, x] = Array.from({ length: 7 }, () => f.local(I64));
  const p = f.local(I32);
  const end = f.local(I32);
  const M32 = 0xffffffffn;
  const load = (local: number, at: number) => f.i32(0).mem(Op.i64Load, 3, at).set(local);
  load(sl, STATE);
  load(sh, STATE + 8);
  load(il, INC);
  load(ih, INC + 8);
  f.i64(BigInt.asUintN(64, PCG64_MULT)).set(ml);
  f.i64(PCG64_MULT >> 64n).set(mh);
  f.get(ml).i64(M32).op(Op.i64And).set(b0);
  f.get(ml).i64(32n).op(Op.i64ShrU).set(b1);
  f.i32(OUT).set(p);
  f.get(count).i32(8).i32Mul().i32(OUT).i32Add().set(end);
  f.block().loop();
  f.get(p).get(end).i32LtU().i32Eqz().brIf(1);
  // a = sl in 32-bit halves; p01 = a0*b1, p10 = a1*b0
  f.get(sl).i64(M32).op(Op.i64And).set(a0);
  f.get(sl).i64(32n).op(Op.i64ShrU).set(a1);
  f.get(a0).get(b1).op(Op.i64Mul).set(p01);
  f.get(a1).get(b0).op(Op.i64Mul).set(p10);
  // mulhi(sl, ml) = a1*b1 + (p01 >> 32) + (p10 >> 32) + ((a0*b0 >> 32) + (p01 & M) + (p10 & M)) >> 32
  f.get(a1).get(b1).op(Op.i64Mul);
  f.get(p01).i64(32n).op(Op.i64ShrU, Op.i64Add);
  f.get(p10).i64(32n).op(Op.i64ShrU, Op.i64Add);
  f.get(a0).get(b0).op(Op.i64Mul).i64(32n).op(Op.i64ShrU);
  f.get(p01).i64(M32).op(Op.i64And, Op.i64Add);
  f.get(p10).i64(M32).op(Op.i64And, Op.i64Add);
  f.i64(32n).op(Op.i64ShrU, Op.i64Add);
  // hi = mulhi + sl*mh + sh*ml (mod 2^64); lo = sl*ml + il
  f.get(sl).get(mh).op(Op.i64Mul, Op.i64Add);
  f.get(sh).get(ml).op(Op.i64Mul, Op.i64Add).set(hi);
  f.get(sl).get(ml).op(Op.i64Mul).set(lo);
  f.get(lo).get(il).op(Op.i64Add).set(sl);
  // the carry of the low word, then the high word
  f.get(hi).get(ih).op(Op.i64Add);
  f.get(sl).get(lo).op(Op.i64LtU, Op.i64ExtendI32U, Op.i64Add).set(sh);
  // XSL-RR: rotr(hi ^ lo, state >> 122)
  f.get(sh).get(sl).op(Op.i64Xor);
  f.get(sh).i64(58n).op(Op.i64ShrU, Op.i64Rotr).set(x);
  f.get(p);
  f.get(x)
    .i64(11n)
    .op(Op.i64ShrU, Op.f64ConvertI64U)
    .f64Const(2 ** -53)
    .op(Op.f64Mul);
  f.mem(Op.f64Store, 3);
  f.addTo(p, 8);
  f.br(0).end().end();
  f.i32(0).get(sl).mem(Op.i64Store, 3, STATE);
  f.i32(0)
    .get(sh)
    .mem(Op.i64Store, 3, STATE + 8);
  f.i32(0).get(x).mem(Op.i64Store, 3, LAST);
  return f;
}

/** PCG64's double draws in WebAssembly, for long runs: the same numbers as the JS step, ~5x faster cold. */
export class WasmPcg64 {
  private readonly words: BigUint64Array;
  private readonly doubles: Float64Array;

  private constructor(
    memory: WasmMemory,
    private readonly fill: (count: number) => void,
  ) {
    this.words = new BigUint64Array(memory.buffer, 0, 8);
    this.doubles = new Float64Array(memory.buffer, OUT, PCG64_CHUNK);
  }

  /** The kernel (one per thread), or null where WebAssembly is missing or refuses the module. */
  static get(): WasmPcg64 | null {
    if (instance !== undefined) return instance;
    instance = null;
    const api = wasmApi();
    if (!api) return null;
    try {
      const memory = new api.Memory({ initial: Math.ceil((OUT + 8 * PCG64_CHUNK) / 65536) });
      const mod = new api.Module(assembleModule([fillKernel()]));
      const { fill } = new api.Instance(mod, { env: { memory } }).exports as { fill: (count: number) => void };
      instance = new WasmPcg64(memory, fill);
    } catch {
      instance = null;
    }
    return instance;
  }

  /**
   * Writes `out[start..end)` from the 128-bit `state` and `inc`; returns the new state and the
   * last 64-bit output.
   */
  run(state: bigint, inc: bigint, out: Float64Array, start: number, end: number): { state: bigint; last: bigint } {
    const w = this.words;
    w[0] = BigInt.asUintN(64, state);
    w[1] = state >> 64n;
    w[2] = BigInt.asUintN(64, inc);
    w[3] = inc >> 64n;
    for (let k = start; k < end; k += PCG64_CHUNK) {
      const n = Math.min(PCG64_CHUNK, end - k);
      this.fill(n);
      out.set(n === PCG64_CHUNK ? this.doubles : this.doubles.subarray(0, n), k);
    }
    return { state: ((w[1] as bigint) << 64n) | (w[0] as bigint), last: w[LAST / 8] as bigint };
  }
}

let instance: WasmPcg64 | null | undefined;
