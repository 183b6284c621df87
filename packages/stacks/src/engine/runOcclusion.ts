import { array, dtypeOfData, type NdArray, toContiguous } from '@salkit/ndarray';
import type { PerturbImage } from '@salkit/perturb';
import { type OcclusionArithmetic, occludeInto, planOcclusion } from '../occlusion/occlude.js';
import { resolveFill, type StackFill } from './fill.js';

/** The part of an `AbortSignal` (DOM and Node alike) that stacks read. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** Per-call options of every stack's `generate`. */
export interface GenerateOptions {
  /** Called after each batch with the number of perturbed images done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the run promptly: `generate` rejects with the signal's reason. */
  signal?: AbortSignalLike;
}

export interface OcclusionRun {
  fn: string;
  refImage: NdArray;
  perturber: PerturbImage;
  fill: StackFill;
  arithmetic: OcclusionArithmetic;
  batchSize: number;
  options: GenerateOptions;
  /** Sends a batch of occluded images to the black box and folds its answers (with the batch's masks) into the result. */
  consume: (images: NdArray[], masks: NdArray) => Promise<void>;
}

type Later = (cb: () => void, ms?: number) => unknown;
const host = globalThis as unknown as { setImmediate?: Later; setTimeout: Later };
/** Node's setImmediate where there is one: setTimeout(0) waits at least 1 ms there, per batch. */
const schedule: Later = host.setImmediate ?? ((cb) => host.setTimeout(cb, 0));

/** Resolves on a later macrotask (Node and browsers alike). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    schedule(resolve);
  });
}

export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) {
    throw signal.reason ?? Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
  }
}

/**
 * The streaming core of every stack: masks come from the perturber a batch at a time, each
 * batch is occluded into one reused buffer and handed to `consume`, so at most one batch of
 * masks and occluded images is alive at once, whatever N is.
 */
export async function runOcclusion(run: OcclusionRun): Promise<void> {
  const { fn, refImage, perturber, batchSize, options } = run;
  const { signal, onProgress } = options;
  throwIfAborted(signal);
  const plan = planOcclusion(fn, refImage, resolveFill(refImage, run.fill), run.arithmetic);
  const total = perturber.maskCount(refImage);
  const imageSize = plan.height * plan.width * plan.channels;
  const P = plan.height * plan.width;
  let buffer = plan.newImageData(0);
  let done = 0;
  for (const masks of perturber.perturbBatches(refImage, batchSize)) {
    throwIfAborted(signal);
    const [b, mh, mw] = masks.shape as [number, number, number];
    if (masks.shape.length !== 3 || mh !== plan.height || mw !== plan.width) {
      throw new Error(`${fn}: the perturber's masks [${masks.shape}] do not match the image [${plan.imageShape}]`);
    }
    if (buffer.length < b * imageSize) buffer = plan.newImageData(b * imageSize);
    const m = toContiguous(masks).data;
    const f32 = dtypeOfData(m) === 'float32';
    const images: NdArray[] = [];
    for (let i = 0; i < b; i++) {
      occludeInto(plan, m, i * P, f32, buffer, i * imageSize);
      images.push(array(buffer.subarray(i * imageSize, (i + 1) * imageSize), plan.imageShape));
    }
    await run.consume(images, masks);
    done += b;
    onProgress?.(done, total);
    // Black boxes often answer with already-resolved promises; a macrotask turn lets an abort
    // (e.g. from a SIGINT handler) land between batches.
    if (signal) await nextTurn();
  }
  throwIfAborted(signal);
  if (done !== total) throw new Error(`${fn}: the perturber produced ${done} masks but announced ${total}`);
}
