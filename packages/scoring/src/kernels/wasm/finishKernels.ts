import { F64, FunctionBuilder, I32, Op, Simd, V128 } from '@salkit/ndarray/wasm';

/** Byte pattern moving the high 8 bytes of a vector to its low half. */
const HIGH_TO_LOW = [8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15];
/** The low 8 bytes of two vectors side by side. */
const LOW_HALVES = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];

/** Parameters and locals of a loop over maps c in [first, first + count) (see forEachMap). */
interface MapLoop {
  first: number;
  count: number;
  acc: number;
  accPitch: number;
  cov: number;
  out: number;
  P: number;
  c: number;
  pa: number;
  pc: number;
  po: number;
  q: number;
}

/**
 * For maps c in [first, first + count): `pa` at acc row c, `pc` at the coverage, `po` at map c
 * of `out` (maps P values of `bytes` apart), `q` = P; then `body()`.
 */
function forEachMap(f: FunctionBuilder, l: MapLoop, bytes: 4 | 8, body: () => void): void {
  f.get(l.first).set(l.c);
  f.block().loop();
  f.get(l.c).get(l.first).get(l.count).i32Add().i32LtU().i32Eqz().brIf(1);
  f.get(l.acc).get(l.accPitch).get(l.c).i32Mul().i32Add().set(l.pa);
  f.get(l.out).get(l.P).get(l.c).i32Mul().i32(bytes).i32Mul().i32Add().set(l.po);
  f.get(l.cov).set(l.pc);
  f.get(l.P).set(l.q);
  body();
  f.addTo(l.c, 1);
  f.br(0).end().end();
}

/**
 * `finishMaps(acc, cov, accT, out, P, accPitch, useT, normalize, first, count)`: maps c in [first,
 * first + count) of the float64 maps `out[c*P + p]` = `v = acc[c][p] (+ accT[p][c])`, divided by
 * `d = cov[p] (+ accT[p][C])` with `normalize` unless d is 0, in the steps of
 * RegionWeightAccumulator's JS loop (so the same numbers); acc rows are `accPitch` bytes apart,
 * accT rows T float64. Without accT, two pixels a step (IEEE division is the same per lane).
 */
export function finishMaps(C: number, T: number): FunctionBuilder {
  const f = new FunctionBuilder('finishMaps', [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32]);
  const [acc, cov, accT, out, P, accPitch, useT, normalize, first, count] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const c = f.local(I32);
  const pa = f.local(I32);
  const pc = f.local(I32);
  const pt = f.local(I32);
  const pd = f.local(I32);
  const po = f.local(I32);
  const q = f.local(I32);
  const d = f.local(V128);
  /** One pixel: v, then (d == 0 ? v : v / d); with accT, pt and pd point at the pixel's columns c and C. */
  const scalarStep = (withT: boolean, norm: boolean) => {
    f.get(po);
    const v = () => {
      f.get(pa).mem(Op.f64Load, 3);
      if (withT) f.get(pt).mem(Op.f64Load, 3).op(Op.f64Add);
    };
    const dv = () => {
      f.get(pc).mem(Op.f64Load, 3);
      if (withT) f.get(pd).mem(Op.f64Load, 3).op(Op.f64Add);
    };
    v();
    if (norm) {
      v();
      dv();
      f.op(Op.f64Div);
      dv();
      f.f64Const(0).op(Op.f64Eq, Op.select);
    }
    f.mem(Op.f64Store, 3);
    f.addTo(pa, 8).addTo(pc, 8).addTo(po, 8).addTo(q, -1);
    if (withT) f.addTo(pt, T * 8).addTo(pd, T * 8);
  };
  /** Pixels while q > 0 (`lanes`: while q >= 2, two a step). */
  const pixels = (withT: boolean, norm: boolean, lanes: 1 | 2) => {
    f.block().loop();
    f.get(q).i32(lanes).i32LtU().brIf(1);
    if (lanes === 1) scalarStep(withT, norm);
    else {
      f.get(po);
      f.get(pa).vload();
      if (norm) {
        // bitselect(v, v / d, d == 0)
        f.get(pa).vload().get(pc).vload().tee(d).simd(Simd.f64x2Div);
        f.get(d).f64Const(0).simd(Simd.f64x2Splat).simd(Simd.f64x2Eq).simd(Simd.bitselect);
      }
      f.vstore();
      f.addTo(pa, 16).addTo(pc, 16).addTo(po, 16).addTo(q, -2);
    }
    f.br(0).end().end();
  };
  forEachMap(f, { first, count, acc, accPitch, cov, out, P, c, pa, pc, po, q }, 8, () => {
    f.get(accT).get(c).i32(8).i32Mul().i32Add().set(pt);
    f.get(accT)
      .i32(C * 8)
      .i32Add()
      .set(pd);
    for (const withT of [true, false]) {
      for (const norm of [true, false]) {
        f.get(useT).i32Eqz();
        if (withT) f.i32Eqz();
        f.get(normalize).i32Eqz();
        if (norm) f.i32Eqz();
        f.op(0x71).if(); // i32.and
        if (!withT) pixels(false, norm, 2);
        pixels(withT, norm, 1);
        f.end();
      }
    }
  });
  return f;
}

