import { correlateSymmetric, gaussianKernel1d } from '@salkit/ndarray';
import type { EllipseSpans } from './ellipseSpans.js';
import { foldBatch } from './foldBatch.js';

/**
 * Soft (sigma) SlidingRadial masks, bit for bit what the direct construction gives: per centre a
 * float32 disk (1 inside the ellipse), scipy's `gaussian_filter(disk, sigma, mode='reflect')`
 * (axis 0 then axis 1, each pass a symmetric correlation summed in scipy's order
 * `x[i]*w0 + sum_{k=r..1} (x[i-k] + x[i+k])*w[k]` in float64 and stored as float32), then
 * `1 - v / max` in float32.
 *
 * The work is shared between masks instead of filtering each full image:
 * - Axis 0: a column of a disk is a run of ones `[lo, hi]` (clipped to the image), so its
 *   filtered column depends on `(lo, hi)` only; each distinct run is filtered once. Rows whose
 *   kernel window lies inside the image only see the run relative to the row, so those values are
 *   also shared between runs through a table keyed by `(lo - y, hi - y)` (clamped to the window).
 * - Axis 1: row `y` of the axis-0 result for a centre row `cy` is one vector over the ellipse's
 *   columns, the same for every `cx` (only placed differently); distinct vectors are found by
 *   content. Each is filtered once on an unbounded zero-padded line (its "template"): for every
 *   mask and output column whose kernel window sees only image columns, or sees outside columns
 *   that are zero both in the reflected image and on the padded line, that is exactly scipy's sum.
 *   The other columns, near the left and right borders, are summed on the reflect-padded row of
 *   that mask, once per vector and centre column.
 * - Each mask is then assembled: its max over those values, `1 - fround(v / max)` where the
 *   filtered disk is nonzero, and ones elsewhere (written as one fill per gap).
 */
export interface SoftRadialPlan {
  readonly H: number;
  readonly W: number;
  readonly ny: number;
  readonly nx: number;
  readonly sh: number;
  readonly sw: number;
  /** Ellipse columns relative to the centre: `[dcMin, dcMin + nC)`. */
  readonly dcMin: number;
  readonly nC: number;
  /** Axis-1 kernel radius. */
  readonly r1: number;
  /** Distinct row vector of (centre row iy, image row y) at `rowOf[iy * H + y]`, or -1 for an all-zero row. */
  readonly rowOf: Int32Array;
  /** Number of distinct row vectors. */
  readonly U: number;
  /** Templates: row u's axis-1 result at offset `d` from the centre is `tmpl[u * nT + d - dcMin + r1]`. */
  readonly nT: number;
  readonly tmpl: Float32Array;
  /** Running maxima of each template from its start and from its end. */
  readonly tmplMaxFromStart: Float32Array;
  readonly tmplMaxFromEnd: Float32Array;
  /** Border columns per centre column ix: `[0, xL[ix])` and `[W - xR[ix], W)` come from `border`. */
  readonly xL: Int32Array;
  readonly xR: Int32Array;
  /** Row u's border values for centre column ix: left at `border[bOff[ix] * U + u * (xL[ix] + xR[ix])]`, right after them. */
  readonly nB: number;
  readonly bOff: Int32Array;
  readonly border: Float32Array;
  /** The largest of row u's border values for centre column ix, at `borderMax[u * nx + ix]`. */
  readonly borderMax: Float32Array;
}

/** scipy's sigma handling: a kernel radius of floor(4 sigma + 0.5); sigma <= 1e-15 skips the axis (a [1] kernel, exact). */
function halfKernel(sigma: number): Float64Array {
  if (!(sigma > 1e-15)) return Float64Array.of(1);
  return gaussianKernel1d(sigma, Math.trunc(4 * sigma + 0.5));
}

/** scipy's 'reflect' extension (`d c b a | a b c d | d c b a`) of index `i` for a line of `n`. */
function reflect(i: number, n: number): number {
  const period = 2 * n;
  let q = i % period;
  if (q < 0) q += period;
  return q >= n ? period - 1 - q : q;
}

/** Source index of each position `p` of a line of `n` padded by `r` on both sides. */
function padTable(n: number, r: number): Int32Array {
  const t = new Int32Array(n + 2 * r);
  for (let p = 0; p < t.length; p++) t[p] = reflect(p - r, n);
  return t;
}

