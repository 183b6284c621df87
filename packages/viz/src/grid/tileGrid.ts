import type { NdArray } from '@salkit/ndarray';
import {
  checkColor,
  checkImage,
  checkInt,
  checkOptions,
  describeValue,
  type ImageView,
  imageArray,
  type RGB,
} from '../util/validate.js';
import { drawText, fitText, textHeight, textWidth } from './text.js';

export interface TileGridOptions {
  /** Tiles per row (default ceil(sqrt(n)); more than n means n). */
  columns?: number;
  /** One caption per image, drawn centred under it in a 5x7 bitmap font (printable ASCII; others show as '?'). */
  labels?: readonly string[];
  /** Pixels between tiles and around the grid (default 4). */
  padding?: number;
  /** Colour of the padding and of unused cell area (default white [255, 255, 255]). */
  background?: RGB;
  /** Caption colour (default black [0, 0, 0]). */
  labelColor?: RGB;
  /** Font pixel size: each font pixel is drawn as a labelScale x labelScale block (default 1). */
  labelScale?: number;
}

/** Layout of a tiled grid: sizes in pixels. */
export interface GridLayout {
  rows: number;
  columns: number;
  /** Largest tile height and width: every cell's image area. */
  cellHeight: number;
  cellWidth: number;
  /** Height of the caption strip under each cell (0 without labels). */
  captionHeight: number;
  height: number;
  width: number;
}

interface LayoutParams {
  columns: number;
  padding: number;
  labelScale: number;
  labels: boolean;
}

function layout(count: number, cellHeight: number, cellWidth: number, p: LayoutParams): GridLayout {
  const columns = Math.min(p.columns, count);
  const rows = Math.ceil(count / columns);
  const captionHeight = p.labels ? textHeight(p.labelScale) + 4 * p.labelScale : 0;
  return {
    rows,
    columns,
    cellHeight,
    cellWidth,
    captionHeight,
    height: rows * (cellHeight + captionHeight) + (rows + 1) * p.padding,
    width: columns * cellWidth + (columns + 1) * p.padding,
  };
}

/**
 * The layout tileGrid uses for `count` tiles whose largest is `cellHeight` x `cellWidth`:
 * `columns` cells per row (default ceil(sqrt(count)), at most count), `padding` (default 4)
 * between and around them; each row is `cellHeight` plus the caption strip, `(7 + 4) * labelScale`
 * rows when `labels` is true. So
 * width = columns * cellWidth + (columns + 1) * padding and
 * height = rows * (cellHeight + captionHeight) + (rows + 1) * padding.
 */
export function gridLayout(
  count: number,
  cellHeight: number,
  cellWidth: number,
  options?: { columns?: number; padding?: number; labelScale?: number; labels?: boolean },
): GridLayout {
  const fn = 'gridLayout';
  checkInt(`${fn}: count`, count, 1, Number.MAX_SAFE_INTEGER);
  checkInt(`${fn}: cellHeight`, cellHeight, 1, Number.MAX_SAFE_INTEGER);
  checkInt(`${fn}: cellWidth`, cellWidth, 1, Number.MAX_SAFE_INTEGER);
  return layout(count, cellHeight, cellWidth, layoutParams(fn, count, checkOptions(`${fn}: options`, options)));
}

function layoutParams(
  fn: string,
  count: number,
  opts: { columns?: unknown; padding?: unknown; labelScale?: unknown; labels?: unknown },
): LayoutParams {
  return {
    columns:
      opts.columns === undefined
        ? Math.ceil(Math.sqrt(count))
        : checkInt(`${fn}: columns`, opts.columns, 1, Number.MAX_SAFE_INTEGER),
    padding: opts.padding === undefined ? 4 : checkInt(`${fn}: padding`, opts.padding, 0, 65535),
    labelScale: opts.labelScale === undefined ? 1 : checkInt(`${fn}: labelScale`, opts.labelScale, 1, 64),
    labels: Boolean(opts.labels),
  };
}

