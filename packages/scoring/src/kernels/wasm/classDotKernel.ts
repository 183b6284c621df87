import {
  assembleModule,
  F64,
  FunctionBuilder,
  I32,
  Simd,
  V128,
  type WasmMemory,
  type WasmModule,
  wasmApi,
} from '@salkit/ndarray/wasm';
import { wasmSimdAvailable } from './wasmRegionWeights.js';

/** Rows per call: a chunk of float64 rows stays in L2 (1024 x 85 x 8 bytes = 680 KB). */
const CHUNK = 1024;
const F64_LOAD = 0x2b;
const F32_LOAD = 0x2a;
const F64_STORE = 0x39;
const F64_ADD = 0xa0;
const F64_MUL = 0xa2;
const F64_PROMOTE_F32 = 0xbb;
const F64X2_EXTRACT_LANE = 0x21;

function leb(v: number): number[] {
  const out: number[] = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}

/**
 * `dots64|dots32(rows, n, ref, out)`: for n detection rows of K float64 (float32) values from
 * `rows`, `out[r*(D+1)]` = classDot(row, row) and `out[r*(D+1) + 1 + d]` = classDot(row, ref d),
 * ref rows float64. classDot's four partial sums are the lanes of two f64x2 accumulators (s0, s1)
 * and (s2, s3); the tail goes into s0, then `(s0 + s1) + (s2 + s3)`: its numbers bit for bit.
 */
function dots(name: string, eb: 4 | 8, K: number, D: number): FunctionBuilder {
  const f = new FunctionBuilder(name, [I32, I32, I32, I32]);
  const [rows, n, ref, out] = [0, 1, 2, 3];
  const a = f.local(I32);
  const o = f.local(I32);
  const pa = f.local(I32);
  const pb = f.local(I32);
  const g = f.local(I32);
  const acc01 = f.local(V128);
  const acc23 = f.local(V128);
  const va01 = f.local(V128);
  const va23 = f.local(V128);
  const s0 = f.local(F64);
  const G = Math.floor((K - 5) / 4);
  const tail = K - 5 - 4 * G;
  /** Two class values of the row at pa + offset, as f64x2. */
  const loadPair = (offset: number) => {
    if (eb === 8) f.get(pa).vload(offset);
    else f.get(pa).simd(Simd.load64Splat, [0, offset]).simd(Simd.f64x2PromoteLowF32x4);
  };
  const loadScalar = (offset: number) => {
    f.get(pa);
    if (eb === 8) f.op(F64_LOAD, 0, ...leb(offset));
    else f.op(F32_LOAD, 0, ...leb(offset), F64_PROMOTE_F32);
  };
  f.get(rows).set(a);
  f.get(out).set(o);
  f.block().loop();
  f.get(n).i32Eqz().brIf(1);
  for (let j = 0; j <= D; j++) {
    const self = j === 0;
    f.i32(0).simd(Simd.i32x4Splat).set(acc01);
    f.i32(0).simd(Simd.i32x4Splat).set(acc23);
    f.get(a)
      .i32(5 * eb)
      .i32Add()
      .set(pa);
    if (!self)
      f.get(ref)
        .i32(((j - 1) * K + 5) * 8)
        .i32Add()
        .set(pb);
    if (G > 0) {
      f.i32(G).set(g);
      f.loop();
      loadPair(0);
      f.set(va01);
      loadPair(2 * eb);
      f.set(va23);
      f.get(acc01).get(va01);
      if (self) f.get(va01);
      else f.get(pb).vload(0);
      f.simd(Simd.f64x2Mul).simd(Simd.f64x2Add).set(acc01);
      f.get(acc23).get(va23);
      if (self) f.get(va23);
      else f.get(pb).vload(16);
      f.simd(Simd.f64x2Mul).simd(Simd.f64x2Add).set(acc23);
      f.addTo(pa, 4 * eb);
      if (!self) f.addTo(pb, 32);
      f.addTo(g, -1);
      f.get(g).brIf(0);
      f.end();
    }
    // s0 and the tail, then (s0 + s1) + (s2 + s3)
    f.get(acc01).simd(F64X2_EXTRACT_LANE).op(0).set(s0);
    for (let t = 0; t < tail; t++) {
      f.get(s0);
      loadScalar(t * eb);
      if (self) loadScalar(t * eb);
      else f.get(pb).op(F64_LOAD, 0, ...leb(t * 8));
      f.op(F64_MUL, F64_ADD).set(s0);
    }
    f.get(o);
    f.get(s0).get(acc01).simd(F64X2_EXTRACT_LANE).op(1).op(F64_ADD);
    f.get(acc23).simd(F64X2_EXTRACT_LANE).op(0).get(acc23).simd(F64X2_EXTRACT_LANE).op(1).op(F64_ADD);
    f.op(F64_ADD, F64_STORE, 0, ...leb(j * 8));
  }
  f.addTo(a, K * eb)
    .addTo(o, (D + 1) * 8)
    .addTo(n, -1);
  f.br(0).end().end();
  return f;
}

