import { array, defaultRng, type NdArray } from '@salkit/ndarray';
import { RISEGrid } from '@salkit/perturb';
import { occludeImageBatch } from '@salkit/stacks';
import { type BenchSuite, sink } from '../suite.js';

/**
 * @salkit/stacks occlusion: occludeImageBatch on a 224x224 RGB uint8 image with N = 100 masks
 * (15 MB of occluded images per call), for 0/1 uint8 masks and RISEGrid float32 masks, with no
 * fill, a scalar fill and a per-channel fill.
 */
export const stacksSuite: BenchSuite = {
  name: 'stacks',
  tasks: () => {
    const N = 100;
    const H = 224;
    const W = 224;
    const px = defaultRng(0).random([H * W * 3]).data;
    const image = array(
      Uint8Array.from(px, (v) => Math.floor(v * 256)),
      [H, W, 3],
    );
    const rise = new RISEGrid({ n: N, s: 8, p1: 0.5, seed: 0 }).perturb(image);
    const draws = defaultRng(1).random([N, H, W]).data;
    const bin = array(
      Uint8Array.from(draws, (v) => (v < 0.5 ? 1 : 0)),
      [N, H, W],
    );
    const fills: [string, number | number[] | undefined][] = [
      ['no fill', undefined],
      ['fill 95', 95],
      ['fill [10,20,30]', [10, 20, 30]],
    ];
    const tasks = [];
    for (const [label, masks] of [
      ['0/1 u8', bin],
      ['RISE f32', rise],
    ] as [string, NdArray][]) {
      for (const [fl, fill] of fills) {
        tasks.push({
          name: `occludeImageBatch ${N}x${H}x${W}x3 u8, ${label} masks, ${fl}`,
          fn: () => (sink.value = occludeImageBatch(image, masks, fill)),
        });
      }
    }
    return tasks;
  },
};
