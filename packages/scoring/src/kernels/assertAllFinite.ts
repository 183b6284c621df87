import type { NdArray } from '@salkit/ndarray';

/** Throws unless every value of `a` is finite; the message names the first bad index and value. */
export function assertAllFinite(label: string, a: NdArray): void {
  const { data, shape, stride, offset } = a;
  const n = a.size;
  // C-contiguous views (the usual case): one flat pass; else (or to find the bad value) index by index
  let contiguous = true;
  for (let d = shape.length - 1, expected = 1; d >= 0; d--) {
    if ((shape[d] as number) > 1 && stride[d] !== expected) contiguous = false;
    expected *= shape[d] as number;
  }
  if (contiguous && allFinite(data, offset, offset + n)) return;
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < n; i++) {
    let p = offset;
    for (let d = 0; d < shape.length; d++) p += (idx[d] as number) * (stride[d] as number);
    const v = data[p] as number;
    if (!Number.isFinite(v)) {
      throw new RangeError(`${label}: expected finite values, got ${v} at index [${idx.join(',')}]`);
    }
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      if ((idx[d] as number) < (shape[d] as number)) break;
      idx[d] = 0;
    }
  }
}

/**
 * Whether `data[from..to)` holds only finite numbers: `v * 0` is 0 for finite v and NaN for NaN
 * and +-Infinity, so one NaN makes the sum NaN; branch-free, in runs of 4 for throughput.
 */
function allFinite(data: ArrayLike<number | bigint>, from: number, to: number): boolean {
  if (!(data instanceof Float64Array || data instanceof Float32Array)) {
    // integer (and bigint) data is finite by construction
    return true;
  }
  return finiteRun(data, from, to);
}

function finiteRun(data: Float64Array | Float32Array, from: number, to: number): boolean {
  let a = 0;
  let b = 0;
  let i = from;
  for (; i + 3 < to; i += 4) {
    a += (data[i] as number) * 0 + (data[i + 1] as number) * 0;
    b += (data[i + 2] as number) * 0 + (data[i + 3] as number) * 0;
  }
  for (; i < to; i++) a += (data[i] as number) * 0;
  return a + b === 0;
}
