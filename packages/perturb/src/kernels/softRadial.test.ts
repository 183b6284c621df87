import { array } from '@salkit/ndarray';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { SlidingRadial } from '../impls/SlidingRadial.js';
import { useWasmFold } from './foldBatch.js';
import { firstDiff, radialReference } from './radialReference.test-util.js';

const radiusArb = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.double({ min: 0.3, max: 12, noNaN: true }));
const sigmaArb = fc.oneof(
  fc.constantFrom(0, 1e-16, 0.3, 1, 2.5),
  fc.double({ min: 0.05, max: 8, noNaN: true }),
  fc.double({ min: 8, max: 30, noNaN: true }),
);

describe('SlidingRadial soft masks', () => {
  afterEach(() => useWasmFold(true));

  it.each([
    ['the wasm sums', true, 250],
    ['the JS sums', false, 100],
  ] as const)(
    'are bit-identical to the full-image gaussianFilter construction, whole and in batches, with %s',
    (_, wasm, numRuns) => {
      useWasmFold(wasm);
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 36 }),
          fc.integer({ min: 1, max: 36 }),
          radiusArb,
          radiusArb,
          fc.integer({ min: 1, max: 20 }),
          fc.integer({ min: 1, max: 20 }),
          sigmaArb,
          sigmaArb,
          fc.integer({ min: 1, max: 7 }),
          (H, W, ry, rx, sh, sw, sy, sx, batch) => {
            const p = new SlidingRadial({ radius: [ry, rx], stride: [sh, sw], sigma: [sy, sx] });
            const image = array(new Uint8Array(H * W), [H, W]);
            const want = radialReference(H, W, [ry, rx], [sh, sw], [sy, sx]);
            const all = p.perturb(image);
            expect(all.data).toBeInstanceOf(Float32Array);
            expect(firstDiff(all.data, want)).toBe(-1);
            const parts = Float32Array.from([...p.perturbBatches(image, batch)].flatMap((b) => [...b.data]));
            expect(firstDiff(parts, want)).toBe(-1);
          },
        ),
        { numRuns },
      );
    },
  );

  it('are bit-identical on the benchmark geometry (224x224, r 50, stride 20, sigma 10), with the wasm and the JS sums', () => {
    const want = radialReference(224, 224, [50, 50], [20, 20], [10, 10]);
    for (const wasm of [true, false]) {
      useWasmFold(wasm);
      const p = new SlidingRadial({ radius: [50, 50], stride: [20, 20], sigma: [10, 10] });
      const got = p.perturb(array(new Uint8Array(224 * 224), [224, 224])).data;
      expect(firstDiff(got, want)).toBe(-1);
    }
  });

  it('are bit-identical with elliptic radii, unequal sigmas and strides on a non-square image', () => {
    const p = new SlidingRadial({ radius: [17.5, 31], stride: [23, 17], sigma: [6, 3.5] });
    const got = p.perturb(array(new Uint8Array(97 * 131), [97, 131])).data;
    expect(firstDiff(got, radialReference(97, 131, [17.5, 31], [23, 17], [6, 3.5]))).toBe(-1);
  });

  it('stay exact when one instance alternates image sizes (the tables are kept per size)', () => {
    const p = new SlidingRadial({ radius: [6, 4], stride: [5, 7], sigma: [2, 3] });
    for (const [H, W] of [
      [30, 40],
      [41, 23],
      [30, 40],
      [30, 41],
    ] as const) {
      const image = array(new Uint8Array(H * W * 3), [H, W, 3]);
      const want = radialReference(H, W, [6, 4], [5, 7], [2, 3]);
      expect(firstDiff(p.perturb(image).data, want)).toBe(-1);
      const parts = Float32Array.from([...p.perturbBatches(image, 4)].flatMap((b) => [...b.data]));
      expect(firstDiff(parts, want)).toBe(-1);
    }
  });
});
