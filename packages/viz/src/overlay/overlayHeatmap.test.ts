import { array, type NdArray } from '@salkit/ndarray';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyColormap } from '../colormap/applyColormap.js';
import { colormap } from '../colormap/colormap.js';
import { overlayHeatmap } from './overlayHeatmap.js';

/** A pseudo-random uint8 image; c = 0 gives [H,W]. */
function randomImage(h: number, w: number, c: number, seed = 1): NdArray {
  const data = new Uint8Array(h * w * Math.max(c, 1));
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = s >>> 24;
  }
  return array(data, c === 0 ? [h, w] : [h, w, c]);
}

function randomMap(h: number, w: number): NdArray {
  const data = new Float64Array(h * w);
  for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 0.7) * 1.1;
  return array(data, [h, w]);
}

describe('overlayHeatmap', () => {
  it('returns a new [H,W,3] uint8 image', () => {
    const img = randomImage(5, 7, 3);
    const before = Uint8Array.from(img.data);
    const out = overlayHeatmap(img, randomMap(5, 7));
    expect(out.shape).toEqual([5, 7, 3]);
    expect(out.data).toBeInstanceOf(Uint8Array);
    expect(img.data).toEqual(before);
  });

  it('alpha 0 gives the image, alpha 1 gives the colormapped map', () => {
    const img = randomImage(6, 4, 3);
    const map = randomMap(6, 4);
    expect(overlayHeatmap(img, map, { alpha: 0 }).data).toEqual(img.data);
    for (const cmap of ['RdBu_r', 'viridis'] as const) {
      const opts = { vmin: -1, vmax: 1 };
      expect(overlayHeatmap(img, map, { alpha: 1, cmap, ...opts }).data).toEqual(applyColormap(map, cmap, opts).data);
    }
  });

  it('blends round((1 - alpha) * image + alpha * colour) per channel (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (r, g, b, v, alpha) => {
          const out = overlayHeatmap(
            array(Uint8Array.from([r, g, b]), [1, 1, 3]),
            array(Float64Array.from([v]), [1, 1]),
            {
              alpha,
              cmap: 'coolwarm',
            },
          );
          const colour = applyColormap(array(Float64Array.from([v]), [1, 1]), 'coolwarm').data;
          [r, g, b].forEach((x, k) => {
            const exact = (1 - alpha) * x + alpha * colour[k]!;
            expect(Math.abs(out.data[k]! - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
            expect(out.data[k]!).toBeGreaterThanOrEqual(Math.min(x, colour[k]!));
            expect(out.data[k]!).toBeLessThanOrEqual(Math.max(x, colour[k]!));
          });
        },
      ),
    );
  });

  it('defaults to RdBu_r over [-1, 1] at alpha 0.5', () => {
    const img = array(Uint8Array.from([0, 0, 0, 255, 255, 255]), [1, 2, 3]);
    const out = overlayHeatmap(img, array(Float64Array.from([1, -1]), [1, 2]));
    const [hi, lo] = [colormap('RdBu_r').color(255), colormap('RdBu_r').color(0)];
    expect([...out.data]).toEqual([
      ...hi.map((c) => Math.round(c / 2 + 0.001)),
      ...lo.map((c) => Math.round((c + 255) / 2 + 0.001)),
    ]);
  });

  it('draws gray images as RGB and ignores an alpha channel', () => {
    const gray = randomImage(3, 3, 0);
    const rgb = array(Uint8Array.from(Array.from(gray.data, (v) => [v, v, v]).flat()), [3, 3, 3]);
    const map = randomMap(3, 3);
    expect(overlayHeatmap(gray, map).data).toEqual(overlayHeatmap(rgb, map).data);
    const gray1 = array(gray.data, [3, 3, 1]);
    expect(overlayHeatmap(gray1, map).data).toEqual(overlayHeatmap(rgb, map).data);
    const rgba = array(Uint8Array.from(Array.from(gray.data, (v, i) => [v, v, v, i * 17]).flat()), [3, 3, 4]);
    expect(overlayHeatmap(rgba, map).data).toEqual(overlayHeatmap(rgb, map).data);
  });

  it('lets the image show through where the map is NaN', () => {
    const img = array(Uint8Array.from([10, 20, 30, 40, 50, 60]), [1, 2, 3]);
    const out = overlayHeatmap(img, array(Float64Array.from([Number.NaN, 0]), [1, 2]), { alpha: 1 });
    expect([...out.data.subarray(0, 3)]).toEqual([10, 20, 30]);
    expect([...out.data.subarray(3)]).toEqual(colormap('RdBu_r').color(128));
  });

  it('reads strided images and maps', () => {
    const img = randomImage(4, 5, 3);
    const map = randomMap(5, 4);
    const imgT = img.transpose(1, 0, 2);
    const mapT = map.transpose(1, 0);
    const denseImg = array(new Uint8Array(60), [5, 4, 3]);
    const denseMap = array(new Float64Array(20), [4, 5]);
    for (let y = 0; y < 5; y++)
      for (let x = 0; x < 4; x++) for (let c = 0; c < 3; c++) denseImg.set(y, x, c, imgT.get(y, x, c));
    for (let y = 0; y < 4; y++) for (let x = 0; x < 5; x++) denseMap.set(y, x, mapT.get(y, x));
    expect(overlayHeatmap(imgT, map).data).toEqual(overlayHeatmap(denseImg, map).data);
    expect(overlayHeatmap(img, mapT).data).toEqual(overlayHeatmap(img, denseMap).data);
  });

  it('rejects mismatched shapes naming both, and bad alpha, dtype, rank or options', () => {
    const img = randomImage(4, 5, 3);
    expect(() => overlayHeatmap(img, randomMap(5, 4))).toThrow(
      'overlayHeatmap: image [4,5,3] and map [5,4] must have the same height and width (resize the map to the image first)',
    );
    const map = randomMap(4, 5);
    expect(() => overlayHeatmap(img, map, { alpha: 1.5 })).toThrow(
      /overlayHeatmap: alpha: expected a number in \[0, 1\], got number 1.5/,
    );
    expect(() => overlayHeatmap(img, map, { alpha: -0.1 })).toThrow(RangeError);
    expect(() => overlayHeatmap(img, map, { alpha: Number.NaN })).toThrow(/alpha/);
    expect(() => overlayHeatmap(img, map, { alpha: '0.5' as never })).toThrow(/alpha/);
    expect(() => overlayHeatmap(array(new Float32Array(60), [4, 5, 3]), map)).toThrow(
      /overlayHeatmap: image: expected uint8 pixel data \(0..255\), got float32; scale to 0..255/,
    );
    expect(() => overlayHeatmap(randomImage(4, 5, 2), map)).toThrow(
      /overlayHeatmap: image: expected shape \[H,W\] or \[H,W,1\], \[H,W,3\], \[H,W,4\], got \[4,5,2\]/,
    );
    expect(() => overlayHeatmap(img, array(new Float64Array(20), [1, 4, 5]))).toThrow(
      /overlayHeatmap: map: expected shape \[H,W\]/,
    );
    expect(() => overlayHeatmap(img, map, { cmap: 'hot' as never })).toThrow(/overlayHeatmap: cmap/);
    expect(() => overlayHeatmap(img, map, { vmin: 2, vmax: 1 })).toThrow(/vmin < vmax/);
    expect(() => overlayHeatmap(img, map, 0.5 as never)).toThrow(/overlayHeatmap: options: expected an options object/);
  });
});
