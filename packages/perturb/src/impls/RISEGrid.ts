import { array, defaultRng, type NdArray } from '@salkit/ndarray';
import { registerPlugin } from '@salkit/plugin';
import { z } from 'zod';
import { checkBatchSize, imageSize, PerturbImage } from '../interfaces/PerturbImage.js';
import { cachedRiseLayout, wasmRiseRowsEnabled, writeRiseMask } from '../kernels/riseMask.js';
import { ThreadedRiseRows } from '../kernels/threadedRiseRows.js';

/** A seed as numpy takes it; bigints become numbers when safe, else decimal strings, so configs stay JSON. */
const Seed = z
  .union([
    z.number().int().nonnegative(),
    z.bigint().nonnegative(),
    z.string().regex(/^\d+$/, 'expected a decimal string of a non-negative integer'),
  ])
  .transform((v) => (typeof v === 'bigint' ? (v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString()) : v));

const Schema = z.object({
  /** Number of masks. */
  n: z.number().int().positive(),
  /** Side of the coarse square grid each mask is upsampled from. */
  s: z.number().int().positive(),
  /** Probability that a grid cell keeps the image (is 1), in [0, 1]. */
  p1: z.number().min(0).max(1),
  /** Seed of numpy's default_rng for the grid and the shifts; null draws fresh entropy once per instance. */
  seed: Seed.nullable().default(null),
  /** Accepted for xaitk config compatibility; masks are always generated deterministically in order. */
  threads: z.number().int().nullable().default(4),
});
export type RISEGridOptions = z.input<typeof Schema>;

/**
 * RISE masks (xaitk's `RISEGrid`, Petsiuk et al. 2018): `n` random `s x s` binary grids
 * (`default_rng(seed).random([n,s,s]) < p1`), each bilinearly upsampled to `(s+1) * ceil(size/s)`
 * and cropped at a random shift drawn from a second `default_rng(seed)`. float32 [n,H,W] masks,
 * identical to xaitk-saliency's for the same seed.
 */
export class RISEGrid extends PerturbImage {
  static {
    registerPlugin(this, 'salkit.perturb.RISEGrid');
  }
  static override readonly configSchema = Schema;
  declare readonly options: z.output<typeof Schema>;
  private readonly rngSeed: number | bigint | string;
  #grid: Float32Array | undefined;

  constructor(options: RISEGridOptions) {
    super(options);
    this.rngSeed = this.options.seed ?? freshSeed();
  }

  /** The n coarse grids, float32 0/1 [n,s,s] (drawn on first use: building one to check a config costs nothing). */
  get grid(): Float32Array {
    if (!this.#grid) {
      const { n, s, p1 } = this.options;
      const draws = defaultRng(this.rngSeed).random([n, s, s]).data;
      const grid = new Float32Array(n * s * s);
      for (let i = 0; i < grid.length; i++) grid[i] = (draws[i] as number) < p1 ? 1 : 0;
      this.#grid = grid;
    }
    return this.#grid;
  }

  override maskCount(refImage: NdArray): number {
    imageSize('RISEGrid.maskCount', refImage);
    return this.options.n;
  }

  perturb(refImage: NdArray): NdArray {
    const [H, W] = imageSize('RISEGrid.perturb', refImage);
    const out = new Float32Array(this.options.n * H * W);
    this.generator(H, W).write(out, 0, this.options.n);
    return array(out, [this.options.n, H, W]);
  }

  /**
   * The masks of `perturb(refImage)`, written into `out` (a Float32Array of n*H*W values) and
   * returned as an [n,H,W] view of it. With `out` on a SharedArrayBuffer (`kernelArray` or
   * `bufferForThreads` from `@salkit/ndarray/wasm`) and `threads` > 1, the masks are written on the
   * process's thread pool (in a `kernelArray`, the scorers then read them without copying);
   * allocate `out` once and reuse it (Node 20 does not count shared buffers toward GC pressure).
   */
  perturbInto(refImage: NdArray, out: Float32Array): NdArray {
    const [H, W] = imageSize('RISEGrid.perturbInto', refImage);
    const { n } = this.options;
    if (!(out instanceof Float32Array) || out.length !== n * H * W) {
      const got = out instanceof Float32Array ? `${out.length} values` : String((out as object)?.constructor?.name);
      throw new Error(`RISEGrid.perturbInto: out must be a Float32Array of n*H*W = ${n * H * W} values; got ${got}`);
    }
    this.generator(H, W).write(out, 0, n);
    return array(out, [n, H, W]);
  }

  override *perturbBatches(refImage: NdArray, batchSize: number): Generator<NdArray, void, undefined> {
    checkBatchSize('RISEGrid.perturbBatches', batchSize);
    const [H, W] = imageSize('RISEGrid.perturbBatches', refImage);
    const { n } = this.options;
    const gen = this.generator(H, W);
    for (let i = 0; i < n; i += batchSize) {
      const b = Math.min(batchSize, n - i);
      const out = new Float32Array(b * H * W);
      gen.write(out, 0, b);
      yield array(out, [b, H, W]);
    }
  }

  /** A writer of consecutive masks: shifts come from one default_rng(seed) stream, in mask order. */
  private generator(H: number, W: number): { write: (out: Float32Array, offset: number, count: number) => void } {
    const { n, s } = this.options;
    const cellH = Math.ceil(H / s);
    const cellW = Math.ceil(W / s);
    // Proving the faster row formula exact for this geometry costs about as much as a few hundred
    // masks' savings; it is remembered per geometry, so check it for large mask sets only.
    const layout = cachedRiseLayout(s, H, W, n >= VERIFY_MIN_MASKS);
    const shifts = defaultRng(this.rngSeed);
    const grid = this.grid;
    let next = 0;
    return {
      write: (out, offset, count) => {
        // xaitk's `threads`: more than one allows the thread pool (for shared outputs: perturbInto)
        const parallel = (this.options.threads ?? 0) > 1 && wasmRiseRowsEnabled();
        const threads = parallel && ThreadedRiseRows.wanted(layout, out, count) ? ThreadedRiseRows.get() : null;
        if (threads !== null) {
          // the same draws, in mask order, then the masks on the thread pool
          const yx = new Int32Array(2 * count);
          for (let k = 0; k < count; k++) {
            yx[2 * k] = shifts.integers(0, cellH);
            yx[2 * k + 1] = shifts.integers(0, cellW);
          }
          if (!threads.writeMany(layout, grid, next * s * s, yx, out, offset, count))
            for (let k = 0; k < count; k++)
              writeRiseMask(
                layout,
                grid,
                (next + k) * s * s,
                yx[2 * k] as number,
                yx[2 * k + 1] as number,
                out,
                offset + k * H * W,
              );
          next += count;
          return;
        }
        for (let k = 0; k < count; k++, next++) {
          const y = shifts.integers(0, cellH);
          const x = shifts.integers(0, cellW);
          writeRiseMask(layout, grid, next * s * s, y, x, out, offset + k * H * W);
        }
      },
    };
  }
}

/** Mask count from which RISEGrid proves the row formula of the mask kernel (see riseMask.ts). */
const VERIFY_MIN_MASKS = 256;

/** 62 bits of OS entropy (through an unseeded default_rng) as a seed, for `seed: null`. */
function freshSeed(): bigint {
  return defaultRng().integers(0n, 1n << 62n);
}
