import ndarray from 'ndarray';
import { type NdArray, toContiguous } from './array.js';
import { dtypeOfData } from './dtype.js';
import { assertShape } from './validate.js';

const EPS32_X10 = Math.fround(10 * Math.fround(2 ** -23));
const EPS64_X10 = 10 * 2 ** -52;

/**
 * `sklearn.preprocessing.maxabs_scale(X, axis=1)` (scikit-learn 1.2) for a 2-D `[R,C]` array:
 * each row divided by its largest absolute value (NaN ignored). As sklearn, a row whose
 * maximum is below `10 * eps` of the dtype (an all-zero row above all) is left as it is.
 * float32 stays float32 (divided in float32); other dtypes give float64. Infinite values are
 * rejected, NaN passes through.
 */
export function maxabsScale(X: NdArray<Float32Array>): NdArray<Float32Array>;
export function maxabsScale(X: NdArray): NdArray<Float64Array> | NdArray<Float32Array>;
export function maxabsScale(X: NdArray): NdArray<Float64Array> | NdArray<Float32Array> {
  assertShape('maxabsScale: X', X, ['R', 'C']);
  const [R, C] = X.shape as [number, number];
  const src = toContiguous(X).data;
  const f32 = dtypeOfData(X.data) === 'float32';
  const out = f32 ? new Float32Array(R * C) : new Float64Array(R * C);
  for (let i = 0; i < R * C; i++) {
    const v = src[i] as number;
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
      throw new RangeError(
        `maxabsScale: X: expected finite values (NaN allowed), got ${v} at [${Math.floor(i / C)},${i % C}]`,
      );
    }
    out[i] = v;
  }
  const tiny = f32 ? EPS32_X10 : EPS64_X10;
  for (let r = 0; r < R; r++) {
    const base = r * C;
    let m = Number.NaN;
    for (let j = 0; j < C; j++) {
      const a = Math.abs(out[base + j] as number);
      if (a > m || Number.isNaN(m)) m = a; // nanmax: NaN only when the whole row is NaN
    }
    if (m < tiny) continue; // sklearn's _handle_zeros_in_scale: scale 1
    for (let j = 0; j < C; j++) out[base + j] = (out[base + j] as number) / m;
  }
  return ndarray(out, [R, C]) as NdArray<Float64Array> | NdArray<Float32Array>;
}
