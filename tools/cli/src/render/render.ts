/**
 * Drawing the pictures of a run. Loads @salkit/viz, so it runs in the image worker (see
 * ../image/thread.ts); commands describe what to draw with a RenderJob (./layout.ts).
 */
import type { NdArray } from '@salkit/ndarray';
import { overlayHeatmap, tileGrid } from '@salkit/viz';
import { encodePngZlib } from '@salkit/viz/node';
import { downscale, resizeMap, sizeOf } from '../image/images.js';
import { fromPlain } from '../image/plain.js';
import {
  type Box,
  DISPLAY_MAX_SIDE,
  GRID_TILE_MAX_SIDE,
  type OverlayStyle,
  type RenderedFiles,
  type RenderJob,
} from './layout.js';

/** A map (any size) drawn over `display` (resized to it), with optional boxes outlined. */
export function drawOverlay(
  display: NdArray<Uint8Array>,
  map: NdArray,
  style: OverlayStyle,
  boxes: Box[] = [],
): NdArray<Uint8Array> {
  const m = resizeMap(map, sizeOf(display));
  const img = overlayHeatmap(display, m, { cmap: style.cmap, alpha: style.alpha, vmin: -1, vmax: 1 });
  for (const b of boxes) drawBox(img, b);
  return img;
}

/**
 * Outlines `[x1, y1, x2, y2]` (pixels) on an RGB uint8 image in place: a light line with a
 * dark border, visible on any background.
 */
export function drawBox(img: NdArray<Uint8Array>, box: Box): void {
  const [H, W] = sizeOf(img);
  const t = Math.max(1, Math.round(Math.max(H, W) / 300));
  const clampX = (v: number) => Math.min(W - 1, Math.max(0, Math.round(v)));
  const clampY = (v: number) => Math.min(H - 1, Math.max(0, Math.round(v)));
  const [x1, y1, x2, y2] = [clampX(box[0]), clampY(box[1]), clampX(box[2]), clampY(box[3])];
  const paint = (x: number, y: number, v: number) => {
    if (x < 0 || y < 0 || x >= W || y >= H) return;
    img.set(y, x, 0, v);
    img.set(y, x, 1, v);
    img.set(y, x, 2, v);
  };
  // Dark ring (t px wide) outside and inside a light ring.
  for (let d = -t * 2; d <= t * 2; d++) {
    const v = Math.abs(d) <= t ? 255 : 0;
    for (let x = x1 - t * 2; x <= x2 + t * 2; x++) {
      paint(x, y1 + d, v);
      paint(x, y2 + d, v);
    }
    for (let y = y1 - t * 2; y <= y2 + t * 2; y++) {
      paint(x1 + d, y, v);
      paint(x2 + d, y, v);
    }
  }
}

/** The image as shown in outputs: scaled down to at most DISPLAY_MAX_SIDE. */
export function displayImage(image: NdArray<Uint8Array>): NdArray<Uint8Array> {
  return downscale(image, DISPLAY_MAX_SIDE);
}

/** One picture of all tiles with their captions. */
export function drawGrid(tiles: NdArray<Uint8Array>[], labels: string[]): NdArray<Uint8Array> {
  const small = tiles.map((t) => downscale(t, GRID_TILE_MAX_SIDE));
  const maxSide = Math.max(...small.map((t) => Math.max(...sizeOf(t))));
  const labelScale = maxSide >= 256 ? 2 : 1;
  return tileGrid(small, { labels, columns: Math.min(4, tiles.length), labelScale });
}

/** Draws a render job's overlays and grid and encodes them as PNGs (compressed in parallel). */
export async function renderPictures(job: RenderJob): Promise<RenderedFiles> {
  const displays = job.images.map((p) => displayImage(fromPlain(p)));
  const shown = (i: number) => displays[i] as NdArray<Uint8Array>;
  const overlays = job.overlays.map((o) => drawOverlay(shown(o.on), fromPlain(o.map), job.style, o.boxes ?? []));
  const tiles = job.grid.tiles.map((t) =>
    'image' in t ? shown(t.image) : (overlays[t.overlay] as NdArray<Uint8Array>),
  );
  const grid = drawGrid(tiles, job.grid.captions);
  const names = [...job.overlays.map((o) => o.file), job.grid.file];
  const bytes = await Promise.all([...overlays, grid].map((img) => encodePngZlib(img)));
  return names.map((name, i) => [name, bytes[i] as Uint8Array]);
}
