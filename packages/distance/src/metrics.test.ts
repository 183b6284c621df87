import { array } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { cdist } from './cdist.js';
import { mat } from './matrices.test-util.js';
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

// Hand-computed values. u - v = [-2, 0, -1, 4], |u + v| = [4, 4, 1, 4].
const u = [1, 2, 0, 4];
const v = [3, 2, 1, 0];
const w = [1, 1, 2, 0.5];

/** cdist on the single pair, which must give the same number as the single-pair function. */
function pair(metric: string, options?: Record<string, unknown>): number {
  return cdist(mat([u]), mat([v]), metric, options).get(0, 0);
}

describe('real-valued metrics on u = [1, 2, 0, 4], v = [3, 2, 1, 0]', () => {
  it('braycurtis = 7 / 13', () => {
    expect(braycurtis(u, v)).toBeCloseTo(7 / 13, 15);
    expect(pair('braycurtis')).toBe(braycurtis(u, v));
  });
  it('canberra = 2/4 + 0/4 + 1/1 + 4/4 = 2.5', () => {
    expect(canberra(u, v)).toBe(2.5);
    expect(pair('canberra')).toBe(2.5);
  });
  it('canberra counts 0/0 terms as 0', () => {
    expect(canberra([0, 1], [0, 3])).toBe(0.5);
    expect(canberra([0, 0], [0, 0])).toBe(0);
  });
  it('chebyshev = 4, cityblock = 7', () => {
    expect(chebyshev(u, v)).toBe(4);
    expect(cityblock(u, v)).toBe(7);
    expect(pair('chebyshev')).toBe(4);
    expect(pair('cityblock')).toBe(7);
  });
  it('euclidean = sqrt(21), sqeuclidean = 21', () => {
    expect(euclidean(u, v)).toBe(Math.sqrt(21));
    expect(sqeuclidean(u, v)).toBe(21);
    expect(pair('euclidean')).toBe(Math.sqrt(21));
    expect(pair('sqeuclidean')).toBe(21);
  });
  it('minkowski: p = 3 gives 73^(1/3); p = 1, 2, Infinity are cityblock, euclidean, chebyshev', () => {
    expect(minkowski(u, v, 3)).toBeCloseTo(73 ** (1 / 3), 14);
    expect(pair('minkowski', { p: 3 })).toBe(minkowski(u, v, 3));
    expect(minkowski(u, v)).toBe(Math.sqrt(21));
    expect(minkowski(u, v, 1)).toBe(7);
    expect(minkowski(u, v, Number.POSITIVE_INFINITY)).toBe(4);
    expect(pair('minkowski')).toBe(Math.sqrt(21));
    expect(pair('minkowski', { p: 1 })).toBe(7);
    expect(pair('minkowski', { p: Number.POSITIVE_INFINITY })).toBe(4);
    expect(minkowski(u, v, 0.5)).toBeCloseTo((Math.sqrt(2) + 1 + 2) ** 2, 13);
  });
  it('weighted minkowski (scipy >= 1.8): (sum w |u - v|^p)^(1/p)', () => {
    // p = 1: 1*2 + 1*0 + 2*1 + 0.5*4 = 6; p = 2: sqrt(4 + 0 + 2 + 8); p = 3: (8 + 0 + 2 + 32)^(1/3)
    expect(minkowski(u, v, 1, w)).toBe(6);
    expect(minkowski(u, v, 2, w)).toBe(Math.sqrt(14));
    expect(minkowski(u, v, 3, w)).toBeCloseTo(42 ** (1 / 3), 14);
    expect(pair('minkowski', { p: 3, w: array(w) })).toBe(minkowski(u, v, 3, w));
    // p = Infinity: max |u - v| over the columns whose weight is > 0
    expect(minkowski(u, v, Number.POSITIVE_INFINITY, [1, 1, 1, 0])).toBe(2);
    expect(pair('minkowski', { p: Number.POSITIVE_INFINITY, w: array([1, 1, 1, 0]) })).toBe(2);
  });
  it('wminkowski (classic): (sum |w (u - v)|^p)^(1/p)', () => {
    // w (u - v) = [-2, 0, -2, 2]
    expect(wminkowski(u, v, 2, w)).toBe(Math.sqrt(12));
    expect(wminkowski(u, v, 1, w)).toBe(6);
    expect(wminkowski(u, v, 3, w)).toBeCloseTo(24 ** (1 / 3), 14);
    expect(wminkowski(u, v, Number.POSITIVE_INFINITY, w)).toBe(2);
    expect(pair('wminkowski', { p: 2, w: array(w) })).toBe(Math.sqrt(12));
    // equal to scipy >= 1.8 minkowski with w ** p
    expect(wminkowski(u, v, 3, w)).toBeCloseTo(
      minkowski(
        u,
        v,
        3,
        w.map((x) => x ** 3),
      ),
      14,
    );
  });
  it('cosine = 1 - 7 / sqrt(21 * 14)', () => {
    expect(cosine(u, v)).toBeCloseTo(1 - 7 / Math.sqrt(21 * 14), 15);
    expect(pair('cosine')).toBe(cosine(u, v));
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(0, 15);
    expect(cosine([1, 2], [-1, -2])).toBeCloseTo(2, 15);
  });
  it('correlation = 1 + 3.5 / sqrt(8.75 * 5)', () => {
    // centred: [-0.75, 0.25, -1.75, 2.25] and [1.5, 0.5, -0.5, -1.5]
    expect(correlation(u, v)).toBeCloseTo(1 + 3.5 / Math.sqrt(8.75 * 5), 15);
    expect(pair('correlation')).toBe(correlation(u, v));
  });
  it('cosine and correlation of a zero / constant vector are NaN (scipy 1.10)', () => {
    expect(cosine([0, 0, 0], [1, 2, 3])).toBeNaN();
    expect(correlation([2, 2, 2], [1, 2, 3])).toBeNaN();
  });
  it('hamming = 3/4 (unweighted), 3.5/4.5 (weighted); matching is hamming', () => {
    expect(hamming(u, v)).toBe(0.75);
    expect(hamming(u, v, w)).toBe(3.5 / 4.5);
    expect(matching(u, v, w)).toBe(3.5 / 4.5);
    expect(pair('hamming', { w: array(w) })).toBe(3.5 / 4.5);
    expect(pair('matching')).toBe(0.75);
    expect(hamming([Number.NaN], [Number.NaN])).toBe(1);
  });
  it('jaccard on numbers = #(u != v, not both 0) / #(not both 0) = 3/4; 0 for two zero vectors', () => {
    expect(jaccard(u, v)).toBe(0.75);
    expect(jaccard([0, 0, 5], [0, 0, 5])).toBe(0);
    expect(jaccard([0, 0], [0, 0])).toBe(0);
    expect(jaccard([2, 0, 1], [1, 0, 1])).toBe(0.5);
  });
  it('seuclidean with V = [1, 2, 0.5, 4]: sqrt(4 + 0 + 2 + 4)', () => {
    expect(seuclidean(u, v, [1, 2, 0.5, 4])).toBe(Math.sqrt(10));
    expect(pair('seuclidean', { V: array([1, 2, 0.5, 4]) })).toBe(Math.sqrt(10));
  });
  it('mahalanobis with VI = diag(1, 2, 3, 4): sqrt(4 + 0 + 3 + 64)', () => {
    const VI = array([
      [1, 0, 0, 0],
      [0, 2, 0, 0],
      [0, 0, 3, 0],
      [0, 0, 0, 4],
    ]);
    expect(mahalanobis(u, v, VI)).toBe(Math.sqrt(71));
    expect(pair('mahalanobis', { VI })).toBe(Math.sqrt(71));
  });
  it('jensenshannon equals sqrt(H(m) - (H(p) + H(q)) / 2) on the normalised rows', () => {
    const H = (x: number[]) => -x.reduce((s, t) => (t > 0 ? s + t * Math.log(t) : s), 0);
    const p = u.map((x) => x / 7);
    const q = v.map((x) => x / 6);
    const m = p.map((x, i) => (x + (q[i] as number)) / 2);
    const expected = Math.sqrt(H(m) - (H(p) + H(q)) / 2);
    expect(jensenshannon(u, v)).toBeCloseTo(expected, 14);
    expect(pair('jensenshannon')).toBe(jensenshannon(u, v));
    expect(jensenshannon([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 15);
  });
  it('jensenshannon: inf for a negative entry or a zero-sum row, 0 for proportional rows', () => {
    expect(jensenshannon([1, -1, 2], [1, 1, 1])).toBe(Number.POSITIVE_INFINITY);
    expect(jensenshannon([0, 0], [1, 1])).toBe(Number.POSITIVE_INFINITY);
    expect(jensenshannon([1, 2, 3], [2, 4, 6])).toBe(0);
  });
});

describe('boolean metrics on x = [1,0,1,1,0,0], y = [1,1,0,1,0,0] (ntt 2, ntf 1, nft 1, nff 2)', () => {
  const x = [1, 0, 1, 1, 0, 0];
  const y = [1, 1, 0, 1, 0, 0];
  const cases: [string, (a: number[], b: number[]) => number, number][] = [
    ['dice', dice, 2 / 6],
    ['jaccard', jaccard, 2 / 4],
    ['hamming', hamming, 2 / 6],
    ['matching', matching, 2 / 6],
    ['kulsinski', kulsinski, 6 / 8],
    ['kulczynski1', kulczynski1, 1],
    ['rogerstanimoto', rogerstanimoto, 4 / 8],
    ['russellrao', russellrao, 4 / 6],
    ['sokalmichener', sokalmichener, 4 / 8],
    ['sokalsneath', sokalsneath, 4 / 6],
    ['yule', yule, 2 / 5],
  ];
  for (const [name, f, expected] of cases) {
    it(`${name} = ${expected}`, () => {
      expect(f(x, y)).toBeCloseTo(expected, 15);
      expect(cdist(mat([x]), mat([y]), name).get(0, 0)).toBe(f(x, y));
    });
  }

  it('non-zero counts as true for the boolean metrics (NaN too)', () => {
    const x2 = [5, 0, -1, Number.NaN, 0, 0];
    for (const [name, f] of cases) {
      if (name === 'jaccard' || name === 'hamming' || name === 'matching') continue;
      expect(f(x2, y), name).toBe(f(x, y));
    }
  });

  it('edge rows: 0/0 gives NaN and x/0 gives inf, except jaccard and yule (0)', () => {
    const zero = [0, 0, 0];
    const ones = [1, 1, 1];
    expect(dice(zero, zero)).toBeNaN();
    expect(sokalsneath(zero, zero)).toBeNaN();
    expect(kulczynski1(zero, zero)).toBeNaN();
    expect(kulczynski1(ones, ones)).toBe(Number.POSITIVE_INFINITY);
    expect(jaccard(zero, zero)).toBe(0);
    expect(yule(zero, zero)).toBe(0);
    expect(yule(ones, ones)).toBe(0);
    expect(kulsinski(zero, zero)).toBe(1);
    expect(russellrao(zero, zero)).toBe(1);
    expect(rogerstanimoto(zero, zero)).toBe(0);
    expect(hamming([], [])).toBeNaN();
  });
});
