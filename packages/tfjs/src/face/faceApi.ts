import { describe } from '@salkit/ndarray';

/** The class labels of face-api's expression model, in its output order. */
export const FACE_EXPRESSION_LABELS: readonly string[] = Object.freeze([
  'neutral',
  'happy',
  'sad',
  'angry',
  'fearful',
  'disgusted',
  'surprised',
]);

/**
 * What salkit uses of one of face-api's networks. Parameters are typed `never` on purpose: face-api
 * declares them with its own bundled copy of the TF.js types, which TypeScript treats as
 * different classes, so any face-api build must fit.
 */
export interface FaceApiNet {
  loadFromWeightMap(weightMap: never): void;
  forwardInput(input: never): unknown;
  dispose(throwOnRedispose?: boolean): void;
}

/**
 * What salkit uses of the `@vladmandic/face-api` module. Pass the module itself: in Node the
 * `./node` entry loads `dist/face-api.node-wasm.js`; in a browser import
 * `@vladmandic/face-api/dist/face-api.esm-nobundle.js` so face-api shares your `@tensorflow/tfjs`.
 */
export interface FaceApiLike {
  NetInput: new (inputs: never, treatAsBatchInput?: boolean) => unknown;
  SsdMobilenetv1: new () => FaceApiNet;
  FaceExpressionNet: new () => FaceApiNet;
  FaceRecognitionNet: new () => FaceApiNet;
}

/** Throws unless `x` looks like the face-api module. */
export function checkFaceApi(label: string, x: unknown): asserts x is FaceApiLike {
  const names = ['NetInput', 'SsdMobilenetv1', 'FaceExpressionNet', 'FaceRecognitionNet'] as const;
  const missing =
    x !== null && typeof x === 'object'
      ? names.filter((n) => typeof (x as Record<string, unknown>)[n] !== 'function')
      : names;
  if (missing.length > 0) {
    throw new TypeError(
      `${label}: expected the @vladmandic/face-api module (with ${names.join(', ')}), got ${describe(x)}${
        x !== null && typeof x === 'object' ? ` lacking ${missing.join(', ')}` : ''
      }`,
    );
  }
}
