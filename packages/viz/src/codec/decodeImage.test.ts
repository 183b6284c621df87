import { array } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { convertChannels } from './channels.js';
import { decodeImage, sniffImageFormat } from './decodeImage.js';
import { encodeJpeg } from './jpeg.js';
import { encodePng } from './png.js';

const rgba = array(Uint8Array.from([255, 0, 0, 10, 0, 255, 0, 20, 0, 0, 255, 30, 100, 150, 200, 255]), [2, 2, 4]);

describe('sniffImageFormat / decodeImage', () => {
  it('tells PNG from JPEG by signature', () => {
    expect(sniffImageFormat(encodePng(rgba))).toBe('png');
    expect(sniffImageFormat(encodeJpeg(rgba))).toBe('jpeg');
    expect(sniffImageFormat(new Uint8Array([0x47, 0x49, 0x46, 0x38]))).toBeNull();
    expect(sniffImageFormat(new Uint8Array(0))).toBeNull();
    expect(sniffImageFormat(encodePng(rgba).buffer as ArrayBuffer)).toBe('png');
  });

  it('decodes either format', () => {
    expect(decodeImage(encodePng(rgba)).data).toEqual(rgba.data);
    expect(decodeImage(encodeJpeg(rgba)).shape).toEqual([2, 2, 3]);
  });

  it('converts to the requested channel count', () => {
    const rgb = decodeImage(encodePng(rgba), { channels: 3 });
    expect([...rgb.data]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 100, 150, 200]);
    expect(decodeImage(encodeJpeg(rgba), { channels: 3 }).shape).toEqual([2, 2, 3]);
    expect(decodeImage(encodeJpeg(rgba), { channels: 1 }).shape).toEqual([2, 2, 1]);
  });

  it('rejects unknown formats showing the first bytes, and bad options', () => {
    expect(() => decodeImage(new TextEncoder().encode('GIF89a...'))).toThrow(
      'decodeImage: bytes: not a PNG or JPEG (first bytes: 47 49 46 38 39 61 2e 2e)',
    );
    expect(() => decodeImage(new Uint8Array(0))).toThrow(/first bytes: none/);
    expect(() => decodeImage(encodePng(rgba), { channels: 5 as never })).toThrow(
      /decodeImage: channels: expected an integer in \[1, 4\]/,
    );
    expect(() => decodeImage(encodePng(rgba), { maxPixels: 3 })).toThrow(/decodePng: the image is 2x2 = 4 pixels/);
    expect(() => decodeImage([1, 2] as never)).toThrow(/decodeImage: bytes: expected a Uint8Array or ArrayBuffer/);
  });
});

describe('convertChannels', () => {
  it('converts between gray, gray + alpha, RGB and RGBA', () => {
    expect([...convertChannels(rgba, 3).data]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 100, 150, 200]);
    // PIL's luma: (19595 R + 38470 G + 7471 B + 32768) >> 16
    expect([...convertChannels(rgba, 1).data]).toEqual([76, 150, 29, 141]);
    expect([...convertChannels(rgba, 2).data]).toEqual([76, 10, 150, 20, 29, 30, 141, 255]);
    const gray = array(Uint8Array.from([0, 50, 100, 255]), [2, 2]);
    expect(convertChannels(gray, 1).shape).toEqual([2, 2, 1]);
    expect([...convertChannels(gray, 3).data]).toEqual([0, 0, 0, 50, 50, 50, 100, 100, 100, 255, 255, 255]);
    expect([...convertChannels(gray, 4).data]).toEqual([
      0, 0, 0, 255, 50, 50, 50, 255, 100, 100, 100, 255, 255, 255, 255, 255,
    ]);
    const ga = array(Uint8Array.from([7, 1, 8, 2]), [1, 2, 2]);
    expect([...convertChannels(ga, 4).data]).toEqual([7, 7, 7, 1, 8, 8, 8, 2]);
    expect([...convertChannels(ga, 1).data]).toEqual([7, 8]);
  });

  it('returns a new array', () => {
    const out = convertChannels(rgba, 4);
    expect(out.data).toEqual(rgba.data);
    expect(out.data).not.toBe(rgba.data);
  });

  it('validates its arguments', () => {
    expect(() => convertChannels(rgba, 0 as never)).toThrow(
      /convertChannels: channels: expected an integer in \[1, 4\], got 0/,
    );
    expect(() => convertChannels(array(new Float32Array(4), [2, 2]), 3)).toThrow(
      /convertChannels: img: expected uint8/,
    );
  });
});
