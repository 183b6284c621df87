/**
 * TF.js as the modules of this package use it. This is the default (browser, bundler) form: the
 * ES module import. Node loads `tfjs.node.ts` instead (see the `#tfjs` entry of package.json).
 */
import * as tfjs from '@tensorflow/tfjs';

export const tf: typeof tfjs = tfjs;