/** Per ellipse column (offset dc = dcMin + c): the run of row offsets `[lo[c], hi[c]]` it covers. */
function columnRuns(spans: EllipseSpans): { dcMin: number; lo: Int32Array; hi: Int32Array } {
  const { dr0, lo: rLo, hi: rHi } = spans;
  let dcMin = 0;
  let dcMax = 0;
  for (let i = 0; i < rLo.length; i++) {
    if ((rLo[i] as number) > (rHi[i] as number)) continue;
    dcMin = Math.min(dcMin, rLo[i] as number);
    dcMax = Math.max(dcMax, rHi[i] as number);
  }
  const nC = dcMax - dcMin + 1;
  const lo = new Int32Array(nC).fill(1);
  const hi = new Int32Array(nC).fill(0);
  const count = new Int32Array(nC);
  for (let i = 0; i < rLo.length; i++) {
    for (let dc = rLo[i] as number; dc <= (rHi[i] as number); dc++) {
      const c = dc - dcMin;
      const dr = dr0 + i;
      if (count[c] === 0 || dr < (lo[c] as number)) lo[c] = dr;
      if (count[c] === 0 || dr > (hi[c] as number)) hi[c] = dr;
      count[c] = (count[c] as number) + 1;
    }
  }
  for (let c = 0; c < nC; c++) {
    if (count[c] !== 0 && count[c] !== (hi[c] as number) - (lo[c] as number) + 1) {
      throw new Error(`softRadialPlan: ellipse column ${c + dcMin} is not one run of rows`);
    }
  }
  return { dcMin, lo, hi };
}

