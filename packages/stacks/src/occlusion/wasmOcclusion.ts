import { assembleModule, FunctionBuilder, I32, Simd, V128, type WasmMemory, wasmApi } from '@salkit/ndarray/wasm';

/**
 * WebAssembly SIMD occlusion of uint8 images (1 or 3 channels) by float32 masks, with numpy's
 * float32 arithmetic: `trunc(fround(m*x))`, or with a fill whose values are float32 numbers and
 * whose term numpy forms in float32, `trunc(fround(fround(m*x) + fround(fround(1-m)*f)))`.
 * Each is one correctly rounded float32 operation (the operands are float32 numbers), which is
 * what f32x4 computes. Masks outside [0, 1] (or NaN) are refused (the kernel reports them), since
 * the saturating narrowing to uint8 would differ from JS's modular store there.
 */

/** Kernel modes. */
const NO_FILL = 0;
const FILL_F32 = 1;

/** Byte shuffles: 4 bytes of a vector into the low byte of 4 i32 lanes (lane index 16 = zero). */
const bytesToLanes = (b: number) => [b, 16, 16, 16, b + 1, 16, 16, 16, b + 2, 16, 16, 16, b + 3, 16, 16, 16];
/** f32 lane patterns of 4 pixels' masks spread over their 12 RGB bytes. */
const spread = (lanes: number[]) => lanes.flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3]);
const SPREAD = [spread([0, 0, 0, 1]), spread([1, 1, 2, 2]), spread([2, 3, 3, 3])];

/**
 * `occlude(img, mask, out, groups, mode, fills) -> i32`: `groups` groups of 4 pixels; `fills`
 * points at 3 f32x4 fill patterns (C = 3: [f0 f1 f2 f0], [f1 f2 f0 f1], [f2 f0 f1 f2]; C = 1: the
 * fill 4 times). Writes 4*C bytes per group (16 for C = 3, so `out` needs 4 bytes of slack).
 * Returns 1, or 0 if a mask value was outside [0, 1].
 */
function occludeKernel(C: 1 | 3): FunctionBuilder {
  const f = new FunctionBuilder('occlude', [I32, I32, I32, I32, I32, I32], [I32]);
  const [img, mask, out, groups, mode, fills] = [0, 1, 2, 3, 4, 5];
  const zero = f.local(V128);
  const one = f.local(V128);
  const bad = f.local(V128);
  const m = f.local(V128);
  const x = f.local(V128);
  const inv = f.local(V128);
  const n = f.local(I32);
  const fl = [f.local(V128), f.local(V128), f.local(V128)];
  const v = [f.local(V128), f.local(V128), f.local(V128)];
  f.i32(0).simd(Simd.i32x4Splat).set(zero);
  f.op(0x43, 0x00, 0x00, 0x80, 0x3f).simd(Simd.f32x4Splat).set(one); // f32.const 1
  for (let k = 0; k < 3; k++)
    f.get(fills)
      .vload(16 * k)
      .set(fl[k] as number);
  const emit = (withFill: boolean) => {
    f.get(groups).set(n);
    f.block().loop();
    f.get(n).i32Eqz().brIf(1);
    f.get(mask).vload().set(m);
    // bad |= !(m >= 0 && m <= 1)
    f.get(bad).get(m).get(zero).simd(Simd.f32x4Ge).get(m).get(one).simd(Simd.f32x4Le).simd(Simd.and).simd(Simd.not);
    f.simd(Simd.or).set(bad);
    if (withFill) f.get(one).get(m).simd(Simd.f32x4Sub).set(inv);
    if (C === 3) f.get(img).vload().set(x);
    else f.get(img).simd(Simd.load32Zero, [0, 0]).set(x);
    const parts = C === 3 ? 3 : 1;
    for (let k = 0; k < parts; k++) {
      // pixel values as f32, times the mask spread over the channels
      f.get(x)
        .get(zero)
        .shuffle(bytesToLanes(4 * k))
        .simd(Simd.f32x4ConvertI32x4U);
      if (C === 3)
        f.get(m)
          .get(m)
          .shuffle(SPREAD[k] as number[]);
      else f.get(m);
      f.simd(Simd.f32x4Mul);
      if (withFill) {
        if (C === 3)
          f.get(inv)
            .get(inv)
            .shuffle(SPREAD[k] as number[]);
        else f.get(inv);
        f.get(fl[k] as number)
          .simd(Simd.f32x4Mul)
          .simd(Simd.f32x4Add);
      }
      f.simd(Simd.i32x4TruncSatF32x4U).set(v[k] as number);
    }
    if (C === 3) {
      f.get(out);
      f.get(v[0] as number)
        .get(v[1] as number)
        .simd(Simd.i16x8NarrowI32x4U);
      f.get(v[2] as number)
        .get(v[2] as number)
        .simd(Simd.i16x8NarrowI32x4U);
      f.simd(Simd.i8x16NarrowI16x8U).vstore();
    } else {
      f.get(out);
      f.get(v[0] as number)
        .get(v[0] as number)
        .simd(Simd.i16x8NarrowI32x4U);
      f.get(v[0] as number)
        .get(v[0] as number)
        .simd(Simd.i16x8NarrowI32x4U);
      f.simd(Simd.i8x16NarrowI16x8U).simd(Simd.i32x4ExtractLane).op(0);
      f.op(0x36, 0x00, 0x00); // i32.store
    }
    f.addTo(mask, 16)
      .addTo(img, 4 * C)
      .addTo(out, 4 * C)
      .addTo(n, -1);
    f.br(0).end().end();
  };
  f.get(mode).i32(FILL_F32).op(0x46).if();
  emit(true);
  f.else();
  emit(false);
  f.end();
  f.get(bad).simd(Simd.anyTrue).i32Eqz();
  return f;
}

