import { array, defaultRng, loadNpy, type NdArray, type TypedArray } from '@salkit/ndarray';
import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import { describe, expect, it } from 'vitest';
import {
  type Fill,
  occludeGeneral,
  occludeImageBatch,
  occludeImageStreaming,
  occludeInto,
  planOcclusion,
} from './occlude.js';
import { WasmOccluder } from './wasmOcclusion.js';

const load = (name: unknown) => loadNpy(readParityFile(name as string));

describe('occludeImageBatch parity', () => {
  for (const c of casesFor('occludeImageBatch')) {
    it(c.id, () => {
      const fill = c.params.fill as number | number[] | null;
      const image = load(c.inputs.image);
      const masks = load(c.inputs.masks);
      const out = fill === null ? occludeImageBatch(image, masks) : occludeImageBatch(image, masks, fill);
      expect(out.data).toBeInstanceOf(Uint8Array);
      assertAllClose(out, load(c.output), c.rtol, c.atol, c.id);
    });
  }
});

describe('occlusion', () => {
  const image = array(Uint8Array.of(10, 20, 30, 40, 50, 60), [1, 2, 3]);

  it('streams the same images as the batch for 0/1 masks', () => {
    const masks = array(Uint8Array.of(1, 0, 0, 1), [2, 1, 2]);
    const batch = occludeImageBatch(image, masks, [1, 2, 3]);
    const streamed = [...occludeImageStreaming(image, masks, [1, 2, 3])];
    expect(streamed).toHaveLength(2);
    expect([...streamed[0]!.data, ...streamed[1]!.data]).toEqual([...batch.data]);
    expect([...batch.data]).toEqual([10, 20, 30, 1, 2, 3, 1, 2, 3, 40, 50, 60]);
  });

  it('accepts an iterable of [H,W] masks and a fill image', () => {
    const fillImage = array(Uint8Array.of(1, 1, 1, 2, 2, 2), [1, 2, 3]);
    const out = [...occludeImageStreaming(image, [array(Float32Array.of(0.5, 0), [1, 2])], fillImage)];
    // 0.5*10 + 0.5*1 = 5.5 -> 5 (truncation); pixel 2 fully filled
    expect([...out[0]!.data]).toEqual([5, 10, 15, 2, 2, 2]);
  });

  it('casts a fractional fill to the image dtype in the batch form only, as numpy does', () => {
    const black = array(Uint8Array.of(0), [1, 1]);
    const m = array(Float32Array.of(0.2), [1, 1, 1]);
    expect(occludeImageBatch(black, m, 127.5).data[0]).toBe(101); // 0.8 * 127 = 101.6
    expect([...occludeImageStreaming(black, m, 127.5)][0]!.data[0]).toBe(102); // 0.8 * 127.5 = 102
  });

  it('truncates toward zero rather than rounding', () => {
    const out = occludeImageBatch(array(Uint8Array.of(255), [1, 1]), array(Float32Array.of(0.999), [1, 1, 1]));
    expect(out.data[0]).toBe(254);
  });

  it('rejects bad shapes and fills with messages naming both sides', () => {
    expect(() => occludeImageBatch(image, array(new Uint8Array(3), [1, 1, 3]))).toThrow(/\[1,1,3\].*\[1,2,3\]/);
    expect(() => occludeImageBatch(image, array(new Uint8Array(2), [1, 2]))).toThrow(/masks: expected a 3-D/);
    expect(() => occludeImageBatch(image, array(new Uint8Array(2), [1, 1, 2]), [1, 2])).toThrow(/3 per-channel/);
    expect(() => occludeImageBatch(image, array(new Uint8Array(2), [1, 1, 2]), 300)).toThrow(/\[0, 255\].*300/);
    expect(() => occludeImageBatch(array(new Uint8Array(2), [2]), array(new Uint8Array(2), [1, 1, 2]))).toThrow(
      /image: expected shape \[H,W\] or \[H,W,C\], got \[2\]/,
    );
    expect(() => [...occludeImageStreaming(image, [array(new Uint8Array(3), [1, 3])])]).toThrow(/masks\[0\]/);
  });
});

