import { array, loadNpy } from '@salkit/ndarray';
import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import { describe, expect, it } from 'vitest';
import { occludeImageBatch, occludeImageStreaming } from './occlude.js';

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
