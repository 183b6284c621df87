import { cityblockCdist, euclideanCdist, sqeuclideanCdist } from './kernels/blocked.js';
import {
  binarize,
  boolCdist,
  kulczynski1Formula,
  kulsinskiFormula,
  rogerstanimotoFormula,
  russellraoFormula,
  sokalmichenerFormula,
  sokalsneathFormula,
  yuleFormula,
} from './kernels/boolean.js';
import { correlationCdist, cosineCdist } from './kernels/cosine.js';
import { jensenshannonCdist } from './kernels/jensenshannon.js';
import {
  braycurtisPair,
  canberraPair,
  eachPair,
  hammingPair,
  jaccardPair,
  mahalanobisPair,
  seuclideanPair,
  weightedMinkowskiPair,
  wminkowskiPair,
} from './kernels/pairs.js';
import { cdistViaRows, ml } from './kernels/viaMlDistance.js';
import type { MetricName } from './metricNames.js';
import type { ParsedOptions } from './options.js';
import { covariance, invert, sampleVariance, transpose, vstack } from './util/linalg.js';

/**
 * Fills `out` [mA * mB] with the distances between the rows of `a` [mA, n] and `b` [mB, n]
 * (contiguous float64), given validated options.
 */
export type CdistRunner = (
  a: Float64Array,
  b: Float64Array,
  mA: number,
  mB: number,
  n: number,
  out: Float64Array,
  o: ParsedOptions,
) => void;

const hamming: CdistRunner = (a, b, mA, mB, n, out, o) => eachPair(a, b, mA, mB, n, out, hammingPair(o.w));

const minkowski: CdistRunner = (a, b, mA, mB, n, out, o) => {
  const p = o.p ?? 2;
  if (o.w) eachPair(a, b, mA, mB, n, out, weightedMinkowskiPair(p, o.w));
  else if (p === 1) cityblockCdist(a, b, mA, mB, n, out);
  else if (p === 2) euclideanCdist(a, b, mA, mB, n, out);
  else if (p === Number.POSITIVE_INFINITY) cdistViaRows(a, b, mA, mB, n, out, ml.chebyshev);
  else cdistViaRows(a, b, mA, mB, n, out, (u, v) => ml.minkowski(u, v, p));
};

/** scipy's default VI: inv(cov(vstack(XA, XB))).T, with scipy's checks. */
function defaultVI(a: Float64Array, b: Float64Array, m: number, n: number): Float64Array {
  if (m <= n) {
    throw new Error(
      `cdist: mahalanobis: the number of observations (${m} rows in XA and XB together) is too small; ` +
        `the covariance matrix is singular. For observations with ${n} dimensions, at least ${n + 1} ` +
        'observations are required (or pass options.VI)',
    );
  }
  const inv = invert(covariance(vstack(a, b), m, n), n);
  if (!inv) {
    throw new Error(
      `cdist: mahalanobis: the covariance matrix of vstack(XA, XB) (${m} x ${n}) is singular; pass options.VI`,
    );
  }
  return transpose(inv, n);
}

/** The cdist implementation of every metric. */
export const RUNNERS: Readonly<Record<MetricName, CdistRunner>> = {
  braycurtis: (a, b, mA, mB, n, out) => eachPair(a, b, mA, mB, n, out, braycurtisPair),
  canberra: (a, b, mA, mB, n, out) => eachPair(a, b, mA, mB, n, out, canberraPair),
  chebyshev: (a, b, mA, mB, n, out) => cdistViaRows(a, b, mA, mB, n, out, ml.chebyshev),
  cityblock: cityblockCdist,
  correlation: correlationCdist,
  cosine: cosineCdist,
  dice: (a, b, mA, mB, n, out) => cdistViaRows(binarize(a), binarize(b), mA, mB, n, out, ml.dice),
  euclidean: euclideanCdist,
  hamming,
  jaccard: (a, b, mA, mB, n, out) => eachPair(a, b, mA, mB, n, out, jaccardPair),
  jensenshannon: jensenshannonCdist,
  kulczynski1: (a, b, mA, mB, n, out) => boolCdist(a, b, mA, mB, n, out, kulczynski1Formula),
  kulsinski: (a, b, mA, mB, n, out) => boolCdist(a, b, mA, mB, n, out, kulsinskiFormula),
  mahalanobis: (a, b, mA, mB, n, out, o) =>
    eachPair(a, b, mA, mB, n, out, mahalanobisPair(o.VI ?? defaultVI(a, b, mA + mB, n), n)),
  matching: hamming,
  minkowski,
  rogerstanimoto: (a, b, mA, mB, n, out) => boolCdist(a, b, mA, mB, n, out, rogerstanimotoFormula),
  russellrao: (a, b, mA, mB, n, out) => boolCdist(a, b, mA, mB, n, out, russellraoFormula),
  seuclidean: (a, b, mA, mB, n, out, o) =>
    eachPair(a, b, mA, mB, n, out, seuclideanPair(o.V ?? sampleVariance(vstack(a, b), mA + mB, n))),
  sokalmichener: (a, b, mA, mB, n, out) => boolCdist(a, b, mA, mB, n, out, sokalmichenerFormula),
  sokalsneath: (a, b, mA, mB, n, out) => boolCdist(a, b, mA, mB, n, out, sokalsneathFormula),
  sqeuclidean: sqeuclideanCdist,
  wminkowski: (a, b, mA, mB, n, out, o) => eachPair(a, b, mA, mB, n, out, wminkowskiPair(o.p!, o.w!)),
  yule: (a, b, mA, mB, n, out) => boolCdist(a, b, mA, mB, n, out, yuleFormula),
};
