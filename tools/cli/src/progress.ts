import type { OutStream } from './io.js';

/** Status and progress reporting on stderr. */
export interface Progress {
  /** A status line ("loading the models"). */
  info(message: string): void;
  /** Starts a counted task; returns the `onProgress(done, total)` callback for a stack. */
  start(label: string, total: number): (done: number, total: number) => void;
  /** Ends the current task (final state stays on screen). */
  end(): void;
  /** Removes an unfinished bar from a terminal (before printing an error). */
  interrupt(): void;
}

export interface ProgressOptions {
  quiet?: boolean;
  /** Clock in ms (tests inject one). */
  now?: () => number;
  /** Least time between two redraws of a terminal bar, ms (default 100). */
  redrawMs?: number;
}

/** `12s`, `3m05s`, `1h02m`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Estimated time left after `done` of `total` in `elapsed` ms (NaN before the first step). */
export function eta(done: number, total: number, elapsed: number): number {
  if (done <= 0 || total <= 0) return Number.NaN;
  return (elapsed / done) * Math.max(0, total - done);
}

class NoProgress implements Progress {
  info(): void {}
  start(): (done: number, total: number) => void {
    return () => {};
  }
  end(): void {}
  interrupt(): void {}
}

/** Plain lines: one per status, and one per tenth of a task (for logs and pipes). */
class LineProgress implements Progress {
  private label = '';
  private t0 = 0;
  private lastTenth = -1;

  constructor(
    private readonly out: OutStream,
    private readonly now: () => number,
  ) {}

  info(message: string): void {
    this.out.write(`${message}\n`);
  }

  start(label: string, total: number): (done: number, total: number) => void {
    this.label = label;
    this.t0 = this.now();
    this.lastTenth = 0;
    this.out.write(`${label}: 0/${total}\n`);
    return (done, t) => {
      const tenth = t > 0 ? Math.floor((done / t) * 10) : 10;
      if (tenth <= this.lastTenth) return;
      this.lastTenth = tenth;
      const elapsed = this.now() - this.t0;
      const left = done < t ? `, ETA ${formatDuration(eta(done, t, elapsed))}` : `, ${formatDuration(elapsed)}`;
      this.out.write(`${this.label}: ${done}/${t} (${Math.round((done / t) * 100)}%)${left}\n`);
    };
  }

  end(): void {}
  interrupt(): void {}
}

/** A bar redrawn in place: `label [#####-----] 45% 450/1000 12s ETA 15s`. */
class BarProgress implements Progress {
  private label = '';
  private t0 = 0;
  private lastDraw = -Infinity;
  private active = false;
  private state: [number, number] = [0, 0];

  constructor(
    private readonly out: OutStream,
    private readonly now: () => number,
    private readonly redrawMs: number,
  ) {}

  info(message: string): void {
    this.clearLine();
    this.out.write(`${message}\n`);
    if (this.active) this.draw();
  }

  start(label: string, total: number): (done: number, total: number) => void {
    this.label = label;
    this.t0 = this.now();
    this.active = true;
    this.state = [0, total];
    this.lastDraw = -Infinity;
    this.draw();
    return (done, t) => {
      this.state = [done, t];
      const now = this.now();
      if (done < t && now - this.lastDraw < this.redrawMs) return;
      this.draw();
    };
  }

  end(): void {
    if (!this.active) return;
    this.draw();
    this.out.write('\n');
    this.active = false;
  }

  interrupt(): void {
    if (!this.active) return;
    this.clearLine();
    this.active = false;
  }

  private clearLine(): void {
    if (this.active) this.out.write('\r\x1b[2K');
  }

  private draw(): void {
    const [done, total] = this.state;
    this.lastDraw = this.now();
    const elapsed = this.lastDraw - this.t0;
    const frac = total > 0 ? Math.min(1, done / total) : 1;
    const tail =
      ` ${String(Math.round(frac * 100)).padStart(3)}% ${done}/${total} ${formatDuration(elapsed)}` +
      (done < total ? ` ETA ${formatDuration(eta(done, total, elapsed))}` : '');
    const columns = this.out.columns && this.out.columns > 20 ? this.out.columns : 80;
    // A steady bar: its width leaves room for the longest tail this task can have.
    const longest = ` 100% ${total}/${total} 59m59s ETA 59m59s`.length;
    const width = Math.max(10, Math.min(40, columns - this.label.length - longest - 4));
    const filled = Math.round(frac * width);
    this.out.write(`\r\x1b[2K${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${tail}`);
  }
}

/** A progress reporter on `out`: a bar on a terminal, plain lines otherwise, nothing when quiet. */
export function createProgress(out: OutStream, options: ProgressOptions = {}): Progress {
  const now = options.now ?? (() => performance.now());
  if (options.quiet) return new NoProgress();
  if (out.isTTY) return new BarProgress(out, now, options.redrawMs ?? 100);
  return new LineProgress(out, now);
}