/**
 * `finishMapsF32(acc, cov, out, P, accPitch, normalize, first, count)`: maps c in [first, first +
 * count) of the float32 maps `out[c*P + p]` = `acc[c][p] / cov[p]` in float32 division (the
 * float64 quotient of two float32 values rounded once, as the JS loop has it), or `acc[c][p]`
 * where the coverage is 0 or not wanted; four pixels a step.
 */
export function finishMapsF32(): FunctionBuilder {
  const f = new FunctionBuilder('finishMapsF32', [I32, I32, I32, I32, I32, I32, I32, I32]);
  const [acc, cov, out, P, accPitch, normalize, first, count] = [0, 1, 2, 3, 4, 5, 6, 7];
  const c = f.local(I32);
  const pa = f.local(I32);
  const pc = f.local(I32);
  const po = f.local(I32);
  const q = f.local(I32);
  const d = f.local(V128);
  /** Pixels while q >= lanes, `lanes` a step. */
  const pixels = (norm: boolean, lanes: 1 | 4) => {
    f.block().loop();
    f.get(q).i32(lanes).i32LtU().brIf(1);
    f.get(po);
    if (lanes === 1) {
      f.get(pa).mem(Op.f32Load, 2);
      if (norm) {
        // (d == 0 ? v : v / d)
        f.get(pa).mem(Op.f32Load, 2);
        f.get(pc).mem(Op.f32Load, 2).op(Op.f32Div);
        f.get(pc).mem(Op.f32Load, 2).f32Const(0).op(Op.f32Eq, Op.select);
      }
      f.mem(Op.f32Store, 2);
    } else {
      f.get(pa).vload();
      if (norm) {
        // bitselect(v, v / d, d == 0)
        f.get(pa).vload().get(pc).vload().tee(d).simd(Simd.f32x4Div);
        f.get(d).f32Const(0).simd(Simd.f32x4Splat).simd(Simd.f32x4Eq).simd(Simd.bitselect);
      }
      f.vstore();
    }
    f.addTo(pa, 4 * lanes)
      .addTo(pc, 4 * lanes)
      .addTo(po, 4 * lanes)
      .addTo(q, -lanes);
    f.br(0).end().end();
  };
  forEachMap(f, { first, count, acc, accPitch, cov, out, P, c, pa, pc, po, q }, 4, () => {
    f.get(normalize).if();
    pixels(true, 4);
    pixels(true, 1);
    f.else();
    pixels(false, 4);
    pixels(false, 1);
    f.end();
  });
  return f;
}

/**
 * `scaleMaps(out, P, maps, tiny)` and `scaleMapsF32(out, P, maps, tiny)`: in place over `maps`
 * float64 (float32) maps of P values from `out`, maxAbsScaleAndClip's steps: a map's largest
 * |value| m (exact in either type); when m >= tiny, each value becomes `v / m` in float64, clipped
 * to [-1, 1] (for float32, rounded once to float32 after), so the same bits as the JS loops.
 */
