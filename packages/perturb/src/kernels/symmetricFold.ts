/**
 * A batch of 1-D symmetric correlation sums with one half kernel `w[0..r]` (see
 * {@link foldRange}): the caller fills `lines` (they are read, never written), adds jobs, then
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
        foldRange(
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

/**
 * scipy's symmetric correlation sums at `line[c0 + j]` for j < n, into `out[o + j]` as float32:
 * `x[c]*w[0] + sum_{k=r..1} (x[c-k] + x[c+k])*w[k]` in float64, in that order (`line` is read from
 * `c0 - r` to `c0 + n - 1 + r`). Four outputs are summed side by side: four independent chains
 * of adds, each still in scipy's order.
 */
export function foldRange(
  line: Float64Array,
  c0: number,
  n: number,
  w: Float64Array,
  out: Float32Array,
  o: number,
): void {
  const r = w.length - 1;
  const w0 = w[0] as number;
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const c = c0 + j;
    let a0 = (line[c] as number) * w0;
    let a1 = (line[c + 1] as number) * w0;
    let a2 = (line[c + 2] as number) * w0;
    let a3 = (line[c + 3] as number) * w0;
    for (let k = r; k >= 1; k--) {
      const wk = w[k] as number;
      a0 += ((line[c - k] as number) + (line[c + k] as number)) * wk;
      a1 += ((line[c + 1 - k] as number) + (line[c + 1 + k] as number)) * wk;
      a2 += ((line[c + 2 - k] as number) + (line[c + 2 + k] as number)) * wk;
      a3 += ((line[c + 3 - k] as number) + (line[c + 3 + k] as number)) * wk;
    }
    out[o + j] = a0;
    out[o + j + 1] = a1;
    out[o + j + 2] = a2;
    out[o + j + 3] = a3;
  }
  for (; j < n; j++) {
    const c = c0 + j;
    let a = (line[c] as number) * w0;
    for (let k = r; k >= 1; k--) a += ((line[c - k] as number) + (line[c + k] as number)) * (w[k] as number);
    out[o + j] = a;
  }
}
