import type { FaceApiLike } from '../face/faceApi.js';
import type { ExpressionClassifierOptions, FaceDescriptorOptions, FaceDetectorOptions } from '../face/faceModels.js';
import type { TfImageClassifier } from '../impls/TfImageClassifier.js';
import type { TfImageDescriber } from '../impls/TfImageDescriber.js';
import type { TfObjectDetector } from '../impls/TfObjectDetector.js';
import { nodeTf, wholeTf } from '../tf/nodeTf.js';
import { packageRequire } from '../tf/packageRequire.js';
import { runCommonJs } from '../tf/runCommonJs.js';
import { checkOptions } from '../util/validate.js';
import { faceModelDir, readModelWeights } from './files.js';
import { initWasmBackend } from './wasm.js';

const require = packageRequire();

let faceApi: FaceApiLike | null = null;

/**
 * Node: the `@vladmandic/face-api` module, loaded (once) from its wasm build
 * `dist/face-api.node-wasm.js`. That CommonJS file's `require('@tensorflow/tfjs')` gets this
 * package's `tf` (see ../tf/nodeTf.ts): face-api calls only tfjs-core's API, so the rest of
 * TF.js is not loaded for it. Its other requires (the wasm backend, fs) resolve as usual.
 */
export function loadFaceApi(): FaceApiLike {
  faceApi ??= runCommonJs(
    require.resolve('@vladmandic/face-api/dist/face-api.node-wasm.js'),
    new Map([['@tensorflow/tfjs', nodeTf()]]),
  ) as FaceApiLike;
  return faceApi;
}

/** Options shared by the Node loaders. */
export interface NodeLoadOptions {
  /** Folder of the weights files (default: face-api's installed `model/` folder). */
  modelDir?: string;
  /**
   * Switch TF.js to the wasm backend first (default true; see initWasmBackend). With false, the
   * backend set with `tf.setBackend` (e.g. 'cpu') runs the model; the whole of `@tensorflow/tfjs`
   * is loaded, for its backends.
   */
  wasm?: boolean;
}

async function prepare(fn: string, options: NodeLoadOptions | undefined, name: string) {
  checkOptions(`${fn}: options`, options);
  if (options?.wasm !== false) await initWasmBackend();
  // Otherwise the caller's backend: TF.js's own ones (cpu, ...) are registered by the whole package.
  else await wholeTf().ready();
  return readModelWeights(name, options?.modelDir ?? faceModelDir());
}

/** The model builders, imported on first use: they load TF.js (see ./wasm.ts). */
const faceModels = () => import('../face/faceModels.js');

/** Node: face-api's expression classifier with the weights shipped in the package (see createExpressionClassifier). */
export async function loadExpressionClassifier(
  options?: ExpressionClassifierOptions & NodeLoadOptions,
): Promise<TfImageClassifier> {
  const weights = await prepare('loadExpressionClassifier', options, 'face_expression_model');
  const { createExpressionClassifier } = await faceModels();
  return createExpressionClassifier(loadFaceApi(), weights, { batchSize: options?.batchSize });
}

/** Node: face-api's SSD-MobileNet v1 face detector with the shipped weights (see createFaceDetector). */
export async function loadFaceDetector(options?: FaceDetectorOptions & NodeLoadOptions): Promise<TfObjectDetector> {
  const weights = await prepare('loadFaceDetector', options, 'ssd_mobilenetv1_model');
  const { createFaceDetector } = await faceModels();
  const { modelDir: _dir, wasm: _wasm, ...rest } = options ?? {};
  return createFaceDetector(loadFaceApi(), weights, rest);
}

/** Node: face-api's 128-d face descriptor with the shipped weights (see createFaceDescriptor). */
export async function loadFaceDescriptor(options?: FaceDescriptorOptions & NodeLoadOptions): Promise<TfImageDescriber> {
  const weights = await prepare('loadFaceDescriptor', options, 'face_recognition_model');
  const { createFaceDescriptor } = await faceModels();
  return createFaceDescriptor(loadFaceApi(), weights, { batchSize: options?.batchSize });
}
