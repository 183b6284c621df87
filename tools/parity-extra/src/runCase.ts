import { cdist } from '@salkit/distance';
import { array, defaultRng, ellipse, gaussianFilter, maxabsScale, type NdArray, resize } from '@salkit/ndarray';
import { RISEGrid, SlidingRadial, SlidingWindow } from '@salkit/perturb';
import { DRISEScoring, OcclusionScoring, RISEScoring, SimilarityScoring, weightRegionsByScalar } from '@salkit/scoring';
import { occludeImageBatch, PerturbationOcclusion, RISEStack, SlidingWindowStack } from '@salkit/stacks';
import { bigOrNumber, type ExtraCase, loadArray } from './cases.js';
import { FormulaBlackbox, formulaConfidences } from './formulaBlackbox.js';

/** What a case produced: one result, or named results (rng.sequence). */
export type CaseResult = unknown;

type Params = Record<string, unknown>;

function seedOf(params: Params): number | bigint {
  return bigOrNumber(params.seed);
}

function rngSequence(p: Params): Record<string, unknown> {
  const n = p.n as number;
  const s = p.s as number;
  const random = defaultRng(seedOf(p)).random([n, s, s]);
  const b = defaultRng(seedOf(p));
  const shifts: (number | bigint | unknown)[][] = [];
  for (let i = 0; i < n; i++) {
    const y = b.integers(0, p.cellH as number);
    const x = b.integers(0, p.cellW as number);
    shifts.push([scalarOf(y), scalarOf(x)]);
  }
  return { random, shifts };
}

/** A scalar draw, or the single element of a one-element array result. */
function scalarOf(v: unknown): unknown {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  const data = (v as { data?: ArrayLike<unknown> }).data ?? (v as ArrayLike<unknown>);
  if (data.length !== 1) throw new Error(`expected a scalar draw, got ${data.length} values`);
  return data[0];
}

function renderEllipse(p: Params): NdArray {
  const [H, W] = p.shape as [number, number];
  const px = ellipse(p.r as number, p.c as number, p.rRadius as number, p.cRadius as number, p.shape as number[]);
  const rr = (px as { rr?: ArrayLike<number> }).rr ?? px[0];
  const cc = (px as { cc?: ArrayLike<number> }).cc ?? px[1];
  const img = new Uint8Array(H * W);
  for (let k = 0; k < rr.length; k++) img[(rr[k] as number) * W + (cc[k] as number)] = 1;
  return array(img, [H, W]);
}

function cdistCase(c: ExtraCase): unknown {
  const params = c.params as { metric: string; options: Record<string, unknown>; arrayOptions: string[] };
  const XA = loadArray(c.inputs.XA);
  const XB = loadArray(c.inputs.XB);
  if (Object.keys(params.options).length === 0 && params.arrayOptions.length === 0) {
    return cdist(XA, XB, params.metric);
  }
  const options: Record<string, unknown> = { ...params.options };
  for (const name of params.arrayOptions) options[name] = loadArray(c.inputs[name]);
  return cdist(XA, XB, params.metric, options as never);
}

type Fill = number | number[];

function buildPerturber(type: string, options: Params): RISEGrid | SlidingRadial | SlidingWindow {
  if (type === 'SlidingRadial') return new SlidingRadial(options as never);
  if (type === 'SlidingWindow') return new SlidingWindow(options as never);
  if (type === 'RISEGrid') return new RISEGrid({ ...options, seed: seedOf(options) } as never);
  throw new Error(`parity-extra: unknown perturber type ${type}`);
}

function buildGenerator(type: string, options: Params): OcclusionScoring | RISEScoring {
  if (type === 'OcclusionScoring') return new OcclusionScoring(options as never);
  if (type === 'RISEScoring') return new RISEScoring(options as never);
  throw new Error(`parity-extra: unknown generator type ${type}`);
}

