import { useNativeKernels } from '@salkit/native';
import { useRegionAddKernel } from '@salkit/scoring';
import type { BenchSuite } from '../suite.js';
import { scoringSuite } from './scoring.js';

/**
 * The scoring suite's tasks (same names, same inputs) with `@salkit/native`'s compiled kernel
 * forming the sums (`useNativeKernels`): set for each call only, so the two suites can run in one
 * process. Its threads read masks where they lie, ordinary arrays included.
 */
export const scoringNativeSuite: BenchSuite = {
  name: 'scoring-native',
  iterations: 5,
  tasks: async () => {
    const kernel = useNativeKernels();
    useRegionAddKernel(null);
    const tasks = await scoringSuite.tasks();
    return tasks.map((t) => ({
      name: t.name,
      fn: () => {
        const before = useRegionAddKernel(kernel);
        try {
          return t.fn();
        } finally {
          useRegionAddKernel(before);
        }
      },
    }));
  },
};
