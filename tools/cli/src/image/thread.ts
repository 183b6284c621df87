/**
 * The image worker: a thread that reads and decodes input images and draws and encodes the
 * output pictures (./jobs.ts), so that the main thread never loads @salkit/viz and can load
 * TF.js and the models while the input is decoded on the machine's other core. Started early by
 * bin.ts; when the compiled worker is not there (tests running the TypeScript sources), the jobs
 * run on the main thread instead, with the same results.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CliError, messageOf } from '../errors.js';
import type { RenderedFiles, RenderJob } from '../render/layout.js';
import type { InputImage } from './images.js';
import type { JobName, Jobs } from './jobs.js';
import { fromPlain } from './plain.js';

/** Runs jobs (./jobs.ts) somewhere. */
interface JobRunner {
  run<K extends JobName>(name: K, args: Jobs[K]['args']): Promise<Jobs[K]['result']>;
  close(): Promise<void>;
}

/**
 * A promise of `start()` that calls it only when first awaited: without a worker, a job read
 * ahead would otherwise block this thread at once, and for nothing when the run then stops on
 * a bad option or config.
 */
function lazy<T>(start: () => Promise<T>): Promise<T> {
  let p: Promise<T> | undefined;
  const get = () => {
    p ??= start();
    return p;
  };
  return {
    // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose
    then: (ok, fail) => get().then(ok, fail),
    catch: (fail) => get().catch(fail),
    finally: (f) => get().finally(f),
    [Symbol.toStringTag]: 'Promise',
  } as Promise<T>;
}

const inThisThread: JobRunner = {
  run(name, args) {
    return lazy(async () => (await import('./jobs.js')).runJob(name, args));
  },
  async close() {},
};

interface Reply {
  id: number;
  result?: unknown;
  error?: { name: string; message: string };
}

/** An error thrown in the worker, as the main thread would have thrown it. */
function rebuild(error: { name: string; message: string }): Error {
  if (error.name === 'CliError') return new CliError(error.message);
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}

class WorkerRunner implements JobRunner {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private failure: Error | undefined;

  constructor(private readonly worker: Worker) {
    // Idle, the worker does not keep the process alive; with jobs pending, it does.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.error) p.reject(rebuild(reply.error));
      else p.resolve(reply.result);
    });
    worker.on('error', (e) => this.fail(new Error(`the image worker failed: ${messageOf(e)}`)));
    worker.on('exit', (code) => this.fail(new Error(`the image worker stopped (exit code ${code})`)));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  run<K extends JobName>(name: K, args: Jobs[K]['args']): Promise<Jobs[K]['result']> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const result = new Promise<Jobs[K]['result']>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    });
    this.worker.ref();
    this.worker.postMessage({ id, name, args });
    return result;
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the image worker was closed');
    await this.worker.terminate();
  }
}

/**
 * Where the worker's entry is, relative to this module: `./worker.js` from tsc's dist/image/, or
 * what the bundle (scripts/bundle.mjs, dist/bin.js) defines, since there this module is the bundle.
 */
declare const SALKIT_IMAGE_WORKER: string | undefined;
const WORKER = new URL(typeof SALKIT_IMAGE_WORKER === 'string' ? SALKIT_IMAGE_WORKER : './worker.js', import.meta.url);

function startWorker(): JobRunner | undefined {
  // From the TypeScript sources (vitest), worker.js is not there: Node cannot run worker.ts.
  if (!existsSync(fileURLToPath(WORKER))) return undefined;
  try {
    return new WorkerRunner(new Worker(WORKER));
  } catch {
    return undefined;
  }
}

let current: JobRunner | undefined;
/** Runs of main() under way (the worker stops when the last one ends). */
let holders = 0;

/**
 * Starts the image worker ahead of its first job, so that it loads its modules while the main
 * thread loads the rest of the CLI (bin.ts calls it first thing for the image commands).
 */
export function prestartImageWorker(): void {
  current ??= startWorker();
}

function runner(): JobRunner {
  current ??= startWorker() ?? inThisThread;
  return current;
}

/**
 * Keeps the image worker for a run of main(); the returned function releases it, stopping the
 * worker when no other run holds it (the next job starts a new one).
 */
export function holdImageWorker(): () => Promise<void> {
  holders++;
  let held = true;
  return async () => {
    if (!held) return;
    held = false;
    if (--holders > 0) return;
    const r = current;
    current = undefined;
    await r?.close();
  };
}

/**
 * A job whose rejection may go unobserved (a command that fails before it awaits the job) without
 * being reported as an unhandled rejection; awaiting it still throws. Lazy jobs (no worker) have
 * not started, so there is nothing to mark.
 */
function quiet<T>(p: Promise<T>): Promise<T> {
  if (p instanceof Promise) p.catch(() => {});
  return p;
}

/**
 * Reads a PNG or JPEG as RGB in the image worker (see readInputImage for the errors). Without a
 * worker, the read runs here when the result is first awaited.
 */
export function readImage(pathArg: string, cwd: string, what: string): Promise<InputImage> {
  const reading = runner().run('read', { pathArg, cwd, what });
  return quiet(reading instanceof Promise ? reading.then(toInput) : lazy(async () => toInput(await reading)));
}

function toInput({ path, image }: Jobs['read']['result']): InputImage {
  return { path, image: fromPlain(image) };
}

/** Draws a run's pictures and encodes them as PNG files, in the image worker. */
export function renderPictures(job: RenderJob): Promise<RenderedFiles> {
  return quiet(runner().run('render', job));
}

/**
 * Has the image worker render a throwaway picture now (see warmUpRender), when there is a worker
 * and it has started: the run's own pictures then take half the time. Nothing happens without a
 * worker, and a failure is ignored (the real render would report it).
 */
export function warmUpPictures(): void {
  if (current instanceof WorkerRunner) current.run('warm', null).catch(() => {});
}