let modules: Map<number, object> | undefined;
function kernelModule(C: 1 | 3): object | null {
  const api = wasmApi();
  if (!api) return null;
  if (!modules) modules = new Map();
  let mod = modules.get(C);
  if (!mod) {
    try {
      const bytes = assembleModule([occludeKernel(C)]);
      if (!api.validate(bytes)) return null;
      mod = new api.Module(bytes);
    } catch {
      return null;
    }
    modules.set(C, mod);
  }
  return mod;
}

/** One image held in wasm memory, occluded by one float32 mask at a time. */
export class WasmOccluder {
  private readonly memory: WasmMemory;
  private readonly run: (...a: number[]) => number;
  private readonly u8: Uint8Array;
  private readonly f32: Float32Array;
  private readonly maskOff: number;
  private readonly outOff: number;
  private readonly fillOff: number;
  private readonly groups: number;

  /**
   * An occluder for a dense uint8 [P, C] image, or null when wasm SIMD is missing, C is not 1
   * or 3, or the fill is not one float32 number per channel (null fill is fine).
   */
  static create(image: Uint8Array, P: number, C: number, fill: Float64Array | null): WasmOccluder | null {
    if ((C !== 1 && C !== 3) || P < 1) return null;
    if (fill !== null && !fill.every((v) => Math.fround(v) === v)) return null;
    const mod = kernelModule(C);
    if (!mod) return null;
    try {
      return new WasmOccluder(mod, image, P, C, fill);
    } catch {
      // no wasm memory to be had, or instantiation refused (browsers' main-thread size limit)
      return null;
    }
  }

  private constructor(
    mod: object,
    image: Uint8Array,
    private readonly P: number,
    private readonly C: 1 | 3,
    private readonly fill: Float64Array | null,
  ) {
    const api = wasmApi() as NonNullable<ReturnType<typeof wasmApi>>;
    this.groups = Math.ceil(P / 4);
    const px = this.groups * 4;
    const align = (n: number) => Math.ceil(n / 16) * 16;
    const imgBytes = align(px * C + 16);
    this.maskOff = imgBytes;
    this.outOff = this.maskOff + align(px * 4);
    this.fillOff = this.outOff + align(px * C + 16);
    const total = this.fillOff + 48;
    this.memory = new api.Memory({ initial: Math.ceil(total / 65536) });
    const inst = new api.Instance(mod as never, { env: { memory: this.memory } });
    this.run = (inst.exports as { occlude: (...a: number[]) => number }).occlude;
    this.u8 = new Uint8Array(this.memory.buffer);
    this.f32 = new Float32Array(this.memory.buffer);
    this.u8.set(image.subarray(0, P * C), 0);
    const fl = fill ?? new Float64Array(C);
    const pattern = C === 3 ? [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2] : [0, 0, 0, 0];
    pattern.forEach((c, i) => {
      this.f32[this.fillOff / 4 + i] = fl[c] as number;
    });
  }

  /**
   * Occludes into `out[outOffset ..]` with the mask at `masks[maskOffset ..]`: float32, or uint8
   * (converted to float32; a 0/1 mask gives exactly `x` or `trunc(fill)`, which is numpy's result
   * for 0/1 integer masks, the fill values being float32 numbers). Returns false (having written
   * nothing) when a mask value is outside [0, 1] or NaN.
   */
  occlude(masks: Float32Array | Uint8Array, maskOffset: number, out: Uint8Array, outOffset: number): boolean {
    const { P, C, f32, u8 } = this;
    const mo = this.maskOff / 4;
    f32.set(masks.subarray(maskOffset, maskOffset + P), mo);
    f32.fill(0, mo + P, mo + this.groups * 4);
    const ok = this.run(0, this.maskOff, this.outOff, this.groups, this.fill ? FILL_F32 : NO_FILL, this.fillOff);
    if (ok !== 1) return false;
    out.set(u8.subarray(this.outOff, this.outOff + P * C), outOffset);
    return true;
  }
}
