import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { array } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { decodeJpeg, encodeJpeg } from '../codec/jpeg.js';
import { decodeJpegLibjpeg, libjpegHeapBytes } from './libjpeg.js';

const fixtures = new URL('../../test/fixtures/jpeg/', import.meta.url);
const file = (name: string) => new Uint8Array(readFileSync(new URL(name, fixtures)));
/** PIL's decoded pixels of each fixture, hashed (written by test/fixtures/jpeg/make.py). */
const pil = JSON.parse(readFileSync(new URL('pil.json', fixtures), 'utf8')) as Record<
  string,
  { shape: number[]; sha256: string }
>;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('decodeJpegLibjpeg', () => {
  it.each(Object.keys(pil).filter((n) => n !== 'cmyk.jpg' && n !== 'large-flat.jpg'))(
    'gives the pixels PIL gives for %s',
    (name) => {
      const img = decodeJpegLibjpeg(file(name));
      expect(img.shape).toEqual(pil[name]?.shape);
      expect(img.data.constructor).toBe(Uint8Array);
      expect(sha256(img.data)).toBe(pil[name]?.sha256);
    },
  );

  it('differs from jpeg-js by IDCT rounding on gray files and more where chroma is upsampled', () => {
    const maxDiff = (name: string) => {
      const a = decodeJpegLibjpeg(file(name)).data;
      const b = decodeJpeg(file(name)).data;
      let max = 0;
      for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
      return max;
    };
    expect(maxDiff('gray.jpg')).toBeLessThanOrEqual(2);
    expect(maxDiff('baseline-420.jpg')).toBeGreaterThan(2);
    expect(maxDiff('baseline-420.jpg')).toBeLessThan(64);
  });

  it('decodes CMYK files through jpeg-js', () => {
    const cmyk = file('cmyk.jpg');
    const img = decodeJpegLibjpeg(cmyk);
    expect(img.shape).toEqual([37, 53, 3]);
    expect(img.data).toEqual(decodeJpeg(cmyk).data);
  });

  it('reads what jpeg-js writes, within the codec error', () => {
    const data = new Uint8Array(16 * 24 * 3);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7) % 256;
    const back = decodeJpegLibjpeg(encodeJpeg(array(data, [16, 24, 3]), { quality: 100 }));
    expect(back.shape).toEqual([16, 24, 3]);
  });

  it('keeps working after a failed decode', () => {
    const good = file('baseline-444.jpg');
    expect(() => decodeJpegLibjpeg(good.subarray(0, 600))).toThrow(
      /decodeJpegLibjpeg: invalid JPEG data: .*missing SOS/,
    );
    // Cut inside the scan: libjpeg would fill the rest with gray; PIL raises, and so does this.
    expect(() => decodeJpegLibjpeg(good.subarray(0, 3000))).toThrow(
      /decodeJpegLibjpeg: invalid JPEG data: Premature end of JPEG file \(truncated file\)/,
    );
    const garbage = new Uint8Array(300).fill(7);
    garbage.set(good.subarray(0, 200));
    expect(() => decodeJpegLibjpeg(garbage)).toThrow(/decodeJpegLibjpeg: invalid JPEG data/);
    expect(sha256(decodeJpegLibjpeg(good).data)).toBe(pil['baseline-444.jpg']?.sha256);
  });

  it('lets go of the memory a large image took, and decodes on afterwards', () => {
    decodeJpegLibjpeg(file('gray.jpg'));
    const small = libjpegHeapBytes();
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThanOrEqual(32 * 1024 * 1024);
    const big = decodeJpegLibjpeg(file('large-flat.jpg'));
    expect(big.shape).toEqual([2500, 4000, 3]);
    expect(sha256(big.data)).toBe(pil['large-flat.jpg']?.sha256);
    expect(libjpegHeapBytes()).toBe(0);
    expect(sha256(decodeJpegLibjpeg(file('baseline-444.jpg')).data)).toBe(pil['baseline-444.jpg']?.sha256);
    expect(libjpegHeapBytes()).toBe(small);
  });

  it('rejects bad arguments and oversized images with messages naming them', () => {
    const good = file('baseline-420.jpg');
    expect(() => decodeJpegLibjpeg(new Uint8Array([1, 2, 3]))).toThrow(
      /decodeJpegLibjpeg: bytes: not a JPEG \(the FF D8 FF start marker is missing\)/,
    );
    expect(() => decodeJpegLibjpeg('x' as never)).toThrow(/decodeJpegLibjpeg: bytes/);
    expect(() => decodeJpegLibjpeg(good, { maxPixels: 1000 })).toThrow(
      /decodeJpegLibjpeg: the image is 37x53 = 1961 pixels, more than maxPixels 1000/,
    );
    expect(() => decodeJpegLibjpeg(good, { maxPixels: 0 })).toThrow(/decodeJpegLibjpeg: maxPixels/);
    expect(() => decodeJpegLibjpeg(good.subarray(0, 4))).toThrow(/no frame header/);
  });
});
