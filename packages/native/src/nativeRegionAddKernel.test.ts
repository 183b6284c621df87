import type { TypedArray } from '@salkit/ndarray';
import { kernelArray } from '@salkit/ndarray/wasm';
import { describe, expect, it } from 'vitest';
import { loadAddon } from './addon.js';
import { nativeLoadError, nativeRegionAddKernel } from './nativeRegionAddKernel.js';
import { referenceKernel } from './referenceKernel.test-util.js';

type MaskType = new (n: number) => TypedArray;
const MASK_TYPES: MaskType[] = [
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
];

/** Deterministic values of every sign and many magnitudes for a mask type (0/1 for some). */
function fill(a: TypedArray, seed: number, binary = false): TypedArray {
  let x = seed >>> 0;
  for (let i = 0; i < a.length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const u = x / 2 ** 32;
    if (binary) a[i] = u < 0.5 ? 0 : 1;
    else if (a instanceof Float32Array || a instanceof Float64Array) a[i] = (u - 0.3) * 2 ** ((x & 15) - 6);
    else a[i] = Math.floor(u * 300) - (a instanceof Uint8Array || a.constructor.name.startsWith('Uint') ? 0 : 150);
  }
  return a;
}

function scalarsOf(n: number, seed: number, float32Valued = false): Float64Array {
  const s = new Float64Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 22695477) + 1) >>> 0;
    const v = (x / 2 ** 32 - 0.5) * 3;
    s[i] = float32Valued ? Math.fround(v) : v;
  }
  return s;
}

interface Case {
  masks: TypedArray;
  C: number;
  P: number;
  n: number;
  alpha: number;
  beta: number;
  round: boolean;
  float32: boolean;
  /** Float32-valued scalars (the float32 kernel multiplies in float32 then); default: with float32. */
  s32?: boolean;
}

/** Runs the same two adds (the masks split at n1) through `kernel`, from non-zero starting sums. */
function sums(kernel: { add: typeof referenceKernel.add }, c: Case, n1: number) {
  const Sum = c.float32 ? Float32Array : Float64Array;
  const acc = new Sum(c.C * c.P).map((_, i) => (i % 7) - 3);
  const cov = new Sum(c.P).map((_, i) => (i % 5) * 0.25);
  const scalars = scalarsOf((c.n + 2) * c.C, 9, c.s32 ?? c.float32);
  const args = [c.P, c.alpha, c.beta, c.round, c.float32] as const;
  kernel.add(acc, cov, scalars, 2 * c.C, c.masks, 0, n1, c.C, ...args);
  kernel.add(acc, cov, scalars, (2 + n1) * c.C, c.masks, n1 * c.P, c.n - n1, c.C, ...args);
  return { acc, cov };
}

function expectSameBits(a: ArrayLike<number>, b: ArrayLike<number>, label: string): void {
  expect(a.length, label).toBe(b.length);
  let bad = -1;
  for (let i = 0; i < a.length && bad < 0; i++) if (!Object.is(a[i], b[i])) bad = i;
  expect(bad < 0 ? 'same' : `${label}: first difference at ${bad}: ${a[bad]} vs ${b[bad]}`).toBe('same');
}

