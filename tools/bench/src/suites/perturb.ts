import { array } from '@salkit/ndarray';
import { bufferForThreads } from '@salkit/ndarray/wasm';
import { RISEGrid, SlidingRadial } from '@salkit/perturb';
import { type BenchSuite, sink } from '../suite.js';

/**
 * @salkit/perturb on a 224x224 RGB image, the sizes of issue 5's Python reference timings:
 * RISEGrid n=1000 s=8 (all masks at once, into a reused shared buffer with perturbInto, which
 * writes on the thread pool, and streamed in batches of 32) and SlidingRadial
 * r=50 stride 20 (144 masks), hard and blurred with sigma 10 (also from a fresh instance, which
 * has to build the tables an instance keeps per image size).
 */
export const perturbSuite: BenchSuite = {
  name: 'perturb',
  tasks: () => {
    const image = array(new Uint8Array(224 * 224 * 3), [224, 224, 3]);
    const rise = new RISEGrid({ n: 1000, s: 8, p1: 0.5, seed: 0 });
    const radial = new SlidingRadial({ radius: [50, 50], stride: [20, 20] });
    const soft = new SlidingRadial({ radius: [50, 50], stride: [20, 20], sigma: [10, 10] });
    const shared = new Float32Array(bufferForThreads(1000 * 224 * 224 * 4));
    return [
      { name: 'RISEGrid n=1000 s=8 perturb', fn: () => (sink.value = rise.perturb(image)) },
      {
        name: 'RISEGrid n=1000 s=8 perturbInto (shared buffer, reused)',
        fn: () => (sink.value = rise.perturbInto(image, shared)),
      },
      {
        name: 'RISEGrid n=1000 s=8 perturbBatches(32)',
        fn: () => {
          for (const b of rise.perturbBatches(image, 32)) sink.value = b;
        },
      },
      { name: 'SlidingRadial r=50 stride 20 perturb', fn: () => (sink.value = radial.perturb(image)) },
      { name: 'SlidingRadial r=50 stride 20 sigma 10 perturb', fn: () => (sink.value = soft.perturb(image)) },
      {
        // The instance keeps the tables of the last image size; a new one per call measures building them too.
        name: 'SlidingRadial r=50 stride 20 sigma 10 perturb (new instance)',
        fn: () =>
          (sink.value = new SlidingRadial({ radius: [50, 50], stride: [20, 20], sigma: [10, 10] }).perturb(image)),
      },
    ];
  },
};
