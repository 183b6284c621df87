import { availableParallelism } from 'node:os';
import type { TypedArray } from '@salkit/ndarray';
import { threadsWanted } from '@salkit/ndarray/wasm';
import type { RegionAddKernel } from '@salkit/scoring';
import { type Addon, loadAddon } from './addon.js';

/** Adds of fewer mask values than this stay on the calling thread (starting a thread costs ~0.1 ms). */
const MIN_THREADED_VALUES = 2 ** 20;

const MASK_TYPES = [
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
];

function isIndex(v: unknown): v is number {
  return Number.isSafeInteger(v) && (v as number) >= 0;
}

/** The native kernel over a loaded addon: validates like the rest of salkit, then adds. */
class NativeRegionAddKernel implements RegionAddKernel {
  readonly name = 'native';
  /** Threads, the calling one included: SALKIT_THREADS, else the cores, at most 4 (as the wasm pool). */
  readonly threads: number;

  constructor(private readonly addon: Addon) {
    this.threads = threadsWanted(process.env.SALKIT_THREADS, availableParallelism());
  }

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
  ): void {
    const fn = 'nativeRegionAddKernel().add';
    for (const [name, v] of [
      ['scalarOffset', scalarOffset],
      ['maskOffset', maskOffset],
      ['n', n],
      ['channels', channels],
      ['pixels', pixels],
    ] as const)
      if (!isIndex(v)) throw new Error(`${fn}: ${name} must be a non-negative integer; got ${String(v)}`);
    if (!Number.isFinite(alpha) || !Number.isFinite(beta))
      throw new Error(`${fn}: alpha and beta must be finite numbers; got ${alpha} and ${beta}`);
    const Sum = float32 ? Float32Array : Float64Array;
    if (!(acc instanceof Sum) || acc.length !== channels * pixels)
      throw new Error(
        `${fn}: acc must be a ${Sum.name} of channels * pixels = ${channels * pixels} values; got ${describe(acc)}`,
      );
    if (!(cov instanceof Sum) || cov.length !== pixels)
      throw new Error(`${fn}: cov must be a ${Sum.name} of pixels = ${pixels} values; got ${describe(cov)}`);
    if (!(scalars instanceof Float64Array) || scalars.length < scalarOffset + n * channels)
      throw new Error(
        `${fn}: scalars must be a Float64Array of at least scalarOffset + n * channels = ${scalarOffset + n * channels} values; got ${describe(scalars)}`,
      );
    if (float32 ? !(masks instanceof Float32Array) : !MASK_TYPES.some((T) => masks instanceof T))
      throw new Error(
        `${fn}: masks must be ${float32 ? 'a Float32Array (float32 arithmetic)' : 'a Uint8, Int8, Uint16, Int16, Uint32, Int32, Float32 or Float64 array'}; got ${describe(masks)}`,
      );
    if (masks.length < maskOffset + n * pixels)
      throw new Error(
        `${fn}: masks must hold at least maskOffset + n * pixels = ${maskOffset + n * pixels} values; got ${masks.length}`,
      );
    if (overlap !== undefined && typeof overlap !== 'function')
      throw new Error(`${fn}: overlap must be a function or undefined; got ${describe(overlap)}`);
    const threads = n * pixels < MIN_THREADED_VALUES ? 1 : this.threads;
    // the calling thread runs `overlap` while the helpers start on the blocks
    this.addon.add(
      acc,
      cov,
      scalars,
      scalarOffset,
      masks,
      maskOffset,
      n,
      channels,
      pixels,
      alpha,
      beta,
      roundF32Weights,
      float32,
      threads,
      overlap,
    );
  }
}

function describe(v: unknown): string {
  if (ArrayBuffer.isView(v)) return `${v.constructor.name} of ${(v as TypedArray).length}`;
  return v === null ? 'null' : typeof v;
}

let kernel: NativeRegionAddKernel | null | undefined;

/**
 * The compiled region-weight kernel (a `RegionAddKernel` for `@salkit/scoring`'s
 * `useRegionAddKernel`), or null when the addon is not built; `nativeLoadError()` says why.
 */
export function nativeRegionAddKernel(): RegionAddKernel | null {
  if (kernel === undefined) {
    const r = loadAddon();
    kernel = 'addon' in r ? new NativeRegionAddKernel(r.addon) : null;
  }
  return kernel;
}

/** Why the addon could not be loaded, or null when it is loaded. */
export function nativeLoadError(): string | null {
  const r = loadAddon();
  return 'error' in r ? r.error : null;
}
