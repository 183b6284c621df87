import { checkFinite, describeValue } from '../util/validate.js';
import { COLORMAP_TABLES } from './tables.js';

/** Names of the built-in colormaps (matplotlib's names; `RdBu_r` runs blue -> white -> red). */
export const COLORMAP_NAMES = ['viridis', 'coolwarm', 'RdBu_r', 'gray'] as const;

export type ColormapName = (typeof COLORMAP_NAMES)[number];

/**
 * A lookup-table colormap: N sRGB colours, lowest value first. A value v is normalised to
 * t = (v - vmin) / (vmax - vmin) and drawn with colour floor(t * N), clamped to [0, N-1]
 * (matplotlib's rule, so the built-in maps give matplotlib's `cmap(norm(v), bytes=True)` RGB).
 */
export class Colormap {
  /** A name for messages and configs. */
  readonly name: string;
  /** N*3 bytes: r, g, b of each colour. Read-only by contract: built-in colormaps are shared. */
  readonly lut: Uint8Array;
  /** Number of colours N. */
  readonly size: number;
  /** The value range used when a caller gives no vmin/vmax: [-1, 1] for diverging maps, [0, 1] otherwise. */
  readonly defaultRange: readonly [number, number];

  /**
   * @param name a name for messages
   * @param lut N*3 bytes (N >= 2), copied
   * @param defaultRange [vmin, vmax] used when a caller gives none (default [0, 1])
   */
  constructor(name: string, lut: Uint8Array, defaultRange: readonly [number, number] = [0, 1]) {
    if (typeof name !== 'string' || name.length === 0) {
      throw new TypeError(`Colormap: name: expected a non-empty string, got ${describeValue(name)}`);
    }
    if (!(lut instanceof Uint8Array) || lut.length < 6 || lut.length % 3 !== 0) {
      throw new TypeError(`Colormap: lut: expected a Uint8Array of N*3 bytes with N >= 2, got ${describeValue(lut)}`);
    }
    if (!Array.isArray(defaultRange) || defaultRange.length !== 2) {
      throw new TypeError(`Colormap: defaultRange: expected [vmin, vmax], got ${describeValue(defaultRange)}`);
    }
    const lo = checkFinite('Colormap: defaultRange[0]', defaultRange[0]);
    const hi = checkFinite('Colormap: defaultRange[1]', defaultRange[1]);
    if (!(lo < hi)) throw new RangeError(`Colormap: defaultRange: expected vmin < vmax, got [${lo}, ${hi}]`);
    this.name = name;
    this.lut = Uint8Array.from(lut);
    this.size = lut.length / 3;
    this.defaultRange = Object.freeze([lo, hi]) as readonly [number, number];
  }

  /** A colormap from `#rrggbb` / `rrggbb` strings (at least two). */
  static fromHex(name: string, colors: readonly string[], defaultRange?: readonly [number, number]): Colormap {
    if (!Array.isArray(colors)) {
      throw new TypeError(
        `Colormap.fromHex: colors: expected an array of 'rrggbb' strings, got ${describeValue(colors)}`,
      );
    }
    const lut = new Uint8Array(colors.length * 3);
    colors.forEach((c, i) => {
      const m = typeof c === 'string' ? /^#?([0-9a-f]{6})$/i.exec(c) : null;
      if (!m) {
        throw new TypeError(`Colormap.fromHex: colors[${i}]: expected 'rrggbb' or '#rrggbb', got ${describeValue(c)}`);
      }
      const v = Number.parseInt(m[1] as string, 16);
      lut[3 * i] = v >> 16;
      lut[3 * i + 1] = (v >> 8) & 255;
      lut[3 * i + 2] = v & 255;
    });
    return new Colormap(name, lut, defaultRange);
  }

  /** Colour i (0 <= i < size) as [r, g, b]. */
  color(i: number): [number, number, number] {
    if (!Number.isInteger(i) || i < 0 || i >= this.size) {
      throw new RangeError(`Colormap.color: i: expected an integer in [0, ${this.size - 1}], got ${describeValue(i)}`);
    }
    return [this.lut[3 * i] as number, this.lut[3 * i + 1] as number, this.lut[3 * i + 2] as number];
  }
}

const DIVERGING: ReadonlySet<string> = new Set(['coolwarm', 'RdBu_r']);
const cache = new Map<ColormapName, Colormap>();

function build(name: ColormapName): Colormap {
  if (name === 'gray') {
    const lut = new Uint8Array(256 * 3);
    for (let i = 0; i < 256; i++) lut.fill(i, 3 * i, 3 * i + 3);
    return new Colormap(name, lut, [0, 1]);
  }
  return Colormap.fromHex(name, COLORMAP_TABLES[name].split(' '), DIVERGING.has(name) ? [-1, 1] : [0, 1]);
}

/**
 * A built-in colormap by name: `viridis` (perceptually uniform, for [0, 1] maps), `coolwarm` and
 * `RdBu_r` (diverging, for [-1, 1] saliency maps; 0 falls on the light neutral middle), `gray`.
 */
export function colormap(name: ColormapName): Colormap {
  if (!(COLORMAP_NAMES as readonly string[]).includes(name)) {
    throw new Error(`colormap: name: expected one of ${COLORMAP_NAMES.join(', ')}, got ${describeValue(name)}`);
  }
  let c = cache.get(name);
  if (!c) {
    c = build(name);
    cache.set(name, c);
  }
  return c;
}

/** A Colormap given as an instance or a built-in name (label names the argument in errors). */
export function resolveColormap(label: string, cmap: unknown): Colormap {
  if (cmap instanceof Colormap) return cmap;
  if (typeof cmap === 'string' && (COLORMAP_NAMES as readonly string[]).includes(cmap)) {
    return colormap(cmap as ColormapName);
  }
  throw new TypeError(
    `${label}: expected a Colormap or one of the names ${COLORMAP_NAMES.join(', ')}, got ${describeValue(cmap)}`,
  );
}

/** Normalisation of values onto a colormap's table: resolved vmin, vmax, and the colour count. */
export interface ColorScale {
  vmin: number;
  span: number;
  n: number;
}

/** Validates vmin/vmax (defaults: the colormap's range) and returns the scale. */
export function colorScale(fn: string, cmap: Colormap, vmin: unknown, vmax: unknown): ColorScale {
  const lo = vmin === undefined ? cmap.defaultRange[0] : checkFinite(`${fn}: vmin`, vmin);
  const hi = vmax === undefined ? cmap.defaultRange[1] : checkFinite(`${fn}: vmax`, vmax);
  if (!(lo < hi)) throw new RangeError(`${fn}: expected vmin < vmax, got vmin ${lo} and vmax ${hi}`);
  return { vmin: lo, span: hi - lo, n: cmap.size };
}

/**
 * The table index for value v: floor(((v - vmin) / span) * n) clamped to [0, n-1]; -1 for NaN.
 * +-Infinity clamp to the ends.
 */
export function colorIndex(v: number, vmin: number, span: number, n: number): number {
  if (Number.isNaN(v)) return -1;
  const k = Math.floor(((v - vmin) / span) * n);
  return k < 0 ? 0 : k >= n ? n - 1 : k;
}
