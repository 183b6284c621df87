/**
 * TF.js as the modules of this package use it, in Node (the `node` condition of the `#tfjs`
 * entry of package.json). `@tensorflow/tfjs` ships CommonJS bundles only; an ES module `import`
 * of them makes Node scan their ~6 MB of source for export names (cjs-module-lexer, following
 * the re-exports of tfjs-core, -layers, -converter, ...) before running them, which costs more
 * than loading them (0.3-0.4 s against 0.2 s). `require` skips the scan and gives the same
 * module instance (face-api's Node build requires it too).
 */
import { createRequire } from 'node:module';
import type * as tfjs from '@tensorflow/tfjs';

export const tf: typeof tfjs = createRequire(import.meta.url)('@tensorflow/tfjs');
