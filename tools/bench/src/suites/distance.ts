import { cdist } from '@salkit/distance';
import { defaultRng } from '@salkit/ndarray';
import { type BenchSuite, sink } from '../suite.js';

/**
 * @salkit/distance: cdist as SimilarityScoring calls it, F = 128 descriptors: one or three query
 * rows against 1000 perturbed-image descriptors, for the default metric (euclidean) and cosine.
 */
export const distanceSuite: BenchSuite = {
  name: 'distance',
  tasks: () => {
    const F = 128;
    const refs = defaultRng(0).random([1000, F]);
    const one = defaultRng(1).random([1, F]);
    const three = defaultRng(2).random([3, F]);
    const tasks = [];
    for (const metric of ['euclidean', 'cosine'] as const) {
      tasks.push({
        name: `cdist ${metric} [1x${F}] vs [1000x${F}]`,
        fn: () => (sink.value = cdist(one, refs, metric)),
      });
      tasks.push({
        name: `cdist ${metric} [3x${F}] vs [1000x${F}]`,
        fn: () => (sink.value = cdist(three, refs, metric)),
      });
    }
    return tasks;
  },
};
