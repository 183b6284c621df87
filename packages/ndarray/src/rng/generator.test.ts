import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import { describe, expect, it } from 'vitest';
import { loadNpy, loadNpyFull } from '../npy.js';
import { defaultRng, Generator } from './generator.js';
import { PCG64 } from './pcg64.js';
import { SeedSequence } from './seed-sequence.js';

/** Parity seeds above 2^53 are decimal strings in the manifest: pass them as BigInt. */
function seedOf(x: unknown): number | bigint {
  return typeof x === 'string' ? BigInt(x) : (x as number);
}

describe('defaultRng parity (../shared/parity)', () => {
  it.each(casesFor('rng.random').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const got = defaultRng(seedOf(c.params.seed)).random(c.params.size as number[]);
    const want = loadNpy(readParityFile(c.output as string));
    expect(got.shape).toEqual(want.shape);
    expect([...got.data]).toEqual([...want.data]); // bit-identical
  });

  it.each(casesFor('rng.integers').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { seed, low, high, size } = c.params as { seed: unknown; low: number; high: number; size: number[] };
    const got = defaultRng(seedOf(seed)).integers(low, high, size);
    const want = loadNpyFull(readParityFile(c.output as string));
    expect(got.shape).toEqual(want.array.shape);
    expect([...got.data].map((v) => BigInt(v))).toEqual([...(want.int64 as BigInt64Array)]);
  });

  it.each(casesFor('rng.sequence').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { seed, n, s, cellH, cellW } = c.params as Record<string, number>;
    const random = defaultRng(seedOf(seed)).random([n as number, s as number, s as number]);
    const b = defaultRng(seedOf(seed));
    const shifts: number[][] = [];
    for (let i = 0; i < (n as number); i++) {
      const y = b.integers(0, cellH as number);
      const x = b.integers(0, cellW as number);
      shifts.push([y, x]);
    }
    const outs = c.outputs as Record<string, string>;
    assertAllClose(random, loadNpy(readParityFile(outs.random as string)), 0, 0, 'random');
    assertAllClose(shifts, loadNpy(readParityFile(outs.shifts as string)), 0, 0, 'shifts');
  });
});

// Reference values produced locally with numpy 2.4.6 (same streams as numpy 1.24), e.g.
//   g = np.random.default_rng(99); g.integers(0, 10, 5); g.integers(3); ...
// so the tests cover seeds, ranges and call sequences that the parity set does not.
describe('defaultRng against embedded numpy values', () => {
  it('SeedSequence pool and generate_state', () => {
    const ss = new SeedSequence(12345);
    expect([...ss.pool]).toEqual([4069775156, 4251353637, 4182767765, 2267058336]);
    expect([...ss.generateState(5)]).toEqual([2688385916, 3048105090, 4196366895, 3152189807, 924159892]);
  });

  it('PCG64 initial state equals numpy bit_generator.state', () => {
    expect(defaultRng(5).bitGenerator.state).toEqual({
      state: 304397142111423816445458517940380168174n,
      inc: 233193750087604940414945475171846202189n,
      hasUint32: false,
      uinteger: 0,
    });
    expect(defaultRng(0).bitGenerator.state.state).toBe(35399562948360463058890781895381311971n);
  });

  it('three-word bigint seeds and sequence seeds', () => {
    expect([...defaultRng(2n ** 64n + 2n ** 32n + 9n).random(3).data]).toEqual([
      0.9086185486207305, 0.05422486799549486, 0.6830216120223579,
    ]);
    expect([...defaultRng([7, 2n ** 40n]).random(2).data]).toEqual([0.0515372620239557, 0.7539778135483007]);
    // a decimal string is read as a bigint
    expect(defaultRng('18446744073709551616').random()).toBe(defaultRng(2n ** 64n).random());
  });

  it('scalar draws from number bounds equal the array path (the scalar fast path), errors included', () => {
    const bounds: [number, number][] = [
      [0, 14],
      [0, 1],
      [-5, 5],
      [-(2 ** 31), 2 ** 31],
      [7, 2 ** 32 + 7],
      [0, 2 ** 32 + 1],
      [-(2 ** 52), 2 ** 52],
    ];
    const a = defaultRng(5);
    const b = defaultRng(5);
    for (let r = 0; r < 50; r++) {
      for (const [lo, hi] of bounds) expect(a.integers(lo, hi)).toBe(b.integers(lo, hi, [1]).data[0]);
    }
    expect(a.bitGenerator.state).toEqual(b.bitGenerator.state);
    expect(() => a.integers(3, 3)).toThrow(/expected low < high, got low=3, high=3/);
    expect(() => a.integers(0.5, 3)).toThrow(/Generator.integers: low/);
    expect(a.integers(3, 3, null, { endpoint: true })).toBe(3);
  });

  it('mixed integers/random calls share the 32-bit half-word buffer like numpy', () => {
    const g = defaultRng(99);
    expect([...g.integers(0, 10, 5).data]).toEqual([9, 5, 7, 5, 1]);
    expect(g.integers(3)).toBe(1);
    expect(g.integers(-(2 ** 31), 2 ** 31)).toBe(1898034726);
    expect(g.random()).toBe(0.6149031419691238);
    expect([...g.integers(0, 2 ** 32, 3).data]).toEqual([4175508673, 1347284218, 2440759038]);
    expect([...g.integers(0, 2 ** 45, 2).data]).toEqual([10090410767564, 19510137298628]);
    expect(g.bitGenerator.state.hasUint32).toBe(false);
  });

  it('full int64 range (bigint bounds), endpoint, float32 draws', () => {
    const g = defaultRng(2024);
    const big = g.integers(-(2n ** 63n), 2n ** 63n - 1n, 3);
    expect(big.data).toBeInstanceOf(BigInt64Array);
    expect([...big.data]).toEqual([3243515691878632167n, -5269806794554486568n, -3514989620090543904n]);
    expect([...g.integers(0, 5, 4, { endpoint: true }).data]).toEqual([5, 4, 5, 5]);
    expect([...g.random(2, { dtype: 'float32' }).data]).toEqual([0.07853579521179199, 0.1422317624092102]);
  });

  it('range 1 consumes no draws; range 2^32 takes raw 32-bit draws', () => {
    const g = defaultRng(31337);
    expect([...g.integers(0, 1, 3).data]).toEqual([0, 0, 0]);
    expect(g.random()).toBe(0.3579189974415119);
    expect([...g.integers(2 ** 32 - 1, null, 2).data]).toEqual([152769930, 3653056815]);
  });

  it('scalar draws return numbers (bigints for bigint bounds); size [] gives a 0-d array', () => {
    const g = defaultRng(1);
    expect(typeof g.random()).toBe('number');
    expect(typeof g.integers(0, 10)).toBe('number');
    expect(typeof g.integers(0n, 10n)).toBe('bigint');
    expect(defaultRng(3).integers('0', '1000', [3, 7]).data).toEqual(
      BigInt64Array.from(defaultRng(3).integers(0, 1000, [3, 7]).data, (v) => BigInt(v)),
    );
    expect(g.random([]).shape).toEqual([]);
    expect(g.random([2, 0]).size).toBe(0);
  });

  it('state can be saved and restored', () => {
    const g = defaultRng(8);
    g.integers(0, 5);
    const st = g.bitGenerator.state;
    const a = [...g.random(4).data, g.integers(0, 100)];
    g.bitGenerator.state = st;
    expect([...g.random(4).data, g.integers(0, 100)]).toEqual(a);
  });

  it('fillDoubles and nextDouble agree', () => {
    const a = new PCG64(77);
    const b = new PCG64(77);
    const out = new Float64Array(100);
    a.fillDoubles(out);
    for (let i = 0; i < 100; i++) expect(out[i]).toBe(b.nextDouble());
  });
});

