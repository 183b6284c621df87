import { defineConfig } from 'vitest/config';

// Tests import sibling packages through the "@salkit/source" export condition, which points
// at TypeScript sources, so `vitest run` needs no prior build (zod's monorepo does the same).
const conditions = ['@salkit/source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@salkit/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/results.json' },
    testTimeout: 60_000,
  },
});
