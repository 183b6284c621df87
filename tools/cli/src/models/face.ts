import type { NdArray } from '@salkit/ndarray';
import type { TfImageClassifier, TfImageDescriber, TfObjectDetector } from '@salkit/tfjs';
import type { InferenceMeter } from './meter.js';

/** The face-api models salkit ships as defaults, by the names summary.json uses. */
export const FACE_MODELS = Object.freeze({
  detector: 'face-api SSD-MobileNet v1 face detector',
  expression: 'face-api facial expression classifier',
  descriptor: 'face-api 128-d face descriptor',
});

/** Input side of each face model (from @salkit/tfjs): the size images are explained at by default. */
export const FACE_INPUT_SIDE = Object.freeze({ expression: 112, descriptor: 150, detector: 512 });

/**
 * Score above which the detector reports proposals. Low, so that D-RISE sees weakened detections
 * on occluded images too; faces to explain are picked with --min-score.
 */
export const PROPOSAL_SCORE = 0.1;

// Loaded once per process (tests run many commands in one process) and never disposed.
const cache = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

const tfjsNode = () => import('@salkit/tfjs/node');

/**
 * Switches TF.js to the wasm backend once, before any model loads. The loaders do it themselves,
 * but two of them started together race: tf.setBackend names the backend before its async
 * initialisation ends, so @salkit/tfjs's initWasmBackend, called a second time meanwhile, returns
 * at once and that loader creates tensors on an uninitialised backend.
 */
export function wasmBackend(): Promise<void> {
  return once('wasm', async () => (await tfjsNode()).initWasmBackend());
}

export function faceDetector(): Promise<TfObjectDetector> {
  return once('detector', async () => {
    await wasmBackend();
    return (await tfjsNode()).loadFaceDetector({ minConfidence: PROPOSAL_SCORE, batchSize: 4 });
  });
}

export function expressionClassifier(): Promise<TfImageClassifier> {
  return once('expression', async () => {
    await wasmBackend();
    return (await tfjsNode()).loadExpressionClassifier({ batchSize: 32 });
  });
}

export function faceDescriptor(): Promise<TfImageDescriber> {
  return once('descriptor', async () => {
    await wasmBackend();
    return (await tfjsNode()).loadFaceDescriptor({ batchSize: 16 });
  });
}

/** A detected face: its box `[x1, y1, x2, y2]` in the image's pixels and its score. */
export interface Face {
  bbox: [number, number, number, number];
  score: number;
}

/** Faces found in `image` scoring at least `minScore`, best first (timed as detector inference). */
export async function findFaces(image: NdArray, minScore: number, meter: InferenceMeter): Promise<Face[]> {
  const detector = meter.detector(FACE_MODELS.detector, await faceDetector());
  const faces: Face[] = [];
  for await (const dets of detector.detectObjects([image]) as AsyncIterable<
    Iterable<{
      bbox: ArrayLike<number>;
      scores: Record<string, number>;
    }>
  >) {
    for (const d of dets) {
      const score = d.scores.face ?? 0;
      if (score >= minScore) faces.push({ bbox: [d.bbox[0], d.bbox[1], d.bbox[2], d.bbox[3]] as Face['bbox'], score });
    }
  }
  return faces.sort((a, b) => b.score - a.score);
}

/** Path of face-api's demo photo `sample<i>.jpg`. */
export async function samplePhoto(i = 1): Promise<string> {
  return (await tfjsNode()).samplePhotoPath(i);
}
