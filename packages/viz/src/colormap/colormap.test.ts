import { describe, expect, it } from 'vitest';
import { COLORMAP_NAMES, Colormap, colorIndex, colormap } from './colormap.js';

/** CIE L* of an sRGB colour (D65). */
function lightness(r: number, g: number, b: number): number {
  const lin = (u: number) => (u <= 0.04045 ? u / 12.92 : ((u + 0.055) / 1.055) ** 2.4);
  const y = 0.2126 * lin(r / 255) + 0.7152 * lin(g / 255) + 0.0722 * lin(b / 255);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (y * 24389) / 27;
}

function lightnesses(c: Colormap): number[] {
  return Array.from({ length: c.size }, (_, i) => lightness(...c.color(i)));
}

describe('built-in colormaps', () => {
  it('have 256 colours each and are cached', () => {
    for (const name of COLORMAP_NAMES) {
      const c = colormap(name);
      expect(c.size).toBe(256);
      expect(c.lut.length).toBe(768);
      expect(c.name).toBe(name);
      expect(colormap(name)).toBe(c);
    }
  });

  it("hold matplotlib's colours (cmap(i, bytes=True))", () => {
    expect(colormap('viridis').color(0)).toEqual([68, 1, 84]);
    expect(colormap('viridis').color(128)).toEqual([32, 144, 140]);
    expect(colormap('viridis').color(255)).toEqual([253, 231, 36]);
    expect(colormap('coolwarm').color(0)).toEqual([58, 76, 192]);
    expect(colormap('coolwarm').color(255)).toEqual([179, 3, 38]);
    expect(colormap('RdBu_r').color(0)).toEqual([5, 48, 97]);
    expect(colormap('RdBu_r').color(127)).toEqual([246, 246, 246]);
    expect(colormap('RdBu_r').color(255)).toEqual([103, 0, 31]);
    expect(colormap('gray').color(77)).toEqual([77, 77, 77]);
  });

  it('viridis: lightness rises across the map (8-bit rounding leaves dips under 0.05 L*)', () => {
    const l = lightnesses(colormap('viridis'));
    for (let i = 1; i < l.length; i++) expect(l[i]! - l[i - 1]!).toBeGreaterThan(-0.05);
    for (let i = 8; i < l.length; i += 8) expect(l[i]!).toBeGreaterThan(l[i - 8]!);
    expect(l[255]! - l[0]!).toBeGreaterThan(70);
  });

  it('diverging maps: dark blue -> light neutral middle -> dark red, lightness peaks at the middle', () => {
    for (const name of ['coolwarm', 'RdBu_r'] as const) {
      const c = colormap(name);
      expect(c.defaultRange).toEqual([-1, 1]);
      const l = lightnesses(c);
      const peak = l.indexOf(Math.max(...l));
      expect(Math.abs(peak - 127.5)).toBeLessThanOrEqual(1);
      for (let i = 1; i <= 127; i++) expect(l[i]!).toBeGreaterThan(l[i - 1]!);
      const [r, g, b] = c.color(128);
      expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThanOrEqual(3);
      expect(Math.min(r, g, b)).toBeGreaterThan(215);
      const [r0, , b0] = c.color(0);
      const [r1, , b1] = c.color(255);
      expect(b0).toBeGreaterThan(r0);
      expect(r1).toBeGreaterThan(b1);
    }
    expect(colormap('viridis').defaultRange).toEqual([0, 1]);
  });

  it('rejects unknown names with the list of valid ones', () => {
    expect(() => colormap('jet' as never)).toThrow(
      /colormap: name: expected one of viridis, coolwarm, RdBu_r, gray, got the string "jet"/,
    );
  });
});

describe('Colormap', () => {
  it('builds from hex strings and copies its table', () => {
    const lut = new Uint8Array([0, 0, 0, 255, 255, 255]);
    const c = new Colormap('bw', lut, [-2, 2]);
    lut[0] = 9;
    expect(c.color(0)).toEqual([0, 0, 0]);
    expect(c.defaultRange).toEqual([-2, 2]);
    const h = Colormap.fromHex('rgb', ['#ff0000', '00ff00', '0000FF']);
    expect(h.size).toBe(3);
    expect(h.color(2)).toEqual([0, 0, 255]);
    expect(h.defaultRange).toEqual([0, 1]);
  });

  it('validates its arguments', () => {
    expect(() => new Colormap('', new Uint8Array(6))).toThrow(/Colormap: name/);
    expect(() => new Colormap('x', new Uint8Array(3))).toThrow(/N\*3 bytes with N >= 2/);
    expect(() => new Colormap('x', new Uint8Array(7))).toThrow(/N\*3 bytes/);
    expect(() => new Colormap('x', new Uint8Array(6), [1, 1])).toThrow(/vmin < vmax, got \[1, 1\]/);
    expect(() => new Colormap('x', new Uint8Array(6), [0, Number.NaN])).toThrow(
      /defaultRange\[1\]: expected a finite number/,
    );
    expect(() => Colormap.fromHex('x', ['ff0000', 'red'])).toThrow(
      /colors\[1\]: expected 'rrggbb' or '#rrggbb', got the string "red"/,
    );
    expect(() => colormap('gray').color(256)).toThrow(/Colormap.color: i: expected an integer in \[0, 255\]/);
  });
});

describe('colorIndex', () => {
  it("follows matplotlib's floor(t * N) rule with clamping, NaN -> -1", () => {
    expect(colorIndex(-1, -1, 2, 256)).toBe(0);
    expect(colorIndex(1, -1, 2, 256)).toBe(255);
    expect(colorIndex(0, -1, 2, 256)).toBe(128);
    expect(colorIndex(-0.0039, -1, 2, 256)).toBe(127);
    expect(colorIndex(5, -1, 2, 256)).toBe(255);
    expect(colorIndex(Number.POSITIVE_INFINITY, -1, 2, 256)).toBe(255);
    expect(colorIndex(Number.NEGATIVE_INFINITY, -1, 2, 256)).toBe(0);
    expect(colorIndex(Number.NaN, -1, 2, 256)).toBe(-1);
  });
});