export function scaleMaps(f32: boolean): FunctionBuilder {
  const f = new FunctionBuilder(f32 ? 'scaleMapsF32' : 'scaleMaps', [I32, I32, I32, F64]);
  const [out, P, maps, tiny] = [0, 1, 2, 3];
  const eb = f32 ? 4 : 8;
  const lanes = 16 / eb;
  const base = f.local(I32);
  const p = f.local(I32);
  const end = f.local(I32);
  const vecEnd = f.local(I32);
  const c = f.local(I32);
  const mx = f.local(V128);
  const div = f.local(V128);
  const minusOne = f.local(V128);
  const plusOne = f.local(V128);
  const m = f.local(F64);
  const scalarLoad = () => (f32 ? f.mem(Op.f32Load, 2).op(Op.f64PromoteF32) : f.mem(Op.f64Load, 3));
  /** Clips the f64x2 on the stack to [-1, 1] as the JS loop does (pmax(v, -1): v < -1 ? -1 : v; pmin likewise). */
  const clip = () => f.get(minusOne).simd(Simd.f64x2Pmax).get(plusOne).simd(Simd.f64x2Pmin);
  f.get(out).set(base);
  f.i32(0).set(c);
  f.block().loop();
  f.get(c).get(maps).i32LtU().i32Eqz().brIf(1);
  f.get(base).get(P).i32(eb).i32Mul().i32Add().set(end);
  f.get(base)
    .get(P)
    .i32(-lanes)
    .op(0x71) // i32.and
    .i32(eb)
    .i32Mul()
    .i32Add()
    .set(vecEnd);
  // m: the largest |value|, whole vectors then the tail
  f.f64Const(0).simd(Simd.f64x2Splat).set(mx);
  f.get(base).set(p);
  f.block().loop();
  f.get(p).get(vecEnd).i32LtU().i32Eqz().brIf(1);
  f.get(mx)
    .get(p)
    .vload()
    .simd(f32 ? Simd.f32x4Abs : Simd.f64x2Abs)
    // pmax(m, a) = m < a ? a : m, the JS loop's step (one instruction, unlike max's NaN rules)
    .simd(f32 ? Simd.f32x4Pmax : Simd.f64x2Pmax)
    .set(mx);
  f.addTo(p, 16);
  f.br(0).end().end();
  if (f32) {
    f.get(mx).simd(Simd.f32x4ExtractLane).op(0);
    for (let l = 1; l < 4; l++) f.get(mx).simd(Simd.f32x4ExtractLane).op(l).op(Op.f32Max);
    f.op(Op.f64PromoteF32).set(m);
  } else {
    f.get(mx).simd(Simd.f64x2ExtractLane).op(0).get(mx).simd(Simd.f64x2ExtractLane).op(1).op(Op.f64Max).set(m);
  }
  f.block().loop();
  f.get(p).get(end).i32LtU().i32Eqz().brIf(1);
  f.get(m).get(p);
  scalarLoad();
  f.op(Op.f64Abs, Op.f64Max).set(m);
  f.addTo(p, eb);
  f.br(0).end().end();
  // below the threshold the map stays as it is (already inside [-1, 1])
  f.get(m).get(tiny).op(Op.f64Ge).if();
  f.get(m).simd(Simd.f64x2Splat).set(div);
  f.f64Const(-1).simd(Simd.f64x2Splat).set(minusOne);
  f.f64Const(1).simd(Simd.f64x2Splat).set(plusOne);
  f.get(base).set(p);
  f.block().loop();
  f.get(p).get(vecEnd).i32LtU().i32Eqz().brIf(1);
  f.get(p);
  if (f32) {
    f.get(p).vload().set(mx);
    f.get(mx).simd(Simd.f64x2PromoteLowF32x4).get(div).simd(Simd.f64x2Div);
    clip();
    f.simd(Simd.f32x4DemoteF64x2Zero);
    f.get(mx).get(mx).shuffle(HIGH_TO_LOW).simd(Simd.f64x2PromoteLowF32x4).get(div).simd(Simd.f64x2Div);
    clip();
    f.simd(Simd.f32x4DemoteF64x2Zero).shuffle(LOW_HALVES);
  } else {
    f.get(p).vload().get(div).simd(Simd.f64x2Div);
    clip();
  }
  f.vstore();
  f.addTo(p, 16);
  f.br(0).end().end();
  f.block().loop();
  f.get(p).get(end).i32LtU().i32Eqz().brIf(1);
  f.get(p).get(p);
  scalarLoad();
  f.get(m).op(Op.f64Div).f64Const(-1).op(Op.f64Max).f64Const(1).op(Op.f64Min);
  if (f32) f.op(Op.f32DemoteF64).mem(Op.f32Store, 2);
  else f.mem(Op.f64Store, 3);
  f.addTo(p, eb);
  f.br(0).end().end();
  f.end();
  f.get(end).set(base);
  f.addTo(c, 1);
  f.br(0).end().end();
  return f;
}
