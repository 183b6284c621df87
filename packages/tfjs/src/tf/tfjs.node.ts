/**
 * TF.js as the modules of this package use it, in Node (the `node` condition of the `#tfjs`
 * entry of package.json): tfjs-core, with the rest of `@tensorflow/tfjs` loaded on first use
 * (see ./nodeTf.ts).
 */
import { nodeTf } from './nodeTf.js';

export const tf = nodeTf();
