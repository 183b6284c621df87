import { describe, type NdArray } from '@salkit/ndarray';
import { tf } from '#tfjs';
import { selectOutput } from '../model/runModel.js';
import { checkOneOf } from '../util/validate.js';
import { readRows, TfAdapter, type TfAdapterOptions } from './TfAdapter.js';

/** Options of {@link TfImageClassifier}. */
export interface TfImageClassifierOptions extends TfAdapterOptions {
  /** Class labels, in the order of the model's output columns. */
  labels: readonly string[];
  /** Applied to the output before reading it: 'none' (default: the model already gives probabilities), 'softmax' or 'sigmoid'. */
  activation?: 'none' | 'softmax' | 'sigmoid';
}

/**
 * A TF.js image classifier as a salkit `ClassifyImage` black box: the model maps a batch
 * [B, ...] to scores [B, C], one column per label.
 */
export class TfImageClassifier extends TfAdapter {
  readonly #labels: readonly string[];
  readonly #activation: 'none' | 'softmax' | 'sigmoid';

  constructor(options: TfImageClassifierOptions) {
    super('TfImageClassifier', options);
    const labels: unknown = options.labels;
    if (!Array.isArray(labels) || labels.length === 0 || labels.some((l) => typeof l !== 'string')) {
      throw new TypeError(
        `TfImageClassifier: options: labels: expected a non-empty array of strings, got ${describe(labels)}`,
      );
    }
    const seen = new Set<string>();
    for (const l of labels as string[]) {
      if (seen.has(l)) throw new Error(`TfImageClassifier: options: labels: duplicate label ${JSON.stringify(l)}`);
      seen.add(l);
    }
    this.#labels = Object.freeze([...(labels as string[])]);
    this.#activation =
      options.activation === undefined
        ? 'none'
        : checkOneOf('TfImageClassifier: options: activation', options.activation, ['none', 'softmax', 'sigmoid']);
  }

  /** The labels, in the model's output order. */
  getLabels(): string[] {
    return [...this.#labels];
  }

  /** One `{ label: confidence }` per image, in order, computed `batchSize` images at a time. */
  classifyImages(images: Iterable<NdArray> | AsyncIterable<NdArray>): AsyncGenerator<Record<string, number>> {
    const label = 'TfImageClassifier.classifyImages';
    const labels = this.#labels;
    const activation = this.#activation;
    return this.stream(label, images, async (out, { images: batch }) => {
      const raw = selectOutput(label, out, this.output);
      const scores = tf.tidy(() => {
        const t2 = raw.reshape([raw.shape[0] ?? 0, -1]);
        if (activation === 'softmax') return tf.softmax(t2);
        if (activation === 'sigmoid') return tf.sigmoid(t2);
        return t2;
      });
      try {
        const { data, cols } = await readRows(label, scores, batch.length);
        if (cols !== labels.length) {
          throw new Error(
            `${label}: the model gives ${cols} score(s) per image but the classifier has ${labels.length} label(s)`,
          );
        }
        const results: Record<string, number>[] = [];
        for (let b = 0; b < batch.length; b++) {
          const rec: Record<string, number> = {};
          for (let c = 0; c < cols; c++) rec[labels[c] as string] = data[b * cols + c] as number;
          results.push(rec);
        }
        return results;
      } finally {
        scores.dispose();
      }
    });
  }
}
