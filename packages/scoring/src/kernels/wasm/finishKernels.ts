import { FunctionBuilder, I32, Op } from '@salkit/ndarray/wasm';

/**
 * `finishMaps(acc, cov, accT, out, P, accPitch, useT, normalize)`: the float64 maps `out[c*P + p]`
 * = `v = acc[c][p] (+ accT[p][c])`, divided by `d = cov[p] (+ accT[p][C])` with `normalize` unless
 * d is 0, in the steps of RegionWeightAccumulator's JS loop (so the same numbers); acc rows are
 * `accPitch` bytes apart, accT rows T float64.
 */
export function finishMaps(C: number, T: number): FunctionBuilder {
  const f = new FunctionBuilder('finishMaps', [I32, I32, I32, I32, I32, I32, I32, I32]);
  const [acc, cov, accT, out, P, accPitch, useT, normalize] = [0, 1, 2, 3, 4, 5, 6, 7];
  const pa = f.local(I32);
  const pc = f.local(I32);
  const pt = f.local(I32);
  const po = f.local(I32);
  const q = f.local(I32);
  const emit = (withT: boolean, norm: boolean) => {
    f.get(out).set(po);
    for (let c = 0; c < C; c++) {
      f.get(acc).get(accPitch).i32(c).i32Mul().i32Add().set(pa);
      f.get(cov).set(pc);
      f.get(accT).set(pt);
      f.get(P).set(q);
      f.block().loop();
      f.get(q).i32Eqz().brIf(1);
      f.get(po);
      // v, then (d == 0 ? v : v / d)
      const v = () => {
        f.get(pa).mem(Op.f64Load, 3);
        if (withT)
          f.get(pt)
            .mem(Op.f64Load, 3, c * 8)
            .op(Op.f64Add);
      };
      const d = () => {
        f.get(pc).mem(Op.f64Load, 3);
        if (withT)
          f.get(pt)
            .mem(Op.f64Load, 3, C * 8)
            .op(Op.f64Add);
      };
      v();
      if (norm) {
        v();
        d();
        f.op(Op.f64Div);
        d();
        f.f64Const(0).op(Op.f64Eq, Op.select);
      }
      f.mem(Op.f64Store, 3);
      f.addTo(pa, 8)
        .addTo(pc, 8)
        .addTo(pt, T * 8)
        .addTo(po, 8)
        .addTo(q, -1);
      f.br(0).end().end();
    }
  };
  for (const withT of [true, false]) {
    for (const norm of [true, false]) {
      f.get(useT).i32Eqz();
      if (withT) f.i32Eqz();
      f.get(normalize).i32Eqz();
      if (norm) f.i32Eqz();
      f.op(0x71).if(); // i32.and
      emit(withT, norm);
      f.op(0x0f).end(); // return
    }
  }
  return f;
}

/**
 * `finishMapsF32(acc, cov, out, P, accPitch, normalize)`: float32 maps `out[c*P + p]` = `acc[c][p]
 * / cov[p]` in float32 division (the float64 quotient of two float32 values rounded once, as the
 * JS loop has it), or `acc[c][p]` where the coverage is 0 or not wanted.
 */
export function finishMapsF32(C: number): FunctionBuilder {
  const f = new FunctionBuilder('finishMapsF32', [I32, I32, I32, I32, I32, I32]);
  const [acc, cov, out, P, accPitch, normalize] = [0, 1, 2, 3, 4, 5];
  const pa = f.local(I32);
  const pc = f.local(I32);
  const po = f.local(I32);
  const q = f.local(I32);
  const emit = (norm: boolean) => {
    f.get(out).set(po);
    for (let c = 0; c < C; c++) {
      f.get(acc).get(accPitch).i32(c).i32Mul().i32Add().set(pa);
      f.get(cov).set(pc);
      f.get(P).set(q);
      f.block().loop();
      f.get(q).i32Eqz().brIf(1);
      f.get(po);
      f.get(pa).mem(Op.f32Load, 2);
      if (norm) {
        // (d == 0 ? v : v / d)
        f.get(pa).mem(Op.f32Load, 2);
        f.get(pc).mem(Op.f32Load, 2).op(Op.f32Div);
        f.get(pc).mem(Op.f32Load, 2).f32Const(0).op(Op.f32Eq, Op.select);
      }
      f.mem(Op.f32Store, 2);
      f.addTo(pa, 4).addTo(pc, 4).addTo(po, 4).addTo(q, -1);
      f.br(0).end().end();
    }
  };
  for (const norm of [true, false]) {
    f.get(normalize).i32Eqz();
    if (norm) f.i32Eqz();
    f.if();
    emit(norm);
    f.op(0x0f).end(); // return
  }
  return f;
}
