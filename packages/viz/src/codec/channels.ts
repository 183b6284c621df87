import type { NdArray } from '@salkit/ndarray';
import { checkImage, checkInt, imageArray } from '../util/validate.js';

/**
 * Converts a uint8 image (`[H,W]` or `[H,W,C]`, C in 1..4) to `channels` channels, returning a
 * new `[H,W,channels]` array. Gray -> colour repeats the gray value; colour -> gray uses the
 * ITU-R 601 luma L = (19595 R + 38470 G + 7471 B + 32768) >> 16 (PIL's `convert('L')`);
 * alpha is kept when both sides have it, dropped when the target has none, 255 when the
 * source has none.
 */
export function convertChannels(img: NdArray, channels: 1 | 2 | 3 | 4): NdArray<Uint8Array> {
  const fn = 'convertChannels';
  const src = checkImage(`${fn}: img`, img, [1, 2, 3, 4]);
  const cOut = checkInt(`${fn}: channels`, channels, 1, 4);
  const { height, width, channels: cIn, data } = src;
  const size = height * width;
  const out = new Uint8Array(size * cOut);
  const inColor = cIn >= 3;
  const inAlpha = cIn === 2 || cIn === 4;
  const outColor = cOut >= 3;
  const alphaAt = cOut === 2 ? 1 : cOut === 4 ? 3 : -1;
  for (let i = 0, s = 0, o = 0; i < size; i++, s += cIn, o += cOut) {
    const r = data[s] as number;
    if (outColor) {
      out[o] = r;
      out[o + 1] = inColor ? (data[s + 1] as number) : r;
      out[o + 2] = inColor ? (data[s + 2] as number) : r;
    } else {
      out[o] = inColor
        ? (19595 * r + 38470 * (data[s + 1] as number) + 7471 * (data[s + 2] as number) + 32768) >> 16
        : r;
    }
    if (alphaAt >= 0) out[o + alphaAt] = inAlpha ? (data[s + cIn - 1] as number) : 255;
  }
  return imageArray(out, height, width, cOut);
}
