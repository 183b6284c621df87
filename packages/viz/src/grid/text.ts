import { GLYPH_ADVANCE, GLYPH_BITS, GLYPH_HEIGHT, GLYPH_WIDTH } from './font-data.js';

const FIRST = 32;
const LAST = 126;
const FALLBACK = '?'.charCodeAt(0) - FIRST;

/** Width in pixels of `text` drawn at `scale` (no trailing gap). */
export function textWidth(text: string, scale: number): number {
  return text.length === 0 ? 0 : (text.length * GLYPH_ADVANCE - 1) * scale;
}

/** Height in pixels of a line of text at `scale`. */
export function textHeight(scale: number): number {
  return GLYPH_HEIGHT * scale;
}

/** The longest prefix of `text` whose drawn width fits in `maxWidth` pixels. */
export function fitText(text: string, maxWidth: number, scale: number): string {
  const n = Math.max(0, Math.floor((maxWidth / scale + 1) / GLYPH_ADVANCE));
  return text.length <= n ? text : text.slice(0, n);
}

/**
 * Draws `text` into an RGB image (row-major, `width` x `height` x 3 bytes) with its top-left
 * corner at (x, y), each font pixel a `scale` x `scale` block; characters outside printable
 * ASCII are drawn as '?'. Pixels outside the image are skipped.
 */
export function drawText(
  out: Uint8Array,
  width: number,
  height: number,
  x: number,
  y: number,
  text: string,
  color: readonly [number, number, number],
  scale: number,
): void {
  const [cr, cg, cb] = color;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const g = code >= FIRST && code <= LAST ? code - FIRST : FALLBACK;
    const gx = x + i * GLYPH_ADVANCE * scale;
    for (let r = 0; r < GLYPH_HEIGHT; r++) {
      const mask = GLYPH_BITS[g * GLYPH_HEIGHT + r] as number;
      if (mask === 0) continue;
      for (let c = 0; c < GLYPH_WIDTH; c++) {
        if ((mask & (1 << (GLYPH_WIDTH - 1 - c))) === 0) continue;
        for (let dy = 0; dy < scale; dy++) {
          const py = y + r * scale + dy;
          if (py < 0 || py >= height) continue;
          for (let dx = 0; dx < scale; dx++) {
            const px = gx + c * scale + dx;
            if (px < 0 || px >= width) continue;
            const o = 3 * (py * width + px);
            out[o] = cr;
            out[o + 1] = cg;
            out[o + 2] = cb;
          }
        }
      }
    }
  }
}
