/** What the saliency commands share while running: timing, progress, the stack run, the output. */
import { resolve } from 'node:path';
import { ConfigDict } from '@salkit/config-dict';
import { array, type NdArray, saveNpy } from '@salkit/ndarray';
import type { PerturbImage } from '@salkit/perturb';
import { blurredFill, type StackFill } from '@salkit/stacks';
import type { FillSpec } from '../args/values.js';
import { warmUpPictures } from '../image/thread.js';
import type { CliIO } from '../io.js';
import { InferenceMeter } from '../models/meter.js';
import { OutputFiles, writeOutputs } from '../output/writer.js';
import { createProgress, formatDuration, type Progress } from '../progress.js';
import type { SaliencySetup } from '../saliency/config.js';
import { version } from '../version.js';

const round1 = (ms: number) => Math.round(ms * 10) / 10;

/** One run of a saliency command. */
export class Run {
  readonly meter = new InferenceMeter();
  readonly progress: Progress;
  readonly files = new OutputFiles();
  private readonly phases: Record<string, number> = {};
  /** Wall time of the stack's run and the model inference within it. */
  private saliency: { ms: number; inferenceMs: number } | undefined;

  constructor(
    readonly io: CliIO,
    readonly command: string,
    readonly argv: readonly string[],
    private readonly startTime: number,
    quiet: boolean,
  ) {
    this.progress = createProgress(io.stderr, { quiet });
    const startup = performance.now() - startTime;
    if (startup > 0) this.phases.startup = startup;
  }

  /** Throws the signal's reason when the run was aborted (Ctrl-C). */
  checkAborted(): void {
    this.io.signal?.throwIfAborted();
  }

  /** Runs one named phase, adding its wall time to the timings, checking for an abort before and after. */
  async phase<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
    this.checkAborted();
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      this.phases[name] = (this.phases[name] ?? 0) + performance.now() - t0;
      this.checkAborted();
    }
  }

  /**
   * Starts a phase that runs alongside the next ones (their wall times overlap), and returns its
   * promise. Should the run fail before awaiting it, its rejection goes unreported.
   */
  background<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
    const p = this.phase(name, fn);
    p.catch(() => {});
    return p;
  }

  /**
   * Awaits `first`. When it fails, waits for `others` (background phases) to settle before
   * throwing its error, so that whatever they load is loaded, and released, with the run.
   */
  async first<T>(first: Promise<T>, ...others: Promise<unknown>[]): Promise<T> {
    try {
      return await first;
    } catch (e) {
      await Promise.allSettled(others);
      throw e;
    }
  }

  /** Runs a stack's `generate` with the progress bar and Ctrl-C wired in. */
  async generate(
    label: string,
    perturber: PerturbImage,
    image: NdArray,
    generate: (options: {
      onProgress: (done: number, total: number) => void;
      signal?: AbortSignal;
    }) => Promise<NdArray>,
  ): Promise<{ maps: NdArray; masks: number }> {
    const masks = perturber.maskCount(image);
    return this.phase('saliency', async () => {
      // The worker is idle until the pictures: get their code compiled meanwhile.
      warmUpPictures();
      const onProgress = this.progress.start(label, masks);
      const t0 = performance.now();
      const inference0 = this.meter.totalMs;
      try {
        const maps = await generate({ onProgress, ...(this.io.signal && { signal: this.io.signal }) });
        this.progress.end();
        this.saliency = { ms: performance.now() - t0, inferenceMs: this.meter.totalMs - inference0 };
        return { maps, masks };
      } catch (e) {
        this.progress.interrupt();
        throw e;
      }
    });
  }

  /** Timings for summary.json: total wall time, model inference, the rest, by phase and by model. */
  timings(): Record<string, unknown> {
    const totalMs = performance.now() - this.startTime;
    const inferenceMs = this.meter.totalMs;
    const phases: Record<string, number> = {};
    for (const [k, ms] of Object.entries(this.phases)) phases[k] = round1(ms);
    return {
      totalMs: round1(totalMs),
      inferenceMs: round1(inferenceMs),
      outsideInferenceMs: round1(totalMs - inferenceMs),
      outsideInferenceShare: totalMs > 0 ? Math.round(((totalMs - inferenceMs) / totalMs) * 1e4) / 1e4 : 0,
      phases,
      ...(this.saliency && {
        saliency: {
          ms: round1(this.saliency.ms),
          inferenceMs: round1(this.saliency.inferenceMs),
          outsideInferenceShare:
            this.saliency.ms > 0
              ? Math.round(((this.saliency.ms - this.saliency.inferenceMs) / this.saliency.ms) * 1e4) / 1e4
              : 0,
        },
      }),
      models: this.meter.toJSON(),
      note: "wall times in ms; totalMs runs from process start (or main()) to the summary; phases.startup: until the work starts (Node, modules, argument and config checks); phases['read image'] (read and decoded in the image worker thread) overlaps phases['load models'] (on the main thread); render draws and encodes the pictures in the image worker; inference = time inside the model calls (their preprocessing included); saliency = the stack run (masks, occlusion, model calls, scoring)",
    };
  }

  /** Adds the summary (with timings) and writes every file; prints the result lines and where they went. */
  async finish(outDir: string, summary: Record<string, unknown>, lines: string[]): Promise<number> {
    this.checkAborted();
    const full = {
      salkit: { version: version(), command: this.command, argv: [this.command, ...this.argv] },
      ...summary,
    };
    const timings = this.timings();
    this.files.add(
      'summary.json',
      `${JSON.stringify({ ...full, files: [...this.files.names(), 'summary.json'], timings }, null, 2)}\n`,
    );
    const written = await writeOutputs(outDir, this.files, this.io.signal);
    for (const line of lines) this.io.stdout.write(`${line}\n`);
    this.io.stdout.write(`wrote ${written.length} files to ${outDir}\n`);
    const t = timings as {
      totalMs: number;
      inferenceMs: number;
      outsideInferenceShare: number;
      saliency?: { outsideInferenceShare: number };
    };
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    this.progress.info(
      `${this.command}: ${formatDuration(t.totalMs)} in all, ${formatDuration(t.inferenceMs)} (${pct(
        1 - t.outsideInferenceShare,
      )}) in model inference` +
        (t.saliency ? `; the saliency run spent ${pct(t.saliency.outsideInferenceShare)} outside the model` : ''),
    );
    return 0;
  }
}

