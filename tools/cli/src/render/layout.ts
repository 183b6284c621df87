/**
 * What the pictures of a run look like, and the render job a command hands to the image worker
 * (see ../image/thread.ts): plain data, so that it crosses to a worker thread as it is.
 */
import type { ColormapName } from '@salkit/viz';
import { fitSize } from '../image/images.js';
import type { Plain } from '../image/plain.js';

/** Longest side of the pictures the CLI writes (bigger inputs are scaled down for display). */
export const DISPLAY_MAX_SIDE = 1024;
/** Longest side of one tile of the grid image. */
export const GRID_TILE_MAX_SIDE = 384;

export interface OverlayStyle {
  cmap: ColormapName;
  alpha: number;
}

/** A box `[x1, y1, x2, y2]` in pixels. */
export type Box = [number, number, number, number];

/** `[height, width]` of an image of size `size` as shown in outputs (see displayImage). */
export function displaySize(size: [number, number]): [number, number] {
  return fitSize(size, DISPLAY_MAX_SIDE);
}

/** One tile of the grid: a shown image or an overlay, by index. */
export type GridTile = { image: number } | { overlay: number };

/** The pictures of a run: overlays of maps on images, and a grid of them, as PNG files. */
export interface RenderJob {
  /** The images shown, RGB uint8 `[H,W,3]`; each is scaled down for display (displayImage). */
  images: Plain<Uint8Array>[];
  style: OverlayStyle;
  /** One PNG per map, drawn over the display of `images[on]`, boxes (display pixels) outlined. */
  overlays: { file: string; on: number; map: Plain<Float64Array>; boxes?: Box[] }[];
  /** The grid picture: its tiles in order, with their captions. */
  grid: { file: string; tiles: GridTile[]; captions: string[] };
}

/** The files of a render job, overlays first, then the grid: `[name, PNG bytes]`. */
export type RenderedFiles = [string, Uint8Array][];
