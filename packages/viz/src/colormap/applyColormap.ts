import type { NdArray } from '@salkit/ndarray';
import { checkColor, checkMap2d, checkOptions, imageArray, type RGB } from '../util/validate.js';
import { type Colormap, type ColormapName, colorIndex, colorScale, resolveColormap } from './colormap.js';

export interface ApplyColormapOptions {
  /** Value drawn with the first colour (default: the colormap's defaultRange[0], -1 or 0). */
  vmin?: number;
  /** Value drawn with the last colour (default: the colormap's defaultRange[1], 1). */
  vmax?: number;
  /** Colour of NaN values (default [0, 0, 0], matplotlib's "bad" RGB). */
  nanColor?: RGB;
}

/**
 * Colours a 2-D map: `[H,W]` of any numeric dtype -> `[H,W,3]` uint8 RGB. Values at or below
 * vmin get the first colour, at or above vmax the last (+-Infinity included), NaN gets
 * `nanColor`. Equal to matplotlib's `cmap(Normalize(vmin, vmax)(map), bytes=True)[..., :3]`
 * for the built-in maps.
 */
export function applyColormap(
  map: NdArray,
  cmap: Colormap | ColormapName,
  options?: ApplyColormapOptions,
): NdArray<Uint8Array> {
  const fn = 'applyColormap';
  const { height, width, data } = checkMap2d(`${fn}: map`, map);
  const cm = resolveColormap(`${fn}: cmap`, cmap);
  const opts = checkOptions(`${fn}: options`, options);
  const { vmin, span, n } = colorScale(fn, cm, opts.vmin, opts.vmax);
  const [nr, ng, nb] = opts.nanColor === undefined ? [0, 0, 0] : checkColor(`${fn}: nanColor`, opts.nanColor);
  const lut = cm.lut;
  const size = height * width;
  const out = new Uint8Array(size * 3);
  for (let i = 0, o = 0; i < size; i++, o += 3) {
    const k = colorIndex(data[i] as number, vmin, span, n);
    if (k < 0) {
      out[o] = nr;
      out[o + 1] = ng;
      out[o + 2] = nb;
    } else {
      const c = 3 * k;
      out[o] = lut[c] as number;
      out[o + 1] = lut[c + 1] as number;
      out[o + 2] = lut[c + 2] as number;
    }
  }
  return imageArray(out, height, width, 3);
}
