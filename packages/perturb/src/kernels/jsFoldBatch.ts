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

/**
 * A job list in `table` (three i32 a job, `start, n, outStart`, as the wasm kernel reads them):
 * `add` is FoldBatch.job (jobs of no outputs are skipped), `count` the jobs added.
 */
export function jobTable(table: Int32Array): { add: FoldBatch['job']; count: () => number } {
  const maxJobs = table.length / 3;
  let count = 0;
  return {
    add(start, n, outStart) {
      if (count === maxJobs) throw new Error(`FoldBatch.job: the batch holds ${maxJobs} jobs`);
      if (n <= 0) return;
      table[3 * count] = start;
      table[3 * count + 1] = n;
      table[3 * count + 2] = outStart;
      count++;
    },
    count: () => count,
  };
}

/** {@link FoldBatch} in plain JS. */
export function jsFoldBatch(w: Float64Array, lineValues: number, maxJobs: number, outValues: number): FoldBatch {
  const r = w.length - 1;
  const lines = new Float64Array(lineValues);
  const table = new Int32Array(3 * maxJobs);
  const jobs = jobTable(table);
  return {
    lines,
    job: jobs.add,
    run(out, o = 0) {
      out.fill(0, o, o + outValues);
      for (let j = 0; j < 3 * jobs.count(); j += 3) {
        const start = table[j] as number;
        correlateSymmetric(lines, start + r, table[j + 1] as number, w, out, o + (table[j + 2] as number));
      }
    },
  };
}
