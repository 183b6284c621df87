import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import fc from 'fast-check';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { array, zeros } from './array.js';
import { gaussianFilter, gaussianKernel1d } from './gaussian-filter.js';
import { pairwiseSum } from './kernels/pairwise-sum.js';
import { loadNpy } from './npy.js';

describe('gaussianFilter parity (../shared/parity)', () => {
  it.each(casesFor('gaussianFilter').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const image = loadNpy(readParityFile(c.inputs.image as string));
    const p = c.params as { sigma: number[]; truncate: number; mode: 'reflect' };
    const got = gaussianFilter(image, p.sigma, { truncate: p.truncate, mode: p.mode });
    const want = loadNpy(readParityFile(c.output as string));
    expect(got.data.constructor).toBe(want.data.constructor);
    assertAllClose(got, want, c.rtol, c.atol, c.id);
  });
});

// Expected values produced locally with scipy 1.17 (`scipy.ndimage.gaussian_filter(a, ...)`).
// The filter reproduces scipy's arithmetic order exactly; the only possible difference is the
// last bit of a kernel weight, because JS's Math.exp and numpy's exp (itself CPU-dependent)
// can round differently. Hence the 1e-14 relative tolerance.
const A = [
  [1, 2, 0, 4],
  [0, 3, 1, 1],
  [5, 0, 0, 2],
];
function close(actual: ArrayLike<number>, expected: number[], rtol = 1e-14): void {
  expect(actual.length).toBe(expected.length);
  assertAllClose([...Array.from(actual)], expected, rtol, 0);
}

describe('gaussianFilter against embedded scipy values', () => {
  it('per-axis sigma in every border mode', () => {
    const a = array(A);
    const want: Record<string, number[]> = {
      reflect: [
        1.0852636253002363, 1.8412637048444183, 0.7827852869675833, 2.698494575483922, 1.7803829598994088,
        1.6616838199798574, 0.7476174475001548, 1.9947013874282584, 3.026319452330339, 1.1784917545031615,
        0.5370075011782878, 1.6659884845843718,
      ],
      mirror: [
        1.2236894600174508, 1.9445364472754185, 0.8758112577869201, 1.919650620175055, 1.5920154844729635,
        1.796883186009853, 0.8252704912494464, 1.670870546455174, 2.0159717382690894, 1.610091004916144,
        0.7521124837282347, 1.461199023231499,
      ],
      nearest: [
        1.112624213551701, 1.8038302300852251, 0.7536773548451745, 2.846395622960004, 1.8022367231764058,
        1.649638724032117, 0.7406571964124848, 2.0100576050680905, 3.2662520884992414, 1.0688221902422175,
        0.48111203508936723, 1.7010175678795878,
      ],
      wrap: [
        1.9350157617943238, 1.574099849207808, 0.6834837576957992, 2.2152078238982287, 1.8234228792063005,
        1.6617914260584727, 0.7475098414215395, 1.9516614681213664, 2.2389227081720025, 1.4458118691438937,
        0.6361527714459498, 2.0869198438343144,
      ],
    };
    for (const mode of ['reflect', 'mirror', 'nearest', 'wrap'] as const) {
      close(gaussianFilter(a, [1.0, 0.5], { mode }).data, want[mode] as number[]);
    }
  });

  it('kernels wider than the image, truncate, radius, sigma 0', () => {
    const a = array(A);
    close(
      gaussianFilter(a, 2.5).data,
      [
        1.5919725766039319, 1.5865471289270932, 1.5796176147230547, 1.5752014506876448, 1.5971897842804064,
        1.5886959800295601, 1.5774461733060248, 1.569990520500553, 1.6024157562583672, 1.590853218940845,
        1.5752826278730734, 1.5647871678694383,
      ],
    );
    close(
      gaussianFilter(a, [0, 1.5], { truncate: 2 }).data,
      [
        1.2900110121420956, 1.5343104850061493, 1.8935085661858648, 2.2821699366658894, 1.1686246888650507,
        1.2866039098486486, 1.2855770389593366, 1.2591943623269635, 2.5104030452390598, 1.935957607109121,
        1.3956201790055798, 1.1580191686462387,
      ],
    );
    close(
      gaussianFilter(a, [1, 1], { radius: [1, 2] }).data,
      [
        1.163723126209398, 1.3724955972758146, 1.654406564352052, 2.2612374740403416, 1.6568857392966085,
        1.4822159794211103, 1.362559399043044, 1.594613358484025, 2.6082576851929025, 1.5761504509423039,
        1.0244229866833097, 1.24303163905909,
      ],
    );
    const same = gaussianFilter(a, 0);
    expect([...same.data]).toEqual(A.flat());
    expect(same.data).not.toBe(a.data); // a copy, never the input
  });

  it('float32 stays float32 (rounded after each axis)', () => {
    const b = ndarray(Float32Array.from(A.flat()), [3, 4]);
    const r = gaussianFilter(b, [0.8, 1.3]);
    expect(r.data).toBeInstanceOf(Float32Array);
    close(
      r.data,
      [
        1.2759231328964233, 1.423919439315796, 1.7270277738571167, 2.0726876258850098, 1.5594546794891357,
        1.4884755611419678, 1.4495819807052612, 1.5033718347549438, 2.291494131088257, 1.7062697410583496,
        1.2695732116699219, 1.2322208881378174,
      ],
      1e-7,
    );
  });

  it('kernel weights are normalised with numpy pairwise summation', () => {
    const w = gaussianKernel1d(1.0, 4);
    expect(w.length).toBe(5);
    expect(w[0]! + 2 * (w[1]! + w[2]! + w[3]! + w[4]!)).toBeCloseTo(1, 15);
    // pairwise sum differs from a left-to-right sum exactly as numpy's does
    const v = Float64Array.from({ length: 300 }, (_, i) => Math.sin(i) * 10 ** ((i % 7) - 3));
    let naive = 0;
    for (const x of v) naive += x;
    expect(Math.abs(pairwiseSum(v) - naive)).toBeLessThan(1e-9);
  });
});

