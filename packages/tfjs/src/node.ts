export {
  type FaceModelName,
  faceApiDir,
  faceModelDir,
  readModelWeights,
  readSamplePhoto,
  samplePhotoPath,
  samplePhotos,
} from './node/files.js';
export {
  loadExpressionClassifier,
  loadFaceApi,
  loadFaceDescriptor,
  loadFaceDetector,
  type NodeLoadOptions,
} from './node/loaders.js';
export { initWasmBackend, wasmBinariesDir } from './node/wasm.js';
