import type { NdArray } from '@salkit/ndarray';

/** Throws unless every value of `a` is finite; the message names the first bad index and value. */
export function assertAllFinite(label: string, a: NdArray): void {
  const { data, shape, stride, offset } = a;
  const n = a.size;
  // C-contiguous views (the usual case): one flat pass; `v - v` is NaN exactly for NaN and +-Infinity
  let contiguous = true;
  for (let d = shape.length - 1, expected = 1; d >= 0; d--) {
    if ((shape[d] as number) > 1 && stride[d] !== expected) contiguous = false;
    expected *= shape[d] as number;
  }
  if (contiguous) {
    let bad = -1;
    for (let i = 0; i < n; i++) {
      const v = data[offset + i] as number;
      if (v - v !== 0) {
        bad = i;
        break;
      }
    }
    if (bad < 0) return;
  }
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
