import { array, type NdArray } from '@salkit/ndarray';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GLYPH_BITS, GLYPH_HEIGHT } from './font-data.js';
import { gridLayout, tileGrid } from './tileGrid.js';

function solid(h: number, w: number, rgb: [number, number, number]): NdArray {
  const data = new Uint8Array(h * w * 3);
  for (let i = 0; i < h * w; i++) data.set(rgb, 3 * i);
  return array(data, [h, w, 3]);
}

function pixel(img: NdArray, y: number, x: number): number[] {
  return [img.get(y, x, 0), img.get(y, x, 1), img.get(y, x, 2)];
}

function countColor(img: NdArray, rgb: number[], y0 = 0, y1 = img.shape[0]!): number {
  let n = 0;
  const w = img.shape[1]!;
  for (let y = y0; y < y1; y++) {
    for (let x = 0; x < w; x++) if (pixel(img, y, x).every((v, k) => v === rgb[k])) n++;
  }
  return n;
}

function inkOf(text: string): number {
  let n = 0;
  for (const ch of text) {
    const g = ch.charCodeAt(0) - 32;
    for (const row of GLYPH_BITS.subarray(g * GLYPH_HEIGHT, (g + 1) * GLYPH_HEIGHT)) {
      n += row.toString(2).replaceAll('0', '').length;
    }
  }
  return n;
}

