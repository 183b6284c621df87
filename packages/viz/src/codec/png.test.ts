import { crc32, deflateSync } from 'node:zlib';
import { array, type NdArray } from '@salkit/ndarray';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng, isPng } from './png.js';

const b64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

// Small PNGs written by Pillow 9.4, with the pixels Pillow reads back from them.
const FIXTURES = {
  // 2-bit palette, 3x2
  palette:
    'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACAgMAAADgGo6JAAAADFBMVEX/AAAA/wAAAP8KFB4iiCkEAAAADElEQVR4nGOQYDgCAAEQAN0R5Q8iAAAAAElFTkSuQmCC',
  // the same with a tRNS chunk: alphas 255, 0, 128, 255
  paletteTrns:
    'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACAgMAAADgGo6JAAAADFBMVEX/AAAA/wAAAP8KFB4iiCkEAAAABHRSTlP/AID/excXrQAAAAxJREFUeJxjkGA4AgABEADdEeUPIgAAAABJRU5ErkJggg==',
  // 16-bit gray [[0, 2570, 65535], [32896, 257, 51400]]
  gray16:
    'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACEAAAAADoj+WFAAAAFklEQVR4nGNgYODi+v+foaGBkfHECQAZrgSlNVoPQgAAAABJRU5ErkJggg==',
  // 8-bit gray + alpha
  grayAlpha:
    'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAQAAAA3fa6RAAAAFklEQVR4nGNg+J/CcMKI8T8jhw+TGAAgCgPLXHd99QAAAABJRU5ErkJggg==',
  // 1-bit gray [[1, 0, 1], [0, 1, 1]]
  bilevel: 'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACAQAAAAC1D1u3AAAADElEQVR4nGNYwHQAAAKoAWOa7lh0AAAAAElFTkSuQmCC',
  // 8-bit gray [[0, 50, 100], [150, 200, 50]] with tRNS marking 50 transparent
  grayTrns:
    'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAAAAAC4HznGAAAAAnRSTlMAMr5EnLgAAAAQSURBVHicY2QwMmKYdsIIAAW6AfZ47lPoAAAAAElFTkSuQmCC',
  // 8-bit RGB with tRNS marking (10, 20, 30) transparent
  rgbTrns:
    'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAABnRSTlMACgAUAB7FNin/AAAAHElEQVR4nGNgZGLmEpFjZGJmYGBg+P//P5eIPAATigODTTEbbgAAAABJRU5ErkJggg==',
};