/** Copies an image (1, 3 or 4 channels; alpha dropped) into the RGB canvas at (x0, y0). */
function blit(out: Uint8Array, outWidth: number, img: ImageView, x0: number, y0: number): void {
  const { height, width, channels, data } = img;
  for (let y = 0; y < height; y++) {
    let o = 3 * ((y0 + y) * outWidth + x0);
    let s = y * width * channels;
    if (channels === 3) {
      out.set(data.subarray(s, s + 3 * width), o);
      continue;
    }
    for (let x = 0; x < width; x++, o += 3, s += channels) {
      const r = data[s] as number;
      out[o] = r;
      out[o + 1] = channels === 1 ? r : (data[s + 1] as number);
      out[o + 2] = channels === 1 ? r : (data[s + 2] as number);
    }
  }
}

/**
 * Tiles uint8 images (`[H,W]`, `[H,W,1]`, `[H,W,3]` or `[H,W,4]`, alpha dropped; sizes may differ)
 * into one `[H',W',3]` image, row by row, with optional captions drawn under each tile.
 * Every cell is as large as the largest tile; a smaller tile is centred in its cell.
 * See {@link gridLayout} for the size arithmetic.
 */
export function tileGrid(images: readonly NdArray[], options?: TileGridOptions): NdArray<Uint8Array> {
  const fn = 'tileGrid';
  if (!Array.isArray(images) || images.length === 0) {
    throw new TypeError(`${fn}: images: expected a non-empty array of images, got ${describeValue(images)}`);
  }
  const tiles = images.map((im, i) => checkImage(`${fn}: images[${i}]`, im));
  const opts = checkOptions(`${fn}: options`, options);
  const background = checkColor(`${fn}: background`, opts.background ?? [255, 255, 255]);
  const labelColor = checkColor(`${fn}: labelColor`, opts.labelColor ?? [0, 0, 0]);
  const labels = opts.labels;
  if (labels !== undefined) {
    if (!Array.isArray(labels) || labels.length !== tiles.length) {
      throw new TypeError(
        `${fn}: labels: expected one string per image (${tiles.length}), got ${describeValue(labels)}`,
      );
    }
    labels.forEach((l, i) => {
      if (typeof l !== 'string') throw new TypeError(`${fn}: labels[${i}]: expected a string, got ${describeValue(l)}`);
    });
  }

  let cellHeight = 0;
  let cellWidth = 0;
  for (const t of tiles) {
    cellHeight = Math.max(cellHeight, t.height);
    cellWidth = Math.max(cellWidth, t.width);
  }
  const params = layoutParams(fn, tiles.length, { ...opts, labels: labels !== undefined });
  const grid = layout(tiles.length, cellHeight, cellWidth, params);
  const { width, height, captionHeight } = grid;
  const { padding, labelScale } = params;
  if (width * height > 2 ** 28) {
    throw new RangeError(
      `${fn}: the grid would be ${height}x${width} pixels, more than 2^28; tile fewer or smaller images`,
    );
  }
  const out = new Uint8Array(width * height * 3);
  const [br, bg, bb] = background;
  for (let o = 0; o < out.length; o += 3) {
    out[o] = br;
    out[o + 1] = bg;
    out[o + 2] = bb;
  }

  tiles.forEach((t, i) => {
    const row = Math.floor(i / grid.columns);
    const col = i % grid.columns;
    const cellX = padding + col * (cellWidth + padding);
    const cellY = padding + row * (cellHeight + captionHeight + padding);
    blit(out, width, t, cellX + ((cellWidth - t.width) >> 1), cellY + ((cellHeight - t.height) >> 1));
    if (labels !== undefined) {
      const text = fitText(labels[i] as string, cellWidth, labelScale);
      const tx = cellX + ((cellWidth - textWidth(text, labelScale)) >> 1);
      const ty = cellY + cellHeight + 2 * labelScale;
      drawText(out, width, height, tx, ty, text, labelColor, labelScale);
    }
  });
  return imageArray(out, height, width, 3);
}
