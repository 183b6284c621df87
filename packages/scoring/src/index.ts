export { DRISEScoring, type DRISEScoringOptions } from './impls/DRISEScoring.js';
export { OcclusionScoring, type OcclusionScoringOptions } from './impls/OcclusionScoring.js';
export { RISEScoring, type RISEScoringOptions } from './impls/RISEScoring.js';
export { SimilarityScoring, type SimilarityScoringOptions } from './impls/SimilarityScoring.js';
export { GenerateClassifierConfidenceSaliency } from './interfaces/GenerateClassifierConfidenceSaliency.js';
export { GenerateDescriptorSimilaritySaliency } from './interfaces/GenerateDescriptorSimilaritySaliency.js';
export { GenerateDetectorProposalSaliency } from './interfaces/GenerateDetectorProposalSaliency.js';
export type { SaliencyAccumulator } from './interfaces/SaliencyAccumulator.js';
export { weightRegionsByScalar } from './weightRegionsByScalar.js';
