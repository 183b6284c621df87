import type { NdArray } from '@salkit/ndarray';
import { selectOutput } from '../model/runModel.js';
import { readRows, TfAdapter, type TfAdapterOptions } from './TfAdapter.js';

/** Options of {@link TfImageDescriber}. */
export type TfImageDescriberOptions = TfAdapterOptions;

/**
 * A TF.js embedding model as a salkit `DescribeImage` black box: the model maps a batch
 * [B, ...] to features [B, ...], read as one flat Float32Array per image.
 */
export class TfImageDescriber extends TfAdapter {
  constructor(options: TfImageDescriberOptions) {
    super('TfImageDescriber', options);
  }

  /** One feature vector per image, in order, computed `batchSize` images at a time. */
  describeImages(images: Iterable<NdArray> | AsyncIterable<NdArray>): AsyncGenerator<Float32Array> {
    const label = 'TfImageDescriber.describeImages';
    return this.stream(label, images, async (out, { images: batch }) => {
      const { data, cols } = await readRows(label, selectOutput(label, out, this.output), batch.length);
      const results: Float32Array[] = [];
      for (let b = 0; b < batch.length; b++) results.push(data.slice(b * cols, (b + 1) * cols));
      return results;
    });
  }
}
