import type { NdArray } from '@salkit/ndarray';
import { declareAbstract, Plugfigurable } from '@salkit/plugin';
import type { DetectImageObjectsLike } from '../blackbox/types.js';
import type { GenerateOptions } from '../engine/runOcclusion.js';

/**
 * End-to-end detector saliency (xaitk's `GenerateObjectDetectorBlackboxSaliency`):
 * `generate(refImage, bboxes [D,4], scores [D,C], detector, objectness? [D]) -> Promise<[D,H,W]>`,
 * one map per reference detection. Class scores follow the detector's label order.
 */
export abstract class GenerateObjectDetectorBlackboxSaliency extends Plugfigurable {
  static {
    declareAbstract(this, 'generate');
  }
  abstract generate(
    refImage: NdArray,
    bboxes: NdArray,
    scores: NdArray,
    blackbox: DetectImageObjectsLike,
    objectness?: NdArray | null,
    options?: GenerateOptions,
  ): Promise<NdArray>;
}
