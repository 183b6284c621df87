import { array, defaultRng, gaussianFilter, makeResizer, type NdArray, resize } from '@salkit/ndarray';
import { type BenchSuite, sink } from '../suite.js';

/** @salkit/ndarray kernels: the RNG, RISE-style grid resizing and a wide gaussian filter. */
export const ndarraySuite: BenchSuite = {
  name: 'ndarray',
  tasks: () => {
    // 1000 RISE grids (s x s 0/1 float32) resized to 232x232, the size RISEGrid resizes to for s = 8 on
    // 224x224 images ((s + 1) * ceil(224 / s)); the benchmark uses 9x9 grids.
    const n = 1000;
    const s = 9;
    const up = 232;
    const rnd = defaultRng(0).random([n, s, s]).data;
    const grids = new Float32Array(n * s * s);
    for (let i = 0; i < grids.length; i++) grids[i] = (rnd[i] as number) < 0.5 ? 1 : 0;
    const resizer = makeResizer([s, s], [up, up]);
    const out = new Float32Array(up * up);
    const gridViews = Array.from(
      { length: n },
      (_, i) => array(grids.subarray(i * s * s, (i + 1) * s * s), [s, s]) as NdArray<Float32Array>,
    );

    const img64 = defaultRng(1).random([224, 224]);
    const img32 = array(Float32Array.from(img64.data), [224, 224]) as NdArray<Float32Array>;

    return [
      { name: 'defaultRng(0).random(1e6)', fn: () => (sink.value = defaultRng(0).random(1_000_000)) },
      {
        name: 'resize 1000 9x9 grids -> 232x232 (makeResizer, reused out)',
        fn: () => {
          for (let i = 0; i < n; i++) resizer.resizeInto(grids, out, { srcOffset: i * s * s });
          sink.value = out;
        },
      },
      {
        name: 'resize 1000 9x9 grids -> 232x232 (resize(), new arrays)',
        fn: () => {
          for (let i = 0; i < n; i++) sink.value = resize(gridViews[i] as NdArray<Float32Array>, [up, up]);
        },
      },
      { name: 'gaussianFilter 224x224 f64 sigma 10', fn: () => (sink.value = gaussianFilter(img64, 10)) },
      { name: 'gaussianFilter 224x224 f32 sigma 10', fn: () => (sink.value = gaussianFilter(img32, 10)) },
    ];
  },
};
