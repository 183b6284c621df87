import { describe, type NdArray } from '@salkit/ndarray';
import type { ModelOutput } from '../model/runModel.js';
import { type BatchContext, TfAdapter, type TfAdapterOptions } from './TfAdapter.js';

/** One detection: a box `[x1, y1, x2, y2]` in the input image's pixels and per-label scores. */
export interface Detection {
  bbox: [number, number, number, number];
  scores: Record<string, number>;
}

/**
 * Decodes one batch's model output into detections, one list per image (in the images' pixel
 * coordinates). It may read tensors (synchronously or not) but must not dispose them.
 */
export type DetectionPostprocess = (out: ModelOutput, ctx: BatchContext) => Detection[][] | Promise<Detection[][]>;

/** Options of {@link TfObjectDetector}. */
export interface TfObjectDetectorOptions extends TfAdapterOptions {
  postprocess: DetectionPostprocess;
}

/** A TF.js detector as a salkit `DetectImageObjects` black box (decoding by a `postprocess` function). */
export class TfObjectDetector extends TfAdapter {
  readonly #postprocess: DetectionPostprocess;

  constructor(options: TfObjectDetectorOptions) {
    super('TfObjectDetector', options);
    if (typeof options.postprocess !== 'function') {
      throw new TypeError(
        `TfObjectDetector: options: postprocess: expected a function, got ${describe(options.postprocess)}`,
      );
    }
    this.#postprocess = options.postprocess;
  }

  /** One list of detections per image, in order, computed `batchSize` images at a time. */
  detectObjects(images: Iterable<NdArray> | AsyncIterable<NdArray>): AsyncGenerator<Detection[]> {
    const label = 'TfObjectDetector.detectObjects';
    return this.stream(label, images, async (out, ctx) => {
      const dets = await this.#postprocess(out, ctx);
      if (!Array.isArray(dets) || dets.some((d) => !Array.isArray(d))) {
        throw new TypeError(
          `${label}: postprocess returned ${describe(dets)}, expected one array of detections per image`,
        );
      }
      return dets;
    });
  }
}