describe('defaultRng argument checks', () => {
  it('rejects bad seeds with clear errors', () => {
    expect(() => defaultRng(-1)).toThrow(/defaultRng: seed: expected a non-negative integer, got -1/);
    expect(() => defaultRng(-1n)).toThrow(/non-negative/);
    expect(() => defaultRng(1.5)).toThrow(/defaultRng: seed: expected an integer/);
    expect(() => defaultRng(2 ** 60)).toThrow(/bigint/);
    expect(() => defaultRng('12a')).toThrow(/decimal digits/);
    expect(() => defaultRng({} as never)).toThrow(/defaultRng: seed/);
    expect(() => defaultRng([1, -2])).toThrow(/seed\[1\]/);
  });

  it('unseeded generators work and differ', () => {
    expect(defaultRng().random()).not.toBe(defaultRng().random());
    expect(defaultRng(null)).toBeInstanceOf(Generator);
  });

  it('takes integer-valued number bounds beyond 2^53 (as JSON gives them) exactly, returning bigints', () => {
    const a = defaultRng(11).integers(0, 2 ** 62, 4);
    const b = defaultRng(11).integers(0n, 2n ** 62n, 4);
    expect([...a.data]).toEqual([...b.data]);
    expect(typeof defaultRng(3).integers(-(2 ** 60), 2 ** 60)).toBe('bigint');
  });

  it('rejects bad integers() arguments', () => {
    const g = defaultRng(0);
    expect(() => g.integers(5, 5)).toThrow(/expected low < high, got low=5, high=5/);
    expect(() => g.integers(0)).toThrow(/low < high/);
    expect(() => g.integers(6, 5, 3, { endpoint: true })).toThrow(/low <= high/);
    expect(() => g.integers(0.5, 3)).toThrow(/integers: low: expected an integer/);
    expect(() => g.integers(0, Number.NaN)).toThrow(/integers: high/);
    expect(() => g.integers(0, '1e3' as never)).toThrow(/integers: high: .*decimal string.*got "1e3"/);
    expect(() => g.integers(0n, 2n ** 63n + 1n)).toThrow(/high: out of bounds for int64/);
    expect(() => g.integers(-(2n ** 63n) - 1n, 0n)).toThrow(/low: out of bounds for int64/);
    expect(() => g.integers(0, 3, [-1])).toThrow(/integers: size/);
    expect(() => g.integers(0, 3, 2.5)).toThrow(/integers: size/);
    // failed calls consume nothing
    expect(g.random()).toBe(defaultRng(0).random());
  });

  it('rejects bad random() arguments', () => {
    const g = defaultRng(0);
    expect(() => g.random([2, -1])).toThrow(/Generator.random: size/);
    expect(() => g.random(3, { dtype: 'int8' as never })).toThrow(/dtype/);
  });
});
