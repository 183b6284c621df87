import type { NdArray } from '@salkit/ndarray';
import { declareAbstract, Plugfigurable } from '@salkit/plugin';
import type { DescribeImageLike } from '../blackbox/types.js';
import type { GenerateOptions } from '../engine/runOcclusion.js';

/**
 * End-to-end image-similarity saliency (xaitk's `GenerateImageSimilarityBlackboxSaliency`):
 * `generate(refImage, queryImages, describer) -> Promise<[Q,H,W]>`: for each query image, the
 * regions of the reference image that make it resemble that query.
 */
export abstract class GenerateImageSimilarityBlackboxSaliency extends Plugfigurable {
  static {
    declareAbstract(this, 'generate');
  }
  abstract generate(
    refImage: NdArray,
    queryImages: readonly NdArray[],
    blackbox: DescribeImageLike,
    options?: GenerateOptions,
  ): Promise<NdArray>;
}
