import { declareAbstract, Plugfigurable } from '@salkit/plugin';
import type { BlackboxResults, Confidences, ImageBatch, Label } from './types.js';

/**
 * An image classifier black box (SMQTK's `ClassifyImage`): `getLabels()` lists the labels,
 * `classifyImages(images)` gives one `{ label: confidence }` per image, in order. Stacks accept
 * any object with these methods; extend this class to make a classifier a configurable plugin.
 */
export abstract class ClassifyImage extends Plugfigurable {
  static {
    declareAbstract(this, 'getLabels', 'classifyImages');
  }
  abstract getLabels(): readonly Label[];
  abstract classifyImages(images: ImageBatch): BlackboxResults<Confidences>;
}
