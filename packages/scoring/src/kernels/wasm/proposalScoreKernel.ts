import {
  assembleModule,
  F64,
  FunctionBuilder,
  I32,
  Op,
  Simd,
  V128,
  type WasmMemory,
  type WasmModule,
  wasmApi,
} from '@salkit/ndarray/wasm';
import { wasmSimdAvailable } from './wasmRegionWeights.js';

/** Rows per call: a chunk of float64 rows stays in L2 (1024 x 85 x 8 bytes = 680 KB). */
const CHUNK = 1024;
/** numpy's float64 machine epsilon (as in iouBox). */
const EPS = 2.220446049250313e-16;

/**
 * `scores64|scores32(rows, n, ref, refNorms, out) -> f64`: for n detection rows of K float64
 * (float32) values from `rows` and D float64 reference rows, `out[r*D + d]` = `iou(box, ref box d)
 * * (1 - cosine distance of the class scores) * objectness`, the numbers of proposalScores bit
 * for bit: classDot's four partial sums are the lanes of two f64x2 accumulators (s0, s1) and
 * (s2, s3), the tail goes into s0, then `(s0 + s1) + (s2 + s3)`; then scipy's cosine and
 * iouBox's steps in their order. Returns the finiteness sum (0 when every value was finite).
 */
function scores(name: string, eb: 4 | 8, K: number, D: number): FunctionBuilder {
  const f = new FunctionBuilder(name, [I32, I32, I32, I32, I32], [F64]);
  const [rows, n, ref, refNorms, out] = [0, 1, 2, 3, 4];
  const a = f.local(I32);
  const o = f.local(I32);
  const pa = f.local(I32);
  const g = f.local(I32);
  // the self dot product and the first reference's share a pass: two sets of accumulators
  const pb = [f.local(I32), f.local(I32)];
  const acc01 = [f.local(V128), f.local(V128)];
  const acc23 = [f.local(V128), f.local(V128)];
  const va01 = f.local(V128);
  const va23 = f.local(V128);
  const s0 = f.local(F64);
  const dot = f.local(F64);
  const nn = f.local(F64);
  const nu = f.local(F64);
  const c = f.local(F64);
  const finite = f.local(F64);
  const box = Array.from({ length: 5 }, () => f.local(F64)); // x1, y1, x2, y2, objectness
  const G = Math.floor((K - 5) / 4);
  const tail = K - 5 - 4 * G;
  /** Two class values of the row at pa + offset, as f64x2. */
  const loadPair = (offset: number) => {
    if (eb === 8) f.get(pa).vload(offset);
    else f.get(pa).simd(Simd.load64Splat, [0, offset]).simd(Simd.f64x2PromoteLowF32x4);
  };
  /** Value `i` of the row from address local `base`, as f64. */
  const loadScalar = (base: number, offset: number) => {
    f.get(base);
    if (eb === 8) f.mem(Op.f64Load, 0, offset);
    else f.mem(Op.f32Load, 0, offset).op(Op.f64PromoteF32);
  };
  const refValue = (d: number, i: number) => f.get(ref).mem(Op.f64Load, 0, (d * K + i) * 8);
  /**
   * classDot of the row with itself (target 0) and/or with reference row j - 1 (target j), in one
   * pass over the row; result i into f64 local `results[i]`.
   */
  const dots = (targets: readonly number[], results: readonly number[]) => {
    targets.forEach((j, i) => {
      f.i32(0)
        .simd(Simd.i32x4Splat)
        .set(acc01[i] as number);
      f.i32(0)
        .simd(Simd.i32x4Splat)
        .set(acc23[i] as number);
      if (j > 0)
        f.get(ref)
          .i32(((j - 1) * K + 5) * 8)
          .i32Add()
          .set(pb[i] as number);
    });
    f.get(a)
      .i32(5 * eb)
      .i32Add()
      .set(pa);
    if (G > 0) {
      f.i32(G).set(g);
      f.loop();
      loadPair(0);
      f.set(va01);
      loadPair(2 * eb);
      f.set(va23);
      targets.forEach((j, i) => {
        for (const [acc, va, off] of [
          [acc01, va01, 0],
          [acc23, va23, 16],
        ] as const) {
          f.get(acc[i] as number).get(va);
          if (j === 0) f.get(va);
          else f.get(pb[i] as number).vload(off);
          f.simd(Simd.f64x2Mul)
            .simd(Simd.f64x2Add)
            .set(acc[i] as number);
        }
        if (j > 0) f.addTo(pb[i] as number, 32);
      });
      f.addTo(pa, 4 * eb);
      f.addTo(g, -1);
      f.get(g).brIf(0);
      f.end();
    }
    targets.forEach((j, i) => {
      const s0 = results[i] as number;
      f.get(acc01[i] as number)
        .simd(Simd.f64x2ExtractLane)
        .op(0)
        .set(s0);
      for (let t = 0; t < tail; t++) {
        f.get(s0);
        loadScalar(pa, t * eb);
        if (j === 0) loadScalar(pa, t * eb);
        else f.get(pb[i] as number).mem(Op.f64Load, 0, t * 8);
        f.op(Op.f64Mul, Op.f64Add).set(s0);
      }
      // (s0 + s1) + (s2 + s3)
      f.get(s0)
        .get(acc01[i] as number)
        .simd(Simd.f64x2ExtractLane)
        .op(1)
        .op(Op.f64Add);
      f.get(acc23[i] as number)
        .simd(Simd.f64x2ExtractLane)
        .op(0)
        .get(acc23[i] as number)
        .simd(Simd.f64x2ExtractLane)
        .op(1)
        .op(Op.f64Add);
      f.op(Op.f64Add).set(s0);
    });
  };
  /** `min(a2, b2) - max(a1, b1) + 1` clamped at 0, for box coordinates i1 < i2 (0, 2 or 1, 3) of ref row d. */
  const overlap = (d: number, i1: number, i2: number) => {
    f.get(box[i2] as number);
    refValue(d, i2);
    f.op(Op.f64Min);
    f.get(box[i1] as number);
    refValue(d, i1);
    f.op(Op.f64Max, Op.f64Sub).f64Const(1).op(Op.f64Add).f64Const(0).op(Op.f64Max);
  };
  /** `(x2 - x1 + 1) * (y2 - y1 + 1)` of the row's box (d < 0) or of ref row d. */
  const area = (d: number) => {
    for (const [i1, i2] of [
      [0, 2],
      [1, 3],
    ] as const) {
      if (d < 0) f.get(box[i2] as number).get(box[i1] as number);
      else {
        refValue(d, i2);
        refValue(d, i1);
      }
      f.op(Op.f64Sub).f64Const(1).op(Op.f64Add);
    }
    f.op(Op.f64Mul);
  };
  f.get(rows).set(a);
  f.get(out).set(o);
  f.block().loop();
  f.get(n).i32Eqz().brIf(1);
  for (let i = 0; i < 5; i++) {
    loadScalar(a, i * eb);
    f.set(box[i] as number);
  }
  dots([0, 1], [nn, dot]);
  f.get(nn).op(Op.f64Sqrt).set(nu);
  // finiteness: NaN or +-Infinity anywhere in the row makes this sum non-finite, and `x * 0` NaN
  f.get(finite).get(nn);
  for (let i = 0; i < 5; i++) f.get(box[i] as number).op(Op.f64Add);
  f.f64Const(0).op(Op.f64Mul, Op.f64Add).set(finite);
  for (let d = 0; d < D; d++) {
    // c = dot / (|u| |v|), clipped to [-1, 1]
    if (d > 0) dots([d + 1], [dot]);
    f.get(dot)
      .get(nu)
      .get(refNorms)
      .mem(Op.f64Load, 0, d * 8)
      .op(Op.f64Mul, Op.f64Div)
      .f64Const(-1)
      .op(Op.f64Max)
      .f64Const(1)
      .op(Op.f64Min)
      .set(c);
    f.get(o);
    // iou = inter / (areaA + areaB - inter + eps)
    overlap(d, 0, 2);
    overlap(d, 1, 3);
    f.op(Op.f64Mul).set(s0); // inter
    f.get(s0);
    area(-1);
    area(d);
    f.op(Op.f64Add).get(s0).op(Op.f64Sub).f64Const(EPS).op(Op.f64Add, Op.f64Div);
    // * (1 - (1 - c)) * objectness
    f.f64Const(1).f64Const(1).get(c).op(Op.f64Sub, Op.f64Sub, Op.f64Mul);
    f.get(box[4] as number)
      .op(Op.f64Mul)
      .mem(Op.f64Store, 0, d * 8);
  }
  f.addTo(a, K * eb)
    .addTo(o, D * 8)
    .addTo(n, -1);
  f.br(0).end().end();
  f.get(finite);
  return f;
}

