/** sklearn leaves rows whose max |value| is below 10 * eps of their dtype unscaled (`_handle_zeros_in_scale`). */
export const TINY_F32 = Math.fround(10 * 2 ** -23);
export const TINY_F64 = 10 * 2 ** -52;

/**
 * In place, per map of `size` values: divide by the map's largest |value| (sklearn's
 * `maxabs_scale(axis=1)`; a map whose max is below 10 * eps of its dtype, all-zero included,
 * stays as it is), then clip to [-1, 1]. NaN never appears: callers feed finite values only.
 */
export function maxAbsScaleAndClip(data: Float64Array | Float32Array, maps: number, size: number): void {
  const tiny = data instanceof Float32Array ? TINY_F32 : TINY_F64;
  // each loop in its own small function: optimised whole on its first long run, not half by OSR
  for (let m = 0; m < maps; m++) {
    const maxAbs = maxAbsOf(data, m * size, (m + 1) * size);
    // Unscaled maps below the threshold are already inside [-1, 1]: the clip is a no-op for them.
    if (maxAbs >= tiny) scaleAndClip(data, m * size, (m + 1) * size, maxAbs);
  }
}

/** The largest |value| of `data[from..to)` (0 for none). */
function maxAbsOf(data: Float64Array | Float32Array, from: number, to: number): number {
  let maxAbs = 0;
  for (let i = from; i < to; i++) {
    const a = Math.abs(data[i] as number);
    if (a > maxAbs) maxAbs = a;
  }
  return maxAbs;
}

/** `data[i] / scale` clipped to [-1, 1], for i in [from, to). */
function scaleAndClip(data: Float64Array | Float32Array, from: number, to: number, scale: number): void {
  for (let i = from; i < to; i++) {
    const v = (data[i] as number) / scale;
    // biome-ignore lint/complexity/useMathMinMax: one branchy clip per value is the hot path here.
    data[i] = v > 1 ? 1 : v < -1 ? -1 : v;
  }
}