describe('occludeInto fast paths', () => {
  const H = 13;
  const W = 17;
  const rnd = (seed: number, n: number) => defaultRng(seed).random([n]).data;
  const images: [string, NdArray][] = [
    [
      'u8 rgb',
      array(
        Uint8Array.from(rnd(1, H * W * 3), (v) => Math.floor(v * 256)),
        [H, W, 3],
      ),
    ],
    [
      'u8 gray',
      array(
        Uint8Array.from(rnd(2, H * W), (v) => Math.floor(v * 256)),
        [H, W],
      ),
    ],
    [
      'i32 rgb',
      array(
        Int32Array.from(rnd(3, H * W * 3), (v) => Math.floor((v - 0.3) * 2 ** 31)),
        [H, W, 3],
      ),
    ],
    [
      'u8 clamped',
      array(
        new Uint8ClampedArray(Uint8Array.from(rnd(4, H * W * 2), (v) => Math.floor(v * 256))) as unknown as Uint8Array,
        [H, W, 2],
      ),
    ],
  ];
  const masksOf = (kind: string, n: number): TypedArray => {
    const u = rnd(5 + n, n * H * W);
    if (kind === '0/1') return Uint8Array.from(u, (v, i) => (i % 40 < 25 ? 1 : v < 0.5 ? 1 : 0));
    if (kind === 'u8 any') return Uint8Array.from(u, (v, i) => (i === 77 ? 2 : v < 0.5 ? 1 : 0));
    const f = Float32Array.from(u, (v, i) => (i % 9 === 0 ? 1 : i % 11 === 0 ? 0 : v));
    if (kind === 'f32 out of range') f.set([1.5, -0.25, Number.NaN], 2 * H * W + 30);
    return f;
  };
  for (const [label, image] of images) {
    const C = image.shape[2] ?? 1;
    const fills: Fill[] = [null, 95.5, 95.3, Array.from({ length: C }, (_, c) => 10 * c + 3), image.step(1, -1, 1)];
    for (const kind of ['0/1', 'u8 any', 'f32', 'f32 out of range']) {
      it(`${label}, ${kind} masks: same values as the general loop for every fill and arithmetic`, () => {
        const masks = masksOf(kind, 3);
        for (const fill of fills) {
          if (fill !== null && typeof fill === 'object' && 'shape' in fill && fill.shape.length !== image.shape.length)
            continue;
          for (const arithmetic of ['batch', 'streaming'] as const) {
            const plan = planOcclusion('t', image, fill, arithmetic);
            const size = H * W * C;
            const fast = plan.newImageData(3 * size);
            const slow = plan.newImageData(3 * size);
            for (let i = 0; i < 3; i++) {
              occludeInto(plan, masks, i * H * W, kind.startsWith('f32'), fast, i * size);
              occludeGeneral(plan, masks, i * H * W, kind.startsWith('f32'), slow, i * size);
            }
            expect([...fast]).toEqual([...slow]);
          }
        }
      });
    }
  }
});

describe('WasmOccluder', () => {
  it('is available in Node and matches the general loop on a RISE-like float32 mask', () => {
    const P = 7;
    const image = Uint8Array.from({ length: P * 3 }, (_, i) => (i * 37) % 256);
    const w = WasmOccluder.create(image, P, 3, Float64Array.of(1, 2, 250));
    expect(w).not.toBeNull();
    const mask = Float32Array.of(0, 1, 0.5, 0.25, 0.999, 1e-7, 0.3);
    const out = new Uint8Array(P * 3);
    expect(w?.occlude(mask, 0, out, 0)).toBe(true);
    const plan = planOcclusion('t', array(image, [1, P, 3]), [1, 2, 250], 'batch');
    const ref = new Uint8Array(P * 3);
    occludeGeneral(plan, mask, 0, true, ref, 0);
    expect([...out]).toEqual([...ref]);
    expect(w?.occlude(Float32Array.of(0, 1, 2, 0, 0, 0, 0), 0, out, 0)).toBe(false);
  });
});
