import { PerturbImage } from '@salkit/perturb';
import { type AnyClass, configurableField } from '@salkit/plugin';
import { z } from 'zod';

/** Images per black-box call; also bounds how many masks and occluded images are alive at once. */
export const batchSizeField = z.number().int().positive().default(16);

/** Accepted for xaitk config compatibility; work runs in order on the calling thread. */
export const threadsField = z.number().int().nullable().default(0);

/** Options of a perturbation-occlusion stack: a perturber, a scorer implementing `generator`, threads, batchSize. */
export function occlusionStackSchema<G extends AnyClass>(generator: G) {
  return z.object({
    perturber: configurableField(PerturbImage),
    generator: configurableField(generator),
    threads: threadsField,
    batchSize: batchSizeField,
  });
}