/** The output folder, absolute. */
export function outDirOf(io: CliIO, out: string | undefined): string {
  return resolve(io.cwd, out ?? 'salkit-out');
}

/** The fill a stack gets: a blur, the image's mean colour, a value, one per channel, or black. */
export function stackFill(setup: Pick<SaliencySetup, 'fill' | 'blur'>, image: NdArray): StackFill {
  if (setup.blur !== null) return blurredFill(setup.blur);
  return resolveFill(setup.fill, image);
}

function resolveFill(fill: FillSpec, image: NdArray): StackFill {
  if (fill !== 'mean') return fill;
  const [H, W, C = 1] = image.shape as [number, number, number?];
  const sums = new Float64Array(C);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < C; c++) sums[c] += image.get(y, x, c);
  return Array.from(sums, (s) => Math.round(s / (H * W)));
}

/** A map `[h,w]` (a view into the stack's output) as a float32 .npy file. */
export function npyOf(map: NdArray): Uint8Array {
  const [h, w] = map.shape as [number, number];
  const data = new Float32Array(h * w);
  let o = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[o++] = map.get(y, x);
  return saveNpy(array(data, [h, w]));
}

/** The least and greatest value of a map. */
export function rangeOf(map: NdArray): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const [h, w] = map.shape as [number, number];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = map.get(y, x);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return [lo, hi];
}

/** The resolved config as YAML, every implementation's block included (for --print-config). */
export function configYaml(command: string, layered: Record<string, unknown>): string {
  return [
    `# salkit ${command}: the config this run would use. Each of perturber and generator holds a block`,
    '# per implementation; its `type` picks one. Save it, edit it, pass it back with --config FILE.',
    '# Sliding-window sizes left null follow the image (window: a quarter of its shorter side,',
    '# radius: half the window, stride: a third of the window).',
    new ConfigDict(layered as never).toYaml().trimEnd(),
    '',
  ].join('\n');
}

/** A file-name-safe form of a label: `01-happy`. */
export function fileStem(rank: number, label: string): string {
  const safe = label
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[_.]+|_+$/g, '')
    .slice(0, 40);
  return `${String(rank).padStart(2, '0')}-${safe || 'class'}`;
}
