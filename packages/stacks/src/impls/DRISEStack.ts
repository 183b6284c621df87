import type { NdArray } from '@salkit/ndarray';
import { RISEGrid } from '@salkit/perturb';
import { registerPlugin } from '@salkit/plugin';
import { DRISEScoring } from '@salkit/scoring';
import { z } from 'zod';
import type { DetectImageObjectsLike } from '../blackbox/types.js';
import type { StackFill } from '../engine/fill.js';
import type { GenerateOptions } from '../engine/runOcclusion.js';
import { batchSizeField, threadsField } from '../engine/stackOptions.js';
import { GenerateObjectDetectorBlackboxSaliency } from '../interfaces/GenerateObjectDetectorBlackboxSaliency.js';
import { DetectorPerturbationOcclusion } from './DetectorPerturbationOcclusion.js';

const Schema = z.object({
  n: RISEGrid.configSchema.shape.n,
  s: RISEGrid.configSchema.shape.s,
  p1: RISEGrid.configSchema.shape.p1,
  seed: RISEGrid.configSchema.shape.seed,
  threads: threadsField,
  batchSize: batchSizeField,
});
export type DRISEStackOptions = z.input<typeof Schema>;

/** D-RISE end to end (xaitk's `DRISEStack`): RISEGrid masks, detector proposals scored by DRISEScoring. */
export class DRISEStack extends GenerateObjectDetectorBlackboxSaliency {
  static {
    registerPlugin(this, 'salkit.stacks.DRISEStack');
  }
  static override readonly configSchema = Schema;
  declare readonly options: z.output<typeof Schema>;
  private readonly po: DetectorPerturbationOcclusion;

  constructor(options: DRISEStackOptions) {
    super(options);
    const { n, s, p1, seed, threads, batchSize } = this.options;
    this.po = new DetectorPerturbationOcclusion({
      perturber: new RISEGrid({ n, s, p1, seed, threads }),
      generator: new DRISEScoring(),
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

  generate(
    refImage: NdArray,
    bboxes: NdArray,
    scores: NdArray,
    blackbox: DetectImageObjectsLike,
    objectness?: NdArray | null,
    options?: GenerateOptions,
  ): Promise<NdArray> {
    return this.po.generate(refImage, bboxes, scores, blackbox, objectness, options);
  }
}