type ScoreExports = { scores64: (...a: number[]) => number; scores32: (...a: number[]) => number };
/**
 * Per K/D: the module, and one memory and instance that every kernel of that shape uses (a run
 * writes its reference rows first and is synchronous), so that a call does not page-fault a fresh
 * memory and its call sites keep one set of export functions.
 */
const shapes = new Map<string, { memory: WasmMemory; k: ScoreExports }>();

/**
 * D-RISE's proposal scores on WebAssembly SIMD: per detection row and reference row, `iou x (1 -
 * cosine distance of the class scores) x objectness`, exactly as proposalScores computes them.
 */
export class ProposalScoreKernel {
  private readonly memory: WasmMemory;
  private readonly k: ScoreExports;
  private readonly ref: Float64Array;
  private readonly refNorms: Float64Array;
  private readonly normsOff: number;
  private readonly outOff: number;
  private readonly rowsOff: number;

  /** A kernel for D reference rows of K values with class norms `refNorms`, or null without WebAssembly SIMD. */
  static create(ref: ArrayLike<number>, refNorms: Float64Array, D: number, K: number): ProposalScoreKernel | null {
    if (!wasmSimdAvailable()) return null;
    try {
      return new ProposalScoreKernel(ref, refNorms, D, K);
    } catch {
      return null;
    }
  }