/** An 8-bit gray Adam7-interlaced PNG of `pixels` (row-major h x w), built by hand. */
function interlacedGrayPng(pixels: number[], h: number, w: number): Uint8Array {
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ];
  const raw: number[] = [];
  for (const [x0, y0, dx, dy] of passes as [number, number, number, number][]) {
    if (x0 >= w || y0 >= h) continue;
    for (let y = y0; y < h; y += dy) {
      raw.push(0);
      for (let x = x0; x < w; x += dx) raw.push(pixels[y * w + x]!);
    }
  }
  const chunk = (type: string, data: Uint8Array) => {
    const body = new Uint8Array(4 + data.length);
    body.set(Array.from(type, (c) => c.charCodeAt(0)));
    body.set(data, 4);
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(body, 4);
    view.setUint32(8 + data.length, crc32(body));
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, w);
  new DataView(ihdr.buffer).setUint32(4, h);
  ihdr.set([8, 0, 0, 0, 1], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', new Uint8Array(deflateSync(Uint8Array.from(raw)))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const image = (shape: number[]) =>
  fc
    .uint8Array({ minLength: shape.reduce((a, b) => a * b, 1), maxLength: shape.reduce((a, b) => a * b, 1) })
    .map((d) => array(d, shape));

const shapes = (channels: number | null) =>
  fc
    .tuple(fc.integer({ min: 1, max: 17 }), fc.integer({ min: 1, max: 17 }))
    .map(([h, w]) => (channels === null ? [h, w] : [h, w, channels]));

describe('encodePng / decodePng', () => {
  for (const [name, channels] of [
    ['gray [H,W]', null],
    ['gray [H,W,1]', 1],
    ['gray + alpha', 2],
    ['RGB', 3],
    ['RGBA', 4],
  ] as const) {
    it(`round-trips ${name} images exactly (property)`, () => {
      fc.assert(
        fc.property(shapes(channels).chain(image), (img: NdArray) => {
          const png = encodePng(img);
          expect(isPng(png)).toBe(true);
          const back = decodePng(png);
          const [h, w] = img.shape;
          expect(back.shape).toEqual([h, w, channels ?? 1]);
          expect(back.data).toEqual(img.data);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('returns plain Uint8Arrays that own their bytes', () => {
    const png = encodePng(array(new Uint8Array(12), [2, 2, 3]));
    expect(png.constructor).toBe(Uint8Array);
    expect(png.byteOffset).toBe(0);
    expect(png.buffer.byteLength).toBe(png.length);
    const back = decodePng(png);
    expect(back.data.constructor).toBe(Uint8Array);
  });

  it('writes the colour type of the channel count and any compression level', () => {
    for (const [c, type] of [
      [1, 0],
      [2, 4],
      [3, 2],
      [4, 6],
    ] as const) {
      expect(encodePng(array(new Uint8Array(4 * c), [2, 2, c]))[25]).toBe(type);
    }
    const img = array(
      Uint8Array.from({ length: 300 }, (_, i) => i % 7),
      [10, 10, 3],
    );
    for (const level of [0, 1, 9])
      expect(decodePng(encodePng(img, { compressionLevel: level })).data).toEqual(img.data);
    expect(encodePng(img, { compressionLevel: 0 }).length).toBeGreaterThan(encodePng(img).length);
  });

  it('encodes strided views and Uint8ClampedArray data', () => {
    const img = array(
      Uint8Array.from({ length: 24 }, (_, i) => i * 10),
      [2, 4, 3],
    );
    const t = img.transpose(1, 0, 2);
    const back = decodePng(encodePng(t));
    expect(back.shape).toEqual([4, 2, 3]);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 2; x++) expect(back.get(y, x, 1)).toBe(t.get(y, x, 1));
    const c = array(new Uint8ClampedArray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) as never, [2, 2, 3]);
    expect([...decodePng(encodePng(c)).data]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('reads palettes, transparency, 1- and 16-bit files as Pillow does', () => {
    const palette = decodePng(b64(FIXTURES.palette));
    expect(palette.shape).toEqual([2, 3, 3]);
    expect([...palette.data]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 255, 0, 0, 0, 255, 0]);
    const trns = decodePng(b64(FIXTURES.paletteTrns));
    expect(trns.shape).toEqual([2, 3, 4]);
    expect([...trns.data]).toEqual([
      255, 0, 0, 255, 0, 255, 0, 0, 0, 0, 255, 128, 10, 20, 30, 255, 255, 0, 0, 255, 0, 255, 0, 0,
    ]);
    const g16 = decodePng(b64(FIXTURES.gray16));
    expect(g16.shape).toEqual([2, 3, 1]);
    expect([...g16.data]).toEqual([0, 10, 255, 128, 1, 200]);
    const ga = decodePng(b64(FIXTURES.grayAlpha));
    expect(ga.shape).toEqual([2, 3, 2]);
    expect([...ga.data]).toEqual([0, 255, 100, 0, 200, 50, 255, 1, 7, 77, 9, 99]);
    const bw = decodePng(b64(FIXTURES.bilevel));
    expect([...bw.data]).toEqual([255, 0, 255, 0, 255, 255]);
    const gt = decodePng(b64(FIXTURES.grayTrns));
    expect(gt.shape).toEqual([2, 3, 2]);
    expect([...gt.data]).toEqual([0, 255, 50, 0, 100, 255, 150, 255, 200, 255, 50, 0]);
    const rt = decodePng(b64(FIXTURES.rgbTrns));
    expect(rt.shape).toEqual([2, 3, 4]);
    expect([...rt.data]).toEqual([
      1, 2, 3, 255, 10, 20, 30, 0, 1, 2, 3, 255, 0, 0, 0, 255, 255, 255, 255, 255, 10, 20, 31, 255,
    ]);
  });

  it('reads Adam7-interlaced files', () => {
    const [h, w] = [11, 9];
    const pixels = Array.from({ length: h * w }, (_, i) => (i * 37) % 256);
    const img = decodePng(interlacedGrayPng(pixels, h, w));
    expect(img.shape).toEqual([h, w, 1]);
    expect([...img.data]).toEqual(pixels);
  });

  it('accepts an ArrayBuffer and a subarray view', () => {
    const png = encodePng(array(Uint8Array.from([1, 2, 3, 4]), [2, 2]));
    const padded = new Uint8Array(png.length + 10);
    padded.set(png, 5);
    expect([...decodePng(padded.subarray(5, 5 + png.length)).data]).toEqual([1, 2, 3, 4]);
    expect([...decodePng(png.buffer as ArrayBuffer).data]).toEqual([1, 2, 3, 4]);
  });

  it('rejects bad images and bad bytes with clear errors', () => {
    expect(() => encodePng(array(new Float64Array(4), [2, 2]))).toThrow(/encodePng: img: expected uint8 pixel data/);
    expect(() => encodePng(array(new Uint8Array(10), [2, 1, 5]))).toThrow(
      /encodePng: img: expected shape \[H,W\] or \[H,W,1\], \[H,W,2\], \[H,W,3\], \[H,W,4\], got \[2,1,5\]/,
    );
    expect(() => encodePng(array(new Uint8Array(4), [4]))).toThrow(/got \[4\]/);
    expect(() => encodePng(array(new Uint8Array(0), [0, 3, 3]))).toThrow(/non-empty image/);
    expect(() => encodePng(array(new Uint8Array(4), [2, 2]), { compressionLevel: 10 })).toThrow(
      /encodePng: compressionLevel: expected an integer in \[0, 9\], got 10/,
    );
    expect(() => decodePng('png' as never)).toThrow(/decodePng: bytes: expected a Uint8Array or ArrayBuffer/);
    expect(() => decodePng(new Uint8Array([1, 2, 3]))).toThrow(/decodePng: bytes: not a PNG/);
    const png = encodePng(
      array(
        Uint8Array.from({ length: 300 }, (_, i) => i),
        [10, 10, 3],
      ),
    );
    expect(() => decodePng(png.subarray(0, png.length - 30))).toThrow(/decodePng: invalid PNG data: /);
    const corrupt = Uint8Array.from(png);
    corrupt[40] = (corrupt[40]! + 1) & 255;
    expect(() => decodePng(corrupt)).toThrow(/decodePng: invalid PNG data: /);
    expect(() => decodePng(png, { maxPixels: 99 })).toThrow(
      /decodePng: the image is 10x10 = 100 pixels, more than maxPixels 99/,
    );
    expect(decodePng(png, { maxPixels: 100 }).shape).toEqual([10, 10, 3]);
  });
});
