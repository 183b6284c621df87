import { array, defaultRng, type NdArray } from '@salkit/ndarray';
import { kernelArray } from '@salkit/ndarray/wasm';
import { RISEGrid } from '@salkit/perturb';
import { DRISEScoring, OcclusionScoring, RISEScoring, SimilarityScoring } from '@salkit/scoring';
import { type BenchSuite, sink } from '../suite.js';

/**
 * @salkit/scoring, issue 5's sizes: 224x224 maps from N = 1000 masks. Every scorer runs on two
 * kinds of masks, made once outside the timed functions: RISEGrid's float32 masks (n = 1000,
 * s = 8, p1 = 0.5) and random 0/1 uint8 masks (half the pixels occluded, the densest 0/1 case).
 * The "shared" tasks give RISEGrid's masks in a `kernelArray` (allocated once, as the scoring
 * README advises), which the kernels read in place on every thread; SALKIT_THREADS=1 times one
 * thread.
 * Confidences and descriptors are float64, as a plain JS black box returns them; the
 * "float32 scores" tasks give the confidence and detection scorers float32 scores (as TF.js
 * models return them) with RISEGrid's float32 masks, where numpy, and salkit, compute in float32.
 */
export const scoringSuite: BenchSuite = {
  name: 'scoring',
  iterations: 5,
  tasks: () => {
    const N = 1000;
    const H = 224;
    const W = 224;
    const C = 10;
    const F = 128;
    const P = 20;
    const K = 85;
    const image = array(new Uint8Array(H * W * 3).fill(128), [H, W, 3]);
    const rise = new RISEGrid({ n: N, s: 8, p1: 0.5, seed: 0 }).perturb(image);
    const draws = defaultRng(1).random([N, H, W]).data;
    const binData = new Uint8Array(N * H * W);
    for (let i = 0; i < binData.length; i++) binData[i] = (draws[i] as number) < 0.5 ? 1 : 0;
    const bin = array(binData, [N, H, W]);
    const maskSets: [string, NdArray][] = [
      ['RISE f32', rise],
      ['0/1 u8', bin],
    ];

    const imageConf = defaultRng(2).random([C]);
    const perturbedConf = defaultRng(3).random([N, C]);
    const refDescr = defaultRng(4).random([F]);
    const queryDescr = defaultRng(5).random([F]);
    const perturbedDescrs = defaultRng(6).random([N, F]);
    // D-RISE: one reference detection; per mask 20 proposals of [x1, y1, x2, y2, objectness, 80 class scores].
    const refDets = detections(defaultRng(7).random([1, K]).data, 1, H, W);
    const perturbedDets = array(detections(defaultRng(8).random([N * P, K]).data, N * P, H, W).data, [N, P, K]);

    const occlusion = new OcclusionScoring();
    const riseScoring = new RISEScoring({ p1: 0.5 });
    const similarity = new SimilarityScoring({ proximityMetric: 'euclidean' });
    const drise = new DRISEScoring();
    const tasks = [];
    for (const [label, masks] of maskSets) {
      tasks.push(
        {
          name: `OcclusionScoring C=${C}, ${label}`,
          fn: () => (sink.value = occlusion.generate(imageConf, perturbedConf, masks)),
        },
        {
          name: `RISEScoring C=${C} p1=0.5, ${label}`,
          fn: () => (sink.value = riseScoring.generate(imageConf, perturbedConf, masks)),
        },
        {
          name: `SimilarityScoring F=${F} Q=1 euclidean, ${label}`,
          fn: () => (sink.value = similarity.generate(queryDescr, refDescr, perturbedDescrs, masks)),
        },
        {
          name: `DRISEScoring D=1, ${P} proposals x ${K}, ${label}`,
          fn: () => (sink.value = drise.generate(refDets, perturbedDets, masks)),
        },
      );
    }
    const imageConf32 = Float32Array.from(imageConf.data);
    const perturbedConf32 = array(Float32Array.from(perturbedConf.data), [N, C]);
    const refDets32 = array(Float32Array.from(refDets.data), [1, K]);
    const perturbedDets32 = array(Float32Array.from(perturbedDets.data), [N, P, K]);
    const conf32 = array(imageConf32, [C]);
    const shared = array(kernelArray('float32', N * H * W), [N, H, W]);
    (shared.data as Float32Array).set(rise.data as Float32Array);
    tasks.push(
      {
        name: `OcclusionScoring C=${C}, RISE f32, float32 scores`,
        fn: () => (sink.value = occlusion.generate(conf32, perturbedConf32, rise)),
      },
      {
        name: `RISEScoring C=${C} p1=0.5, RISE f32, float32 scores`,
        fn: () => (sink.value = riseScoring.generate(conf32, perturbedConf32, rise)),
      },
      {
        name: `DRISEScoring D=1, ${P} proposals x ${K}, RISE f32, float32 scores`,
        fn: () => (sink.value = drise.generate(refDets32, perturbedDets32, rise)),
      },
      {
        name: `OcclusionScoring C=${C}, RISE f32 shared, float32 scores`,
        fn: () => (sink.value = occlusion.generate(conf32, perturbedConf32, shared)),
      },
      {
        name: `RISEScoring C=${C} p1=0.5, RISE f32 shared, float32 scores`,
        fn: () => (sink.value = riseScoring.generate(conf32, perturbedConf32, shared)),
      },
      {
        name: `DRISEScoring D=1, ${P} proposals x ${K}, RISE f32 shared, float32 scores`,
        fn: () => (sink.value = drise.generate(refDets32, perturbedDets32, shared)),
      },
      {
        name: `OcclusionScoring C=${C}, RISE f32 shared`,
        fn: () => (sink.value = occlusion.generate(imageConf, perturbedConf, shared)),
      },
      {
        name: `RISEScoring C=${C} p1=0.5, RISE f32 shared`,
        fn: () => (sink.value = riseScoring.generate(imageConf, perturbedConf, shared)),
      },
      {
        name: `SimilarityScoring F=${F} Q=1 euclidean, RISE f32 shared`,
        fn: () => (sink.value = similarity.generate(queryDescr, refDescr, perturbedDescrs, shared)),
      },
      {
        name: `DRISEScoring D=1, ${P} proposals x ${K}, RISE f32 shared`,
        fn: () => (sink.value = drise.generate(refDets, perturbedDets, shared)),
      },
    );
    return tasks;
  },
};

/** Rows of `[x1, y1, x2, y2, objectness, scores...]` from uniform draws: boxes inside H x W, x1 <= x2, y1 <= y2. */
function detections(u: Float64Array, rows: number, H: number, W: number): NdArray<Float64Array> {
  const K = u.length / rows;
  const out = Float64Array.from(u);
  for (let r = 0; r < rows; r++) {
    const o = r * K;
    const xa = Math.floor((u[o] as number) * W);
    const xb = Math.floor((u[o + 2] as number) * W);
    const ya = Math.floor((u[o + 1] as number) * H);
    const yb = Math.floor((u[o + 3] as number) * H);
    out[o] = Math.min(xa, xb);
    out[o + 2] = Math.max(xa, xb);
    out[o + 1] = Math.min(ya, yb);
    out[o + 3] = Math.max(ya, yb);
  }
  return array(out, [rows, K]) as NdArray<Float64Array>;
}