const modules = new Map<string, WasmModule>();

/**
 * Class-score dot products of detection rows on WebAssembly SIMD: per row its squared norm and
 * its dot product with each reference row, exactly as classDot computes them.
 */
export class ClassDotKernel {
  private readonly memory: WasmMemory;
  private readonly k: { dots64: (...a: number[]) => void; dots32: (...a: number[]) => void };
  private readonly rowsOff: number;
  private readonly outOff: number;

  /** A kernel for D reference rows of K values, or null without WebAssembly SIMD. */
  static create(ref: ArrayLike<number>, D: number, K: number): ClassDotKernel | null {
    if (!wasmSimdAvailable()) return null;
    try {
      return new ClassDotKernel(ref, D, K);
    } catch {
      return null;
    }
  }

  private constructor(
    ref: ArrayLike<number>,
    private readonly D: number,
    private readonly K: number,
  ) {
    const api = wasmApi() as NonNullable<ReturnType<typeof wasmApi>>;
    const key = `${K}/${D}`;
    let mod = modules.get(key);
    if (!mod) {
      mod = new api.Module(assembleModule([dots('dots64', 8, K, D), dots('dots32', 4, K, D)]));
      modules.set(key, mod);
    }
    const refBytes = Math.ceil((D * K * 8) / 16) * 16;
    this.outOff = refBytes;
    this.rowsOff = refBytes + CHUNK * (D + 1) * 8;
    this.memory = new api.Memory({ initial: Math.ceil((this.rowsOff + CHUNK * K * 8) / 65536) });
    new Float64Array(this.memory.buffer, 0, D * K).set(ref);
    this.k = new api.Instance(mod, { env: { memory: this.memory } }).exports as unknown as ClassDotKernel['k'];
  }

  /** `out[r*(D+1) + ...]` for the n rows of `dets` (K values each): the squared norm, then the D dot products. */
  run(dets: Float64Array | Float32Array, n: number, out: Float64Array): void {
    const { D, K } = this;
    const f64 = dets instanceof Float64Array;
    const buf = this.memory.buffer;
    const stage = f64 ? new Float64Array(buf, this.rowsOff, CHUNK * K) : new Float32Array(buf, this.rowsOff, CHUNK * K);
    const res = new Float64Array(buf, this.outOff, CHUNK * (D + 1));
    for (let r0 = 0; r0 < n; r0 += CHUNK) {
      const m = Math.min(CHUNK, n - r0);
      stage.set(dets.subarray(r0 * K, (r0 + m) * K));
      (f64 ? this.k.dots64 : this.k.dots32)(this.rowsOff, m, 0, this.outOff);
      out.set(res.subarray(0, m * (D + 1)), r0 * (D + 1));
    }
  }
}