function buildStack(c: ExtraCase): { fill?: unknown; generate(img: NdArray, bb: unknown): unknown } {
  const { numLabels: _k, fill: _f, ...opts } = c.params;
  if (c.op === 'RISEStack.generate') {
    const o = { ...opts } as Params;
    o.seed = seedOf(o);
    return new RISEStack(o as never) as never;
  }
  if (c.op === 'SlidingWindowStack.generate') return new SlidingWindowStack(opts as never) as never;
  const { perturber, generator, threads } = opts as {
    perturber: { type: string } & Params;
    generator: { type: string } & Params;
    threads: number;
  };
  const { type: pType, ...pOpts } = perturber;
  const { type: gType, ...gOpts } = generator;
  return new PerturbationOcclusion({
    perturber: buildPerturber(pType, pOpts),
    generator: buildGenerator(gType, gOpts),
    threads,
  }) as never;
}

/** Runs one case through the salkit API exactly as the parity README's "Ops" table says. */
export async function runCase(c: ExtraCase): Promise<CaseResult> {
  const p = c.params;
  const a = (name: string) => loadArray(c.inputs[name]);
  switch (c.op) {
    case 'rng.random':
      return defaultRng(seedOf(p)).random(p.size as number[]);
    case 'rng.integers': {
      const low = bigOrNumber(p.low);
      const high = bigOrNumber(p.high);
      return defaultRng(seedOf(p)).integers(low as never, high as never, p.size as number[]);
    }
    case 'rng.sequence':
      return rngSequence(p);
    case 'resize':
      return resize(a('image'), p.outputShape as number[], {
        order: p.order as 1,
        mode: p.mode as 'reflect',
        antiAliasing: p.antiAliasing as false,
      });
    case 'gaussianFilter':
      return gaussianFilter(a('image'), p.sigma as number[], {
        truncate: p.truncate as number,
        mode: p.mode as 'reflect',
      });
    case 'ellipse':
      return renderEllipse(p);
    case 'maxabsScale':
      return maxabsScale(a('X'));
    case 'RISEGrid.perturb':
      return new RISEGrid({ ...p, seed: seedOf(p) } as never).perturb(a('refImage'));
    case 'SlidingWindow.perturb':
      return new SlidingWindow(p as never).perturb(a('refImage'));
    case 'SlidingRadial.perturb':
      return new SlidingRadial(p as never).perturb(a('refImage'));
    case 'weightRegionsByScalar':
      return weightRegionsByScalar(a('scalars'), a('masks'), p.invMasks as boolean, p.normalize as boolean);
    case 'OcclusionScoring.generate':
      return new OcclusionScoring({}).generate(a('imageConf'), a('perturbedConf'), a('masks'));
    case 'RISEScoring.generate':
      return new RISEScoring({ p1: p.p1 as number }).generate(a('imageConf'), a('perturbedConf'), a('masks'));
    case 'SimilarityScoring.generate':
      return new SimilarityScoring({ proximityMetric: p.proximityMetric as never }).generate(
        a('queryDescr'),
        a('refDescr'),
        a('perturbedDescrs'),
        a('masks'),
      );
    case 'DRISEScoring.generate':
      return new DRISEScoring({ proximityMetric: 'cosine' } as never).generate(
        a('refDets'),
        a('perturbedDets'),
        a('masks'),
      );
    case 'DRISEScoring.iou':
      return new DRISEScoring({}).iou(a('boxA'), a('boxB'));
    case 'cdist':
      return cdistCase(c);
    case 'occludeImageBatch': {
      const fill = p.fill as Fill | null;
      return fill === null
        ? occludeImageBatch(a('image'), a('masks'))
        : occludeImageBatch(a('image'), a('masks'), fill);
    }
    case 'blackbox.classify':
      return formulaConfidences(a('image'), p.numLabels as number);
    case 'RISEStack.generate':
    case 'SlidingWindowStack.generate':
    case 'PerturbationOcclusion.generate': {
      const stack = buildStack(c);
      if ('fill' in p) stack.fill = p.fill as Fill;
      return await stack.generate(a('refImage'), new FormulaBlackbox(p.numLabels as number));
    }
    default:
      throw new Error(`parity-extra: no runner for op ${c.op}`);
  }
}
