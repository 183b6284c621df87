import { declareAbstract, Plugfigurable } from '@salkit/plugin';
import type { BlackboxResults, Detection, ImageBatch } from './types.js';

/**
 * An object detector black box (SMQTK's `DetectImageObjects`): `detectObjects(images)` gives,
 * per image in order, a list of `{ bbox: [x1, y1, x2, y2], scores: { label: conf } }`. Stacks
 * accept any object with this method.
 */
export abstract class DetectImageObjects extends Plugfigurable {
  static {
    declareAbstract(this, 'detectObjects');
  }
  abstract detectObjects(images: ImageBatch): BlackboxResults<Iterable<Detection>>;
}
