import { array, type NdArray } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { decodeJpeg, encodeJpeg, isJpeg } from './jpeg.js';

/** A smooth synthetic RGB image (gradients and a soft disc): what JPEG is made for. */
function smooth(h: number, w: number): NdArray<Uint8Array> {
  const data = new Uint8Array(h * w * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const d = Math.hypot(x - w / 2, y - h / 2) / (w / 3);
      const o = 3 * (y * w + x);
      data[o] = Math.round((255 * x) / (w - 1));
      data[o + 1] = Math.round((255 * y) / (h - 1));
      data[o + 2] = Math.round(255 * Math.max(0, 1 - d * d));
    }
  }
  return array(data, [h, w, 3]) as NdArray<Uint8Array>;
}

function meanAbsError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! - b[i]!);
  return s / a.length;
}

const b64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
// An 8x8 gray JPEG of value 128 written by Pillow 9.4 (quality 95).
const PIL_GRAY =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAIBAQEBAQIBAQECAgICAgQDAgICAgUEBAMEBgUGBgYFBgYGBwkIBgcJBwYGCAsICQoKCgoKBggLDAsKDAkKCgr/wAALCAAIAAgBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/ACv/2Q==';

describe('encodeJpeg / decodeJpeg', () => {
  it('round-trips RGB images closely (mean abs error small, falling with quality)', () => {
    const img = smooth(48, 64);
    const errors = [50, 90, 100].map((quality) => {
      const jpg = encodeJpeg(img, { quality });
      expect(isJpeg(jpg)).toBe(true);
      const back = decodeJpeg(jpg);
      expect(back.shape).toEqual([48, 64, 3]);
      expect(back.data.constructor).toBe(Uint8Array);
      return meanAbsError(back.data, img.data);
    });
    expect(errors[1]!).toBeLessThan(2);
    expect(errors[2]!).toBeLessThan(1.5);
    expect(errors[0]!).toBeGreaterThan(errors[1]!);
  });

  it('encodes gray as RGB and drops alpha', () => {
    const rgb = smooth(16, 16);
    const gray = array(
      Uint8Array.from({ length: 256 }, (_, i) => i),
      [16, 16],
    );
    const back = decodeJpeg(encodeJpeg(gray));
    expect(back.shape).toEqual([16, 16, 3]);
    for (let c = 0; c < 3; c++) {
      const channel = back.data.filter((_, i) => i % 3 === c);
      expect(meanAbsError(channel, gray.data)).toBeLessThan(4);
    }
    const rgba = array(new Uint8Array(16 * 16 * 4), [16, 16, 4]);
    for (let i = 0; i < 256; i++)
      rgba.data.set([rgb.data[3 * i]!, rgb.data[3 * i + 1]!, rgb.data[3 * i + 2]!, i], 4 * i);
    expect(encodeJpeg(rgba)).toEqual(encodeJpeg(rgb));
  });

  it('returns plain Uint8Arrays, and works where no global Buffer exists', () => {
    const img = smooth(8, 8);
    const ref = encodeJpeg(img);
    expect(ref.constructor).toBe(Uint8Array);
    expect(ref.buffer.byteLength).toBe(ref.length);
    const g = globalThis as { Buffer?: unknown };
    const saved = g.Buffer;
    delete g.Buffer;
    try {
      const out = encodeJpeg(img);
      expect(out).toEqual(ref);
      expect(g.Buffer).toBeUndefined();
      expect(decodeJpeg(out).shape).toEqual([8, 8, 3]);
    } finally {
      g.Buffer = saved;
    }
  });

  it("reads Pillow's gray JPEG as RGB", () => {
    const img = decodeJpeg(b64(PIL_GRAY));
    expect(img.shape).toEqual([8, 8, 3]);
    for (const v of img.data) expect(Math.abs(v - 128)).toBeLessThanOrEqual(1);
  });

  it('rejects bad images, options and bytes with clear errors', () => {
    const img = smooth(8, 8);
    expect(() => encodeJpeg(img, { quality: 0 })).toThrow(
      /encodeJpeg: quality: expected an integer in \[1, 100\], got 0/,
    );
    expect(() => encodeJpeg(img, { quality: 50.5 })).toThrow(/encodeJpeg: quality/);
    expect(() => encodeJpeg(array(new Uint8Array(8), [2, 2, 2]))).toThrow(
      /encodeJpeg: img: expected shape \[H,W\] or \[H,W,1\], \[H,W,3\], \[H,W,4\], got \[2,2,2\]/,
    );
    expect(() => encodeJpeg(array(new Int16Array(12), [2, 2, 3]))).toThrow(
      /encodeJpeg: img: expected uint8 pixel data/,
    );
    expect(() => decodeJpeg(new Uint8Array([0x89, 0x50]))).toThrow(/decodeJpeg: bytes: not a JPEG/);
    const jpg = encodeJpeg(smooth(32, 32));
    expect(() => decodeJpeg(jpg.subarray(0, 200))).toThrow(/decodeJpeg: invalid JPEG data: /);
    expect(() => decodeJpeg(jpg, { maxPixels: 1000 })).toThrow(
      /decodeJpeg: the image has more than maxPixels 1000 pixels/,
    );
    expect(decodeJpeg(jpg, { maxPixels: 1024 }).shape).toEqual([32, 32, 3]);
  });
});
