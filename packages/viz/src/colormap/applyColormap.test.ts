import { array, type NdArray } from '@salkit/ndarray';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyColormap } from './applyColormap.js';
import { Colormap, colormap } from './colormap.js';

function pixels(img: NdArray): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < img.size / 3; i++) out.push([img.data[3 * i]!, img.data[3 * i + 1]!, img.data[3 * i + 2]!]);
  return out;
}

const row = (values: number[]) => array(Float64Array.from(values), [1, values.length]);

describe('applyColormap', () => {
  it('returns a [H,W,3] uint8 image', () => {
    const out = applyColormap(array(new Float32Array(12), [3, 4]), 'viridis');
    expect(out.shape).toEqual([3, 4, 3]);
    expect(out.data).toBeInstanceOf(Uint8Array);
  });

  it('draws vmin with the first colour and vmax with the last; beyond them clamps', () => {
    for (const name of ['viridis', 'coolwarm', 'RdBu_r', 'gray'] as const) {
      const c = colormap(name);
      const [lo, hi] = c.defaultRange;
      const px = pixels(applyColormap(row([lo, hi, lo - 10, hi + 10, -Infinity, Infinity]), name));
      expect(px).toEqual([c.color(0), c.color(255), c.color(0), c.color(255), c.color(0), c.color(255)]);
    }
    const px = pixels(applyColormap(row([3, 13]), 'viridis', { vmin: 3, vmax: 13 }));
    expect(px).toEqual([colormap('viridis').color(0), colormap('viridis').color(255)]);
  });

  it('draws 0 near white in the diverging maps (default range [-1, 1])', () => {
    expect(pixels(applyColormap(row([0]), 'RdBu_r'))).toEqual([[247, 246, 246]]);
    expect(pixels(applyColormap(row([0]), 'coolwarm'))).toEqual([[221, 220, 219]]);
  });

  it("equals matplotlib's cmap(Normalize(vmin, vmax)(x), bytes=True)", () => {
    // Reference values printed by matplotlib 3.6.3.
    const xs = [-1, -0.999, -0.5, -0.0039, 0, 0.0039, 0.25, 0.5, 0.9921875, 0.99, 1, 2, -3];
    expect(pixels(applyColormap(row(xs), 'coolwarm', { vmin: -1, vmax: 1 }))).toEqual([
      [58, 76, 192],
      [58, 76, 192],
      [141, 175, 253],
      [220, 220, 221],
      [221, 220, 219],
      [221, 220, 219],
      [244, 195, 171],
      [243, 152, 121],
      [179, 3, 38],
      [181, 8, 39],
      [179, 3, 38],
      [179, 3, 38],
      [58, 76, 192],
    ]);
    expect(pixels(applyColormap(row(xs), 'RdBu_r'))).toEqual([
      [5, 48, 97],
      [5, 48, 97],
      [107, 172, 208],
      [246, 246, 246],
      [247, 246, 246],
      [247, 246, 246],
      [250, 204, 180],
      [228, 128, 101],
      [103, 0, 31],
      [105, 0, 31],
      [103, 0, 31],
      [103, 0, 31],
      [5, 48, 97],
    ]);
    const vs = [0, 0.1, 0.3333, 0.5, 0.75, 0.996, 0.99609375, 1];
    expect(pixels(applyColormap(row(vs), 'viridis'))).toEqual([
      [68, 1, 84],
      [72, 35, 116],
      [48, 103, 141],
      [32, 144, 140],
      [94, 201, 97],
      [250, 230, 34],
      [253, 231, 36],
      [253, 231, 36],
    ]);
    expect(pixels(applyColormap(row([3, 5.5, 7, 10, 13]), 'viridis', { vmin: 3, vmax: 13 }))).toEqual([
      [68, 1, 84],
      [58, 82, 139],
      [41, 120, 142],
      [68, 190, 112],
      [253, 231, 36],
    ]);
  });

  it('draws NaN with nanColor (default black)', () => {
    expect(pixels(applyColormap(row([Number.NaN, 0.5]), 'viridis'))).toEqual([
      [0, 0, 0],
      [32, 144, 140],
    ]);
    expect(pixels(applyColormap(row([Number.NaN]), 'viridis', { nanColor: [255, 0, 255] }))).toEqual([[255, 0, 255]]);
  });

  it('reads any numeric dtype, strided views and picks of a [K,H,W] stack', () => {
    const ints = array(Int16Array.from([0, 5, 10, 15]), [2, 2]);
    expect(pixels(applyColormap(ints, 'gray', { vmin: 0, vmax: 15 }))).toEqual([
      [0, 0, 0],
      [85, 85, 85],
      [170, 170, 170],
      [255, 255, 255],
    ]);
    const m = array(Float64Array.from([0, 0.25, 0.5, 0.75]), [2, 2]);
    const t = m.transpose(1, 0);
    expect(pixels(applyColormap(t, 'gray'))).toEqual(
      pixels(applyColormap(array(Float64Array.from([0, 0.5, 0.25, 0.75]), [2, 2]), 'gray')),
    );
    const stack = array(Float32Array.from([0, 0, 0, 0, 1, 1, 1, 1]), [2, 2, 2]);
    expect(pixels(applyColormap(stack.pick(1, null, null), 'gray'))).toEqual(Array(4).fill([255, 255, 255]));
  });

  it('accepts a custom Colormap of any length', () => {
    const c = Colormap.fromHex('rgb', ['ff0000', '00ff00', '0000ff']);
    expect(pixels(applyColormap(row([0, 0.34, 0.67, 1]), c))).toEqual([
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [0, 0, 255],
    ]);
  });

  it('maps larger values to later colours (property)', () => {
    const c = colormap('viridis');
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const px = pixels(applyColormap(row([lo, hi]), c, { vmin: -1, vmax: 1 }));
        const idx = px.map((p) => {
          for (let i = 0; i < c.size; i++) if (c.color(i).every((v, k) => v === p[k])) return i;
          return -1;
        });
        expect(idx[0]).toBeGreaterThanOrEqual(0);
        expect(idx[0]).toBeLessThanOrEqual(idx[1]!);
      }),
    );
  });

  it('rejects bad maps, colormaps and ranges with clear errors', () => {
    expect(() => applyColormap(array(new Float32Array(8), [2, 2, 2]), 'viridis')).toThrow(
      /applyColormap: map: expected shape \[H,W\] \(pick one map of a \[K,H,W\] stack with maps.pick\(k\)\), got \[2,2,2\]/,
    );
    expect(() => applyColormap(array(new Float32Array(3), [3]), 'viridis')).toThrow(
      /expected shape \[H,W\], got \[3\]/,
    );
    expect(() => applyColormap([[1, 2]] as never, 'viridis')).toThrow(/applyColormap: map: expected an ndarray/);
    expect(() => applyColormap(row([0]), 'jet' as never)).toThrow(
      /applyColormap: cmap: expected a Colormap or one of the names/,
    );
    expect(() => applyColormap(row([0]), 'viridis', { vmin: 1, vmax: 1 })).toThrow(
      /applyColormap: expected vmin < vmax, got vmin 1 and vmax 1/,
    );
    expect(() => applyColormap(row([0]), 'viridis', { vmin: Number.NaN })).toThrow(
      /applyColormap: vmin: expected a finite number/,
    );
    expect(() => applyColormap(row([0]), 'viridis', { nanColor: [0, 0, 256] as never })).toThrow(
      /applyColormap: nanColor: expected an RGB colour/,
    );
    expect(() => applyColormap(array(new Float32Array(0), [0, 3]), 'viridis')).toThrow(/non-empty map/);
  });
});
