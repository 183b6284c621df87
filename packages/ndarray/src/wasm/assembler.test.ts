import { describe, expect, it } from 'vitest';
import { assembleModule, F64, FunctionBuilder, I32, Op } from './assembler.js';
import { wasmApi } from './webassembly.js';

describe('FunctionBuilder scalar helpers', () => {
  it('encode loads, stores and constants as the binary format says', () => {
    const f = new FunctionBuilder('f', []);
    f.mem(Op.f64Load, 3, 200).f64Const(1.5).f32Const(-2).mem(Op.f32Store, 2);
    const body = f.encode();
    // 0x2b align 3, offset 200 as unsigned LEB128 (0xc8 0x01); f64.const 1.5; f32.const -2; f32.store 2 0.
    const code = [0x2b, 3, 0xc8, 0x01, 0x44, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f, 0x43, 0, 0, 0, 0xc0, 0x38, 2, 0];
    expect(body.slice(body.length - code.length - 1, body.length - 1)).toEqual(code);
  });

  it('run in a module: out = in[1] (f64) + f32 promoted + a constant', () => {
    const api = wasmApi();
    if (!api) return expect(api).toBeUndefined();
    // f(p): f64 at p = f64 at p + 8, plus the f32 at p + 16, plus 0.25
    const f = new FunctionBuilder('f', [I32], [F64]);
    f.get(0).get(0).mem(Op.f64Load, 3, 8);
    f.get(0).mem(Op.f32Load, 2, 16).op(Op.f64PromoteF32, Op.f64Add).f64Const(0.25).op(Op.f64Add);
    f.mem(Op.f64Store, 3).get(0).mem(Op.f64Load, 3);
    const memory = new api.Memory({ initial: 1 });
    const { exports } = new api.Instance(new api.Module(assembleModule([f])), { env: { memory } });
    new Float64Array(memory.buffer, 8, 1)[0] = 3;
    new Float32Array(memory.buffer, 16, 1)[0] = 0.5;
    expect((exports as { f: (p: number) => number }).f(0)).toBe(3.75);
    expect(new Float64Array(memory.buffer, 0, 1)[0]).toBe(3.75);
  });
});

describe('assembleModule with a shared memory import', () => {
  const storeOne = () => {
    const f = new FunctionBuilder('one', [I32]);
    f.get(0).f64Const(1).mem(Op.f64Store, 3);
    return f;
  };

  it('takes a shared memory (whose buffer is a SharedArrayBuffer) and refuses an unshared one', () => {
    const api = wasmApi();
    if (!api) return expect(api).toBeUndefined();
    const module = new api.Module(assembleModule([storeOne()], 1, { shared: true, maxPages: 16 }));
    const memory = new api.Memory({ initial: 1, maximum: 16, shared: true });
    const { exports } = new api.Instance(module, { env: { memory } });
    (exports as { one: (p: number) => void }).one(8);
    expect(memory.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(new Float64Array(memory.buffer, 8, 1)[0]).toBe(1);
    expect(() => new api.Instance(module, { env: { memory: new api.Memory({ initial: 1 }) } })).toThrow();
  });

  it('rejects a maximum outside [minPages, 65536]', () => {
    expect(() => assembleModule([storeOne()], 4, { shared: true, maxPages: 2 })).toThrow(
      'assembleModule: memory.maxPages must be an integer in [4, 65536]; got 2',
    );
    expect(() => assembleModule([storeOne()], 1, { shared: true, maxPages: 65537 })).toThrow(/got 65537/);
  });
});
