import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { initWasmBackend } from '../node/wasm.js';
import { nodeTf } from './nodeTf.js';

const require = createRequire(import.meta.url);

describe('nodeTf (#tfjs in Node)', () => {
  it('serves tfjs-core with all chained tensor methods, and the rest of TF.js on first use', async () => {
    const tf = nodeTf();
    expect(nodeTf()).toBe(tf);
    // tfjs-core alone: no layers, no cpu backend yet.
    const core = require('@tensorflow/tfjs-core') as typeof tf;
    expect(tf.tidy).toBe(core.tidy);
    expect(tf.findBackend('cpu')).toBeNull();
    await initWasmBackend();
    const t = tf.tensor([1, 2, 3, 4, 5, 6]);
    expect(t.as3D(1, 2, 3).shape).toEqual([1, 2, 3]);
    const proto = Object.getPrototypeOf(t) as object;
    const before = new Set(Object.getOwnPropertyNames(proto));
    // A name outside tfjs-core loads the whole of @tensorflow/tfjs, which defines no chained
    // method that was missing before, and shares the engine.
    const whole = require('@tensorflow/tfjs') as typeof tf;
    expect(tf.loadGraphModel).toBe(whole.loadGraphModel);
    expect('layers' in tf).toBe(true);
    expect(Object.getOwnPropertyNames(proto).filter((n) => !before.has(n))).toEqual([]);
    expect(whole.engine()).toBe(tf.engine());
    expect(whole.getBackend()).toBe('wasm');
    t.dispose();
  });
});
