import type { BlackboxResults, Confidences, Label } from './types.js';

/**
 * Reads a black box's results for `expected` images into an array, whatever form they come in
 * (array, iterable, async iterable, promise of either). Throws when the count is wrong.
 */
export async function collectResults<T>(
  fn: string,
  what: string,
  results: BlackboxResults<T>,
  expected: number,
): Promise<T[]> {
  const resolved = await results;
  if (resolved === null || typeof resolved !== 'object') {
    throw new TypeError(`${fn}: the black box's ${what} returned ${String(resolved)}, expected an iterable of results`);
  }
  const out: T[] = [];
  if (Symbol.asyncIterator in resolved) {
    for await (const r of resolved as AsyncIterable<T>) out.push(r);
  } else if (Symbol.iterator in resolved) {
    for (const r of resolved as Iterable<T>) out.push(r);
  } else {
    throw new TypeError(`${fn}: the black box's ${what} returned a non-iterable object, expected one result per image`);
  }
  if (out.length !== expected) {
    throw new Error(`${fn}: the black box's ${what} returned ${out.length} result(s) for ${expected} image(s)`);
  }
  return out;
}

/** The confidence of `label` in one result (plain object or Map); throws naming the label. */
export function confidenceOf(fn: string, conf: Confidences, label: Label, index: number): number {
  const v = conf instanceof Map ? conf.get(label) : (conf as Record<string, number>)[label as string];
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new Error(
      `${fn}: the black box's result for image ${index} has ${v === undefined ? 'no' : `a non-finite (${String(v)})`} confidence for label ${JSON.stringify(label)}`,
    );
  }
  return v;
}
