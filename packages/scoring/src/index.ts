export { OcclusionScoring, type OcclusionScoringOptions } from './impls/OcclusionScoring.js';
export { RISEScoring, type RISEScoringOptions } from './impls/RISEScoring.js';
export { GenerateClassifierConfidenceSaliency } from './interfaces/GenerateClassifierConfidenceSaliency.js';
export type { SaliencyAccumulator } from './interfaces/SaliencyAccumulator.js';
export { weightRegionsByScalar } from './weightRegionsByScalar.js';
