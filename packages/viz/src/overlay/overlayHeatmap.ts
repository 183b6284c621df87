import type { NdArray } from '@salkit/ndarray';
import { type Colormap, type ColormapName, colorIndex, colorScale, resolveColormap } from '../colormap/colormap.js';
import { checkImage, checkMap2d, checkOptions, describeValue, imageArray, shapeText } from '../util/validate.js';

export interface OverlayHeatmapOptions {
  /** Colormap (default `RdBu_r`, diverging: blue < 0 < red, for saliency maps in [-1, 1]). */
  cmap?: Colormap | ColormapName;
  /** Weight of the heatmap colour, in [0, 1] (default 0.5): 0 gives the image, 1 the colormapped map. */
  alpha?: number;
  /** Value drawn with the first colour (default: the colormap's defaultRange[0]). */
  vmin?: number;
  /** Value drawn with the last colour (default: the colormap's defaultRange[1]). */
  vmax?: number;
}

/**
 * Blends a colormapped heatmap over an image: `out = round((1 - alpha) * image + alpha * cmap(map))`
 * per RGB channel. `image` is uint8 `[H,W]`, `[H,W,1]` (gray, drawn as RGB), `[H,W,3]` or
 * `[H,W,4]` (alpha channel ignored); `map` is `[H,W]` of any numeric dtype with the image's
 * height and width. Where the map is NaN the image shows through unchanged.
 * Returns a new `[H,W,3]` uint8 image.
 */
export function overlayHeatmap(image: NdArray, map: NdArray, options?: OverlayHeatmapOptions): NdArray<Uint8Array> {
  const fn = 'overlayHeatmap';
  const img = checkImage(`${fn}: image`, image);
  const m = checkMap2d(`${fn}: map`, map);
  if (img.height !== m.height || img.width !== m.width) {
    throw new Error(
      `${fn}: image ${shapeText(image.shape)} and map ${shapeText(map.shape)} must have the same height and width ` +
        '(resize the map to the image first)',
    );
  }
  const opts = checkOptions(`${fn}: options`, options);
  const cm = resolveColormap(`${fn}: cmap`, opts.cmap ?? 'RdBu_r');
  const alpha = opts.alpha ?? 0.5;
  if (typeof alpha !== 'number' || !(alpha >= 0 && alpha <= 1)) {
    throw new RangeError(`${fn}: alpha: expected a number in [0, 1], got ${describeValue(alpha)}`);
  }
  const { vmin, span, n } = colorScale(fn, cm, opts.vmin, opts.vmax);

  // The two weighted terms, precomputed: (1 - alpha) * v for every byte v, alpha * colour + 0.5
  // for every table entry; the loop adds one of each and truncates.
  const beta = 1 - alpha;
  const lutTerm = new Float64Array(cm.lut.length);
  for (let i = 0; i < lutTerm.length; i++) lutTerm[i] = alpha * (cm.lut[i] as number) + 0.5;
  const imgTerm = new Float64Array(256);
  for (let v = 0; v < 256; v++) imgTerm[v] = beta * v;

  const { channels, data: src } = img;
  const mapData = m.data;
  const size = img.height * img.width;
  const out = new Uint8Array(size * 3);
  const gray = channels === 1;
  for (let i = 0, s = 0, o = 0; i < size; i++, s += channels, o += 3) {
    const r = src[s] as number;
    const g = gray ? r : (src[s + 1] as number);
    const b = gray ? r : (src[s + 2] as number);
    const k = colorIndex(mapData[i] as number, vmin, span, n);
    if (k < 0) {
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
    } else {
      const c = 3 * k;
      // Both terms are >= 0 and sum to at most 255.5, so truncation rounds half up.
      out[o] = (imgTerm[r] as number) + (lutTerm[c] as number);
      out[o + 1] = (imgTerm[g] as number) + (lutTerm[c + 1] as number);
      out[o + 2] = (imgTerm[b] as number) + (lutTerm[c + 2] as number);
    }
  }
  return imageArray(out, img.height, img.width, 3);
}
