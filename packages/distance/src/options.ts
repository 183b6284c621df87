import { describe, type NdArray } from '@salkit/ndarray';
import type { MetricName } from './metricNames.js';
import { toSquare, toVector, type VectorLike } from './util/input.js';

/**
 * Options of `cdist`, as scipy's keyword arguments. Which metric takes which option:
 *
 * - `p`: `minkowski` (default 2), `wminkowski` (required). A number > 0; `Infinity` allowed.
 * - `w`: weights, one non-negative number per column: `minkowski`, `wminkowski` (required),
 *   `hamming`/`matching`.
 * - `V`: `seuclidean` variances, one per column (default: sample variance of `vstack(XA, XB)`).
 * - `VI`: `mahalanobis` inverse covariance [n, n] (default: `inv(cov(vstack(XA, XB)))`).
 */
export interface CdistOptions {
  p?: number;
  w?: VectorLike;
  V?: VectorLike;
  VI?: NdArray;
}

export type OptionName = keyof CdistOptions;

/** Options after validation: numbers and float64 arrays. */
export interface ParsedOptions {
  p?: number;
  w?: Float64Array;
  V?: Float64Array;
  VI?: Float64Array;
}

/** The options each metric accepts, and which of them it requires. */
export const METRIC_OPTIONS: Readonly<Record<MetricName, readonly OptionName[]>> = {
  braycurtis: [],
  canberra: [],
  chebyshev: [],
  cityblock: [],
  correlation: [],
  cosine: [],
  dice: [],
  euclidean: [],
  hamming: ['w'],
  jaccard: [],
  jensenshannon: [],
  kulczynski1: [],
  kulsinski: [],
  mahalanobis: ['VI'],
  matching: ['w'],
  minkowski: ['p', 'w'],
  rogerstanimoto: [],
  russellrao: [],
  seuclidean: ['V'],
  sokalmichener: [],
  sokalsneath: [],
  sqeuclidean: [],
  wminkowski: ['p', 'w'],
  yule: [],
};

const REQUIRED: Partial<Record<MetricName, readonly OptionName[]>> = {
  wminkowski: ['p', 'w'],
};

/** Checks `p`: a number > 0 (Infinity allowed, NaN not). */
export function checkP(fn: string, name: string, p: unknown): number {
  if (typeof p !== 'number' || Number.isNaN(p) || !(p > 0)) {
    throw new RangeError(`${fn}: ${name}: expected a number > 0 (Infinity allowed), got ${describe(p)}`);
  }
  return p;
}

/** Checks weights: a vector of length n with no negative or NaN entry. */
export function checkWeights(fn: string, name: string, w: unknown, n: number): Float64Array {
  const out = toVector(fn, name, w, n, 'weight');
  for (let i = 0; i < out.length; i++) {
    const x = out[i] as number;
    if (!(x >= 0)) {
      throw new RangeError(`${fn}: ${name}: expected non-negative weights, got ${x} at index ${i}`);
    }
  }
  return out;
}

/** Validates `cdist`'s options object for one metric and `n` columns. */
export function parseOptions(fn: string, metric: MetricName, options: unknown, n: number): ParsedOptions {
  const out: ParsedOptions = {};
  const allowed = METRIC_OPTIONS[metric];
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object' || Array.isArray(options)) {
      throw new TypeError(`${fn}: options: expected an object, got ${describe(options)}`);
    }
    for (const [key, value] of Object.entries(options)) {
      if (value === undefined) continue;
      if (!(allowed as readonly string[]).includes(key)) {
        const takes = allowed.length === 0 ? 'takes no options' : `takes only ${allowed.join(', ')}`;
        throw new Error(`${fn}: options.${key}: metric '${metric}' ${takes}`);
      }
      if (key === 'p') out.p = checkP(fn, 'options.p', value);
      else if (key === 'w') out.w = checkWeights(fn, 'options.w', value, n);
      else if (key === 'V') out.V = toVector(fn, 'options.V', value, n, 'variance');
      else if (key === 'VI') out.VI = toSquare(fn, 'options.VI', value, n);
    }
  }
  for (const key of REQUIRED[metric] ?? []) {
    if (out[key] === undefined) {
      throw new Error(`${fn}: options.${key}: metric '${metric}' requires it (${allowed.join(' and ')})`);
    }
  }
  return out;
}
