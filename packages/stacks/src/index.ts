export { ClassifyImage } from './blackbox/ClassifyImage.js';
export { DescribeImage } from './blackbox/DescribeImage.js';
export { DetectImageObjects } from './blackbox/DetectImageObjects.js';
export type {
  BlackboxResults,
  ClassifyImageLike,
  Confidences,
  DescribeImageLike,
  DetectImageObjectsLike,
  Detection,
  ImageBatch,
  Label,
} from './blackbox/types.js';
export { formatDetection } from './detection/formatDetection.js';
export { type BlurFill, blurredFill, type StackFill } from './engine/fill.js';
export type { AbortSignalLike, GenerateOptions } from './engine/runOcclusion.js';
export {
  DetectorPerturbationOcclusion,
  type DetectorPerturbationOcclusionOptions,
} from './impls/DetectorPerturbationOcclusion.js';
export { DRISEStack, type DRISEStackOptions } from './impls/DRISEStack.js';
export { PerturbationOcclusion, type PerturbationOcclusionOptions } from './impls/PerturbationOcclusion.js';
export { RISEStack, type RISEStackOptions } from './impls/RISEStack.js';
export {
  SimilarityPerturbationOcclusion,
  type SimilarityPerturbationOcclusionOptions,
} from './impls/SimilarityPerturbationOcclusion.js';
export { SlidingWindowStack, type SlidingWindowStackOptions } from './impls/SlidingWindowStack.js';
export { GenerateImageClassifierBlackboxSaliency } from './interfaces/GenerateImageClassifierBlackboxSaliency.js';
export { GenerateImageSimilarityBlackboxSaliency } from './interfaces/GenerateImageSimilarityBlackboxSaliency.js';
export { GenerateObjectDetectorBlackboxSaliency } from './interfaces/GenerateObjectDetectorBlackboxSaliency.js';
export { type Fill, occludeImageBatch, occludeImageStreaming } from './occlusion/occlude.js';
