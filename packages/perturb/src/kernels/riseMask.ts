import { type ResizeAxisTable, resizeAxisTable } from '@salkit/ndarray';
import type { RiseLayout } from './riseLayout.js';
import { WasmRiseRows } from './wasmRiseRows.js';

export type { RiseLayout } from './riseLayout.js';

/**
 * RISE mask kernel: one `s x s` 0/1 grid bilinearly upsampled to `[(s+1)*cellH, (s+1)*cellW]`
 * (skimage order-1 'reflect' resize, as `@salkit/ndarray`'s resizer) and cropped to `[H,W]` at a
 * shift, written straight into a float32 mask, bit for bit what the generic resizer stores.
 *
 * The generic resizer sums, per pixel, `((g00*wy0)*wx0 + (g01*wy0)*wx1) + (g10*wy1)*wx0 +
 * (g11*wy1)*wx1` (left to right, float64) and clips to the grid's [min, max]. With 0/1 grid
 * values each product is either `wy*wx` or exactly 0, and adding 0 changes nothing, so a pixel is
 * the same left fold over only its nonzero products. The upsampled image splits into cell
 * blocks, a band of rows with the same two source rows by a run of columns with the same two
 * source columns; inside a block the four grid values are fixed, so the block is one short loop
 * of 0-3 products per pixel (all-zero blocks are skipped since the output starts zeroed, all-one
 * blocks are 1). The clip is a no-op after the float32 store: values lie in [0, 1 + 4 ulp] and
 * round to [0, 1].
 *
 * Faster, when proven exact for the geometry: interpolate each grid row over the cropped columns
 * once per mask (`h = g0*wx0 + g1*wx1`), take each band's row difference `d = hB - hA`, then make
 * each output row as `hA + wy1*d` (one product and one add per pixel, in long row loops). That
 * float64 value rounds differently from the resizer's sum, but a pixel's value only depends on its
 * upsampled (row, column) and its four 0/1 grid values, so checking all 16 patterns at every
 * upsampled position ({@link verifyRowFormula}) proves the float32 results identical for every
 * grid and shift. On every geometry tried (e.g. 224x224 with s = 4..16, all squares up to 80 with
 * s <= 16) the check passes; where it would not, the block kernel is used.
 *
 * Where WebAssembly SIMD is available the row formula runs in a kernel built at run time
 * (wasmRiseRows.ts): the same float64 products and sums, demoted to float32 with the same
 * round-to-nearest, so the masks are the same bits; this JS row path is its fallback.
 */

/** Runs of equal (idx0, idx1) along one axis table: starts (plus the end) and the two taps of each run. */
function runs(t: ResizeAxisTable): { start: Int32Array; i0: Int32Array; i1: Int32Array } {
  const n = t.outSize;
  const starts: number[] = [];
  for (let k = 0; k < n; k++) {
    if (k === 0 || t.idx0[k] !== t.idx0[k - 1] || t.idx1[k] !== t.idx1[k - 1]) starts.push(k);
  }
  const start = Int32Array.from([...starts, n]);
  const i0 = Int32Array.from(starts, (k) => t.idx0[k] as number);
  const i1 = Int32Array.from(starts, (k) => t.idx1[k] as number);
  return { start, i0, i1 };
}

/** The upsampling tables and block structure of RISE masks of an `[H,W]` image from `s x s` grids. */
export function riseLayout(s: number, H: number, W: number): RiseLayout {
  const cellH = Math.ceil(H / s);
  const cellW = Math.ceil(W / s);
  const rows = resizeAxisTable(s, (s + 1) * cellH);
  const cols = resizeAxisTable(s, (s + 1) * cellW);
  const b = runs(rows);
  const c = runs(cols);
  return {
    H,
    W,
    s,
    rows,
    cols,
    bandStart: b.start,
    bandR0: b.i0,
    bandR1: b.i1,
    segStart: c.start,
    segJ0: c.i0,
    segJ1: c.i1,
    rowFormulaExact: null,
    rowScratch: new Float64Array(s * W),
    diffScratch: new Float64Array(W),
  };
}

