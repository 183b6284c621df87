import type { NdArray } from '@salkit/ndarray';
import { RISEGrid } from '@salkit/perturb';
import { registerPlugin } from '@salkit/plugin';
import { RISEScoring } from '@salkit/scoring';
import { z } from 'zod';
import type { ClassifyImageLike } from '../blackbox/types.js';
import type { StackFill } from '../engine/fill.js';
import type { GenerateOptions } from '../engine/runOcclusion.js';
import { batchSizeField, threadsField } from '../engine/stackOptions.js';
import { GenerateImageClassifierBlackboxSaliency } from '../interfaces/GenerateImageClassifierBlackboxSaliency.js';
import { PerturbationOcclusion } from './PerturbationOcclusion.js';

const Schema = z.object({
  n: RISEGrid.configSchema.shape.n,
  s: RISEGrid.configSchema.shape.s,
  p1: RISEGrid.configSchema.shape.p1,
  seed: RISEGrid.configSchema.shape.seed,
  threads: threadsField,
  /** Debias the scores with p1 (RISEScoring's p1 = p1), else p1 = 0 as in the original RISE. */
  debiased: z.boolean().default(true),
  batchSize: batchSizeField,
});
export type RISEStackOptions = z.input<typeof Schema>;

/** RISE end to end (xaitk's `RISEStack`): RISEGrid masks scored by RISEScoring. */
export class RISEStack extends GenerateImageClassifierBlackboxSaliency {
  static {
    registerPlugin(this, 'salkit.stacks.RISEStack');
  }
  static override readonly configSchema = Schema;
  declare readonly options: z.output<typeof Schema>;
  private readonly po: PerturbationOcclusion;

  constructor(options: RISEStackOptions) {
    super(options);
    const { n, s, p1, seed, threads, debiased, batchSize } = this.options;
    this.po = new PerturbationOcclusion({
      perturber: new RISEGrid({ n, s, p1, seed, threads }),
      generator: new RISEScoring({ p1: debiased ? p1 : 0 }),
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
