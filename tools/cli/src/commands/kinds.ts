/** The saliency defaults of each image command, shared by its spec (help) and its run. */
import type { KindDefaults } from './options.js';

/** explain's saliency defaults (its run adds the scorer interface). */
export const EXPLAIN_KIND: KindDefaults = {
  command: 'explain',
  generatorFor: {
    rise: 'salkit.scoring.RISEScoring',
    'sliding-window': 'salkit.scoring.OcclusionScoring',
    'sliding-radial': 'salkit.scoring.OcclusionScoring',
  },
  rise: { n: 1000, s: 8, p1: 0.5 },
  batchSize: 32,
};

/** detect's saliency defaults (its run adds the scorer interface). */
export const DETECT_KIND: KindDefaults = {
  command: 'detect',
  generatorFor: {
    rise: 'salkit.scoring.DRISEScoring',
    'sliding-window': 'salkit.scoring.DRISEScoring',
    'sliding-radial': 'salkit.scoring.DRISEScoring',
  },
  rise: { n: 100, s: 16, p1: 0.5 },
  batchSize: 8,
};

/** compare's saliency defaults (its run adds the scorer interface). */
export const COMPARE_KIND: KindDefaults = {
  command: 'compare',
  generatorFor: {
    rise: 'salkit.scoring.SimilarityScoring',
    'sliding-window': 'salkit.scoring.SimilarityScoring',
    'sliding-radial': 'salkit.scoring.SimilarityScoring',
  },
  rise: { n: 500, s: 8, p1: 0.5 },
  batchSize: 16,
};
