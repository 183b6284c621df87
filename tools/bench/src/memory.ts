/**
 * Memory benchmark (issue 6): RISEStack and DRISEStack on a 1920x1080 RGB uint8 image with
 * N = 1000 masks and a trivial black box, reporting wall time and peak RSS, asserting peak RSS
 * < 1 GB (exit code 1 otherwise), and checking first that the streamed maps equal the
 * non-streaming result on a smaller case (120x160, N = 40: the stacks with batches of 8 against
 * RISEGrid.perturb + occludeImageBatch + the scorer's generate on everything, and D-RISE also
 * against batchSize = N).
 *
 * Run from the repository root (builds the packages through turbo, then runs node --expose-gc):
 *   npx pnpm@10.34.8 --filter @salkit/bench bench:memory
 *   npx pnpm@10.34.8 --filter @salkit/bench bench:memory -- --n 200 --batch 32 --height 540 --width 960
 * or, with the packages already built: node --expose-gc tools/bench/dist/memory.js [options].
 *
 * The classifier's confidence is the image's mean brightness (over every 7th byte); the detector
 * finds one fixed box scored by brightness. Both are trivial next to the stack, so the numbers
 * measure salkit: mask generation, occlusion and scoring.
 *
 * RSS is sampled in the black box (once per batch), in onProgress and on a 10 ms interval; the
 * interval only fires while the event loop is free, so the per-batch samples are the ones that count.
 */
import { array, type NdArray, toContiguous } from '@salkit/ndarray';
import { RISEGrid } from '@salkit/perturb';
import { DRISEScoring, RISEScoring } from '@salkit/scoring';
import { DRISEStack, occludeImageBatch, RISEStack } from '@salkit/stacks';

const LIMIT = 1024 ** 3;

interface Args {
  n: number;
  batch: number;
  height: number;
  width: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { n: 1000, batch: 16, height: 1080, width: 1920 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    if (key === '--') continue;
    const value = Number(argv[i + 1]);
    if ((key === '--n' || key === '--batch' || key === '--height' || key === '--width') && Number.isInteger(value)) {
      args[key.slice(2) as keyof Args] = value;
      i++;
    } else {
      throw new Error(`bench:memory: unknown argument ${key} (expected --n, --batch, --height, --width with integers)`);
    }
  }
  return args;
}

let peak = 0;
/** Time spent inside the black boxes (ms), to tell salkit's share of the wall time. */
let blackboxMs = 0;
function timed<T>(fn: () => T): T {
  const t0 = performance.now();
  const r = fn();
  blackboxMs += performance.now() - t0;
  return r;
}
function sample(): void {
  const rss = process.memoryUsage().rss;
  if (rss > peak) peak = rss;
}

const MB = (b: number) => `${(b / 1024 ** 2).toFixed(0)} MB`;

/** Mean brightness in [0, 1] over every 7th byte (a subsample keeps the black box trivial next to the stack). */
function brightness(image: NdArray): number {
  const d = toContiguous(image).data;
  let s = 0;
  let k = 0;
  for (let i = 0; i < d.length; i += 7, k++) s += d[i] as number;
  return s / (k * 255);
}

/** A classifier with one label whose confidence is the image's brightness; samples RSS per batch. */
const classifier = {
  getLabels: () => ['bright'],
  classifyImages: (images: readonly NdArray[]) => {
    sample();
    return timed(() => images.map((im) => ({ bright: brightness(im) })));
  },
};

/** A detector finding one fixed box whose score is the image's brightness. */
function detector(box: [number, number, number, number]) {
  return {
    detectObjects: (images: readonly NdArray[]) => {
      sample();
      return timed(() =>
        images.map((im) => {
          const b = brightness(im);
          return [{ bbox: box, scores: { object: b, other: 1 - b } }];
        }),
      );
    },
  };
}

/** A smooth RGB test image with some structure. */
function testImage(H: number, W: number): NdArray<Uint8Array> {
  const data = new Uint8Array(H * W * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 3;
      data[o] = (255 * x) / W;
      data[o + 1] = (255 * y) / H;
      data[o + 2] = 128 + 127 * Math.sin(x / 37) * Math.cos(y / 23);
    }
  }
  return array(data, [H, W, 3]) as NdArray<Uint8Array>;
}

function maxAbsDiff(a: NdArray, b: NdArray): number {
  if (a.shape.join(',') !== b.shape.join(',')) throw new Error(`shapes differ: [${a.shape}] vs [${b.shape}]`);
  const x = toContiguous(a).data;
  const y = toContiguous(b).data;
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs((x[i] as number) - (y[i] as number)));
  return d;
}

const rise = (n: number, batchSize: number) => new RISEStack({ n, s: 8, p1: 0.5, seed: 0, batchSize });
const drise = (n: number, batchSize: number) => new DRISEStack({ n, s: 8, p1: 0.5, seed: 0, batchSize });

