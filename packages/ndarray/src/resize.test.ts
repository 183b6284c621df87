import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import fc from 'fast-check';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { array, zeros } from './array.js';
import { loadNpy } from './npy.js';
import { makeResizer, resize } from './resize.js';

describe('resize parity (../shared/parity)', () => {
  it.each(casesFor('resize').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const image = loadNpy(readParityFile(c.inputs.image as string));
    const p = c.params as { outputShape: number[]; order: 1; mode: 'reflect'; antiAliasing: false };
    const got = resize(image, p.outputShape, { order: p.order, mode: p.mode, antiAliasing: p.antiAliasing });
    const want = loadNpy(readParityFile(c.output as string));
    expect(got.data.constructor).toBe(want.data.constructor); // float32 stays float32
    assertAllClose(got, want, c.rtol, c.atol, c.id);
  });
});

// Expected values produced locally with scipy 1.17 exactly as skimage 0.19 resizes:
//   o = ndi.zoom(a, [1/f for f in np.divide(a.shape, out)], order=1, mode='mirror', grid_mode=True)
//   np.clip(o, a.min(), a.max(), out=o)
describe('resize against embedded scipy values', () => {
  it('upsamples, downsamples and mixes both (float64, bit-identical)', () => {
    const a = array([
      [0, 1, 4],
      [2, -1, 3],
    ]);
    expect([...resize(a, [5, 4]).data]).toEqual([
      0.5750000000000002, 0.4750000000000001, 1.6374999999999997, 3.2874999999999996, 0.27500000000000013, 0.575,
      1.9625, 3.5124999999999993, 0.875, 0.375, 1.3125, 3.0625, 1.475, 0.17499999999999982, 0.6624999999999998, 2.6125,
      1.175, 0.2749999999999999, 0.9874999999999999, 2.8375,
    ]);
    const c = ndarray(
      Float64Array.from({ length: 12 }, (_, i) => i),
      [4, 3],
    );
    expect([...resize(c, [2, 2]).data]).toEqual([1.75, 3.25, 7.75, 9.25]);
  });

  it('keeps float32 as float32', () => {
    const b = ndarray(Float32Array.of(1, 0, 0, 1), [2, 2]);
    const r = resize(b, [3, 5]);
    expect(r.data).toBeInstanceOf(Float32Array);
    expect([...r.data]).toEqual([
      0.6333333253860474, 0.7666666507720947, 0.5, 0.23333333432674408, 0.36666667461395264, 0.5, 0.5, 0.5, 0.5, 0.5,
      0.36666667461395264, 0.23333333432674408, 0.5, 0.7666666507720947, 0.6333333253860474,
    ]);
  });

  it('scales uint8 like img_as_float unless preserveRange', () => {
    const u = ndarray(Uint8Array.of(0, 255, 128, 64), [2, 2]);
    const r = resize(u, [3, 3]);
    expect(r.data).toBeInstanceOf(Float64Array);
    expect([...r.data]).toEqual([
      0.21557734204793036, 0.4794117647058823, 0.7432461873638345, 0.3133986928104575, 0.43823529411764706,
      0.5630718954248367, 0.4112200435729848, 0.39705882352941174, 0.3828976034858387,
    ]);
    const kept = resize(u, [3, 3], { preserveRange: true });
    expect(kept.data[4]).toBeCloseTo(0.43823529411764706 * 255, 10);
  });

  it('resizes channels-last images channel by channel', () => {
    const rgb = zeros([3, 4, 2]);
    for (let i = 0; i < 12; i++) {
      rgb.data[2 * i] = i;
      rgb.data[2 * i + 1] = -2 * i;
    }
    const r = resize(rgb, [5, 7]);
    expect(r.shape).toEqual([5, 7, 2]);
    const ch0 = resize(
      ndarray(
        Float64Array.from({ length: 12 }, (_, i) => i),
        [3, 4],
      ),
      [5, 7],
    );
    for (let i = 0; i < 35; i++) expect(r.data[2 * i]).toBe(ch0.data[i]);
  });
});

