import { setImmediate } from 'node:timers/promises';
import type { NdArray } from '@salkit/ndarray';
import type { ClassifyImageLike, DescribeImageLike, DetectImageObjectsLike, Detection } from '@salkit/stacks';

/** Time spent inside one model's calls. */
export interface ModelTime {
  /** Calls to the black box (each with a batch of images). */
  calls: number;
  /** Images the model answered for. */
  images: number;
  /** Wall time inside the calls (including the adapter's preprocessing), ms. */
  ms: number;
}

type Source<T> = AsyncIterable<T> | Iterable<T>;

/** Longest a metered stream runs without giving the event loop a turn, ms. */
const YIELD_MS = 20;

/**
 * Measures the time spent inside black-box model calls, so that a run can tell model inference
 * apart from everything else (masks, occlusion, scoring, I/O). Wrapped black boxes time the call
 * itself and every step of the stream it returns; the stacks run one step at a time, so the
 * times add up without overlap.
 */
export class InferenceMeter {
  private readonly models = new Map<string, ModelTime>();

  private record(model: string): ModelTime {
    let r = this.models.get(model);
    if (!r) {
      r = { calls: 0, images: 0, ms: 0 };
      this.models.set(model, r);
    }
    return r;
  }

  /** Total time inside every model, ms. */
  get totalMs(): number {
    let sum = 0;
    for (const r of this.models.values()) sum += r.ms;
    return sum;
  }

  /** Per-model times, rounded to 0.1 ms, by model name. */
  toJSON(): Record<string, ModelTime> {
    const out: Record<string, ModelTime> = {};
    for (const [name, r] of this.models) out[name] = { ...r, ms: Math.round(r.ms * 10) / 10 };
    return out;
  }

  /** Runs `fn` and counts its time against `model` (for calls that are not streams). */
  async time<T>(model: string, fn: () => Promise<T>): Promise<T> {
    const rec = this.record(model);
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      rec.ms += performance.now() - t0;
      rec.calls++;
    }
  }

  private stream<T>(model: string, call: () => Source<T> | Promise<Source<T>>): AsyncGenerator<T> {
    const rec = this.record(model);
    const t0 = performance.now();
    let result: Source<T> | Promise<Source<T>>;
    try {
      result = call();
    } finally {
      rec.ms += performance.now() - t0;
      rec.calls++;
    }
    return timed(result, rec);
  }

  classifier(model: string, bb: ClassifyImageLike): ClassifyImageLike {
    return {
      getLabels: () => bb.getLabels(),
      classifyImages: (images: readonly NdArray[]) =>
        this.stream(model, () => bb.classifyImages(images) as Source<Record<string, number>>),
    };
  }

  describer(model: string, bb: DescribeImageLike): DescribeImageLike {
    return {
      describeImages: (images: readonly NdArray[]) =>
        this.stream(model, () => bb.describeImages(images) as Source<ArrayLike<number>>),
    };
  }

  detector(model: string, bb: DetectImageObjectsLike): DetectImageObjectsLike {
    return {
      detectObjects: (images: readonly NdArray[]) =>
        this.stream(model, () => bb.detectObjects(images) as Source<Iterable<Detection>>),
    };
  }
}

async function* timed<T>(source: Source<T> | Promise<Source<T>>, rec: ModelTime): AsyncGenerator<T> {
  let t0 = performance.now();
  const resolved = await source;
  const it =
    Symbol.asyncIterator in resolved
      ? (resolved as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (resolved as Iterable<T>)[Symbol.iterator]();
  rec.ms += performance.now() - t0;
  let turn = performance.now();
  try {
    for (;;) {
      // Give the event loop a turn between model calls: TF.js's wasm backend answers through
      // promises that are already resolved, so a long run would otherwise never let a SIGINT
      // handler (Ctrl-C) or a timer in until it ends. Once per YIELD_MS at most: a batch's
      // first step runs the model, the rest hand out its results (a turn each cost ~20 ms
      // per 1000 images).
      if (performance.now() - turn >= YIELD_MS) {
        await setImmediate();
        turn = performance.now();
      }
      t0 = performance.now();
      const step = await it.next();
      rec.ms += performance.now() - t0;
      if (step.done) return;
      rec.images++;
      yield step.value;
    }
  } finally {
    await it.return?.();
  }
}
