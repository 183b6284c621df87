import { array, ellipseMask, gaussianFilter, type NdArray } from '@salkit/ndarray';

/**
 * SlidingRadial's masks computed the direct way (what the class did before its kernels): per
 * centre, the ellipse drawn with `ellipseMask`, and for soft masks a full-image
 * `gaussianFilter` (float32), `/ max` and `1 -` in float32. The reference the kernels must match
 * bit for bit.
 */
export function radialReference(
  H: number,
  W: number,
  radius: readonly [number, number],
  stride: readonly [number, number],
  sigma: readonly [number, number] | null,
): Uint8Array | Float32Array {
  const [sh, sw] = stride;
  const [ry, rx] = radius;
  const ny = Math.ceil(H / sh);
  const nx = Math.ceil(W / sw);
  const count = ny * nx;
  const P = H * W;
  if (sigma === null) {
    const out = new Uint8Array(count * P).fill(1);
    for (let i = 0; i < count; i++) {
      const view = array(out.subarray(i * P, (i + 1) * P), [H, W]);
      ellipseMask(Math.floor(i / nx) * sh, (i % nx) * sw, ry, rx, [H, W], { out: view, value: 0 });
    }
    return out;
  }
  const out = new Float32Array(count * P);
  const disk = array(new Float32Array(P), [H, W]) as NdArray<Float32Array>;
  for (let i = 0; i < count; i++) {
    disk.data.fill(0);
    ellipseMask(Math.floor(i / nx) * sh, (i % nx) * sw, ry, rx, [H, W], { out: disk });
    const blurred = gaussianFilter(disk, [...sigma]).data;
    let max = 0;
    for (let p = 0; p < P; p++) if ((blurred[p] as number) > max) max = blurred[p] as number;
    for (let p = 0; p < P; p++) out[i * P + p] = Math.fround(1 - Math.fround((blurred[p] as number) / max));
  }
  return out;
}

/** Index of the first bitwise difference (or of the length mismatch), -1 if identical. */
export function firstDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = a instanceof Float32Array ? new Uint32Array(a.buffer, a.byteOffset, a.length) : a;
  const y = b instanceof Float32Array ? new Uint32Array(b.buffer, b.byteOffset, b.length) : b;
  if (x.length !== y.length) return Math.min(x.length, y.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}