const layoutCache = new Map<string, RiseLayout>();
const LAYOUT_CACHE_SIZE = 8;

/**
 * {@link riseLayout}, memoised for the last few geometries (with the row-formula verdict), and
 * with the row formula verified when `verify` and not yet checked.
 */
export function cachedRiseLayout(s: number, H: number, W: number, verify: boolean): RiseLayout {
  const key = `${s},${H},${W}`;
  let layout = layoutCache.get(key);
  if (layout === undefined) {
    layout = riseLayout(s, H, W);
    if (layoutCache.size >= LAYOUT_CACHE_SIZE) layoutCache.delete(layoutCache.keys().next().value as string);
    layoutCache.set(key, layout);
  }
  if (verify && layout.rowFormulaExact === null) layout.rowFormulaExact = verifyRowFormula(layout.rows, layout.cols);
  return layout;
}

/**
 * Whether `hA + wy1*(hB - hA)` with `h = g0*wx0 + g1*wx1` gives, after the float32 store,
 * exactly the resizer's `((g00*wy0)*wx0 + (g01*wy0)*wx1) + (g10*wy1)*wx0 + (g11*wy1)*wx1` clipped to
 * the grid's range, for every upsampled position and every 0/1 pattern (g00, g01, g10, g11).
 * The clip range is [0, 1] for mixed grids and [1, 1] for all-ones grids (whose pixels all have
 * the pattern 1111); all-zero grids give 0 both ways. O(16 * rows * cols).
 */
export function verifyRowFormula(rows: ResizeAxisTable, cols: ResizeAxisTable): boolean {
  const UH = rows.outSize;
  const UW = cols.outSize;
  const h = new Float64Array(4);
  for (let X = 0; X < UW; X++) {
    const a = cols.w0[X] as number;
    const b = cols.w1[X] as number;
    // h for the column bits (g0, g1) = index 2*g0 + g1, as the row formula computes it.
    h[1] = 0 * a + 1 * b;
    h[2] = 1 * a + 0 * b;
    h[3] = 1 * a + 1 * b;
    for (let Y = 0; Y < UH; Y++) {
      const u = rows.w0[Y] as number;
      const v = rows.w1[Y] as number;
      const q00 = u * a;
      const q01 = u * b;
      const q10 = v * a;
      const q11 = v * b;
      for (let p = 1; p < 16; p++) {
        let exact = 0;
        if (p & 8) exact = q00;
        if (p & 4) exact += q01;
        if (p & 2) exact += q10;
        if (p & 1) exact += q11;
        const hA = h[p >> 2] as number;
        const fast = Math.fround(hA + v * ((h[p & 3] as number) - hA));
        if (fast !== Math.fround(Math.min(exact, 1))) return false;
        if (p === 15 && fast !== 1) return false;
      }
    }
  }
  return true;
}

/**
 * Writes the mask of the grid at `grid[gridOffset...]` (row-major `s x s`, values 0 or 1), cropped
 * at upsampled row `sy` and column `sx`, into `out[outOffset...]` as a dense `H x W` block.
 * `out` must hold zeros there (a fresh array): the block path skips all-zero blocks.
 */
export function writeRiseMask(
  layout: RiseLayout,
  grid: ArrayLike<number>,
  gridOffset: number,
  sy: number,
  sx: number,
  out: Float32Array,
  outOffset: number,
): void {
  if (layout.rowFormulaExact === true) {
    const wasm = wasmRows ? WasmRiseRows.get() : null;
    if (wasm?.write(layout, grid, gridOffset, sy, sx, out, outOffset) !== true) {
      writeByRows(layout, grid, gridOffset, sy, sx, out, outOffset);
    }
    return;
  }
  writeByBlocks(layout, grid, gridOffset, sy, sx, out, outOffset);
}