describe('makeResizer', () => {
  it('resizes many inputs with one set of tables, windows and offsets included', () => {
    const n = 4;
    const src = new Float32Array(n * 9);
    for (let i = 0; i < src.length; i++) src[i] = (i * 7919) % 5 > 1 ? 1 : 0;
    const r = makeResizer([3, 3], [20, 20]);
    const dst = new Float32Array(n * 6 * 8);
    for (let i = 0; i < n; i++) {
      r.resizeInto(src, dst, { srcOffset: 9 * i, dstOffset: 48 * i, window: { y0: 3, x0: 5, h: 6, w: 8 } });
      const full = resize(ndarray(src.slice(9 * i, 9 * i + 9), [3, 3]), [20, 20]);
      for (let y = 0; y < 6; y++) {
        for (let x = 0; x < 8; x++) expect(dst[48 * i + 8 * y + x]).toBe(full.data[(y + 3) * 20 + x + 5]);
      }
    }
  });

  it('clips to the input range by default, to given bounds, or not at all', () => {
    const r = makeResizer([2, 2], [3, 3]);
    const src = Float64Array.of(0, 4, 8, 2);
    const auto = new Float64Array(9);
    r.resizeInto(src, auto);
    expect(Math.min(...auto)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...auto)).toBeLessThanOrEqual(8);
    const tight = new Float64Array(9);
    r.resizeInto(src, tight, { clip: [1, 3] });
    expect([...tight]).toEqual([...auto].map((v) => Math.min(Math.max(v, 1), 3)));
    const none = new Float64Array(9);
    r.resizeInto(src, none, { clip: null });
    expect([...none]).toEqual([...auto]); // bilinear values never leave the input range here
    expect(() => r.resizeInto(src, none, { clip: [2, 1] })).toThrow(/options.clip\[1\]: expected a number >= 2/);
  });

  it('resize() reuses cached tables across calls and shape pairs', () => {
    const a = ndarray(
      Float64Array.from({ length: 12 }, (_, i) => Math.sin(i)),
      [3, 4],
    );
    const first = [...resize(a, [7, 5]).data];
    for (let k = 1; k <= 20; k++) resize(a, [k, k + 1]); // more pairs than the cache holds
    expect([...resize(a, [7, 5]).data]).toEqual(first);
  });

  it('rejects bad buffers and windows', () => {
    const r = makeResizer([3, 3], [6, 6]);
    expect(() => r.resizeInto(new Float64Array(8), new Float64Array(36))).toThrow(/src: expected 3x3 values/);
    expect(() => r.resizeInto(new Float64Array(9), new Float64Array(35))).toThrow(/dst: expected room for 6x6/);
    expect(() =>
      r.resizeInto(new Float64Array(9), new Float64Array(36), { window: { y0: 2, x0: 0, h: 5, w: 6 } }),
    ).toThrow(/window.h: expected an integer <= 4, got 5/);
    expect(() => makeResizer([0, 3], [6, 6])).toThrow(/makeResizer: inShape/);
  });
});

describe('resize argument checks', () => {
  it('names the argument, the expectation and what came', () => {
    const a = zeros([4, 4]);
    expect(() => resize(zeros([4]), [2, 2])).toThrow('resize: image: expected shape [H,W] or [H,W,C], got [4]');
    expect(() => resize(a, [2])).toThrow(/resize: outputShape: expected \[h, w\], got \[2\]/);
    expect(() => resize(a, [2, 0])).toThrow(/resize: outputShape/);
    expect(() => resize(a, [2, 2], { order: 3 as never })).toThrow(/options.order: only 1/);
    expect(() => resize(a, [2, 2], { mode: 'constant' as never })).toThrow(/options.mode: only 'reflect'/);
    expect(() => resize(a, [2, 2], { antiAliasing: true as never })).toThrow(/antiAliasing: only false/);
    expect(() => resize([[1]] as never, [2, 2])).toThrow(/resize: image: expected an ndarray/);
    expect(() => resize(zeros([0, 3]), [2, 2])).toThrow(/non-empty/);
  });
});

describe('resize properties', () => {
  it('a constant image stays that constant at any size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.boolean(),
        (h, w, H, W, v, f32) => {
          const data = f32 ? new Float32Array(h * w).fill(v) : new Float64Array(h * w).fill(v);
          const r = resize(ndarray(data, [h, w]), [H, W]);
          const want = data[0] as number;
          for (let i = 0; i < r.data.length; i++) if (r.data[i] !== want) return false;
          return r.shape[0] === H && r.shape[1] === W;
        },
      ),
    );
  });

  it('stays within the input range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (vals, H, W) => {
          const r = resize(ndarray(Float64Array.from(vals), [2, 3]), [H, W]);
          const lo = Math.min(...vals);
          const hi = Math.max(...vals);
          return [...r.data].every((v) => v >= lo && v <= hi);
        },
      ),
    );
  });
});