function refDetection(H: number, W: number) {
  const box: [number, number, number, number] = [
    Math.floor(W / 4),
    Math.floor(H / 4),
    Math.floor(W / 2),
    Math.floor((3 * H) / 4),
  ];
  return {
    box,
    bboxes: array(Float64Array.from(box), [1, 4]),
    scores: array(Float64Array.of(0.9, 0.1), [1, 2]),
  };
}

/** Streamed (small batches) vs non-streaming results on a reduced case; throws if they differ. */
async function checkEquality(): Promise<void> {
  const H = 120;
  const W = 160;
  const n = 40;
  const image = testImage(H, W);
  // RISE: the stack streaming batches of 8 vs all masks at once, as xaitk computes it
  const streamed = await rise(n, 8).generate(image, classifier);
  const masks = new RISEGrid({ n, s: 8, p1: 0.5, seed: 0 }).perturb(image);
  const occluded = occludeImageBatch(image, masks);
  const conf = new Float64Array(n);
  for (let i = 0; i < n; i++) conf[i] = brightness(occluded.pick(i, null, null, null));
  const whole = new RISEScoring({ p1: 0.5 }).generate(
    array(Float64Array.of(brightness(image)), [1]),
    array(conf, [n, 1]),
    masks,
  );
  const dRise = maxAbsDiff(streamed, whole);
  // D-RISE: batches of 8 vs one batch of n, and vs DRISEScoring on all proposals at once
  const { box, bboxes, scores } = refDetection(H, W);
  const dStreamed = await drise(n, 8).generate(image, bboxes, scores, detector(box));
  const dOne = await drise(n, n).generate(image, bboxes, scores, detector(box));
  const dets = new Float64Array(n * 7);
  for (let i = 0; i < n; i++) {
    const b = brightness(occluded.pick(i, null, null, null));
    dets.set([...box, 1, b, 1 - b], i * 7);
  }
  const dWhole = new DRISEScoring().generate(
    array(Float64Array.of(...box, 1, 0.9, 0.1), [1, 7]),
    array(dets, [n, 1, 7]),
    masks,
  );
  const dDrise = Math.max(maxAbsDiff(dStreamed, dOne), maxAbsDiff(dStreamed, dWhole));
  console.log(
    `equality (${H}x${W}, N = ${n}): RISEStack streamed vs non-streaming max |diff| = ${dRise}; ` +
      `DRISEStack streamed vs batchSize = N and vs DRISEScoring on everything: ${dDrise}`,
  );
  if (!(dRise <= 1e-12 && dDrise <= 1e-12))
    throw new Error('bench:memory: streamed maps differ from the non-streaming result');
}

async function main(): Promise<void> {
  const { n, batch, height: H, width: W } = parseArgs(process.argv.slice(2));
  const gc = (globalThis as { gc?: () => void }).gc;
  await checkEquality();
  const image = testImage(H, W);
  const timer = setInterval(sample, 10);
  const rows: Record<string, string | number>[] = [];
  const progress = (done: number, total: number) => {
    sample();
    if (done === total || done % (batch * 16) === 0)
      process.stdout.write(`  ${done}/${total}${done === total ? '\n' : '\r'}`);
  };
  const runs: [string, () => Promise<NdArray>][] = [
    ['RISEStack', () => rise(n, batch).generate(image, classifier, { onProgress: progress })],
    [
      'DRISEStack',
      () => {
        const { box, bboxes, scores } = refDetection(H, W);
        return drise(n, batch).generate(image, bboxes, scores, detector(box), null, { onProgress: progress });
      },
    ],
  ];
  let failed = false;
  for (const [name, run] of runs) {
    gc?.();
    const before = process.memoryUsage().rss;
    peak = before;
    blackboxMs = 0;
    const t0 = performance.now();
    const maps = await run();
    const ms = performance.now() - t0;
    sample();
    const ok = peak < LIMIT;
    failed ||= !ok;
    rows.push({
      stack: name,
      image: `${H}x${W}x3 u8`,
      N: n,
      batchSize: batch,
      'wall s': (ms / 1000).toFixed(1),
      'black box s': (blackboxMs / 1000).toFixed(1),
      'RSS before': MB(before),
      'peak RSS': MB(peak),
      'maps shape': `[${maps.shape}]`,
      '< 1 GB': ok ? 'yes' : 'NO',
    });
  }
  clearInterval(timer);
  console.log(`salkit memory benchmark (node ${process.version}${gc ? ', --expose-gc' : ''})`);
  console.table(rows);
  if (failed) {
    console.error('bench:memory: peak RSS reached 1 GB');
    process.exitCode = 1;
  }
}

await main();