describe('tileGrid', () => {
  it('lays tiles out row by row with padding around and between them', () => {
    const colors: [number, number, number][] = [
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [9, 9, 9],
      [200, 100, 0],
    ];
    const out = tileGrid(
      colors.map((c) => solid(4, 6, c)),
      { columns: 3, padding: 2, background: [50, 60, 70] },
    );
    // 3 columns * 6 + 4 * 2 = 26 wide; 2 rows * 4 + 3 * 2 = 14 high
    expect(out.shape).toEqual([14, 26, 3]);
    expect(pixel(out, 0, 0)).toEqual([50, 60, 70]);
    expect(pixel(out, 2, 2)).toEqual([255, 0, 0]);
    expect(pixel(out, 5, 7)).toEqual([255, 0, 0]);
    expect(pixel(out, 2, 8)).toEqual([50, 60, 70]);
    expect(pixel(out, 2, 10)).toEqual([0, 255, 0]);
    expect(pixel(out, 2, 18)).toEqual([0, 0, 255]);
    expect(pixel(out, 8, 2)).toEqual([9, 9, 9]);
    expect(pixel(out, 8, 10)).toEqual([200, 100, 0]);
    expect(pixel(out, 8, 18)).toEqual([50, 60, 70]);
    for (const c of colors) expect(countColor(out, c)).toBe(24);
    expect(countColor(out, [50, 60, 70])).toBe(14 * 26 - 5 * 24);
  });

  it('matches gridLayout arithmetic for any count, tile size, columns and padding (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 5 }),
        fc.boolean(),
        (n, h, w, columns, padding, labelled) => {
          const images = Array.from({ length: n }, () => solid(h, w, [1, 2, 3]));
          const labels = labelled ? images.map((_, i) => `#${i}`) : undefined;
          const out = tileGrid(images, { columns, padding, labels });
          const cols = Math.min(columns, n);
          const rows = Math.ceil(n / cols);
          const caption = labelled ? 11 : 0;
          expect(out.shape).toEqual([rows * (h + caption) + (rows + 1) * padding, cols * w + (cols + 1) * padding, 3]);
          const layout = gridLayout(n, h, w, { columns, padding, labels: labelled });
          expect([layout.height, layout.width]).toEqual(out.shape.slice(0, 2));
          expect(countColor(out, [1, 2, 3])).toBe(n * h * w);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('draws each label in its caption strip under the tile', () => {
    const images = [solid(10, 40, [255, 0, 0]), solid(10, 40, [0, 0, 255])];
    const out = tileGrid(images, { labels: ['Hi', 'map 2'], padding: 1, columns: 2, labelColor: [0, 128, 0] });
    // caption strip: (7 + 4) * 1 rows under the 10-pixel cell
    expect(out.shape).toEqual([1 + 10 + 11 + 1, 3 * 1 + 80, 3]);
    expect(countColor(out, [0, 128, 0], 0, 11)).toBe(0);
    expect(countColor(out, [0, 128, 0], 11, 22)).toBe(inkOf('Hi') + inkOf('map 2'));
    // Centred: "Hi" is 11 px wide in a 40 px cell starting at x = 1.
    const xs: number[] = [];
    for (let y = 11; y < 22; y++) for (let x = 0; x < 41; x++) if (pixel(out, y, x)[1] === 128) xs.push(x);
    expect(Math.min(...xs)).toBe(1 + Math.floor((40 - 11) / 2));
  });

  it('scales labels and cuts those too long for the cell', () => {
    const out = tileGrid([solid(8, 20, [0, 0, 0])], { labels: ['WWWWWWW'], labelScale: 2, padding: 0 });
    expect(out.shape).toEqual([8 + 22, 20, 3]);
    // 20 px fit floor((20 / 2 + 1) / 6) = 1 glyph of 2x2 blocks, drawn black on white
    const black = countColor(out, [0, 0, 0], 8, 30);
    expect(black).toBe(inkOf('W') * 4);
  });

  it('centres smaller tiles in cells sized by the largest, and converts gray and RGBA tiles', () => {
    const big = solid(6, 6, [10, 10, 10]);
    const gray = array(Uint8Array.from([100, 100, 100, 100]), [2, 2]);
    const rgba = array(Uint8Array.from([1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0]), [2, 2, 4]);
    const out = tileGrid([big, gray, rgba], { columns: 3, padding: 0 });
    expect(out.shape).toEqual([6, 18, 3]);
    expect(pixel(out, 2, 8)).toEqual([100, 100, 100]);
    expect(pixel(out, 1, 8)).toEqual([255, 255, 255]);
    expect(countColor(out, [100, 100, 100])).toBe(4);
    expect(pixel(out, 2, 14)).toEqual([1, 2, 3]);
    expect(countColor(out, [1, 2, 3])).toBe(4);
  });

  it('defaults to ceil(sqrt(n)) columns and a 4-pixel white padding', () => {
    const out = tileGrid(Array.from({ length: 5 }, () => solid(2, 2, [0, 0, 0])));
    expect(out.shape).toEqual([2 * 2 + 3 * 4, 3 * 2 + 4 * 4, 3]);
    expect(pixel(out, 0, 0)).toEqual([255, 255, 255]);
  });

  it('rejects bad images, labels and options with clear errors', () => {
    const img = solid(2, 2, [0, 0, 0]);
    expect(() => tileGrid([])).toThrow(
      /tileGrid: images: expected a non-empty array of images, got an array of length 0/,
    );
    expect(() => tileGrid([img, array(new Float32Array(12), [2, 2, 3])])).toThrow(
      /tileGrid: images\[1\]: expected uint8 pixel data/,
    );
    expect(() => tileGrid([img], { labels: ['a', 'b'] })).toThrow(
      /tileGrid: labels: expected one string per image \(1\)/,
    );
    expect(() => tileGrid([img], { labels: [3 as never] })).toThrow(/tileGrid: labels\[0\]: expected a string/);
    expect(() => tileGrid([img], { columns: 0 })).toThrow(/tileGrid: columns: expected an integer in \[1, /);
    expect(() => tileGrid([img], { padding: 1.5 })).toThrow(/tileGrid: padding: expected an integer/);
    expect(() => tileGrid([img], { background: [0, 0] as never })).toThrow(
      /tileGrid: background: expected an RGB colour/,
    );
    expect(() => tileGrid([img], { labelScale: 0 })).toThrow(/tileGrid: labelScale/);
    expect(() => gridLayout(0, 2, 2)).toThrow(/gridLayout: count: expected an integer in \[1, /);
    expect(() => gridLayout(2, 2, 2, { padding: -1 })).toThrow(
      /gridLayout: padding: expected an integer in \[0, 65535\], got -1/,
    );
    expect(gridLayout(5, 10, 20)).toEqual({
      rows: 2,
      columns: 3,
      cellHeight: 10,
      cellWidth: 20,
      captionHeight: 0,
      height: 2 * 10 + 3 * 4,
      width: 3 * 20 + 4 * 4,
    });
  });
});