describe('gaussianFilter argument checks', () => {
  it('names the argument, the expectation and what came', () => {
    const a = zeros([4, 4]);
    expect(() => gaussianFilter(a, -1)).toThrow('gaussianFilter: sigma[0]: expected a number >= 0, got -1');
    expect(() => gaussianFilter(a, [1, 2, 3])).toThrow(/sigma: expected a number or 2 numbers \(one per axis\), got 3/);
    expect(() => gaussianFilter(a, Number.NaN)).toThrow(/sigma\[0\]: expected a finite number/);
    expect(() => gaussianFilter(a, 1, { mode: 'constant' as never })).toThrow(/options.mode: expected one of/);
    expect(() => gaussianFilter(a, 1, { truncate: -1 })).toThrow(/options.truncate/);
    expect(() => gaussianFilter(a, 1, { radius: 1.5 })).toThrow(/options.radius\[0\]: expected an integer/);
    expect(() => gaussianFilter(ndarray(new Uint8Array(4), [2, 2]) as never, 1)).toThrow(
      /image: expected float32 or float64 data/,
    );
    expect(() => gaussianFilter({} as never, 1)).toThrow(/gaussianFilter: image: expected an ndarray/);
  });
});

describe('gaussianFilter properties', () => {
  it('preserves the sum of an interior impulse', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 4, noNaN: true }),
        fc.double({ min: 0.2, max: 4, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.constantFrom<'reflect' | 'mirror' | 'nearest' | 'wrap'>('reflect', 'mirror', 'nearest', 'wrap'),
        (sy, sx, v, mode) => {
          const ry = Math.trunc(4 * sy + 0.5);
          const rx = Math.trunc(4 * sx + 0.5);
          const H = 2 * ry + 5;
          const W = 2 * rx + 7;
          const img = zeros([H, W]);
          img.data[(ry + 2) * W + rx + 3] = v;
          const out = gaussianFilter(img, [sy, sx], { mode });
          return Math.abs(pairwiseSum(out.data) - v) <= 1e-12 * Math.max(1, Math.abs(v));
        },
      ),
    );
  });

  it('keeps a constant image constant (up to rounding)', () => {
    const img = ndarray(new Float64Array(30).fill(3.25), [5, 6]);
    for (const v of gaussianFilter(img, [2, 7]).data) expect(v).toBeCloseTo(3.25, 12);
  });
});
