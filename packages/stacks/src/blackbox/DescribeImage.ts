import type { NdArray } from '@salkit/ndarray';
import { declareAbstract, Plugfigurable } from '@salkit/plugin';
import type { BlackboxResults, ImageBatch } from './types.js';

/**
 * An image descriptor black box (SMQTK's `ImageDescriptorGenerator`): `describeImages(images)`
 * gives one float vector per image, in order. Stacks accept any object with this method.
 */
export abstract class DescribeImage extends Plugfigurable {
  static {
    declareAbstract(this, 'describeImages');
  }
  abstract describeImages(images: ImageBatch): BlackboxResults<ArrayLike<number> | NdArray>;
}
