import { assertShape, type NdArray } from '@salkit/ndarray';
import { registerPlugin } from '@salkit/plugin';
import { GenerateDetectorProposalSaliency } from '@salkit/scoring';
import type { z } from 'zod';
import { collectResults } from '../blackbox/collect.js';
import type { DetectImageObjectsLike, Detection } from '../blackbox/types.js';
import { DetectionRows } from '../detection/DetectionRows.js';
import { formatDetection } from '../detection/formatDetection.js';
import type { StackFill } from '../engine/fill.js';
import { type GenerateOptions, runOcclusion, throwIfAborted } from '../engine/runOcclusion.js';
import { occlusionStackSchema } from '../engine/stackOptions.js';
import { checkMaps, checkRefImage } from '../interfaces/GenerateImageClassifierBlackboxSaliency.js';
import { GenerateObjectDetectorBlackboxSaliency } from '../interfaces/GenerateObjectDetectorBlackboxSaliency.js';

const Schema = occlusionStackSchema(GenerateDetectorProposalSaliency);
export type DetectorPerturbationOcclusionOptions = z.input<typeof Schema>;

/**
 * Detector saliency from any perturber and proposal scorer (xaitk's object-detection
 * `PerturbationOcclusion`): the detector runs on every occluded image (streamed in batches),
 * its detections become proposal rows, and the scorer gives one map per reference detection.
 */
export class DetectorPerturbationOcclusion extends GenerateObjectDetectorBlackboxSaliency {
  static {
    registerPlugin(this, 'salkit.stacks.DetectorPerturbationOcclusion');
  }
  static override readonly configSchema = Schema;
  declare readonly options: z.output<typeof Schema>;
  fill: StackFill = null;

  constructor(options: DetectorPerturbationOcclusionOptions) {
    super(options);
  }

  async generate(
    refImage: NdArray,
    bboxes: NdArray,
    scores: NdArray,
    blackbox: DetectImageObjectsLike,
    objectness?: NdArray | null,
    options: GenerateOptions = {},
  ): Promise<NdArray> {
    const fn = `${this.constructor.name}.generate`;
    const [H, W] = checkRefImage(fn, refImage);
    const refDets = formatDetection(bboxes, scores, objectness);
    const { D, K } = assertShape(`${fn}: reference detections`, refDets, ['D', 'K']);
    if (!blackbox || typeof blackbox.detectObjects !== 'function') {
      throw new TypeError(`${fn}: blackbox: expected a detector with detectObjects(images)`);
    }
    throwIfAborted(options.signal);
    const rows = new DetectionRows(fn, (K as number) - 5);
    const acc = this.options.generator.accumulator(refDets, [H, W]);
    let seen = 0;
    await runOcclusion({
      fn,
      refImage,
      perturber: this.options.perturber,
      fill: this.fill,
      arithmetic: 'batch',
      batchSize: this.options.batchSize,
      options,
      consume: async (images, masks) => {
        const dets = await collectResults<Iterable<Detection>>(
          fn,
          'detectObjects',
          blackbox.detectObjects(images),
          images.length,
        );
        acc.add(rows.rows(dets, seen), masks);
        seen += images.length;
      },
    });
    const maps = acc.finish();
    acc.release?.();
    return checkMaps(fn, maps, D as number, 'reference detections', H, W);
  }
}