let wasmRows = true;
/**
 * Whether the row path may use the WebAssembly SIMD kernel ({@link WasmRiseRows}, where the
 * platform has it); false forces the plain-JS row path. For tests and benchmarks: the two are
 * bit-identical.
 */
export function useWasmRiseRows(enabled: boolean): void {
  wasmRows = enabled;
}

/** Whether the row path may use WebAssembly (see useWasmRiseRows). */
export function wasmRiseRowsEnabled(): boolean {
  return wasmRows;
}

/** The plain-JS row-combination path (only where {@link verifyRowFormula} holds). */
export function writeByRows(
  layout: RiseLayout,
  grid: ArrayLike<number>,
  gridOffset: number,
  sy: number,
  sx: number,
  out: Float32Array,
  outOffset: number,
): void {
  const { H, W, s, rows, cols, bandStart, bandR0, bandR1, rowScratch: h, diffScratch: d } = layout;
  const cx0 = cols.idx0;
  const cx1 = cols.idx1;
  const cw0 = cols.w0;
  const cw1 = cols.w1;
  for (let r = 0; r < s; r++) {
    const g = gridOffset + r * s;
    const o = r * W - sx;
    for (let X = sx, e = sx + W; X < e; X++) {
      h[o + X] =
        (grid[g + (cx0[X] as number)] as number) * (cw0[X] as number) +
        (grid[g + (cx1[X] as number)] as number) * (cw1[X] as number);
    }
  }
  const rw1 = rows.w1;
  const yEnd = sy + H;
  for (let b = 0; b < bandR0.length; b++) {
    const ya = Math.max(bandStart[b] as number, sy);
    const yb = Math.min(bandStart[b + 1] as number, yEnd);
    if (ya >= yb) continue;
    const a0 = (bandR0[b] as number) * W;
    const a1 = (bandR1[b] as number) * W;
    for (let x = 0; x < W; x++) d[x] = (h[a1 + x] as number) - (h[a0 + x] as number);
    for (let Y = ya, p = outOffset + (ya - sy) * W; Y < yb; Y++, p += W) lerpRow(out, p, W, h, a0, d, rw1[Y] as number);
  }
}

/** `out[p + x] = h[a + x] + v * d[x]` for x < w. */
function lerpRow(
  out: Float32Array,
  p: number,
  w: number,
  h: Float64Array,
  a: number,
  d: Float64Array,
  v: number,
): void {
  for (let x = 0; x < w; x++) out[p + x] = (h[a + x] as number) + v * (d[x] as number);
}

