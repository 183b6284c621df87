import ndarray from 'ndarray';
import { type NdArray, toContiguous } from './array.js';
import { dtypeOfData } from './dtype.js';
import { assertNdArray } from './validate.js';

const IMAX: Record<string, number> = {
  uint8: 255,
  uint16: 65535,
  uint32: 4294967295,
  int8: 127,
  int16: 32767,
  int32: 2147483647,
};

/**
 * skimage's `img_as_float` (0.19): float32/float64 arrays come back as they are (dense);
 * integer images are multiplied by `1 / max(dtype)` in float64 (signed ones then floored at
 * -1), so uint8 0..255 becomes 0..1. With `preserveRange` integers are only cast to float64.
 * 0/1 masks stored as uint8 are uint8 here: cast them yourself if you want 0/1 floats.
 */
export function imgAsFloat(
  a: NdArray,
  options: { preserveRange?: boolean; label?: string } = {},
): NdArray<Float64Array> | NdArray<Float32Array> {
  const label = options.label ?? 'imgAsFloat: image';
  assertNdArray(label, a);
  const dt = dtypeOfData(a.data);
  const c = toContiguous(a);
  if (dt === 'float64') return c as NdArray<Float64Array>;
  if (dt === 'float32') return c as NdArray<Float32Array>;
  const src = c.data;
  const n = c.size;
  const out = new Float64Array(n);
  if (options.preserveRange) {
    for (let i = 0; i < n; i++) out[i] = src[i] as number;
  } else {
    const scale = 1 / (IMAX[dt] as number);
    const signed = dt.startsWith('int');
    for (let i = 0; i < n; i++) {
      const v = (src[i] as number) * scale;
      out[i] = signed && v < -1 ? -1 : v;
    }
  }
  return ndarray(out, [...c.shape]);
}
