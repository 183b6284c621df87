import type { TypedArray } from '@salkit/ndarray';

/**
 * An outside implementation of the region-weight sums (e.g. `@salkit/native`'s compiled kernel).
 * `add` must give the plain-JS engine's sums bit for bit: for each of the `n` masks in order,
 * `w = alpha + beta * m` (float64, rounded to float32 when `roundF32Weights`), `cov[p] += w`,
 * `acc[c * pixels + p] += scalars[scalarOffset + k * channels + c] * w`; with `float32`
 * (float32 masks, Float32Array sums), numpy's float32 steps: `w = f32(f32(alpha) + f32(f32(beta) * m))`,
 * `cov = f32(cov + w)`, `acc = f32(acc + f32(s * w))`. `overlap` (when given) is the calling
 * thread's own work, to run exactly once, e.g. while the kernel's threads start; an error it throws
 * is rethrown once the kernel is done.
 */
export interface RegionAddKernel {
  /** Shown in errors and benchmarks, e.g. 'native'. */
  readonly name: string;
  add(
    acc: Float64Array | Float32Array,
    cov: Float64Array | Float32Array,
    scalars: Float64Array,
    scalarOffset: number,
    masks: TypedArray,
    maskOffset: number,
    n: number,
    channels: number,
    pixels: number,
    alpha: number,
    beta: number,
    roundF32Weights: boolean,
    float32: boolean,
    overlap?: () => void,
  ): void;
}

let current: RegionAddKernel | null = null;

/**
 * Makes the scorers (and `weightRegionsByScalar`) created after this call sum with `kernel`
 * instead of the built-in WebAssembly or plain-JS engine; `null` goes back to those. Returns the
 * kernel it replaces.
 */
export function useRegionAddKernel(kernel: RegionAddKernel | null): RegionAddKernel | null {
  if (
    kernel !== null &&
    (typeof kernel !== 'object' || typeof kernel.add !== 'function' || typeof kernel.name !== 'string')
  )
    throw new Error(
      `useRegionAddKernel: kernel must be null or an object with a name and an add function; got ${String(kernel)}`,
    );
  const before = current;
  current = kernel;
  return before;
}

/** The kernel set by useRegionAddKernel, or null. */
export function regionAddKernel(): RegionAddKernel | null {
  return current;
}
