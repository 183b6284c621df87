import { distance } from 'ml-distance';

/**
 * Runs an ml-distance function over every pair of rows. ml-distance functions take whole
 * arrays (they loop to `u.length`), so each row gets one `subarray` view, made once per call
 * (mA + mB views), never one per pair.
 */
export function cdistViaRows<T extends Float64Array | Uint8Array>(
  a: T,
  b: T,
  mA: number,
  mB: number,
  n: number,
  out: Float64Array,
  f: (u: T, v: T) => number,
): void {
  const rowsB: T[] = new Array(mB);
  for (let j = 0; j < mB; j++) rowsB[j] = b.subarray(j * n, j * n + n) as T;
  for (let i = 0; i < mA; i++) {
    const u = a.subarray(i * n, i * n + n) as T;
    const o = i * mB;
    for (let j = 0; j < mB; j++) out[o + j] = f(u, rowsB[j] as T);
  }
}

/** ml-distance's functions used here, typed for our arrays. */
export const ml = {
  euclidean: distance.euclidean as (u: ArrayLike<number>, v: ArrayLike<number>) => number,
  squaredEuclidean: distance.squaredEuclidean as (u: ArrayLike<number>, v: ArrayLike<number>) => number,
  manhattan: distance.manhattan as (u: ArrayLike<number>, v: ArrayLike<number>) => number,
  chebyshev: distance.chebyshev as (u: ArrayLike<number>, v: ArrayLike<number>) => number,
  minkowski: distance.minkowski as (u: ArrayLike<number>, v: ArrayLike<number>, p: number) => number,
  dice: distance.dice as (u: ArrayLike<number>, v: ArrayLike<number>) => number,
};
