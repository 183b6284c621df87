import { array, type NdArray } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { paethScanlines } from '../codec/paethScanlines.js';
import { decodePng } from '../codec/png.js';
import { encodePngZlib as encodePng } from './encodePngZlib.js';

/** A deterministic pseudo-random image with smooth parts and noise. */
function picture(h: number, w: number, c: number, seed = 1): NdArray<Uint8Array> {
  const data = new Uint8Array(h * w * c);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const x = Math.floor(i / c) % w;
    data[i] = i % 7 === 0 ? s >>> 24 : (x * 9 + (i % c) * 40) & 255;
  }
  return array(data, [h, w, c]) as NdArray<Uint8Array>;
}

describe('encodePngZlib', () => {
  it('writes PNGs that decode to the same pixels, for 1 to 4 channels', async () => {
    for (const c of [1, 2, 3, 4]) {
      const img = picture(23, 37, c, c);
      const back = decodePng(await encodePng(img));
      expect(back.shape).toEqual([23, 37, c]);
      expect(back.data).toEqual(img.data);
    }
    const gray = array(
      Uint8Array.from({ length: 30 }, (_, i) => i * 8),
      [5, 6],
    );
    const back = decodePng(await encodePng(gray));
    expect(back.shape).toEqual([5, 6, 1]);
    expect([...back.data]).toEqual([...gray.data]);
  });

  it('takes views (strided, offset) as the pixels they show', async () => {
    const big = picture(40, 50, 3);
    const view = big.hi(30, 41).lo(5, 3) as NdArray<Uint8Array>;
    const flipped = big.step(-1, 1, 1) as NdArray<Uint8Array>;
    for (const v of [view, flipped]) {
      const back = decodePng(await encodePng(v));
      expect(back.shape).toEqual(v.shape);
      for (let y = 0; y < v.shape[0]!; y += 3)
        for (let x = 0; x < v.shape[1]!; x += 2)
          for (let c = 0; c < 3; c++) expect(back.get(y, x, c)).toBe(v.get(y, x, c));
    }
  });

  it('rejects what PNG cannot hold', async () => {
    await expect(encodePng(array(new Float32Array(4), [2, 2]))).rejects.toThrow(
      /encodePngZlib: img: expected uint8 pixel data/,
    );
    await expect(encodePng(array(new Uint8Array(10), [1, 2, 5]))).rejects.toThrow(
      /encodePngZlib: img: expected shape \[H,W\] or \[H,W,1\]/,
    );
  });
});

describe('paethScanlines', () => {
  it('prefixes each row with Paeth (4) and predicts from the left, upper and upper-left bytes', () => {
    // 2 rows of 2 RGB pixels.
    const data = Uint8Array.from([10, 20, 30, 11, 22, 33, 12, 21, 35, 200, 0, 5]);
    const out = paethScanlines(data, 2, 6, 3);
    expect(out.length).toBe(14);
    expect(out[0]).toBe(4);
    expect(out[7]).toBe(4);
    // Row 0: no row above, so Paeth predicts the left byte (or 0 for the first pixel).
    expect([...out.subarray(1, 7)]).toEqual([10, 20, 30, 1, 2, 3]);
    // Row 1, first pixel: predicted by the byte above.
    expect([...out.subarray(8, 11)]).toEqual([2, 1, 5]);
  });
});