  private constructor(
    ref: ArrayLike<number>,
    refNorms: Float64Array,
    private readonly D: number,
    private readonly K: number,
  ) {
    const align16 = (x: number) => Math.ceil(x / 16) * 16;
    this.normsOff = align16(D * K * 8);
    this.outOff = this.normsOff + align16(D * 8);
    this.rowsOff = this.outOff + align16(CHUNK * D * 8);
    const key = `${K}/${D}`;
    let shape = shapes.get(key);
    if (!shape) {
      const api = wasmApi() as NonNullable<ReturnType<typeof wasmApi>>;
      const mod: WasmModule = new api.Module(
        assembleModule([scores('scores64', 8, K, D), scores('scores32', 4, K, D)]),
      );
      const memory = new api.Memory({ initial: Math.ceil((this.rowsOff + CHUNK * K * 8) / 65536) });
      shape = { memory, k: new api.Instance(mod, { env: { memory } }).exports as unknown as ScoreExports };
      shapes.set(key, shape);
    }
    this.memory = shape.memory;
    this.k = shape.k;
    this.ref = Float64Array.from(ref);
    this.refNorms = Float64Array.from(refNorms);
  }

  /**
   * `out[r*D + d]` for the n rows of `dets` (K values each); false when a value may be
   * non-finite (see proposalScores).
   */
  run(dets: Float64Array | Float32Array, n: number, out: Float64Array): boolean {
    const { D, K } = this;
    const f64 = dets instanceof Float64Array;
    const buf = this.memory.buffer;
    // the memory serves every kernel of this shape: this one's reference rows first
    new Float64Array(buf, 0, D * K).set(this.ref);
    new Float64Array(buf, this.normsOff, D).set(this.refNorms);
    const stage = f64 ? new Float64Array(buf, this.rowsOff, CHUNK * K) : new Float32Array(buf, this.rowsOff, CHUNK * K);
    const res = new Float64Array(buf, this.outOff, CHUNK * D);
    let finite = 0;
    for (let r0 = 0; r0 < n; r0 += CHUNK) {
      const m = Math.min(CHUNK, n - r0);
      stage.set(dets.subarray(r0 * K, (r0 + m) * K));
      finite += (f64 ? this.k.scores64 : this.k.scores32)(this.rowsOff, m, 0, this.normsOff, this.outOff);
      out.set(res.subarray(0, m * D), r0 * D);
    }
    return finite === 0;
  }
}
