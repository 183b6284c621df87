/** One timed task: `fn` is what gets measured; build its inputs outside (in the suite's `tasks()`). */
export interface BenchTask {
  name: string;
  fn: () => unknown;
}

/** A group of related tasks, defined in one file under `src/suites/` and listed in `src/index.ts`. */
export interface BenchSuite {
  name: string;
  /** Builds the inputs once and returns the tasks (runs before any timing). */
  tasks: () => BenchTask[] | Promise<BenchTask[]>;
  /** Minimum time per task in ms (default: the harness's, 1000 or `--time`). */
  time?: number;
  /** Minimum iterations per task (default 8). */
  iterations?: number;
}

/** Keeps results reachable so the JIT cannot drop the work being measured. */
export const sink: { value: unknown } = { value: undefined };
