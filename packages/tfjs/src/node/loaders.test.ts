import { array } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { collect } from '../collect.test-util.js';
import { nodeTf, wholeTf } from '../tf/nodeTf.js';
import { loadExpressionClassifier } from './loaders.js';

describe('Node loaders', () => {
  it('with { wasm: false } run the model on the backend the caller set', async () => {
    await wholeTf().setBackend('cpu');
    const clf = await loadExpressionClassifier({ wasm: false });
    const tf = nodeTf();
    expect(tf.getBackend()).toBe('cpu');
    const face = new Uint8Array(112 * 112 * 3);
    for (let i = 0; i < face.length; i++) face[i] = (i * 37) % 251;
    const [p] = await collect(clf.classifyImages([array(face, [112, 112, 3])]));
    const total = Object.values(p ?? {}).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 5);
    clf.dispose();
  }, 60_000);
});
