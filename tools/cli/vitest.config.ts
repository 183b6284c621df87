import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// The end-to-end tests run real TF.js models on a shared, slow machine: files run one after
// another (each worker would load TF.js and the models again), with generous timeouts.
export default mergeConfig(
  shared,
  defineConfig({
    test: { fileParallelism: false, testTimeout: 240_000, hookTimeout: 600_000 },
  }),
);
