import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readImage } from '@salkit/viz/node';
import { describe, expect, it } from 'vitest';
import { samplePhotos } from './files.js';

/** PIL's decoded pixels of the demo photos, hashed (written by test/sample-photos-pil.py). */
const pil = JSON.parse(readFileSync(new URL('../../test/sample-photos-pil.json', import.meta.url), 'utf8')) as Record<
  string,
  { shape: number[]; sha256: string }
>;

describe("face-api's demo photos", () => {
  it.each(samplePhotos())('readImage decodes %s to the pixels PIL gives (the input of salkit explain)', (path) => {
    const img = readImage(path);
    const ref = pil[basename(path)];
    expect(img.shape).toEqual(ref?.shape);
    expect(createHash('sha256').update(img.data).digest('hex')).toBe(ref?.sha256);
  });
});
