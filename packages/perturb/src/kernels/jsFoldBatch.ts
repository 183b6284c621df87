import { correlateSymmetric } from '@salkit/ndarray';

/**
 * A batch of 1-D symmetric correlation sums with one half kernel `w[0..r]` (`correlateSymmetric`
 * of `@salkit/ndarray`): the caller fills `lines` (they are read, never written), adds jobs, then
 * runs the batch once.
 */
export interface FoldBatch {
  /** Where the lines go (zeros at first); the caller writes them before `run`. */
  readonly lines: Float64Array;
  /**
   * Sums centred at `lines[start + r + j]` for j < n (reading `lines[start .. start + n + 2r)`)
   * into output `outStart + j`. Throws past the batch's job count.
   */
  job(start: number, n: number, outStart: number): void;
  /** Runs the jobs and copies all the batch's outputs (0 where no job wrote) into `out` from `o`. */
  run(out: Float32Array, o?: number): void;
}

/** {@link FoldBatch} in plain JS. */
export function jsFoldBatch(w: Float64Array, lineValues: number, maxJobs: number, outValues: number): FoldBatch {
  const r = w.length - 1;
  const lines = new Float64Array(lineValues);
  const jobs = new Int32Array(3 * maxJobs);
  let count = 0;
  return {
    lines,
    job(start, n, outStart) {
      if (count === maxJobs) throw new Error(`FoldBatch.job: the batch holds ${maxJobs} jobs`);
      if (n <= 0) return;
      jobs[3 * count] = start;
      jobs[3 * count + 1] = n;
      jobs[3 * count + 2] = outStart;
      count++;
    },
    run(out, o = 0) {
      out.fill(0, o, o + outValues);
      for (let i = 0; i < count; i++) {
        correlateSymmetric(
          lines,
          (jobs[3 * i] as number) + r,
          jobs[3 * i + 1] as number,
          w,
          out,
          o + (jobs[3 * i + 2] as number),
        );
      }
    },
  };
}