/** A growable Float32Array (entries past `length` are zero). */
class F32List {
  data = new Float32Array(1024);
  length = 0;
  reserve(n: number): void {
    if (this.length + n <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Float32Array(cap);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

/**
 * Axis 0 of every centre row's disks: `prof` holds each distinct clipped column run's filtered
 * column (H float32 values), `colProf[iy * nC + c]` the run of centre row iy's ellipse column c
 * (-1: empty).
 *
 * A row whose kernel window sees no reflected row of the run (its window lies inside the image,
 * or what it reflects is outside the run) only depends on where the run lies relative to it, so
 * its value comes from a table keyed by `(lo - y, hi - y)` clamped to the window. The other rows
 * (near the top and bottom, as many as the run reaches into the reflected margin) are summed on
 * the run's reflect-padded column.
 */
function axis0Profiles(
  H: number,
  ny: number,
  sh: number,
  runs: { lo: Int32Array; hi: Int32Array },
  w: Float64Array,
): { prof: Float32Array; colProf: Int32Array } {
  const nC = runs.lo.length;
  const r = w.length - 1;
  const w0 = w[0] as number;
  const pad = padTable(H, r);
  const line = new Float64Array(H + 2 * r);
  const side = 2 * r + 3;
  const inner = new Float32Array(side * side).fill(Number.NaN);
  const ids = new Map<number, number>();
  const prof = new F32List();
  const colProf = new Int32Array(ny * nC).fill(-1);
  for (let iy = 0; iy < ny; iy++) {
    const cy = iy * sh;
    for (let c = 0; c < nC; c++) {
      if ((runs.lo[c] as number) > (runs.hi[c] as number)) continue;
      const lo = Math.max(0, cy + (runs.lo[c] as number));
      const hi = Math.min(H - 1, cy + (runs.hi[c] as number));
      if (lo > hi) continue;
      const key = lo * H + hi;
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        prof.reserve(H);
        const out = prof.data;
        const o = prof.length;
        prof.length += H;
        // Nonzero rows; beyond r of the run nothing is seen (also through one reflection, r < H).
        const ya = r < H ? Math.max(0, lo - r) : 0;
        const yb = r < H ? Math.min(H - 1, hi + r) : H - 1;
        // Rows summed directly: [ya, topEnd] see the run reflected at the top, [bottomStart, yb] at the bottom.
        let topEnd = r < H ? Math.min(yb, r - 1 - lo) : yb;
        let bottomStart = r < H ? Math.max(ya, 2 * H - 1 - hi - r) : yb + 1;
        if (bottomStart <= topEnd + 1 && bottomStart <= yb) {
          topEnd = yb;
          bottomStart = yb + 1;
        }
        if (topEnd >= ya || bottomStart <= yb) {
          for (let p = 0; p < line.length; p++) {
            const q = pad[p] as number;
            line[p] = q >= lo && q <= hi ? 1 : 0;
          }
          if (topEnd >= ya) correlateSymmetric(line, ya + r, topEnd - ya + 1, w, out, o + ya);
          if (bottomStart <= yb)
            correlateSymmetric(line, bottomStart + r, yb - bottomStart + 1, w, out, o + bottomStart);
        }
        for (let y = Math.max(ya, topEnd + 1); y < Math.min(yb + 1, bottomStart); y++) {
          const a = Math.min(Math.max(lo - y, -r - 1), r + 1);
          const b = Math.min(Math.max(hi - y, -r - 1), r + 1);
          const slot = (a + r + 1) * side + (b + r + 1);
          let v = inner[slot] as number;
          if (Number.isNaN(v)) {
            let acc = (a <= 0 && 0 <= b ? 1 : 0) * w0;
            for (let k = r; k >= 1; k--) {
              acc += ((a <= -k && -k <= b ? 1 : 0) + (a <= k && k <= b ? 1 : 0)) * (w[k] as number);
            }
            v = Math.fround(acc);
            inner[slot] = v;
          }
          out[o + y] = v;
        }
      }
      colProf[iy * nC + c] = id;
    }
  }
  return { prof: prof.data, colProf };
}

/** Distinct row vectors of the axis-0 results (by content) and which one each (centre row, image row) is. */
function distinctRows(
  H: number,
  ny: number,
  nC: number,
  prof: Float32Array,
  colProf: Int32Array,
): { rowOf: Int32Array; rows: Float32Array; U: number } {
  const rowOf = new Int32Array(ny * H).fill(-1);
  const rows = new F32List();
  const byHash = new Map<number, number[]>();
  // One centre row's axis-0 result, row-major over (image row, ellipse column).
  const field = new Float32Array(H * nC);
  const bits = new Uint32Array(field.buffer);
  for (let iy = 0; iy < ny; iy++) {
    for (let c = 0; c < nC; c++) {
      const id = colProf[iy * nC + c] as number;
      if (id < 0) for (let y = 0, q = c; y < H; y++, q += nC) field[q] = 0;
      else for (let y = 0, q = c, p = id * H; y < H; y++, q += nC, p++) field[q] = prof[p] as number;
    }
    for (let y = 0; y < H; y++) {
      const f = y * nC;
      let h = 0x811c9dc5;
      let nonzero = 0;
      for (let c = 0; c < nC; c++) {
        const v = bits[f + c] as number;
        nonzero |= v;
        h = Math.imul(h ^ v, 0x01000193);
      }
      if (nonzero === 0) continue;
      let cands = byHash.get(h);
      if (cands === undefined) {
        cands = [];
        byHash.set(h, cands);
      }
      let found = -1;
      for (let q = 0; q < cands.length && found < 0; q++) {
        const u = cands[q] as number;
        const o = u * nC;
        let c = 0;
        while (c < nC && rows.data[o + c] === field[f + c]) c++;
        if (c === nC) found = u;
      }
      if (found < 0) {
        found = rows.length / nC;
        rows.reserve(nC);
        rows.data.set(field.subarray(f, f + nC), rows.length);
        rows.length += nC;
        cands.push(found);
      }
      rowOf[iy * H + y] = found;
    }
  }
  return { rowOf, rows: rows.data, U: rows.length / nC };
}

/**
 * Each row vector filtered along axis 1 on a zero-padded line (template index t is offset
 * `t - r1 + dcMin` from the centre column), with running maxima from both ends. A row that is
 * symmetric about the centre column has a symmetric result (the pair sums commute), so only half
 * of it is summed.
 */
function axis1Templates(
  rows: Float32Array,
  U: number,
  nC: number,
  dcMin: number,
  w: Float64Array,
): { tmpl: Float32Array; maxFromStart: Float32Array; maxFromEnd: Float32Array } {
  const r = w.length - 1;
  const nT = nC + 2 * r;
  const tmpl = new Float32Array(U * nT);
  const maxFromStart = new Float32Array(U * nT);
  const maxFromEnd = new Float32Array(U * nT);
  // Row u's line: 2r zeros, its nC values, 2r zeros; template index t is summed around line[t + r].
  const lineLen = nC + 4 * r;
  const batch = foldBatch(w, U * lineLen, U, U * nT);
  const symmetric = new Uint8Array(U);
  const centred = nC - 1 === -2 * dcMin;
  for (let u = 0; u < U; u++) {
    const ro = u * nC;
    let sym = centred;
    for (let c = 0; sym && c < nC >> 1; c++) sym = rows[ro + c] === rows[ro + nC - 1 - c];
    symmetric[u] = sym ? 1 : 0;
    batch.lines.set(rows.subarray(ro, ro + nC), u * lineLen + 2 * r);
    batch.job(u * lineLen, sym ? (nT >> 1) + 1 : nT, u * nT);
  }
  batch.run(tmpl);
  for (let u = 0; u < U; u++) {
    const o = u * nT;
    if (symmetric[u] === 1) for (let t = (nT >> 1) + 1; t < nT; t++) tmpl[o + t] = tmpl[o + nT - 1 - t] as number;
    let m = 0;
    for (let t = 0; t < nT; t++) {
      m = Math.max(m, tmpl[o + t] as number);
      maxFromStart[o + t] = m;
    }
    m = 0;
    for (let t = nT - 1; t >= 0; t--) {
      m = Math.max(m, tmpl[o + t] as number);
      maxFromEnd[o + t] = m;
    }
  }
  return { tmpl, maxFromStart, maxFromEnd };
}

/**
 * Border columns of each centre column: `xL` columns from the left and `xR` from the right whose
 * kernel window sees reflected image columns holding something other than what the zero-padded
 * template line holds there (reflected parts of the ellipse's columns, or columns cut off by the
 * image edge). With a kernel as wide as the image, every column is a border column.
 */
function borderWidths(
  W: number,
  nx: number,
  sw: number,
  dcMin: number,
  nC: number,
  r: number,
): { xL: Int32Array; xR: Int32Array; bOff: Int32Array; nB: number } {
  const xL = new Int32Array(nx);
  const xR = new Int32Array(nx);
  const bOff = new Int32Array(nx);
  let nB = 0;
  for (let ix = 0; ix < nx; ix++) {
    const first = ix * sw + dcMin;
    const last = first + nC - 1;
    let l = W;
    let rr = 0;
    if (r < W) {
      // Left window of column x reflects image columns [0, r - 1 - x]; likewise on the right.
      l = first >= 0 ? Math.max(0, r - first) : r;
      rr = last <= W - 1 ? Math.max(0, r - (W - 1 - last)) : r;
      if (l + rr > W) {
        l = W;
        rr = 0;
      }
    }
    xL[ix] = l;
    xR[ix] = rr;
    bOff[ix] = nB;
    nB += l + rr;
  }
  return { xL, xR, bOff, nB };
}

/**
 * The border columns' axis-1 values, summed on each mask's reflect-padded row: per centre column
 * and row vector, the padded positions the left columns read (`[0, l + 2r)`) and those the right
 * ones read (`[W - rr, W + 2r)`) are one line each in one batch.
 */
function axis1Borders(
  rows: Float32Array,
  U: number,
  nC: number,
  dcMin: number,
  W: number,
  sw: number,
  b: { xL: Int32Array; xR: Int32Array; bOff: Int32Array; nB: number },
  w: Float64Array,
): { border: Float32Array; borderMax: Float32Array } {
  const r = w.length - 1;
  const { xL, xR, bOff, nB } = b;
  const nx = xL.length;
  const border = new Float32Array(U * nB);
  const borderMax = new Float32Array(U * nx);
  const pad = padTable(W, r);
  let lineValues = 0;
  let jobs = 0;
  for (let ix = 0; ix < nx; ix++) {
    const l = xL[ix] as number;
    const rr = xR[ix] as number;
    if (l > 0) lineValues += U * (l + 2 * r);
    if (rr > 0) lineValues += U * (rr + 2 * r);
    jobs += U * ((l > 0 ? 1 : 0) + (rr > 0 ? 1 : 0));
  }
  if (jobs === 0) return { border, borderMax };
  const batch = foldBatch(w, lineValues, jobs, U * nB);
  const lines = batch.lines;
  let q = 0;
  for (let ix = 0; ix < nx; ix++) {
    const l = xL[ix] as number;
    const rr = xR[ix] as number;
    if (l + rr === 0) continue;
    const shift = ix * sw + dcMin; // image column of the row vector's entry 0
    for (let u = 0; u < U; u++) {
      const ro = u * nC;
      const bo = (bOff[ix] as number) * U + u * (l + rr);
      if (l > 0) {
        batch.job(q, l, bo);
        for (let p = 0; p < l + 2 * r; p++, q++) {
          const c = (pad[p] as number) - shift;
          lines[q] = c >= 0 && c < nC ? (rows[ro + c] as number) : 0;
        }
      }
      if (rr > 0) {
        batch.job(q, rr, bo + l);
        for (let p = W - rr; p < W + 2 * r; p++, q++) {
          const c = (pad[p] as number) - shift;
          lines[q] = c >= 0 && c < nC ? (rows[ro + c] as number) : 0;
        }
      }
    }
  }
  batch.run(border);
  for (let ix = 0; ix < nx; ix++) {
    const n = (xL[ix] as number) + (xR[ix] as number);
    for (let u = 0, bo = (bOff[ix] as number) * U; u < U; u++, bo += n) {
      let m = 0;
      for (let j = 0; j < n; j++) m = Math.max(m, border[bo + j] as number);
      borderMax[u * nx + ix] = m;
    }
  }
  return { border, borderMax };
}

/** Builds the shared tables for soft masks of an `H x W` image (see {@link SoftRadialPlan}). */
export function softRadialPlan(
  H: number,
  W: number,
  stride: readonly [number, number],
  sigma: readonly [number, number],
  spans: EllipseSpans,
): SoftRadialPlan {
  const [sh, sw] = stride;
  const ny = Math.ceil(H / sh);
  const nx = Math.ceil(W / sw);
  const wy = halfKernel(sigma[0]);
  const wx = halfKernel(sigma[1]);
  const r1 = wx.length - 1;
  const runs = columnRuns(spans);
  const { dcMin } = runs;
  const nC = runs.lo.length;
  const { prof, colProf } = axis0Profiles(H, ny, sh, runs, wy);
  const { rowOf, rows, U } = distinctRows(H, ny, nC, prof, colProf);
  const { tmpl, maxFromStart, maxFromEnd } = axis1Templates(rows, U, nC, dcMin, wx);
  const widths = borderWidths(W, nx, sw, dcMin, nC, r1);
  const { border, borderMax } = axis1Borders(rows, U, nC, dcMin, W, sw, widths, wx);
  return {
    H,
    W,
    ny,
    nx,
    sh,
    sw,
    dcMin,
    nC,
    r1,
    rowOf,
    U,
    nT: nC + 2 * r1,
    tmpl,
    tmplMaxFromStart: maxFromStart,
    tmplMaxFromEnd: maxFromEnd,
    xL: widths.xL,
    xR: widths.xR,
    nB: widths.nB,
    bOff: widths.bOff,
    border,
    borderMax,
  };
}

/**
 * `1 - fround(v / max)` of the templates, per divisor: most masks share one of a few maxima, so
 * each (row vector, max) pair is divided once and then copied.
 */
class ScaledTemplates {
  private pool = new Float32Array(0);
  private used = 0;
  constructor(private readonly plan: SoftRadialPlan) {}

  /** Offset in {@link data} of row u's scaled template for `max`; `index` caches the offsets for that max. */
  offset(u: number, max: number, index: Int32Array): number {
    let o = index[u] as number;
    if (o >= 0) return o;
    const { nT, tmpl } = this.plan;
    if (this.used + nT > this.pool.length) {
      const next = new Float32Array(Math.max(2 * this.pool.length, this.used + nT, 16 * nT));
      next.set(this.pool.subarray(0, this.used));
      this.pool = next;
    }
    o = this.used;
    this.used += nT;
    const pool = this.pool;
    for (let t = 0, s = u * nT; t < nT; t++, s++) pool[o + t] = 1 - Math.fround((tmpl[s] as number) / max);
    index[u] = o;
    return o;
  }

  get data(): Float32Array {
    return this.pool;
  }
}

/** Ones at `out[a, b)`: a loop for short runs, `fill` for long ones. */
function ones(out: Float32Array, a: number, b: number): void {
  if (b - a > 64) out.fill(1, a, b);
  else for (let p = a; p < b; p++) out[p] = 1;
}

/**
 * Writes masks `start .. start + count - 1` (row-major centres) as float32 `[count, H, W]` into
 * `out`. A mask row is fixed by its row vector u, its centre column and its mask's max, and most
 * rows repeat a row already written (the masks of neighbouring centre rows share most of their
 * row vectors, shifted by the stride), so runs of such rows are one `copyWithin`; all-zero rows
 * are ones; only the first row of each kind is computed.
 */
export function writeSoftMasks(plan: SoftRadialPlan, start: number, count: number, out: Float32Array): void {
  const { H, W, nx, U, sh, sw, dcMin, r1, rowOf, nT, xL, xR, bOff, border } = plan;
  const scaled = new ScaledTemplates(plan);
  // Per distinct max: its id, the scaled-template offsets and the first output row of each (ix, u).
  const maxIds = new Map<number, number>();
  const scaledIndex: Int32Array[] = [];
  const firstRow: Int32Array[] = [];
  // Key of each output row written so far (its (max id, ix, u)), -1 for a row of ones.
  const rowKey = new Float64Array(count * H);
  for (let k = 0; k < count; k++) {
    const i = start + k;
    const iy = Math.floor(i / nx);
    const ix = i % nx;
    const cx = ix * sw;
    const l = xL[ix] as number;
    const rr = xR[ix] as number;
    const bo = bOff[ix] as number;
    // Template index of output column x is x + t0; the template part covers columns [xa, xb).
    const t0 = r1 - dcMin - cx;
    const xa = Math.max(l, -t0);
    const xb = Math.min(W - rr, nT - t0);
    const ro = iy * H;
    const max = maskMax(plan, ro, ix, xa, xb, t0);
    let id = maxIds.get(max);
    if (id === undefined) {
      id = maxIds.size;
      maxIds.set(max, id);
      scaledIndex.push(new Int32Array(U).fill(-1));
      firstRow.push(new Int32Array(nx * U).fill(-1));
    }
    const sIndex = scaledIndex[id] as Int32Array;
    const first = firstRow[id] as Int32Array;
    const keyBase = (id * nx + ix) * U;
    const g0 = k * H; // output row index of this mask's row 0
    let y = 0;
    while (y < H) {
      const g = g0 + y;
      const u = rowOf[ro + y] as number;
      if (u < 0) {
        let e = y + 1;
        while (e < H && (rowOf[ro + e] as number) < 0) e++;
        out.fill(1, g * W, (g0 + e) * W);
        rowKey.fill(-1, g, g0 + e);
        y = e;
        continue;
      }
      // Prefer the same row of the mask one centre row up (this row moved by the stride there):
      // its neighbours usually match too, so the run is long.
      const up = g - nx * H - sh;
      const src = k >= nx && y >= sh && rowKey[up] === keyBase + u ? up : (first[ix * U + u] as number);
      if (src >= 0) {
        // Copy the longest run of rows matching rows already written from src on.
        rowKey[g] = keyBase + u;
        let n = 1;
        while (y + n < H && src + n < g) {
          const un = rowOf[ro + y + n] as number;
          const kn = un < 0 ? -1 : keyBase + un;
          if (rowKey[src + n] !== kn) break;
          rowKey[g + n] = kn;
          n++;
        }
        out.copyWithin(g * W, src * W, (src + n) * W);
        y += n;
        continue;
      }
      // First row of its kind: border values, scaled template, ones between.
      first[ix * U + u] = g;
      rowKey[g] = keyBase + u;
      const row = g * W;
      const b = bo * U + u * (l + rr);
      for (let x = 0; x < l; x++) out[row + x] = 1 - Math.fround((border[b + x] as number) / max);
      if (xa < xb) {
        ones(out, row + l, row + xa);
        const s = scaled.offset(u, max, sIndex) + t0;
        const src2 = scaled.data;
        for (let x = xa; x < xb; x++) out[row + x] = src2[s + x] as number;
        ones(out, row + xb, row + W - rr);
      } else {
        ones(out, row + l, row + W - rr);
      }
      for (let j = 0, x = W - rr; j < rr; j++, x++) out[row + x] = 1 - Math.fround((border[b + l + j] as number) / max);
      y++;
    }
  }
}

/** The max of one mask's filtered disk: its rows' border maxima and the visible part of their templates. */
function maskMax(plan: SoftRadialPlan, ro: number, ix: number, xa: number, xb: number, t0: number): number {
  const { H, nx, rowOf, nT, tmpl, tmplMaxFromStart, tmplMaxFromEnd, borderMax } = plan;
  let max = 0;
  for (let y = 0; y < H; y++) {
    const u = rowOf[ro + y] as number;
    if (u < 0) continue;
    max = Math.max(max, borderMax[u * nx + ix] as number);
    if (xa < xb) {
      const ta = u * nT + xa + t0;
      const tb = u * nT + xb - 1 + t0;
      if (xa + t0 === 0) max = Math.max(max, tmplMaxFromStart[tb] as number);
      else if (xb + t0 === nT) max = Math.max(max, tmplMaxFromEnd[ta] as number);
      else for (let t = ta; t <= tb; t++) max = Math.max(max, tmpl[t] as number);
    }
  }
  return max;
}
