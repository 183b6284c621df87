import { array, type NdArray } from '@salkit/ndarray';
import { assertAllClose } from '@salkit/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdist } from './cdist.js';
import { boolCdist, diceFormula } from './kernels/boolean.js';
import { bitValue, mat, matrixPair, realValue, sameValue } from './matrices.test-util.js';
import { BOOLEAN_METRICS, METRICS, type MetricName } from './metricNames.js';
import {
  braycurtis,
  canberra,
  chebyshev,
  cityblock,
  correlation,
  cosine,
  dice,
  euclidean,
  hamming,
  jaccard,
  jensenshannon,
  kulczynski1,
  kulsinski,
  mahalanobis,
  matching,
  minkowski,
  rogerstanimoto,
  russellrao,
  seuclidean,
  sokalmichener,
  sokalsneath,
  sqeuclidean,
  wminkowski,
  yule,
} from './metrics/index.js';
import type { CdistOptions } from './options.js';

const RUNS = { numRuns: 60 };

/** The transpose of a [m, n] result as nested rows. */
function transposed(x: NdArray): number[][] {
  const [m, n] = x.shape as [number, number];
  const out: number[][] = [];
  for (let j = 0; j < n; j++) {
    const row: number[] = [];
    for (let i = 0; i < m; i++) row.push(x.get(i, j));
    out.push(row);
  }
  return out;
}

/** Options that make every metric deterministic in the rows given (explicit V and VI). */
function optionsFor(metric: MetricName, n: number): CdistOptions | undefined {
  const ramp = Array.from({ length: n }, (_, i) => 0.5 + i);
  if (metric === 'seuclidean') return { V: array(ramp) };
  if (metric === 'mahalanobis') {
    const VI = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 2 : 0.25)));
    return { VI: array(VI) };
  }
  if (metric === 'minkowski') return { p: 3 };
  if (metric === 'wminkowski') return { p: 2.5, w: array(ramp) };
  return undefined;
}

type Pair = (u: number[], v: number[], o: CdistOptions) => number;

/** The single-pair function of each metric, called with the options `optionsFor` gives. */
const SINGLE: Record<MetricName, Pair> = {
  braycurtis,
  canberra,
  chebyshev,
  cityblock,
  correlation,
  cosine,
  dice,
  euclidean,
  hamming: (u, v) => hamming(u, v),
  jaccard,
  jensenshannon,
  kulczynski1,
  kulsinski,
  mahalanobis: (u, v, o) => mahalanobis(u, v, o.VI as NdArray),
  matching: (u, v) => matching(u, v),
  minkowski: (u, v, o) => minkowski(u, v, o.p),
  rogerstanimoto,
  russellrao,
  seuclidean: (u, v, o) => seuclidean(u, v, o.V as NdArray),
  sokalmichener,
  sokalsneath,
  sqeuclidean,
  wminkowski: (u, v, o) => wminkowski(u, v, o.p as number, o.w as NdArray),
  yule,
};

