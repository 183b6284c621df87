/**
 * In place, per map of `size` values: divide by the map's largest |value| (sklearn's
 * `maxabs_scale(axis=1)`; an all-zero map stays zero), then clip to [-1, 1]. NaN never
 * appears: callers feed finite values only.
 */
export function maxAbsScaleAndClip(data: Float64Array | Float32Array, maps: number, size: number): void {
  for (let m = 0; m < maps; m++) {
    const base = m * size;
    let maxAbs = 0;
    for (let i = 0; i < size; i++) {
      const a = Math.abs(data[base + i] as number);
      if (a > maxAbs) maxAbs = a;
    }
    if (maxAbs === 0) continue;
    for (let i = 0; i < size; i++) {
      const v = (data[base + i] as number) / maxAbs;
      data[base + i] = v > 1 ? 1 : v < -1 ? -1 : v;
    }
  }
}
