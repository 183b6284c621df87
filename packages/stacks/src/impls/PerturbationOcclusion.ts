import { array, type NdArray } from '@salkit/ndarray';
import { registerPlugin } from '@salkit/plugin';
import { GenerateClassifierConfidenceSaliency } from '@salkit/scoring';
import type { z } from 'zod';
import { collectResults, confidenceOf } from '../blackbox/collect.js';
import type { ClassifyImageLike } from '../blackbox/types.js';
import type { StackFill } from '../engine/fill.js';
import { type GenerateOptions, runOcclusion, throwIfAborted } from '../engine/runOcclusion.js';
import { occlusionStackSchema } from '../engine/stackOptions.js';
import {
  checkMaps,
  checkRefImage,
  GenerateImageClassifierBlackboxSaliency,
} from '../interfaces/GenerateImageClassifierBlackboxSaliency.js';

const Schema = occlusionStackSchema(GenerateClassifierConfidenceSaliency);
export type PerturbationOcclusionOptions = z.input<typeof Schema>;

/**
 * Classifier saliency from any perturber and confidence scorer (xaitk's
 * `PerturbationOcclusion`): the classifier sees the reference image, then every occluded copy
 * (streamed in batches of `batchSize`), and the scorer turns the confidences into [K,H,W] maps.
 * `fill` (public, not part of the config) colours occluded pixels: null (black), a value, one per
 * channel, an image, or `blurredFill(sigma)`.
 */
export class PerturbationOcclusion extends GenerateImageClassifierBlackboxSaliency {
  static {
    registerPlugin(this, 'salkit.stacks.PerturbationOcclusion');
  }
  static override readonly configSchema = Schema;
  declare readonly options: z.output<typeof Schema>;
  fill: StackFill = null;

  constructor(options: PerturbationOcclusionOptions) {
    super(options);
  }

  async generate(refImage: NdArray, blackbox: ClassifyImageLike, options: GenerateOptions = {}): Promise<NdArray> {
    const fn = `${this.constructor.name}.generate`;
    const [H, W] = checkRefImage(fn, refImage);
    if (!blackbox || typeof blackbox.getLabels !== 'function' || typeof blackbox.classifyImages !== 'function') {
      throw new TypeError(`${fn}: blackbox: expected a classifier with getLabels() and classifyImages(images)`);
    }
    throwIfAborted(options.signal);
    const labels = [...(await blackbox.getLabels())];
    if (labels.length === 0) throw new Error(`${fn}: the black box's getLabels() returned no labels`);
    const K = labels.length;
    const toRow = (conf: Parameters<typeof confidenceOf>[1], i: number, out: Float64Array, o: number) => {
      for (let k = 0; k < K; k++) out[o + k] = confidenceOf(fn, conf, labels[k] as string, i);
    };
    const [refConf] = await collectResults(fn, 'classifyImages', blackbox.classifyImages([refImage]), 1);
    const imageConf = new Float64Array(K);
    toRow(refConf as Parameters<typeof confidenceOf>[1], 0, imageConf, 0);
    const acc = this.options.generator.accumulator(array(imageConf, [K]), [H, W]);
    let seen = 0;
    await runOcclusion({
      fn,
      refImage,
      perturber: this.options.perturber,
      fill: this.fill,
      arithmetic: 'streaming',
      batchSize: this.options.batchSize,
      options,
      consume: async (images, masks) => {
        const results = await collectResults(fn, 'classifyImages', blackbox.classifyImages(images), images.length);
        const conf = new Float64Array(images.length * K);
        for (let i = 0; i < results.length; i++)
          toRow(results[i] as Parameters<typeof confidenceOf>[1], seen + i, conf, i * K);
        seen += images.length;
        acc.add(array(conf, [images.length, K]), masks);
      },
    });
    const maps = acc.finish();
    acc.release?.();
    return checkMaps(fn, maps, K, 'labels', H, W);
  }
}