describe('properties (fast-check)', () => {
  for (const metric of METRICS) {
    const isBool = BOOLEAN_METRICS.includes(metric);
    const value = isBool ? bitValue : metric === 'jensenshannon' ? realValue.map(Math.abs) : realValue;

    it(`${metric}: cdist(A, B) = cdist(B, A)^T`, () => {
      fc.assert(
        fc.property(matrixPair(value), ({ A, B, n }) => {
          const o = optionsFor(metric, n);
          const ab = cdist(mat(A), mat(B), metric, o);
          const ba = cdist(mat(B), mat(A), metric, o);
          assertAllClose(ab, transposed(ba), 1e-12, 1e-14, metric);
        }),
        RUNS,
      );
    });

    // up to 9 rows, so the 4-row blocked loops and their tails both meet the single-pair path
    it(`${metric}: the single-pair function gives cdist's value exactly`, () => {
      fc.assert(
        fc.property(matrixPair(value, { maxRows: 9 }), ({ A, B, n }) => {
          const o = optionsFor(metric, n);
          const d = cdist(mat(A), mat(B), metric, o);
          for (let i = 0; i < A.length; i++) {
            for (let j = 0; j < B.length; j++) {
              const s = SINGLE[metric](A[i] as number[], B[j] as number[], o ?? {});
              if (!sameValue(s, d.get(i, j))) throw new Error(`${metric}: pair ${i},${j}: ${s} vs ${d.get(i, j)}`);
            }
          }
        }),
        RUNS,
      );
    });
  }

  // d(x, x) = 0 wherever scipy's definition gives 0 on identical rows (kulsinski, russellrao and
  // kulczynski1 do not; the ratios need a non-degenerate row).
  const zeroOnDiagonal: MetricName[] = [
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
    'mahalanobis',
    'matching',
    'minkowski',
    'rogerstanimoto',
    'seuclidean',
    'sokalmichener',
    'sokalsneath',
    'sqeuclidean',
    'wminkowski',
    'yule',
  ];
  for (const metric of zeroOnDiagonal) {
    it(`${metric}: d(x, x) = 0`, () => {
      const isBool = BOOLEAN_METRICS.includes(metric);
      const positive = fc.double({ min: 0.01, max: 50, noNaN: true });
      const value = isBool ? bitValue : metric === 'jensenshannon' || metric === 'braycurtis' ? positive : realValue;
      fc.assert(
        fc.property(matrixPair(value, { minCols: 2 }), ({ A, n }) => {
          const rows = A.filter((r) => {
            if (isBool) return r.some((x) => x !== 0);
            // (tiny entries would underflow the norm to 0, and scipy gives NaN then too)
            if (metric === 'cosine') return r.some((x) => Math.abs(x) > 1e-6);
            if (metric === 'correlation') return r.some((x) => Math.abs(x - (r[0] as number)) > 1e-6);
            return true;
          });
          fc.pre(rows.length > 0);
          const d = cdist(mat(rows), mat(rows), metric, optionsFor(metric, n));
          for (let i = 0; i < rows.length; i++) {
            // correlation and cosine are 1 - (rounded cosine), a few ulps from 0
            const tol = metric === 'cosine' || metric === 'correlation' ? 1e-12 : 0;
            expect(Math.abs(d.get(i, i))).toBeLessThanOrEqual(tol);
          }
        }),
        RUNS,
      );
    });
  }

  it("dice: ml-distance's dice on the 0/1 rows equals scipy's ndiff / (2 ntt + ndiff) exactly", () => {
    fc.assert(
      fc.property(matrixPair(fc.oneof(bitValue, realValue), { maxRows: 6 }), ({ A, B, n }) => {
        const viaFormula = new Float64Array(A.length * B.length);
        boolCdist(
          Float64Array.from(A.flat()),
          Float64Array.from(B.flat()),
          A.length,
          B.length,
          n,
          viaFormula,
          diceFormula,
        );
        const viaMl = cdist(mat(A), mat(B), 'dice').data;
        viaFormula.forEach((x, k) => {
          if (!sameValue(x, viaMl[k] as number)) throw new Error(`dice at ${k}: ${viaMl[k]} vs ${x}`);
        });
      }),
      RUNS,
    );
  });

  it('all distances are >= 0 for the real metrics on finite data', () => {
    const nonNegative: MetricName[] = ['canberra', 'chebyshev', 'cityblock', 'euclidean', 'sqeuclidean', 'hamming'];
    fc.assert(
      fc.property(matrixPair(realValue), ({ A, B }) => {
        for (const metric of nonNegative) {
          for (const x of cdist(mat(A), mat(B), metric).data) expect(x).toBeGreaterThanOrEqual(0);
        }
        for (const x of cdist(mat(A), mat(B), 'cosine').data) if (!Number.isNaN(x)) expect(x).toBeLessThanOrEqual(2);
      }),
      RUNS,
    );
  });
});
