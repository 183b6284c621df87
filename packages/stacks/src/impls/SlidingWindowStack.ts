import type { NdArray } from '@salkit/ndarray';
import { SlidingWindow } from '@salkit/perturb';
import { registerPlugin } from '@salkit/plugin';
import { OcclusionScoring } from '@salkit/scoring';
import { z } from 'zod';
import type { ClassifyImageLike } from '../blackbox/types.js';
import type { StackFill } from '../engine/fill.js';
import type { GenerateOptions } from '../engine/runOcclusion.js';
import { batchSizeField, threadsField } from '../engine/stackOptions.js';
import { GenerateImageClassifierBlackboxSaliency } from '../interfaces/GenerateImageClassifierBlackboxSaliency.js';
import { PerturbationOcclusion } from './PerturbationOcclusion.js';

const Schema = z.object({
  windowSize: SlidingWindow.configSchema.shape.windowSize,
  stride: SlidingWindow.configSchema.shape.stride,
  threads: threadsField,
  batchSize: batchSizeField,
});
export type SlidingWindowStackOptions = z.input<typeof Schema>;

/** Sliding-window occlusion end to end (xaitk's `SlidingWindowStack`): SlidingWindow masks scored by OcclusionScoring. */
export class SlidingWindowStack extends GenerateImageClassifierBlackboxSaliency {
  static {
    registerPlugin(this, 'salkit.stacks.SlidingWindowStack');
  }
  static override readonly configSchema = Schema;
  declare readonly options: z.output<typeof Schema>;
  private readonly po: PerturbationOcclusion;

  constructor(options: SlidingWindowStackOptions = {}) {
    super(options);
    const { windowSize, stride, threads, batchSize } = this.options;
    this.po = new PerturbationOcclusion({
      perturber: new SlidingWindow({ windowSize, stride }),
      generator: new OcclusionScoring(),
      threads,
      batchSize,
    });
  }

  /** Fill for occluded pixels (see PerturbationOcclusion.fill). */
  get fill(): StackFill {
    return this.po.fill;
  }
  set fill(v: StackFill) {
    this.po.fill = v;
  }

  generate(refImage: NdArray, blackbox: ClassifyImageLike, options?: GenerateOptions): Promise<NdArray> {
    return this.po.generate(refImage, blackbox, options);
  }
}
