import { assertAllClose, toFlat } from '@salkit/testkit';
import type { ExtraCase } from './cases.js';
import { readNpy } from './cases.js';

/** int64 values of a result as bigints, in row-major order, with its shape. */
function asBigInts(actual: unknown): { values: bigint[]; shape: number[] } {
  if (typeof actual === 'object' && actual !== null && 'data' in actual && 'shape' in actual) {
    const arr = actual as { data: ArrayLike<number | bigint>; shape: number[]; stride?: number[]; offset?: number };
    if (arr.data instanceof BigInt64Array || arr.data instanceof BigUint64Array) {
      // strided bigint views: walk them like testkit's toFlat does for numbers
      const shape = [...arr.shape];
      const n = shape.reduce((x, y) => x * y, 1);
      const stride = arr.stride ?? shape.map((_, d) => shape.slice(d + 1).reduce((x, y) => x * y, 1));
      const idx = new Array<number>(shape.length).fill(0);
      const values: bigint[] = [];
      for (let i = 0; i < n; i++) {
        let q = arr.offset ?? 0;
        for (let d = 0; d < shape.length; d++) q += (idx[d] as number) * (stride[d] as number);
        values.push(arr.data[q] as bigint);
        for (let d = shape.length - 1; d >= 0; d--) {
          idx[d] = (idx[d] as number) + 1;
          if ((idx[d] as number) < (shape[d] as number)) break;
          idx[d] = 0;
        }
      }
      return { values, shape };
    }
  }
  if (Array.isArray(actual) && actual.flat(Number.POSITIVE_INFINITY).some((v) => typeof v === 'bigint')) {
    const shape: number[] = [];
    let cur: unknown = actual;
    while (Array.isArray(cur)) {
      shape.push(cur.length);
      cur = cur[0];
    }
    return { values: (actual.flat(Number.POSITIVE_INFINITY) as (number | bigint)[]).map((v) => BigInt(v)), shape };
  }
  const flat = toFlat(actual);
  const values = [...flat.values].map((v) => {
    if (!Number.isSafeInteger(v)) throw new Error(`expected integer results, got ${v}`);
    return BigInt(v);
  });
  return { values, shape: flat.shape };
}

/** Exact comparison of int64 results (bigints, or safe-integer numbers) against an int64 .npy. */
export function assertInt64Equal(actual: unknown, file: string, label: string): void {
  const want = readNpy(file);
  const expected = want.int64 ? [...want.int64] : [...toFlat(want.array).values].map((v) => BigInt(v));
  const got = asBigInts(actual);
  if (got.shape.join(',') !== want.array.shape.join(',')) {
    throw new Error(`${label}: shape [${got.shape}] differs from expected [${want.array.shape}]`);
  }
  const bad = expected.findIndex((v, i) => got.values[i] !== v);
  if (bad >= 0) {
    throw new Error(
      `${label}: first difference at flat index ${bad}: got ${got.values[bad]}, expected ${expected[bad]}`,
    );
  }
}

/** Checks a case's result against its golden output(s) with the case's tolerance. */
export function checkResult(c: ExtraCase, actual: unknown): void {
  if (c.outputs) {
    const named = actual as Record<string, unknown>;
    for (const [name, file] of Object.entries(c.outputs)) {
      const want = readNpy(file);
      if (want.dtype === 'int64') assertInt64Equal(named[name], file, `${c.id} ${name}`);
      else assertAllClose(named[name], want.array, c.rtol, c.atol, `${c.id} ${name}`);
    }
    return;
  }
  const file = c.output as string;
  const want = readNpy(file);
  if (want.dtype === 'int64') assertInt64Equal(actual, file, c.id);
  else assertAllClose(actual, want.array, c.rtol, c.atol, c.id);
}
