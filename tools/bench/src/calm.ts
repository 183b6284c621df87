/**
 * Calm mode: on a shared machine the other tenants can slow every core for seconds at a time,
 * so each run of a task is bracketed by two runs of a probe (a fixed amount of float64
 * arithmetic), and only the runs whose probes were both near the quietest probe seen are kept.
 */

/** One run of a task (ms) and the probe's time just before and just after it. */
export interface CalmRecord {
  before: number;
  ms: number;
  after: number;
}

export interface CalmResult {
  /** The probe time the others were judged against (ms): the reference, or the quietest seen. */
  quiet: number;
  /** The kept task times (ms), ascending. */
  times: number[];
  /** Runs of the task made. */
  tried: number;
}

/**
 * The task times whose probes on both sides took at most `1 + tolerance` times `reference` (the
 * probe's time on the machine at rest, when known) or else the quietest probe among `records`,
 * ascending.
 */
export function calmTimes(
  records: readonly CalmRecord[],
  tolerance: number,
  reference?: number,
): { quiet: number; times: number[] } {
  if (!(tolerance >= 0)) throw new Error(`calmTimes: tolerance: expected a number >= 0, got ${tolerance}`);
  if (reference !== undefined && !(reference > 0))
    throw new Error(`calmTimes: reference: expected a number > 0 (ms), got ${reference}`);
  let quiet = reference ?? Number.POSITIVE_INFINITY;
  if (reference === undefined) for (const r of records) quiet = Math.min(quiet, r.before, r.after);
  const limit = quiet * (1 + tolerance);
  const times = records
    .filter((r) => r.before <= limit && r.after <= limit)
    .map((r) => r.ms)
    .sort((a, b) => a - b);
  return { quiet, times };
}

export interface CalmOptions {
  /** Kept runs to collect before stopping. */
  samples: number;
  /** How far above the quietest probe a probe may be, as a fraction (0.06: 6%). */
  tolerance: number;
  /** The probe's time at rest (ms), to judge against instead of the quietest probe seen. */
  reference?: number;
  /** Stop after this long (ms) even with fewer kept runs. */
  budgetMs: number;
  /** Wait this long (ms) after a run whose probes were not calm, to let a busy spell pass. */
  backoffMs?: number;
  /** The clock (ms); performance.now by default. */
  now?: () => number;
  /** Waits `ms`; a timer by default. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs `task` between two runs of `probe` until `samples` runs are calm (see calmTimes: judged
 * against `reference`, or else the quietest probe so far, and again over all runs at the end) or
 * `budgetMs` has passed; after a run that was not calm, waits `backoffMs` and probes afresh.
 */
export async function runCalm(
  task: () => unknown,
  probe: () => unknown,
  {
    samples,
    tolerance,
    reference,
    budgetMs,
    backoffMs = 0,
    now = () => performance.now(),
    sleep = defaultSleep,
  }: CalmOptions,
): Promise<CalmResult> {
  if (!Number.isInteger(samples) || samples < 1)
    throw new Error(`runCalm: samples: expected an integer >= 1, got ${samples}`);
  if (!(budgetMs > 0)) throw new Error(`runCalm: budgetMs: expected a number > 0, got ${budgetMs}`);
  const time = async (fn: () => unknown): Promise<number> => {
    const t0 = now();
    await fn();
    return now() - t0;
  };
  const records: CalmRecord[] = [];
  const start = now();
  let after = await time(probe);
  while (now() - start < budgetMs) {
    const before = after;
    const ms = await time(task);
    after = await time(probe);
    records.push({ before, ms, after });
    const { quiet, times } = calmTimes(records, tolerance, reference);
    if (times.length >= samples) break;
    const limit = quiet * (1 + tolerance);
    if (backoffMs > 0 && (before > limit || after > limit)) {
      await sleep(backoffMs);
      after = await time(probe);
    }
  }
  return { ...calmTimes(records, tolerance, reference), tried: records.length };
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
