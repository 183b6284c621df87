import { loadNpy } from '@salkit/ndarray';
import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import { describe, it } from 'vitest';
import { formulaConfidences } from './formulaClassifier.test-util.js';

describe('parity black box formula', () => {
  for (const c of casesFor('blackbox.classify')) {
    it(c.id, () => {
      const conf = formulaConfidences(loadNpy(readParityFile(c.inputs.image as string)), c.params.numLabels as number);
      assertAllClose(conf, loadNpy(readParityFile(c.output as string)), c.rtol, c.atol, c.id);
    });
  }
});
