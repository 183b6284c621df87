import { array, type NdArray } from '@salkit/ndarray';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { padLayout, resampleRgbInto } from './resample.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A pseudo-random uint8 image. */
function noise(h: number, w: number, c: number, seed: number): NdArray {
  let s = seed;
  const data = Uint8Array.from({ length: h * w * Math.max(c, 1) }, () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s >>> 24;
  });
  return array(data, c === 0 ? [h, w] : [h, w, c]);
}

/** The same result built from TF.js ops: RGB float image, tf.pad, then tf.image resize. */
function reference(
  img: NdArray,
  pad: 'none' | 'center' | 'end',
  size: [number, number],
  bilinear: boolean,
  half: boolean,
) {
  return tf.tidy(() => {
    const [h, w] = img.shape as [number, number];
    const c = img.shape[2] ?? 1;
    const vals = new Float32Array(h * w * 3);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        for (let k = 0; k < 3; k++)
          vals[(y * w + x) * 3 + k] = img.get(
            ...(c === 1 && img.shape.length === 2 ? [y, x] : [y, x, c === 1 ? 0 : k]),
          ) as number;
    let t: tf.Tensor3D = tf.tensor3d(vals, [h, w, 3]);
    const l = padLayout(h, w, pad);
    t = tf.pad(t, [
      [l.top, l.paddedHeight - h - l.top],
      [l.left, l.paddedWidth - w - l.left],
      [0, 0],
    ]);
    t = bilinear ? tf.image.resizeBilinear(t, size, false, half) : tf.image.resizeNearestNeighbor(t, size, false, half);
    return t.dataSync() as Float32Array;
  });
}

describe('padLayout', () => {
  it("splits padding as face-api's padToSquare does", () => {
    expect(padLayout(4, 7, 'center')).toEqual({ top: 1, left: 0, paddedHeight: 7, paddedWidth: 7 });
    expect(padLayout(7, 4, 'end')).toEqual({ top: 0, left: 0, paddedHeight: 7, paddedWidth: 7 });
    expect(padLayout(7, 2, 'center')).toEqual({ top: 0, left: 2, paddedHeight: 7, paddedWidth: 7 });
    expect(padLayout(7, 4, 'none')).toEqual({ top: 0, left: 0, paddedHeight: 7, paddedWidth: 7 - 3 });
  });
});

describe('resampleRgbInto', () => {
  const cases: [number, number, number, 'none' | 'center' | 'end', [number, number]][] = [
    [13, 9, 3, 'center', [7, 7]],
    [9, 13, 3, 'end', [20, 20]],
    [10, 10, 1, 'none', [4, 6]],
    [11, 6, 0, 'center', [5, 5]],
    [8, 15, 4, 'end', [16, 16]],
    [5, 5, 3, 'center', [5, 5]],
  ];
  for (const [h, w, c, pad, size] of cases) {
    for (const bilinear of [true, false]) {
      for (const half of [false, true]) {
        it(`equals tf.pad + ${bilinear ? 'resizeBilinear' : 'resizeNearestNeighbor'} for [${h},${w},${c}] pad ${pad} -> ${size} (halfPixelCenters ${half})`, () => {
          const img = noise(h, w, c, h * 100 + w);
          const out = new Float32Array(size[0] * size[1] * 3 + 2);
          resampleRgbInto(img, c === 0 ? 1 : c, padLayout(h, w, pad), size[0], size[1], bilinear, half, out, 2);
          const ref = reference(img, pad, size, bilinear, half);
          let maxDiff = 0;
          for (let i = 0; i < ref.length; i++)
            maxDiff = Math.max(maxDiff, Math.abs((out[i + 2] as number) - (ref[i] as number)));
          expect(maxDiff).toBeLessThan(1e-3);
          expect(out[0]).toBe(0);
        });
      }
    }
  }

  it('reads strided views', () => {
    const img = noise(12, 10, 3, 7);
    const view = img.step(-1, 2);
    const out = new Float32Array(6 * 6 * 3);
    resampleRgbInto(view, 3, padLayout(12, 5, 'center'), 6, 6, true, false, out, 0);
    const ref = reference(view, 'center', [6, 6], true, false);
    for (let i = 0; i < ref.length; i++) expect(out[i]).toBeCloseTo(ref[i] as number, 3);
  });
});
