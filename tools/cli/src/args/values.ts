/**
 * Parsers of option values. Each takes the raw text and the flag it came with, and throws a
 * UsageError naming the flag, what it expected and what came.
 */
import type { ColormapName } from '@salkit/viz';
import { UsageError } from '../errors.js';

/**
 * @salkit/viz's COLORMAP_NAMES (a test checks they match): importing @salkit/viz here would load
 * it, with pngjs, on the main thread, which never draws (the image worker does).
 */
export const COLORMAP_NAMES: readonly ColormapName[] = ['viridis', 'coolwarm', 'RdBu_r', 'gray'];

function bad(flag: string, expected: string, raw: string): UsageError {
  return new UsageError(`${flag}: expected ${expected}, got ${JSON.stringify(raw)}`);
}

function toNumber(raw: string): number {
  const s = raw.trim();
  return s === '' ? Number.NaN : Number(s);
}

/** An integer in [min, max]. */
export function int(min: number, max = Number.MAX_SAFE_INTEGER) {
  const expected =
    max === Number.MAX_SAFE_INTEGER
      ? min === 1
        ? 'a positive integer'
        : min === 0
          ? 'a non-negative integer'
          : `an integer >= ${min}`
      : `an integer from ${min} to ${max}`;
  return (raw: string, flag: string): number => {
    const n = toNumber(raw);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw bad(flag, expected, raw);
    return n;
  };
}

/** A finite number in [min, max] (or (min, max] with `exclusiveMin`). */
export function num(min = -Infinity, max = Infinity, exclusiveMin = false) {
  const lo = exclusiveMin ? `> ${min}` : `>= ${min}`;
  const expected =
    min === -Infinity && max === Infinity
      ? 'a number'
      : max === Infinity
        ? `a number ${lo}`
        : min === -Infinity
          ? `a number <= ${max}`
          : exclusiveMin
            ? `a number in (${min}, ${max}]`
            : `a number from ${min} to ${max}`;
  return (raw: string, flag: string): number => {
    const n = toNumber(raw);
    if (!Number.isFinite(n) || n < min || n > max || (exclusiveMin && n === min)) throw bad(flag, expected, raw);
    return n;
  };
}

/** One of `choices`. */
export function oneOf<T extends string>(choices: readonly T[]) {
  return (raw: string, flag: string): T => {
    if (!(choices as readonly string[]).includes(raw)) throw bad(flag, `one of ${choices.join(', ')}`, raw);
    return raw as T;
  };
}

/** A [height, width] pair of positive integers: `20` (square), `20x30` or `20,30`. */
export function pair(raw: string, flag: string): [number, number] {
  const parts = raw.trim().split(/\s*[x,]\s*/i);
  const ns = parts.map(toNumber);
  if (parts.length > 2 || ns.some((n) => !Number.isSafeInteger(n) || n < 1)) {
    throw bad(flag, 'a positive integer or HxW (e.g. 20 or 20x30)', raw);
  }
  return ns.length === 1 ? [ns[0] as number, ns[0] as number] : [ns[0] as number, ns[1] as number];
}

/** A non-negative integer seed, or `none` for a fresh random one. */
export function seed(raw: string, flag: string): number | null {
  if (raw.trim().toLowerCase() === 'none') return null;
  const n = toNumber(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw bad(flag, 'a non-negative integer or none', raw);
  return n;
}

/** A fill for occluded pixels: `black`, `mean` (the image's mean colour), a value 0..255 or R,G,B. */
export type FillSpec = null | 'mean' | number | number[];

export function fill(raw: string, flag: string): FillSpec {
  const s = raw.trim().toLowerCase();
  if (s === 'black') return null;
  if (s === 'mean') return 'mean';
  const parts = s.split(/\s*,\s*/).map(toNumber);
  if ((parts.length !== 1 && parts.length !== 3) || parts.some((v) => !Number.isFinite(v) || v < 0 || v > 255)) {
    throw bad(flag, 'black, mean, a value from 0 to 255 or R,G,B', raw);
  }
  return parts.length === 1 ? (parts[0] as number) : parts;
}

/** One number or one per RGB channel (`0.5` or `0.485,0.456,0.406`). */
export function numberOrRgb(raw: string, flag: string): number | [number, number, number] {
  const parts = raw
    .trim()
    .split(/\s*,\s*/)
    .map(toNumber);
  if ((parts.length !== 1 && parts.length !== 3) || parts.some((v) => !Number.isFinite(v))) {
    throw bad(flag, 'a number or three numbers R,G,B', raw);
  }
  return parts.length === 1 ? (parts[0] as number) : (parts as [number, number, number]);
}

/** A working size: a side length in pixels (>= 8), `full`, or `model` (the model's input size). */
export function workSize(raw: string, flag: string): number | 'full' | 'model' {
  const s = raw.trim().toLowerCase();
  if (s === 'full' || s === 'model') return s;
  const n = toNumber(s);
  if (!Number.isSafeInteger(n) || n < 8) throw bad(flag, 'a size in pixels (>= 8), full or model', raw);
  return n;
}

/** A colormap name of @salkit/viz. */
export function cmap(raw: string, flag: string): string {
  if (!(COLORMAP_NAMES as readonly string[]).includes(raw)) throw bad(flag, `one of ${COLORMAP_NAMES.join(', ')}`, raw);
  return raw;
}

/** A non-empty path. */
export function path(raw: string, flag: string): string {
  if (raw.trim() === '') throw bad(flag, 'a path', raw);
  return raw;
}
