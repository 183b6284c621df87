/**
 * Every metric name `cdist` accepts: the names scipy 1.10's `cdist` documents, plus
 * `wminkowski` (the classic weighted Minkowski that scipy 1.8 removed). Sorted.
 */
export const METRICS = [
  'braycurtis',
  'canberra',
  'chebyshev',
  'cityblock',
  'correlation',
  'cosine',
  'dice',
  'euclidean',
  'hamming',
  'jaccard',
  'jensenshannon',
  'kulczynski1',
  'kulsinski',
  'mahalanobis',
  'matching',
  'minkowski',
  'rogerstanimoto',
  'russellrao',
  'seuclidean',
  'sokalmichener',
  'sokalsneath',
  'sqeuclidean',
  'wminkowski',
  'yule',
] as const;

export type MetricName = (typeof METRICS)[number];

const NAME_SET: ReadonlySet<string> = new Set(METRICS);

/** True when `x` is one of {@link METRICS}. */
export function isMetricName(x: unknown): x is MetricName {
  return typeof x === 'string' && NAME_SET.has(x);
}

/**
 * The boolean metrics: scipy converts their input to bool first (any non-zero value, NaN
 * included, counts as true). `hamming`/`matching` and `jaccard` are not in this list: on
 * non-bool input scipy compares the values themselves.
 */
export const BOOLEAN_METRICS: readonly MetricName[] = [
  'dice',
  'kulczynski1',
  'kulsinski',
  'rogerstanimoto',
  'russellrao',
  'sokalmichener',
  'sokalsneath',
  'yule',
];
