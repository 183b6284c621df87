import { describe } from '@salkit/ndarray';
import type * as TF from '@tensorflow/tfjs';
import { tf } from '#tfjs';
import { nonMaxSuppression } from '../detection/nms.js';
import { TfImageClassifier } from '../impls/TfImageClassifier.js';
import { TfImageDescriber } from '../impls/TfImageDescriber.js';
import { type Detection, TfObjectDetector } from '../impls/TfObjectDetector.js';
import { makePreprocess } from '../tensors/imageToTensor.js';
import { checkNumberIn, checkOptions, checkPositiveInt } from '../util/validate.js';
import { checkFaceApi, FACE_EXPRESSION_LABELS, type FaceApiLike, type FaceApiNet } from './faceApi.js';
import { decodeModelWeights, type ModelWeights } from './weights.js';

/** Input sizes face-api's networks are trained for. */
export const FACE_MODEL_INPUT_SIZES = Object.freeze({ expression: 112, recognition: 150, detector: 512 });

async function buildNet(
  fn: string,
  what: string,
  faceapi: unknown,
  make: (api: FaceApiLike) => FaceApiNet,
  weights: ModelWeights,
): Promise<{ api: FaceApiLike; net: FaceApiNet; release: () => void }> {
  checkFaceApi(`${fn}: faceapi`, faceapi);
  const map = await decodeModelWeights(`${fn}: weights`, weights);
  const net = make(faceapi);
  try {
    net.loadFromWeightMap(map as never);
  } catch (e) {
    tf.dispose(Object.values(map));
    throw new Error(
      `${fn}: weights: these do not load as face-api's ${what} (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      net.dispose(false);
    } finally {
      tf.dispose(Object.values(map));
    }
  };
  return { api: faceapi, net, release };
}

/** Runs one of face-api's networks on a batch tensor [B,s,s,3] already sized for it. */
function forwardBatch(api: FaceApiLike, net: FaceApiNet, x: TF.Tensor): unknown {
  return net.forwardInput(new api.NetInput(tf.unstack(x) as never, true) as never);
}

/** Options of {@link createExpressionClassifier}. */
export interface ExpressionClassifierOptions {
  /** Face crops per model call (default 32). */
  batchSize?: number;
}

/**
 * face-api's 7-class facial expression model (labels {@link FACE_EXPRESSION_LABELS}) as a
 * `ClassifyImage`. Inputs are face crops (any size: each is zero-padded to a centred square and
 * resized to 112x112, as face-api does); outputs are softmax probabilities.
 */
export async function createExpressionClassifier(
  faceapi: FaceApiLike,
  weights: ModelWeights,
  options?: ExpressionClassifierOptions,
): Promise<TfImageClassifier> {
  const fn = 'createExpressionClassifier';
  const o = checkOptions(`${fn}: options`, options);
  const batchSize = o.batchSize === undefined ? 32 : checkPositiveInt(`${fn}: batchSize`, o.batchSize);
  const { api, net, release } = await buildNet(
    fn,
    'expression model',
    faceapi,
    (a) => new a.FaceExpressionNet(),
    weights,
  );
  const s = FACE_MODEL_INPUT_SIZES.expression;
  return new TfImageClassifier({
    model: (x) => forwardBatch(api, net, x) as TF.Tensor,
    labels: FACE_EXPRESSION_LABELS,
    preprocess: makePreprocess(
      { size: [s, s], pad: 'center', halfPixelCenters: false },
      'TfImageClassifier.classifyImages',
    ),
    batchSize,
    onDispose: release,
  });
}

/** Options of {@link createFaceDescriptor}. */
export interface FaceDescriptorOptions {
  /** Face crops per model call (default 16). */
  batchSize?: number;
}

/**
 * face-api's face recognition network (a ResNet-34 variant) as a `DescribeImage`: one 128-d
 * descriptor per face crop (zero-padded to a centred square, resized to 150x150). Descriptors of
 * one person lie within ~0.6 euclidean distance of each other.
 */
export async function createFaceDescriptor(
  faceapi: FaceApiLike,
  weights: ModelWeights,
  options?: FaceDescriptorOptions,
): Promise<TfImageDescriber> {
  const fn = 'createFaceDescriptor';
  const o = checkOptions(`${fn}: options`, options);
  const batchSize = o.batchSize === undefined ? 16 : checkPositiveInt(`${fn}: batchSize`, o.batchSize);
  const { api, net, release } = await buildNet(
    fn,
    'face recognition model',
    faceapi,
    (a) => new a.FaceRecognitionNet(),
    weights,
  );
  const s = FACE_MODEL_INPUT_SIZES.recognition;
  return new TfImageDescriber({
    model: (x) => forwardBatch(api, net, x) as TF.Tensor,
    preprocess: makePreprocess(
      { size: [s, s], pad: 'center', halfPixelCenters: false },
      'TfImageDescriber.describeImages',
    ),
    batchSize,
    onDispose: release,
  });
}

/** Options of {@link createFaceDetector}. */
export interface FaceDetectorOptions {
  /** Images per model call (default 4; each is a 512x512 forward pass). */
  batchSize?: number;
  /** Keep detections scoring above this (default 0.5, face-api's default; in (0, 1)). */
  minConfidence?: number;
  /** At most this many faces per image (default 100). */
  maxResults?: number;
  /** Non-maximum suppression overlap (default 0.5). */
  iouThreshold?: number;
  /** The label of the score each detection carries (default 'face'). */
  label?: string;
}

/**
 * face-api's SSD-MobileNet v1 face detector as a `DetectImageObjects`: each image is zero-padded
 * at the bottom/right to a square and resized to 512x512 (as face-api does); detections are
 * `{ bbox: [x1, y1, x2, y2] (pixels of the input image), scores: { face: score } }`, best first.
 */
export async function createFaceDetector(
  faceapi: FaceApiLike,
  weights: ModelWeights,
  options?: FaceDetectorOptions,
): Promise<TfObjectDetector> {
  const fn = 'createFaceDetector';
  const o = checkOptions(`${fn}: options`, options);
  const batchSize = o.batchSize === undefined ? 4 : checkPositiveInt(`${fn}: batchSize`, o.batchSize);
  const minConfidence =
    o.minConfidence === undefined ? 0.5 : checkNumberIn(`${fn}: minConfidence`, o.minConfidence, 0, 1);
  const maxResults = o.maxResults === undefined ? 100 : checkPositiveInt(`${fn}: maxResults`, o.maxResults);
  const iouThreshold = o.iouThreshold === undefined ? 0.5 : checkNumberIn(`${fn}: iouThreshold`, o.iouThreshold, 0, 1);
  if (o.label !== undefined && (typeof o.label !== 'string' || o.label.length === 0)) {
    throw new TypeError(`${fn}: label: expected a non-empty string, got ${describe(o.label)}`);
  }
  const label = o.label ?? 'face';
  const { api, net, release } = await buildNet(
    fn,
    'SSD-MobileNet v1 detector',
    faceapi,
    (a) => new a.SsdMobilenetv1(),
    weights,
  );
  const s = FACE_MODEL_INPUT_SIZES.detector;
  return new TfObjectDetector({
    model: (x) => {
      const { boxes, scores } = forwardBatch(api, net, x) as { boxes: TF.Tensor2D[]; scores: TF.Tensor1D[] };
      return { boxes: tf.stack(boxes), scores: tf.stack(scores) };
    },
    preprocess: makePreprocess({ size: [s, s], pad: 'end', halfPixelCenters: false }, 'TfObjectDetector.detectObjects'),
    batchSize,
    onDispose: release,
    postprocess: async (out, { images }) => {
      const map = out as TF.NamedTensorMap;
      const boxes = (await (map.boxes as TF.Tensor).data()) as Float32Array;
      const scores = (await (map.scores as TF.Tensor).data()) as Float32Array;
      const n = scores.length / images.length;
      return images.map((img, b) => {
        const [height, width] = img.shape as [number, number];
        const side = Math.max(height, width);
        // Boxes are [ymin, xmin, ymax, xmax] relative to the padded square.
        const bx = boxes.subarray(b * n * 4, (b + 1) * n * 4);
        const sc = scores.subarray(b * n, (b + 1) * n);
        const kept = nonMaxSuppression(bx, sc, { iouThreshold, scoreThreshold: minConfidence, maxResults });
        const clip = (v: number, hi: number) => Math.min(hi, Math.max(0, Math.min(1, Math.max(0, v)) * side));
        return kept.map(
          (i): Detection => ({
            bbox: [
              clip(bx[4 * i + 1] as number, width),
              clip(bx[4 * i] as number, height),
              clip(bx[4 * i + 3] as number, width),
              clip(bx[4 * i + 2] as number, height),
            ],
            scores: { [label]: sc[i] as number },
          }),
        );
      });
    },
  });
}
