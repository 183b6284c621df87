export { type CropFaceOptions, cropFace, cropImage, expandBox, type PixelBox } from './detection/crop.js';
export { type NonMaxSuppressionOptions, nonMaxSuppression } from './detection/nms.js';
export { checkFaceApi, FACE_EXPRESSION_LABELS, type FaceApiLike, type FaceApiNet } from './face/faceApi.js';
export {
  createExpressionClassifier,
  createFaceDescriptor,
  createFaceDetector,
  type ExpressionClassifierOptions,
  FACE_MODEL_INPUT_SIZES,
  type FaceDescriptorOptions,
  type FaceDetectorOptions,
} from './face/faceModels.js';
export { decodeModelWeights, type ModelWeights, type WeightBytes, type WeightsManifestGroup } from './face/weights.js';
export { type BatchContext, readRows, TfAdapter, type TfAdapterOptions } from './impls/TfAdapter.js';
export { TfImageClassifier, type TfImageClassifierOptions } from './impls/TfImageClassifier.js';
export { TfImageDescriber, type TfImageDescriberOptions } from './impls/TfImageDescriber.js';
export {
  type Detection,
  type DetectionPostprocess,
  TfObjectDetector,
  type TfObjectDetectorOptions,
} from './impls/TfObjectDetector.js';
export {
  type ExecuteAsyncModel,
  type ModelFn,
  type ModelOutput,
  type PredictModel,
  runModel,
  selectOutput,
  type TfModel,
} from './model/runModel.js';
export {
  checkImage,
  type ImageBatchToTensorOptions,
  imageBatchToTensor,
  imageToTensor,
  makePreprocess,
  type PreprocessFn,
} from './tensors/imageToTensor.js';
