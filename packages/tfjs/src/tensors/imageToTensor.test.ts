import { array } from '@salkit/ndarray';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { imageBatchToTensor, imageToTensor, makePreprocess } from './imageToTensor.js';

const rgb = (h: number, w: number, f: (i: number) => number = (i) => i % 256) =>
  array(
    Uint8Array.from({ length: h * w * 3 }, (_, i) => f(i)),
    [h, w, 3],
  );

describe('imageToTensor', () => {
  it('gives float32 RGB [H,W,3] in 0..255, repeating gray and dropping alpha', () => {
    const t = imageToTensor(rgb(2, 3));
    expect(t.shape).toEqual([2, 3, 3]);
    expect(t.dtype).toBe('float32');
    expect(Array.from(t.dataSync())).toEqual(Array.from({ length: 18 }, (_, i) => i));
    const g = imageToTensor(array(Uint8Array.from([7, 8]), [1, 2]));
    expect(Array.from(g.dataSync())).toEqual([7, 7, 7, 8, 8, 8]);
    const g1 = imageToTensor(array(Uint8Array.from([7, 8]), [1, 2, 1]));
    expect(Array.from(g1.dataSync())).toEqual([7, 7, 7, 8, 8, 8]);
    const rgba = imageToTensor(array(Uint8Array.from([1, 2, 3, 255, 4, 5, 6, 255]), [1, 2, 4]));
    expect(Array.from(rgba.dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    tf.dispose([t, g, g1, rgba]);
  });

  it('reads strided views (flipped, stepped) as they look', () => {
    const img = rgb(2, 2);
    const flipped = img.step(1, -1);
    const t = imageToTensor(flipped);
    expect(Array.from(t.dataSync())).toEqual([3, 4, 5, 0, 1, 2, 9, 10, 11, 6, 7, 8]);
    t.dispose();
  });

  it('rejects wrong dtypes, ranks and channel counts with the argument named', () => {
    expect(() => imageToTensor(array(new Float32Array(12), [2, 2, 3]))).toThrow(
      /imageToTensor: image: expected a uint8 image \(pixel values 0..255\), got dtype float32/,
    );
    expect(() => imageToTensor(array(new Uint8Array(3), [3]))).toThrow(
      /imageToTensor: image: expected an image of shape \[H,W\] or \[H,W,C\], got \[3\]/,
    );
    expect(() => imageToTensor(array(new Uint8Array(8), [2, 2, 2]))).toThrow(
      /expected 1, 3 or 4 channels, got shape \[2,2,2\]/,
    );
    expect(() => imageToTensor([1, 2, 3] as never)).toThrow(TypeError);
  });
});

describe('imageBatchToTensor', () => {
  it('stacks same-size images and normalises (x * scale - mean) / std per channel', () => {
    const a = rgb(2, 2, () => 100);
    const b = rgb(2, 2, () => 200);
    const t = imageBatchToTensor([a, b], { scale: 0.5, mean: [0, 10, 20], std: 2 });
    expect(t.shape).toEqual([2, 2, 2, 3]);
    const d = t.dataSync();
    expect(Array.from(d.slice(0, 3))).toEqual([25, 20, 15]);
    expect(Array.from(d.slice(12, 15))).toEqual([50, 45, 40]);
    t.dispose();
  });

  it('pads to a square as face-api does (centre: larger half after; end: all after) and resizes', () => {
    const img = rgb(1, 4, () => 9);
    const c = imageBatchToTensor([img], { pad: 'center' });
    expect(c.shape).toEqual([1, 4, 4, 3]);
    // diff 3: round(1.5) = 2 rows after, 1 before.
    const rows = Array.from({ length: 4 }, (_, r) => c.dataSync()[r * 12]);
    expect(rows).toEqual([0, 9, 0, 0]);
    const e = imageBatchToTensor([img], { pad: 'end', size: [8, 8], resizeMethod: 'nearest' });
    expect(e.shape).toEqual([1, 8, 8, 3]);
    expect(e.dataSync()[0]).toBe(9);
    expect(e.dataSync()[8 * 8 * 3 - 1]).toBe(0);
    tf.dispose([c, e]);
  });

  it('resizes images of different sizes to one size, and refuses without a size', () => {
    const t = imageBatchToTensor([rgb(4, 6), rgb(10, 3)], { size: [5, 5] });
    expect(t.shape).toEqual([2, 5, 5, 3]);
    t.dispose();
    expect(() => imageBatchToTensor([rgb(4, 6), rgb(10, 3)])).toThrow(
      /images of different sizes \(4x6, 10x3\) need options.size/,
    );
  });

  it('leaves no intermediate tensors behind', () => {
    const before = tf.memory().numTensors;
    const t = imageBatchToTensor([rgb(3, 5), rgb(7, 2)], {
      size: [4, 4],
      pad: 'center',
      mean: [1, 2, 3],
      std: [1, 2, 3],
    });
    expect(tf.memory().numTensors).toBe(before + 1);
    t.dispose();
  });

  it('validates its options and images', () => {
    expect(() => imageBatchToTensor([])).toThrow(/images: expected a non-empty array/);
    expect(() => imageBatchToTensor([rgb(2, 2)], { size: [0, 2] as never })).toThrow(
      /size\[0\]: expected an integer >= 1/,
    );
    expect(() => imageBatchToTensor([rgb(2, 2)], { pad: 'left' as never })).toThrow(
      /pad: expected one of 'none', 'center', 'end'/,
    );
    expect(() => imageBatchToTensor([rgb(2, 2)], { std: [1, 0, 1] })).toThrow(/std: expected finite, non-zero numbers/);
    expect(() => imageBatchToTensor([rgb(2, 2)], { mean: [1, 2] })).toThrow(
      /mean: expected a number or an array of 3 numbers/,
    );
    expect(() => imageBatchToTensor([rgb(2, 2), array(new Int16Array(12), [2, 2, 3])])).toThrow(
      /imageBatchToTensor: images\[1\]: expected a uint8 image/,
    );
    expect(() => makePreprocess({ dtype: 'uint8' as never })).toThrow(/makePreprocess: options: dtype/);
  });
});