describe('nativeRegionAddKernel', () => {
  const kernel = nativeRegionAddKernel();

  it('loads the compiled addon', () => {
    expect(nativeLoadError()).toBe(null);
    expect(kernel?.name).toBe('native');
  });

  it('equals the written-out sums bit for bit for every mask type, weight rounding and map count', () => {
    // P: whole 8-pixel vectors and a tail; C: within one register group, 12, and over it
    for (const [P, C] of [
      [37, 1],
      [64, 3],
      [133, 12],
      [21, 13],
      [45, 25],
      [19, 0],
    ] as const) {
      for (const T of MASK_TYPES) {
        for (const round of [false, true]) {
          const n = 70; // several chunks of masks, and a ragged last one
          const masks = fill(new T(n * P), P * 31 + C);
          const c: Case = { masks, C, P, n, alpha: 0.75, beta: -1.25, round, float32: false };
          const want = sums(referenceKernel, c, 29);
          const got = sums(kernel!, c, 29);
          const label = `${T.name} P=${P} C=${C} round=${round}`;
          expectSameBits(got.acc, want.acc, `${label} acc`);
          expectSameBits(got.cov, want.cov, `${label} cov`);
        }
      }
    }
  });

  it("equals numpy's float32 steps bit for bit with float32 arithmetic", () => {
    for (const [P, C, alpha, beta] of [
      [37, 1, 0, 1],
      [1100, 3, 1, -1],
      [64, 10, -0.5, 1],
      [13, 2, 0.1, 0.3],
      [40, 14, 0.5, -2],
    ] as const) {
      for (const s32 of [true, false]) {
        const n = 40;
        const masks = fill(new Float32Array(n * P), P + C);
        const c: Case = { masks, C, P, n, alpha, beta, round: false, float32: true, s32 };
        const want = sums(referenceKernel, c, 17);
        const got = sums(kernel!, c, 17);
        expectSameBits(got.acc, want.acc, `float32 P=${P} C=${C} s32=${s32} acc`);
        expectSameBits(got.cov, want.cov, `float32 P=${P} C=${C} s32=${s32} cov`);
      }
    }
  });

  it('gives the same bits on 1, 2 and 3 threads, with masks on ordinary and shared memory', () => {
    const addon = loadAddon();
    if (!('addon' in addon)) throw new Error(addon.error);
    const [n, C, P] = [24, 10, 3 * 1024 + 517]; // several pixel blocks, a ragged last one
    const plain = fill(new Float32Array(n * P), 5);
    const shared = new Float32Array(new SharedArrayBuffer(plain.byteLength));
    shared.set(plain);
    const inKernelMemory = kernelArray('float32', n * P);
    inKernelMemory.set(plain);
    const scalars = scalarsOf(n * C, 3);
    const results: Float64Array[] = [];
    for (const masks of [plain, shared, inKernelMemory]) {
      for (const threads of [1, 2, 3]) {
        const acc = new Float64Array(C * P);
        const cov = new Float64Array(P);
        addon.addon.add(acc, cov, scalars, 0, masks, 0, n, C, P, -0.5, 1, true, false, threads);
        results.push(Float64Array.of(...acc, ...cov));
      }
    }
    const want = new Float64Array(C * P);
    const wantCov = new Float64Array(P);
    referenceKernel.add(want, wantCov, scalars, 0, plain, 0, n, C, P, -0.5, 1, true, false);
    for (const r of results) expectSameBits(r, Float64Array.of(...want, ...wantCov), 'threads');
  });

  it('leaves the sums alone when there are no masks', () => {
    const acc = Float64Array.of(1, 2, 3);
    const cov = Float64Array.of(4, 5, 6);
    kernel!.add(acc, cov, new Float64Array(0), 0, new Float32Array(0), 0, 0, 1, 3, 0, 1, false, false);
    expect([...acc, ...cov]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('rejects bad arguments with messages naming them, before touching the sums', () => {
    const k = kernel!;
    const acc = new Float64Array(6);
    const cov = new Float64Array(3);
    const s = new Float64Array(4);
    const m = new Float32Array(6);
    const add = (over: Partial<Record<string, unknown>>) => () => {
      const a = {
        acc,
        cov,
        s,
        sOff: 0,
        m,
        mOff: 0,
        n: 2,
        C: 2,
        P: 3,
        alpha: 0,
        beta: 1,
        round: false,
        f32: false,
        ...over,
      };
      k.add(
        a.acc as Float64Array,
        a.cov as Float64Array,
        a.s as Float64Array,
        a.sOff as number,
        a.m as Float32Array,
        a.mOff as number,
        a.n as number,
        a.C as number,
        a.P as number,
        a.alpha as number,
        a.beta as number,
        a.round,
        a.f32,
      );
    };
    expect(add({})).not.toThrow();
    const before = [...acc, ...cov];
    expect(add({ n: 3 })).toThrow(/scalars must be a Float64Array of at least .* = 6 values; got Float64Array of 4/);
    expect(add({ mOff: 1 })).toThrow(/masks must hold at least maskOffset \+ n \* pixels = 7 values; got 6/);
    expect(add({ acc: new Float64Array(5) })).toThrow(
      /acc must be a Float64Array of channels \* pixels = 6 values; got Float64Array of 5/,
    );
    expect(add({ cov: new Float32Array(3) })).toThrow(
      /cov must be a Float64Array of pixels = 3 values; got Float32Array of 3/,
    );
    expect(add({ f32: true })).toThrow(/acc must be a Float32Array/);
    expect(add({ m: new BigInt64Array(6) })).toThrow(/masks must be a Uint8, .* array; got BigInt64Array of 6/);
    expect(add({ m: [0, 1, 0, 1, 0, 1] })).toThrow(/masks must be .*; got object/);
    expect(add({ n: -1 })).toThrow(/n must be a non-negative integer; got -1/);
    expect(add({ P: 1.5 })).toThrow(/pixels must be a non-negative integer; got 1.5/);
    expect(add({ alpha: Number.NaN })).toThrow(/alpha and beta must be finite numbers; got NaN and 1/);
    expect([...acc, ...cov]).toEqual(before);
  });

  it('keeps memory safe when its compiled function is called directly with short arrays', () => {
    const addon = loadAddon();
    if (!('addon' in addon)) throw new Error(addon.error);
    const add = addon.addon.add;
    expect(() =>
      add(
        new Float64Array(6),
        new Float64Array(3),
        new Float64Array(4),
        0,
        new Float32Array(9),
        0,
        3,
        2,
        3,
        0,
        1,
        false,
        false,
        1,
      ),
    ).toThrow(/shorter than channels, pixels and n need/);
    expect(() =>
      add(
        new Float64Array(6),
        new Float64Array(3),
        new Float64Array(6),
        0,
        new Float32Array(8),
        0,
        3,
        2,
        3,
        0,
        1,
        false,
        false,
        1,
      ),
    ).toThrow(/shorter/);
    expect(() =>
      add(
        new Float32Array(6),
        new Float64Array(3),
        new Float64Array(6),
        0,
        new Float32Array(9),
        0,
        3,
        2,
        3,
        0,
        1,
        false,
        false,
        1,
      ),
    ).toThrow(/acc and cov must be Float64Array/);
    expect(() =>
      add(
        new Float32Array(6),
        new Float32Array(3),
        new Float64Array(6),
        0,
        new Uint8Array(9),
        0,
        3,
        2,
        3,
        0,
        1,
        false,
        true,
        1,
      ),
    ).toThrow(/float32 arithmetic needs float32 masks/);
    expect(() =>
      // @ts-expect-error: too few arguments
      add(new Float64Array(6), new Float64Array(3)),
    ).toThrow(/expected 14 or 15 arguments/);
  });
});

describe('nativeRegionAddKernel overlap', () => {
  const kernel = nativeRegionAddKernel()!;
  const [n, C, P] = [16, 2, 70_000]; // over a million mask values: helpers run while overlap does
  const masks = fill(new Float32Array(n * P), 11);
  const scalars = scalarsOf(n * C, 13);

  it('runs the overlap once, and the sums are the same as without it', () => {
    const want = { acc: new Float64Array(C * P), cov: new Float64Array(P) };
    referenceKernel.add(want.acc, want.cov, scalars, 0, masks, 0, n, C, P, 1, -1, true, false);
    for (const size of [n, 0]) {
      const acc = new Float64Array(C * P);
      const cov = new Float64Array(P);
      let runs = 0;
      kernel.add(acc, cov, scalars, 0, masks, 0, size, C, P, 1, -1, true, false, () => {
        runs++;
      });
      expect(runs).toBe(1);
      if (size === n) {
        expectSameBits(acc, want.acc, 'acc');
        expectSameBits(cov, want.cov, 'cov');
      }
    }
  });

  it("rethrows the overlap's error once the sums are done", () => {
    const acc = new Float64Array(C * P);
    const cov = new Float64Array(P);
    expect(() =>
      kernel.add(acc, cov, scalars, 0, masks, 0, n, C, P, 1, -1, true, false, () => {
        throw new Error('scores failed');
      }),
    ).toThrow('scores failed');
    const want = { acc: new Float64Array(C * P), cov: new Float64Array(P) };
    referenceKernel.add(want.acc, want.cov, scalars, 0, masks, 0, n, C, P, 1, -1, true, false);
    expectSameBits(acc, want.acc, 'acc after the error');
    expect(() =>
      kernel.add(acc, cov, scalars, 0, masks, 0, n, C, P, 1, -1, true, false, 5 as unknown as () => void),
    ).toThrow(/overlap must be a function or undefined; got number/);
  });
});
