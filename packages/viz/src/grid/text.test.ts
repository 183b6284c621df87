import { describe, expect, it } from 'vitest';
import { GLYPH_BITS, GLYPH_HEIGHT } from './font-data.js';
import { drawText, fitText, textWidth } from './text.js';

function glyph(ch: string): number[] {
  const g = ch.charCodeAt(0) - 32;
  return Array.from(GLYPH_BITS.subarray(g * GLYPH_HEIGHT, (g + 1) * GLYPH_HEIGHT));
}

function popcount(rows: number[]): number {
  return rows.reduce((n, r) => n + r.toString(2).replaceAll('0', '').length, 0);
}

/** The drawn pixels of an RGB canvas as '#'/'.' rows. */
function ascii(out: Uint8Array, width: number, height: number): string[] {
  const rows: string[] = [];
  for (let y = 0; y < height; y++) {
    let s = '';
    for (let x = 0; x < width; x++) s += out[3 * (y * width + x)] ? '#' : '.';
    rows.push(s);
  }
  return rows;
}

describe('5x7 font', () => {
  it('has a glyph for every printable ASCII character; only space is blank', () => {
    expect(GLYPH_BITS.length).toBe(95 * 7);
    for (let c = 32; c <= 126; c++) {
      const n = popcount(glyph(String.fromCharCode(c)));
      if (c === 32) expect(n).toBe(0);
      else expect(n, String.fromCharCode(c)).toBeGreaterThan(0);
      for (const row of glyph(String.fromCharCode(c))) expect(row).toBeLessThan(32);
    }
  });

  it('gives distinct glyphs to distinct characters', () => {
    const seen = new Map<string, string>();
    for (let c = 32; c <= 126; c++) {
      const key = glyph(String.fromCharCode(c)).join(',');
      expect(seen.get(key), `${String.fromCharCode(c)} looks like ${seen.get(key)}`).toBeUndefined();
      seen.set(key, String.fromCharCode(c));
    }
  });

  it('draws glyphs pixel for pixel, scaled, clipped at the edges', () => {
    const out = new Uint8Array(6 * 7 * 3);
    drawText(out, 6, 7, 0, 0, 'A', [255, 255, 255], 1);
    expect(ascii(out, 6, 7)).toEqual(['.###..', '#...#.', '#...#.', '#####.', '#...#.', '#...#.', '#...#.']);
    const big = new Uint8Array(10 * 14 * 3);
    drawText(big, 10, 14, 0, 0, 'T', [1, 2, 3], 2);
    expect(ascii(big, 10, 14).slice(0, 3)).toEqual(['##########', '##########', '....##....']);
    expect([...big.subarray(0, 3)]).toEqual([1, 2, 3]);
    const clipped = new Uint8Array(3 * 3 * 3);
    drawText(clipped, 3, 3, -2, -1, 'H', [9, 9, 9], 1);
    expect(ascii(clipped, 3, 3)).toEqual(['..#', '..#', '###']);
  });

  it('draws characters outside printable ASCII as "?"', () => {
    const a = new Uint8Array(5 * 7 * 3);
    const b = new Uint8Array(5 * 7 * 3);
    drawText(a, 5, 7, 0, 0, 'é', [255, 255, 255], 1);
    drawText(b, 5, 7, 0, 0, '?', [255, 255, 255], 1);
    expect(a).toEqual(b);
  });

  it('measures and fits text', () => {
    expect(textWidth('', 1)).toBe(0);
    expect(textWidth('a', 1)).toBe(5);
    expect(textWidth('abc', 2)).toBe(34);
    expect(fitText('abcdef', 17, 1)).toBe('abc');
    expect(fitText('abcdef', 16, 1)).toBe('ab');
    expect(fitText('abcdef', 34, 2)).toBe('abc');
    expect(fitText('abc', 4, 1)).toBe('');
  });
});