/** The exact block path. */
function writeByBlocks(
  layout: RiseLayout,
  grid: ArrayLike<number>,
  gridOffset: number,
  sy: number,
  sx: number,
  out: Float32Array,
  outOffset: number,
): void {
  const { H, W, s, rows, cols, bandStart, bandR0, bandR1, segStart, segJ0, segJ1 } = layout;
  const wy = [rows.w0, rows.w1] as const;
  const wx = [cols.w0, cols.w1] as const;
  const nb = bandR0.length;
  const ns = segJ0.length;
  const yEnd = sy + H;
  const xEnd = sx + W;
  // Terms of the current block: up to three (row weight table, column weight table) pairs in sum order.
  const ty: Float64Array[] = [rows.w0, rows.w0, rows.w0];
  const tx: Float64Array[] = [cols.w0, cols.w0, cols.w0];
  for (let b = 0; b < nb; b++) {
    const ya = Math.max(bandStart[b] as number, sy);
    const yb = Math.min(bandStart[b + 1] as number, yEnd);
    if (ya >= yb) continue;
    const g0 = gridOffset + (bandR0[b] as number) * s;
    const g1 = gridOffset + (bandR1[b] as number) * s;
    for (let k = 0; k < ns; k++) {
      const xa = Math.max(segStart[k] as number, sx);
      const xb = Math.min(segStart[k + 1] as number, xEnd);
      if (xa >= xb) continue;
      const j0 = segJ0[k] as number;
      const j1 = segJ1[k] as number;
      // The four products in the resizer's sum order: (row 0, col 0), (0, 1), (1, 0), (1, 1).
      let n = 0;
      if (grid[g0 + j0] !== 0) {
        ty[n] = wy[0];
        tx[n++] = wx[0];
      }
      if (grid[g0 + j1] !== 0) {
        ty[n] = wy[0];
        tx[n++] = wx[1];
      }
      if (grid[g1 + j0] !== 0) {
        ty[n] = wy[1];
        tx[n++] = wx[0];
      }
      if (grid[g1 + j1] !== 0) {
        if (n === 3) {
          fillBlock(out, outOffset + (ya - sy) * W + (xa - sx), W, yb - ya, xb - xa);
          continue;
        }
        ty[n] = wy[1];
        tx[n++] = wx[1];
      }
      if (n === 0) continue;
      const p = outOffset + (ya - sy) * W - sx;
      if (n === 1) block1(out, p, W, ya, yb, xa, xb, ty[0] as Float64Array, tx[0] as Float64Array);
      else if (n === 2) {
        block2(
          out,
          p,
          W,
          ya,
          yb,
          xa,
          xb,
          ty[0] as Float64Array,
          tx[0] as Float64Array,
          ty[1] as Float64Array,
          tx[1] as Float64Array,
        );
      } else {
        block3(
          out,
          p,
          W,
          ya,
          yb,
          xa,
          xb,
          ty[0] as Float64Array,
          tx[0] as Float64Array,
          ty[1] as Float64Array,
          tx[1] as Float64Array,
          ty[2] as Float64Array,
          tx[2] as Float64Array,
        );
      }
    }
  }
}

/** `h` rows of `w` ones from `out[p]`, row stride `W`. */
function fillBlock(out: Float32Array, p: number, W: number, h: number, w: number): void {
  for (let i = 0; i < h; i++, p += W) {
    for (let q = p, e = p + w; q < e; q++) out[q] = 1;
  }
}

// In the block writers `p` is the output index of upsampled (row ya, column 0): the pixel of
// upsampled (Y, X) is at `p + (Y - ya) * W + X`.

function block1(
  out: Float32Array,
  p: number,
  W: number,
  ya: number,
  yb: number,
  xa: number,
  xb: number,
  ya0: Float64Array,
  xa0: Float64Array,
): void {
  for (let Y = ya; Y < yb; Y++, p += W) {
    const u = ya0[Y] as number;
    for (let X = xa; X < xb; X++) out[p + X] = u * (xa0[X] as number);
  }
}

function block2(
  out: Float32Array,
  p: number,
  W: number,
  ya: number,
  yb: number,
  xa: number,
  xb: number,
  ya0: Float64Array,
  xa0: Float64Array,
  ya1: Float64Array,
  xa1: Float64Array,
): void {
  for (let Y = ya; Y < yb; Y++, p += W) {
    const u = ya0[Y] as number;
    const v = ya1[Y] as number;
    for (let X = xa; X < xb; X++) out[p + X] = u * (xa0[X] as number) + v * (xa1[X] as number);
  }
}

function block3(
  out: Float32Array,
  p: number,
  W: number,
  ya: number,
  yb: number,
  xa: number,
  xb: number,
  ya0: Float64Array,
  xa0: Float64Array,
  ya1: Float64Array,
  xa1: Float64Array,
  ya2: Float64Array,
  xa2: Float64Array,
): void {
  for (let Y = ya; Y < yb; Y++, p += W) {
    const u = ya0[Y] as number;
    const v = ya1[Y] as number;
    const z = ya2[Y] as number;
    for (let X = xa; X < xb; X++) {
      out[p + X] = u * (xa0[X] as number) + v * (xa1[X] as number) + z * (xa2[X] as number);
    }
  }
}
