import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJpegFrame } from './jpegFrame.js';

const file = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/jpeg/${name}`, import.meta.url)));

describe('readJpegFrame', () => {
  it('finds the frame header of baseline, progressive, gray and CMYK files', () => {
    expect(readJpegFrame(file('baseline-420.jpg'))).toEqual({ width: 53, height: 37, components: 3 });
    expect(readJpegFrame(file('progressive-420.jpg'))).toEqual({ width: 53, height: 37, components: 3 });
    expect(readJpegFrame(file('gray.jpg'))).toEqual({ width: 53, height: 37, components: 1 });
    expect(readJpegFrame(file('cmyk.jpg'))).toEqual({ width: 53, height: 37, components: 4 });
  });

  it('returns null when the bytes end or scan data comes first', () => {
    expect(readJpegFrame(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 4, 0, 0]))).toBeNull();
    expect(readJpegFrame(file('baseline-420.jpg').subarray(0, 30))).toBeNull();
  });
});
