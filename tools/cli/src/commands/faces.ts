import { CliError } from '../errors.js';
import type { InputImage } from '../image/images.js';
import { findFaces } from '../models/face.js';
import type { Values } from './options.js';
import type { Run } from './run.js';

/** The face a command explains: where it is, and its crop. */
export interface PickedFace {
  image: InputImage['image'];
  face: { index: number; of: number; score: number; bbox: number[]; box: number[] } | null;
}

/** Detects the faces of `input` and crops the one --face picks (1 = the most confident). */
export async function pickFace(r: Run, input: InputImage, V: Values, what = 'image'): Promise<PickedFace> {
  const minScore = V.get('min-score', 0.5);
  const index = V.get('face', 1);
  const faces = await r.phase('detect faces', () => findFaces(input.image, minScore, r.meter));
  if (faces.length === 0) {
    throw new CliError(
      `${what}: no face scoring >= ${minScore} found in ${input.path}; try a lower --min-score, or --crop none to use the whole image`,
    );
  }
  if (index > faces.length) {
    throw new CliError(
      `--face: expected a face number from 1 to ${faces.length} (faces found in ${input.path}), got ${index}`,
    );
  }
  const face = faces[index - 1] as (typeof faces)[number];
  const { cropFace } = await import('@salkit/tfjs');
  const { crop, box } = cropFace(input.image, face.bbox);
  r.progress.info(
    `${what}: ${faces.length} face(s) found; using face ${index} (score ${face.score.toFixed(3)}) at [${box.join(', ')}]`,
  );
  return {
    image: crop as InputImage['image'],
    face: { index, of: faces.length, score: face.score, bbox: face.bbox.map((x) => Math.round(x * 100) / 100), box },
  };
}

/** The longer side images are explained at: --work-size as a number, `full` (no limit) or `model`. */
export function workSide(option: number | 'full' | 'model', modelSide: number): number {
  if (option === 'full') return Number.POSITIVE_INFINITY;
  if (option === 'model') return modelSide;
  return option;
}
