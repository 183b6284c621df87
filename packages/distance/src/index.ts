export { cdist } from './cdist.js';
export { BOOLEAN_METRICS, isMetricName, METRICS, type MetricName } from './metricNames.js';
export * from './metrics/index.js';
export { type CdistOptions, METRIC_OPTIONS, type OptionName } from './options.js';
export type { VectorLike } from './util/input.js';
