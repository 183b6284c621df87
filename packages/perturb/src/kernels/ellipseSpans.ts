import { ellipse } from '@salkit/ndarray';

/**
 * The pixels of skimage's `ellipse(cy, cx, ry, rx)` at an integer centre as one column span per
 * row offset: row `cy + dr` holds columns `[cx + lo[dr - dr0], cx + hi[dr - dr0]]` (empty when
 * `hi < lo`), before clipping to the image.
 *
 * For an integer centre skimage tests `(dr/ry)^2 + (dc/rx)^2 < 1` on the exact integer offsets
 * `dr = y - cy`, `dc = x - cx` (its bounding box never cuts the set: it rounds outwards), so the
 * set is the same translated set for every integer centre, intersected with the image. Each
 * row's part is one run of columns (the test is monotone in |dc|), so it is read off the pixel
 * list of `ellipse(0, 0, ry, rx)` once.
 */
export interface EllipseSpans {
  /** Row offset of `lo[0]`/`hi[0]`. */
  readonly dr0: number;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
}

export function ellipseSpans(ry: number, rx: number): EllipseSpans {
  const { rr, cc } = ellipse(0, 0, ry, rx);
  let dr0 = 0;
  let dr1 = -1;
  for (let k = 0; k < rr.length; k++) {
    const r = rr[k] as number;
    if (k === 0 || r < dr0) dr0 = r;
    if (k === 0 || r > dr1) dr1 = r;
  }
  const n = Math.max(0, dr1 - dr0 + 1);
  const lo = new Int32Array(n).fill(1);
  const hi = new Int32Array(n).fill(0);
  const count = new Int32Array(n);
  for (let k = 0; k < rr.length; k++) {
    const i = (rr[k] as number) - dr0;
    const c = cc[k] as number;
    if (count[i] === 0 || c < (lo[i] as number)) lo[i] = c;
    if (count[i] === 0 || c > (hi[i] as number)) hi[i] = c;
    count[i] = (count[i] as number) + 1;
  }
  for (let i = 0; i < n; i++) {
    if (count[i] !== 0 && count[i] !== (hi[i] as number) - (lo[i] as number) + 1) {
      throw new Error(`ellipseSpans: row ${i + dr0} of ellipse(0, 0, ${ry}, ${rx}) is not one run of columns`);
    }
  }
  return { dr0, lo, hi };
}

/**
 * Rows `[y0, y1)` of a hard radial mask (1 outside the ellipse centred at integer `(cy, cx)`, 0
 * inside), for an `H x W` uint8 mask at `out[base...]` that holds zeros there: only the runs of
 * ones between the ellipse's row spans are written, each run one `fill` (runs continue across
 * row ends).
 */
export function writeHardRows(
  out: Uint8Array,
  base: number,
  W: number,
  y0: number,
  y1: number,
  cy: number,
  cx: number,
  spans: EllipseSpans,
): void {
  const { dr0, lo, hi } = spans;
  let from = base + y0 * W;
  const ya = Math.max(y0, cy + dr0);
  const yb = Math.min(y1, cy + dr0 + lo.length);
  for (let y = ya; y < yb; y++) {
    const i = y - cy - dr0;
    const a = Math.max(0, cx + (lo[i] as number));
    const b = Math.min(W - 1, cx + (hi[i] as number));
    if (a > b) continue;
    const row = base + y * W;
    out.fill(1, from, row + a);
    from = row + b + 1;
  }
  out.fill(1, from, base + y1 * W);
}
