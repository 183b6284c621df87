/** A stream the CLI writes text to (process.stdout / process.stderr, or a test's buffer). */
export interface OutStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal: the progress bar redraws in place. */
  isTTY?: boolean;
  /** Terminal width, for the progress bar. */
  columns?: number;
}

/** Everything `main` touches outside itself, so that tests can run it without spawning. */
export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Aborts the run (bin.ts wires SIGINT to it): the command stops, writes nothing and exits with 130. */
  signal?: AbortSignal;
  /**
   * `performance.now()` at which the run started, for the total wall time in summary.json
   * (bin.ts passes 0: the process start). Default: when `main` is called.
   */
  startTime?: number;
}
