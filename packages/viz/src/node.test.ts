import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { array } from '@salkit/ndarray';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePng } from './codec/png.js';
import { readImage, writeJpeg, writePng } from './node.js';

const dir = mkdtempSync(join(tmpdir(), 'salkit-viz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const img = array(
  Uint8Array.from({ length: 8 * 6 * 3 }, (_, i) => (i * 11) & 255),
  [8, 6, 3],
);

describe('Node file helpers', () => {
  it('writePng + readImage round-trip exactly', () => {
    const path = join(dir, 'a.png');
    writePng(path, img);
    expect(decodePng(new Uint8Array(readFileSync(path))).data).toEqual(img.data);
    const back = readImage(path);
    expect(back.shape).toEqual([8, 6, 3]);
    expect(back.data).toEqual(img.data);
    expect(readImage(path, { channels: 4 }).shape).toEqual([8, 6, 4]);
  });

  it('writeJpeg + readImage round-trip closely', () => {
    const path = join(dir, 'a.jpg');
    writeJpeg(path, img, { quality: 95 });
    const back = readImage(path);
    expect(back.shape).toEqual([8, 6, 3]);
  });

  it('reports unreadable files and bad paths', () => {
    const path = join(dir, 'not-an-image.txt');
    writeFileSync(path, 'hello');
    expect(() => readImage(path)).toThrow(/decodeImage: bytes: not a PNG or JPEG \(first bytes: 68 65 6c 6c 6f\)/);
    expect(() => readImage(join(dir, 'missing.png'))).toThrow(/ENOENT/);
    expect(() => readImage(3 as never)).toThrow(/readImage: path: expected a non-empty file path string, got number 3/);
    expect(() => writePng('', img)).toThrow(/writePng: path/);
    expect(() => writeJpeg(join(dir, 'b.jpg'), array(new Float32Array(3), [1, 1, 3]))).toThrow(
      /encodeJpeg: img: expected uint8/,
    );
  });
});
