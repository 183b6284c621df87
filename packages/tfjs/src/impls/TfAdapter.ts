import { describe, type NdArray } from '@salkit/ndarray';
import type * as TF from '@tensorflow/tfjs';
import { tf } from '#tfjs';
import { checkModel, type ModelOutput, outputTensors, runModel, type TfModel } from '../model/runModel.js';
import { type ImageBatchToTensorOptions, makePreprocess, type PreprocessFn } from '../tensors/imageToTensor.js';
import { batched } from '../util/batches.js';
import { checkImageShape, checkIterable, checkOptions, checkPositiveInt } from '../util/validate.js';

/** Options every TF.js adapter takes. */
export interface TfAdapterOptions {
  /** The model: a LayersModel / GraphModel, or a synchronous function of the input tensor. */
  model: TfModel;
  /**
   * Turns a batch of images into the model's input tensor: a function (run inside `tf.tidy`),
   * or options for {@link imageBatchToTensor} (default `{}`: the images as float RGB 0..255,
   * all of one size).
   */
  preprocess?: PreprocessFn | ImageBatchToTensorOptions;
  /** Images per model call (default 32). */
  batchSize?: number;
  /** Which output to read when the model has several: an index or an output name (default the first). */
  output?: number | string;
  /** Call `executeAsync` rather than `predict` on a GraphModel that has both (default false). */
  executeAsync?: boolean;
  /** Called once by `dispose()`, e.g. to release the model's weights. */
  onDispose?: () => void;
}

/** Context a batch reader receives besides the model output. */
export interface BatchContext {
  /** The images of this batch, in order. */
  images: readonly NdArray[];
  /** The input tensor the model received (disposed after the reader returns). */
  input: TF.Tensor;
  /** Index of the batch's first image in the whole call. */
  start: number;
}

/**
 * The shared machinery of the TF.js adapters: validation, batching, running the model and
 * releasing every tensor of a batch before its results are handed out.
 */
export abstract class TfAdapter {
  /** Images per model call. */
  readonly batchSize: number;
  protected readonly model: TfModel;
  protected readonly preprocess: PreprocessFn;
  protected readonly output: number | string | undefined;
  protected readonly preferAsync: boolean;
  readonly #onDispose: (() => void) | undefined;
  #disposed = false;

  protected constructor(className: string, options: TfAdapterOptions) {
    const label = `${className}: options`;
    const o = checkOptions(label, options);
    checkModel(`${label}: model`, o.model);
    this.model = o.model;
    this.batchSize = o.batchSize === undefined ? 32 : checkPositiveInt(`${label}: batchSize`, o.batchSize);
    if (typeof o.preprocess === 'function') {
      this.preprocess = o.preprocess;
    } else {
      this.preprocess = makePreprocess(o.preprocess, `${className}: preprocess`);
    }
    if (o.output !== undefined && typeof o.output !== 'string' && !Number.isSafeInteger(o.output)) {
      throw new TypeError(`${label}: output: expected an output index or name, got ${describe(o.output)}`);
    }
    this.output = o.output;
    this.preferAsync = Boolean(o.executeAsync);
    if (o.onDispose !== undefined && typeof o.onDispose !== 'function') {
      throw new TypeError(`${label}: onDispose: expected a function, got ${describe(o.onDispose)}`);
    }
    this.#onDispose = o.onDispose;
  }

  /** True once `dispose()` has run. */
  get disposed(): boolean {
    return this.#disposed;
  }

  /** Releases what `onDispose` releases (e.g. the model's weights); later calls throw. Idempotent. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#onDispose?.();
  }

  protected assertUsable(label: string): void {
    if (this.#disposed) throw new Error(`${label}: this model adapter has been disposed`);
  }

  /**
   * Validates `images` now, then lazily runs the model batch by batch; `read` turns one batch's
   * output into one result per image. All tensors of a batch are released before its results
   * are yielded, also when the caller stops early or something throws.
   */
  protected stream<R>(
    label: string,
    images: Iterable<NdArray> | AsyncIterable<NdArray>,
    read: (out: ModelOutput, ctx: BatchContext) => Promise<R[]>,
  ): AsyncGenerator<R> {
    this.assertUsable(label);
    checkIterable<NdArray>(`${label}: images`, images);
    return this.#run(label, images, read);
  }

  async *#run<R>(
    label: string,
    images: Iterable<NdArray> | AsyncIterable<NdArray>,
    read: (out: ModelOutput, ctx: BatchContext) => Promise<R[]>,
  ): AsyncGenerator<R> {
    let start = 0;
    for await (const batch of batched(images, this.batchSize)) {
      this.assertUsable(label);
      batch.forEach((img, i) => {
        checkImageShape(`${label}: images[${start + i}]`, img);
      });
      const input = tf.tidy(() => this.preprocess(batch));
      let out: ModelOutput | undefined;
      let results: R[];
      try {
        if (!(input instanceof tf.Tensor)) {
          throw new TypeError(`${label}: preprocess returned ${describe(input)}, expected a tf.Tensor`);
        }
        if (input.shape[0] !== batch.length) {
          throw new Error(
            `${label}: preprocess returned a tensor of shape [${input.shape.join(',')}] for ${batch.length} image(s); expected the batch on axis 0`,
          );
        }
        out = await runModel(this.model, input, this.preferAsync);
        results = await read(out, { images: batch, input, start });
      } finally {
        if (out !== undefined && out !== null && typeof out === 'object') tf.dispose(outputTensors(out));
        tf.dispose(input);
      }
      if (!Array.isArray(results) || results.length !== batch.length) {
        throw new Error(
          `${label}: expected ${batch.length} result(s) for a batch of ${batch.length} image(s), got ${Array.isArray(results) ? results.length : describe(results)}`,
        );
      }
      start += batch.length;
      yield* results;
    }
  }
}

/** Reads a model output of shape [B, ...] as B rows of `size / B` float values. */
export async function readRows(
  label: string,
  t: TF.Tensor,
  rows: number,
): Promise<{ data: Float32Array; cols: number }> {
  if (t.shape[0] !== rows || t.size % rows !== 0 || t.size === 0) {
    throw new Error(
      `${label}: expected a model output with ${rows} row(s) on axis 0, got shape [${t.shape.join(',')}]`,
    );
  }
  const raw = await t.data();
  const data = raw instanceof Float32Array ? raw : Float32Array.from(raw as ArrayLike<number>);
  return { data, cols: t.size / rows };
}
