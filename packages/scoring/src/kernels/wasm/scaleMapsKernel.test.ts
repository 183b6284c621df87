import { assembleModule, wasmApi } from '@salkit/ndarray/wasm';
import { describe, expect, it } from 'vitest';
import { maxAbsScaleAndClip, TINY_F32, TINY_F64 } from '../scaleMaps.js';
import { scaleMaps } from './finishKernels.js';
import { wasmSimdAvailable } from './wasmRegionWeights.js';

/** Maps of P values whose extremes sit where the kernel's vector loops end and its scalar tails begin. */
function craftedMaps(P: number, f32: boolean): number[] {
  const tiny = f32 ? 1e-7 : 1e-16;
  const maps: number[][] = [
    // the largest |value| in the last element (a scalar tail when P is not whole vectors)
    Array.from({ length: P }, (_, i) => (i === P - 1 ? -3.5 : Math.sin(i) * 2)),
    // ... and in the first
    Array.from({ length: P }, (_, i) => (i === 0 ? 7.25 : Math.cos(i))),
    // all zero, with a negative zero
    Array.from({ length: P }, (_, i) => (i === 1 ? -0 : 0)),
    // below the threshold: left as it is
    Array.from({ length: P }, (_, i) => Math.sin(i + 1) * tiny),
    // values that do not divide exactly, of both signs and -0
    Array.from({ length: P }, (_, i) => (i === 2 ? -0 : (i % 7) / 3 - 1.1)),
  ];
  return maps.flat();
}

describe.runIf(wasmSimdAvailable())('scaleMaps and scaleMapsF32 kernels', () => {
  const api = wasmApi() as NonNullable<ReturnType<typeof wasmApi>>;
  const module = new api.Module(assembleModule([scaleMaps(false), scaleMaps(true)], 1));
  const memory = new api.Memory({ initial: 1 });
  const k = new api.Instance(module, { env: { memory } }).exports as unknown as {
    scaleMaps(out: number, P: number, maps: number, tiny: number): void;
    scaleMapsF32(out: number, P: number, maps: number, tiny: number): void;
  };
  for (const f32 of [false, true]) {
    for (const P of [4, 5, 6, 7, 8, 33, 258]) {
      it(`${f32 ? 'float32' : 'float64'} maps of ${P} values equal maxAbsScaleAndClip bit for bit`, () => {
        const values = craftedMaps(P, f32);
        const maps = values.length / P;
        const expected = f32 ? Float32Array.from(values) : Float64Array.from(values);
        maxAbsScaleAndClip(expected, maps, P);
        // an 8-byte aligned start (not 16): the kernel's vectors are unaligned
        const at = 8;
        const view = f32
          ? new Float32Array(memory.buffer, at, values.length)
          : new Float64Array(memory.buffer, at, values.length);
        view.set(values);
        if (f32) k.scaleMapsF32(at, P, maps, TINY_F32);
        else k.scaleMaps(at, P, maps, TINY_F64);
        expect(Array.from(view).every((v, i) => Object.is(v, expected[i]))).toBe(true);
        // the crafted extremes were scaled to exactly -1 and 1; the tiny map stayed unscaled
        expect(view[P - 1]).toBe(-1);
        expect(view[P]).toBe(1);
        expect(Object.is(view[2 * P + 1], -0)).toBe(true);
        expect(view[3 * P + 1]).toBe(expected[3 * P + 1]);
        expect(view[3 * P + 1]).toBe(f32 ? Math.fround(values[3 * P + 1] as number) : values[3 * P + 1]);
      });
    }
  }
});
