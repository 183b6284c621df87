import { array, describe, type NdArray } from '@salkit/ndarray';
import { isMetricName, METRICS, type MetricName } from './metricNames.js';
import { type CdistOptions, type ParsedOptions, parseOptions } from './options.js';
import { RUNNERS } from './registry.js';
import { toRows } from './util/input.js';

/** Resolves a metric name as scipy does (case-insensitive), or throws listing the valid names. */
export function resolveMetric(fn: string, metric: unknown): MetricName {
  const name = typeof metric === 'string' ? metric.toLowerCase() : metric;
  if (!isMetricName(name)) {
    const got = typeof metric === 'string' ? `'${metric}'` : describe(metric);
    throw new Error(`${fn}: metric: unknown distance metric ${got}; expected one of ${METRICS.join(', ')}`);
  }
  return name;
}

/**
 * Distance between each pair of rows of `XA` [mA, n] and `XB` [mB, n], as
 * `scipy.spatial.distance.cdist(XA, XB, metric, **options)` (scipy 1.10) computes it.
 * Inputs may be any numeric dtype and any strides; they are read as float64 (boolean metrics
 * treat non-zero as true). The result is a new float64 array [mA, mB].
 *
 * @example
 * cdist(array([[0, 0], [1, 1]]), array([[3, 4]]), 'euclidean') // [[5], [3.605...]]
 */
export function cdist(
  XA: NdArray,
  XB: NdArray,
  metric: MetricName | (string & Record<never, never>) = 'euclidean',
  options?: CdistOptions,
): NdArray {
  const name = resolveMetric('cdist', metric);
  const A = toRows('cdist', 'XA', XA);
  const B = toRows('cdist', 'XB', XB);
  if (A.cols !== B.cols) {
    throw new Error(
      `cdist: XA and XB must have the same number of columns: XA has shape [${A.rows},${A.cols}], ` +
        `XB has shape [${B.rows},${B.cols}]`,
    );
  }
  const opts = parseOptions('cdist', name, options, A.cols);
  const out = new Float64Array(A.rows * B.rows);
  RUNNERS[name](A.data, B.data, A.rows, B.rows, A.cols, out, opts);
  return array(out, [A.rows, B.rows]);
}

/** One distance through the cdist implementation (used by the single-pair functions). */
export function pairThroughCdist(
  metric: MetricName,
  u: Float64Array,
  v: Float64Array,
  opts: ParsedOptions = {},
): number {
  const out = new Float64Array(1);
  RUNNERS[metric](u, v, 1, 1, u.length, out, opts);
  return out[0] as number;
}
