export { assertAllClose, type ShapedLike, toFlat } from './close.js';
export { casesFor, loadManifest, type ParityCase, type ParityManifest, parityDir, readParityFile } from './parity.js';
export { type ReadmeExampleRun, runReadmeExample, testReadmeExample } from './readme.js';
