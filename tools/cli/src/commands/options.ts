/** Options shared by the saliency commands (explain, detect, compare). */
import type { OptionSpec, ParsedArgs } from '../args/parse.js';
import * as v from '../args/values.js';
import { UsageError } from '../errors.js';
import type { ConfigFlags, SaliencyKind } from '../saliency/config.js';
import { METHODS, type Method } from '../saliency/methods.js';
import type { OptionGroup } from './command.js';

export const HELP: OptionSpec = { name: 'help', short: 'h', help: 'show this help' };

/** A command's saliency defaults, without its scorer interface (which loads the scorers). */
export type KindDefaults = Omit<SaliencyKind, 'generatorIface'>;

/** --method, the perturber and scorer options, --config. */
export function methodGroup(kind: KindDefaults, methods: readonly Method[] = METHODS): OptionGroup {
  return {
    title: 'Method (the perturber and scorer; see `salkit config <Class>` for every option)',
    options: [
      {
        name: 'method',
        short: 'm',
        value: 'NAME',
        help: `${methods.join(', ')}: RISE random masks, or occlusion by a sliding square / ellipse`,
        defaultText: 'rise',
        parse: v.oneOf(methods),
      },
      { name: 'n', value: 'N', help: 'rise: number of masks', defaultText: String(kind.rise.n), parse: v.int(1) },
      {
        name: 's',
        value: 'S',
        help: 'rise: grid cells along each side of a mask',
        defaultText: String(kind.rise.s),
        parse: v.int(1),
      },
      {
        name: 'p1',
        value: 'P',
        help: 'rise: probability that a grid cell is kept',
        defaultText: String(kind.rise.p1),
        parse: v.num(0, 1),
      },
      {
        name: 'seed',
        value: 'SEED',
        help: 'rise: random seed, or none for fresh masks',
        defaultText: '0',
        parse: v.seed,
      },
      {
        name: 'window',
        value: 'HxW',
        help: 'sliding-window: window size',
        defaultText: "a quarter of the image's shorter side",
        parse: v.pair,
      },
      {
        name: 'radius',
        value: 'HxW',
        help: 'sliding-radial: radii of the ellipse',
        defaultText: 'an eighth of the shorter side',
        parse: v.pair,
      },
      {
        name: 'stride',
        value: 'HxW',
        help: 'sliding-window, sliding-radial: step between windows',
        defaultText: 'a third of the window',
        parse: v.pair,
      },
      {
        name: 'sigma',
        value: 'SIGMA',
        help: 'sliding-radial: soften the ellipse edges (Gaussian sigma, pixels)',
        parse: v.num(0, Infinity, true),
      },
      {
        name: 'batch-size',
        value: 'N',
        help: 'occluded images per model call',
        defaultText: String(kind.batchSize),
        parse: v.int(1),
      },
      {
        name: 'fill',
        value: 'FILL',
        help: 'occluded pixels: black, mean (the mean colour), a value 0..255 or R,G,B',
        defaultText: 'black',
        parse: v.fill,
      },
      {
        name: 'blur',
        value: 'SIGMA',
        help: 'occluded pixels take a blurred copy of the image (Gaussian sigma, pixels)',
        parse: v.num(0, Infinity, true),
      },
      { name: 'config', value: 'FILE', help: 'a config file (JSON or YAML) over the method defaults', parse: v.path },
    ],
    notes: [
      '--config.PATH=VALUE      override one config field, e.g. --config.perturber.RISEGrid.n=500,',
      '                         --config.perturber.type=SlidingWindow, --config.fill=mean',
      '                         (see --print-config for the paths)',
    ],
  };
}

/** --out, --npy, colours, --print-config, --quiet, --help. */
export function outputGroup(): OptionGroup {
  return {
    title: 'Output',
    options: [
      { name: 'out', short: 'o', value: 'DIR', help: 'output folder', defaultText: './salkit-out', parse: v.path },
      { name: 'npy', help: 'also write the raw maps as .npy files (float32, values in [-1, 1])' },
      { name: 'cmap', value: 'NAME', help: 'colormap of the overlays', defaultText: 'RdBu_r', parse: v.cmap },
      {
        name: 'alpha',
        value: 'A',
        help: 'opacity of the heatmap over the image',
        defaultText: '0.5',
        parse: v.num(0, 1),
      },
      { name: 'print-config', help: 'print the resolved config as YAML and exit (nothing is computed)' },
      { name: 'quiet', short: 'q', help: 'no progress or status lines on stderr' },
      HELP,
    ],
  };
}

/** --crop, --face, --min-score. */
export function faceGroup(what: string, cropDefault = 'face'): OptionGroup {
  return {
    title: 'Faces',
    options: [
      {
        name: 'crop',
        value: 'MODE',
        help: `face: detect faces and explain ${what}; none: use the whole image`,
        defaultText: cropDefault,
        parse: v.oneOf(['face', 'none'] as const),
      },
      {
        name: 'face',
        value: 'I',
        help: 'which detected face, 1 = the most confident',
        defaultText: '1',
        parse: v.int(1),
      },
      {
        name: 'min-score',
        value: 'P',
        help: 'least detector score of a face',
        defaultText: '0.5',
        parse: v.num(0, 1, true),
      },
    ],
  };
}

export const WORK_SIZE: OptionSpec = {
  name: 'work-size',
  value: 'PX',
  help: "explain the image scaled down to this longer side (model: the model's input size; full: as is)",
  defaultText: 'model',
  parse: v.workSize,
};

/** Typed access to parsed option values. */
export class Values {
  constructor(private readonly args: ParsedArgs) {}

  has(name: string): boolean {
    return this.args.values.has(name);
  }

  get<T>(name: string, fallback: T): T {
    return this.args.values.has(name) ? (this.args.values.get(name) as T) : fallback;
  }

  opt<T>(name: string): T | undefined {
    return this.args.values.get(name) as T | undefined;
  }

  flag(name: string): boolean {
    return this.args.values.get(name) === true;
  }

  /** Throws a UsageError when one of `names` is given while `condition` does not hold. */
  onlyWith(names: readonly string[], condition: boolean, requirement: string, command: string): void {
    if (condition) return;
    const given = names.find((n) => this.has(n));
    if (given) throw new UsageError(`--${given}: applies only ${requirement}`, command);
  }
}

/** The config-field flags among the parsed values. */
export function configFlags(values: Values): ConfigFlags {
  return {
    n: values.opt('n'),
    s: values.opt('s'),
    p1: values.opt('p1'),
    seed: values.opt('seed'),
    window: values.opt('window'),
    stride: values.opt('stride'),
    radius: values.opt('radius'),
    sigma: values.has('sigma')
      ? [values.opt<number>('sigma') as number, values.opt<number>('sigma') as number]
      : undefined,
    batchSize: values.opt('batch-size'),
    fill: values.opt('fill'),
    blur: values.opt('blur'),
  };
}
