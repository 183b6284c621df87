import { array, type NdArray, toContiguous } from '@salkit/ndarray';
import { registerPlugin } from '@salkit/plugin';
import { GenerateDescriptorSimilaritySaliency } from '@salkit/scoring';
import type { z } from 'zod';
import { collectResults } from '../blackbox/collect.js';
import type { DescribeImageLike } from '../blackbox/types.js';
import type { StackFill } from '../engine/fill.js';
import { type GenerateOptions, runOcclusion, throwIfAborted } from '../engine/runOcclusion.js';
import { occlusionStackSchema } from '../engine/stackOptions.js';
import { checkMaps, checkRefImage } from '../interfaces/GenerateImageClassifierBlackboxSaliency.js';
import { GenerateImageSimilarityBlackboxSaliency } from '../interfaces/GenerateImageSimilarityBlackboxSaliency.js';

const Schema = occlusionStackSchema(GenerateDescriptorSimilaritySaliency);
export type SimilarityPerturbationOcclusionOptions = z.input<typeof Schema>;

/**
 * Image-similarity saliency from any perturber and descriptor-similarity scorer (xaitk's
 * image-similarity `PerturbationOcclusion`): the describer embeds the reference, the queries and
 * every occluded reference (streamed in batches); the scorer gives one map per query. `fill` as
 * in PerturbationOcclusion.
 */
export class SimilarityPerturbationOcclusion extends GenerateImageSimilarityBlackboxSaliency {
  static {
    registerPlugin(this, 'salkit.stacks.SimilarityPerturbationOcclusion');
  }
  static override readonly configSchema = Schema;
  declare readonly options: z.output<typeof Schema>;
  fill: StackFill = null;

  constructor(options: SimilarityPerturbationOcclusionOptions) {
    super(options);
  }

  async generate(
    refImage: NdArray,
    queryImages: readonly NdArray[],
    blackbox: DescribeImageLike,
    options: GenerateOptions = {},
  ): Promise<NdArray> {
    const fn = `${this.constructor.name}.generate`;
    const [H, W] = checkRefImage(fn, refImage);
    if (!Array.isArray(queryImages) || queryImages.length === 0) {
      throw new Error(
        `${fn}: queryImages: expected a non-empty array of images, got ${Array.isArray(queryImages) ? 'an empty array' : typeof queryImages}`,
      );
    }
    for (let i = 0; i < queryImages.length; i++) checkRefImage(`${fn}: queryImages[${i}]`, queryImages[i]);
    if (!blackbox || typeof blackbox.describeImages !== 'function') {
      throw new TypeError(`${fn}: blackbox: expected a describer with describeImages(images)`);
    }
    throwIfAborted(options.signal);
    let F = -1;
    const toMatrix = (vectors: (ArrayLike<number> | NdArray)[], first: number): NdArray => {
      const rows = vectors.map((v, i) => {
        const flat = Array.from(
          'shape' in (v as object) && 'data' in (v as object)
            ? (toContiguous(v as NdArray).data as ArrayLike<number>)
            : (v as ArrayLike<number>),
          Number,
        );
        if (F < 0) F = flat.length;
        if (flat.length !== F || F === 0) {
          throw new Error(
            `${fn}: the black box's descriptor ${first + i} has ${flat.length} values, expected ${F} like the first`,
          );
        }
        return flat;
      });
      return array(Float64Array.from(rows.flat()), [rows.length, F]);
    };
    const [ref] = await collectResults(fn, 'describeImages', blackbox.describeImages([refImage]), 1);
    const refDescr = toMatrix([ref as ArrayLike<number>], 0);
    const queries = toMatrix(
      await collectResults(fn, 'describeImages', blackbox.describeImages(queryImages), queryImages.length),
      0,
    );
    const Q = queryImages.length;
    const acc = this.options.generator.accumulator(queries, array(refDescr.data, [F]), [H, W]);
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
        const descrs = await collectResults(fn, 'describeImages', blackbox.describeImages(images), images.length);
        acc.add(toMatrix(descrs, seen), masks);
        seen += images.length;
      },
    });
    const maps = acc.finish();
    acc.release?.();
    return checkMaps(fn, maps, Q, 'query images', H, W);
  }
}
