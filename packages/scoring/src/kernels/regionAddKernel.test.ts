import { array } from '@salkit/ndarray';
import { afterEach, describe, expect, it } from 'vitest';
import { RISEScoring } from '../impls/RISEScoring.js';
import { type RegionAddKernel, regionAddKernel, useRegionAddKernel } from './regionAddKernel.js';
import { RegionWeightAccumulator } from './regionWeights.js';
import { wasmSimdAvailable } from './wasm/wasmRegionWeights.js';

/** A kernel that records its calls and adds like the plain-JS engine's float64 path (no rounding). */
function recording() {
  const calls: { masks: string; round: boolean; float32: boolean; n: number; maskOffset: number }[] = [];
  const kernel: RegionAddKernel = {
    name: 'recording',
    add(acc, cov, s, sOff, masks, mOff, n, C, P, alpha, beta, round, float32, overlap) {
      overlap?.();
      calls.push({ masks: masks.constructor.name, round, float32, n, maskOffset: mOff });
      for (let k = 0; k < n; k++)
        for (let p = 0; p < P; p++) {
          const w = alpha + beta * (masks[mOff + k * P + p] as number);
          cov[p] = (cov[p] as number) + w;
          for (let c = 0; c < C; c++) acc[c * P + p] = (acc[c * P + p] as number) + (s[sOff + k * C + c] as number) * w;
        }
    },
  };
  return { kernel, calls };
}

afterEach(() => {
  useRegionAddKernel(null);
});

describe('useRegionAddKernel', () => {
  it('hands the sums of accumulators made afterwards to the kernel, with the flags the JS engine would use', () => {
    const { kernel, calls } = recording();
    expect(useRegionAddKernel(kernel)).toBe(null);
    expect(regionAddKernel()).toBe(kernel);
    const masks = Float32Array.of(0, 0.5, 1, 0.25, 1, 0);
    const s = Float64Array.of(2, -1);
    const f64 = new RegionWeightAccumulator(1, 3, 1, -1, true);
    expect(f64.addKernel).toBe('recording');
    expect(f64.usesWasm).toBe(false);
    f64.add(s, 0, masks, 0, 1);
    f64.add(s, 1, masks, 3, 1);
    expect([...f64.finish(false, new Float64Array(3))]).toEqual([2 - 0.75, 1 - 0, 0 - 1]);
    // 0/1 masks: never rounded to float32 (the table path)
    new RegionWeightAccumulator(1, 3, 1, -1, true).add(s, 0, Uint8Array.of(1, 0, 1), 0, 1);
    new RegionWeightAccumulator(1, 3, 1, -1, true).add(s, 0, Int8Array.of(1, 0, 1), 0, 1);
    const f32 = new RegionWeightAccumulator(1, 3, 0, 1, false, { float32: true });
    f32.add(s, 0, masks, 0, 2);
    expect(calls).toEqual([
      { masks: 'Float32Array', round: true, float32: false, n: 1, maskOffset: 0 },
      { masks: 'Float32Array', round: true, float32: false, n: 1, maskOffset: 3 },
      { masks: 'Uint8Array', round: false, float32: false, n: 1, maskOffset: 0 },
      { masks: 'Int8Array', round: true, float32: false, n: 1, maskOffset: 0 },
      { masks: 'Float32Array', round: false, float32: true, n: 2, maskOffset: 0 },
    ]);
    // float32 arithmetic still needs float32 masks, kernel or not
    expect(() => f32.add(s, 0, Uint8Array.of(1, 0, 1), 0, 1)).toThrow(/float32 arithmetic needs float32 masks/);
  });

  it('reaches the scorers, and is left alone by engine "js"; null goes back to the built-in engines', () => {
    const { kernel, calls } = recording();
    useRegionAddKernel(kernel);
    const masks = array(Float32Array.of(1, 0, 0.5, 0, 1, 0.5), [2, 1, 3]);
    const out = new RISEScoring({ p1: 0.5 }).generate(
      array(Float64Array.of(0.9), [1]),
      array(Float64Array.of(0.2, 0.8), [2, 1]),
      masks,
    );
    expect(calls.length).toBe(1);
    expect(out.shape).toEqual([1, 1, 3]);
    expect(new RegionWeightAccumulator(1, 3, 0, 1, false, { engine: 'js' }).addKernel).toBe(null);
    expect(useRegionAddKernel(null)).toBe(kernel);
    const acc = new RegionWeightAccumulator(1, 4096, 0, 1);
    expect(acc.addKernel).toBe(null);
    expect(acc.usesWasm).toBe(wasmSimdAvailable());
  });

  it('rejects what is not a kernel, keeping the one it had', () => {
    const { kernel } = recording();
    useRegionAddKernel(kernel);
    expect(() => useRegionAddKernel({ name: 'x' } as unknown as RegionAddKernel)).toThrow(
      /useRegionAddKernel: kernel must be null or an object with a name and an add function; got \[object Object\]/,
    );
    expect(() => useRegionAddKernel(undefined as unknown as RegionAddKernel)).toThrow(/got undefined/);
    expect(regionAddKernel()).toBe(kernel);
  });
});
