/**
 * The saliency configuration of a run: which perturber and which scorer, their options, the
 * batch size and the fill of occluded pixels. It is a ConfigDict in the CLI's form
 *
 * ```yaml
 * perturber:
 *   type: salkit.perturb.RISEGrid     # registered name (or short name) of the chosen class
 *   RISEGrid: { n: 1000, s: 8, p1: 0.5, seed: 0, threads: 4 }
 *   SlidingWindow: { windowSize: null, stride: null }   # other classes; null sizes follow the image
 * generator:
 *   type: salkit.scoring.RISEScoring
 *   RISEScoring: { p1: 0.5 }
 * batchSize: 32
 * fill: null        # null (black), a value, [r, g, b] or 'mean'
 * blur: null        # or a sigma: occluded pixels take a blurred copy of the image
 * ```
 *
 * SMQTK's `{ type, <type>: {...} }` form with the block under the registered name, whose dots
 * ConfigDict field names cannot hold; the CLI keys blocks by short class name instead and builds
 * the instances with plugin's fromConfigDict. Layers, each over the one before: the method's
 * defaults, the --config file, the flags (--n, --window...), the --config.path=value overrides.
 */

import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { applyOverrides, ConfigDict, getCloseMatches, splitConfigPath } from '@salkit/config-dict';
import { PerturbImage } from '@salkit/perturb';
import { fromConfigDict } from '@salkit/plugin';
import type { FillSpec } from '../args/values.js';
import { messageOf, UsageError } from '../errors.js';
import { METHODS, type Method } from './methods.js';
import { findImpl, type Impl, implsOf, loadExternalPlugins, type PluginInterface } from './plugins.js';

export { METHODS, type Method };

/** The perturber each --method stands for. */
export const METHOD_PERTURBER: Record<Method, string> = {
  rise: 'salkit.perturb.RISEGrid',
  'sliding-window': 'salkit.perturb.SlidingWindow',
  'sliding-radial': 'salkit.perturb.SlidingRadial',
};

/** What a command explains with: its scorer interface and its defaults. */
export interface SaliencyKind {
  command: string;
  generatorIface: PluginInterface;
  /** Registered name of the scorer each method uses. */
  generatorFor: Record<Method, string>;
  /** RISEGrid defaults of the command. */
  rise: { n: number; s: number; p1: number };
  batchSize: number;
}

/** Plain JSON-like config data. */
export type Plain = Record<string, unknown>;

/** Values of the flags that set config fields (undefined: not given). */
export interface ConfigFlags {
  n?: number;
  s?: number;
  p1?: number;
  seed?: number | null;
  window?: [number, number];
  stride?: [number, number];
  radius?: [number, number];
  sigma?: [number, number];
  metric?: string;
  batchSize?: number;
  fill?: FillSpec;
  blur?: number;
}

const FLAG_KEYS: { flag: keyof ConfigFlags; option: string; slot: 'perturber' | 'generator'; key: string }[] = [
  { flag: 'n', option: '--n', slot: 'perturber', key: 'n' },
  { flag: 's', option: '--s', slot: 'perturber', key: 's' },
  { flag: 'p1', option: '--p1', slot: 'perturber', key: 'p1' },
  { flag: 'seed', option: '--seed', slot: 'perturber', key: 'seed' },
  { flag: 'window', option: '--window', slot: 'perturber', key: 'windowSize' },
  { flag: 'radius', option: '--radius', slot: 'perturber', key: 'radius' },
  { flag: 'stride', option: '--stride', slot: 'perturber', key: 'stride' },
  { flag: 'sigma', option: '--sigma', slot: 'perturber', key: 'sigma' },
  { flag: 'metric', option: '--metric', slot: 'generator', key: 'proximityMetric' },
];

const TOP_KEYS = ['perturber', 'generator', 'batchSize', 'fill', 'blur'];

/** What a run needs from its config. */
export interface SaliencySetup {
  /** The config as run, in the CLI's form, only the chosen blocks (summary.json, config.json). */
  config: Plain;
  /** The layered config before building: every implementation's block, image-sized values still null. */
  layered: Plain;
  perturber: PerturbImage;
  /** An instance of the command's scorer interface. */
  generator: object;
  perturberType: string;
  generatorType: string;
  batchSize: number;
  fill: FillSpec;
  blur: number | [number, number] | null;
}

/** Window and stride for sliding methods on an image of `[h, w]`: a quarter of the shorter side, a third of it. */
export function autoWindow([h, w]: [number, number]): { window: [number, number]; stride: [number, number] } {
  const side = Math.max(1, Math.round(Math.min(h, w) / 4));
  const step = Math.max(1, Math.round(side / 3));
  return { window: [side, side], stride: [step, step] };
}

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

/**
 * Sizes of sliding windows that follow the image when null: a quarter of its shorter side for
 * the window (half that for the radii), a third of the window for the stride.
 */
const IMAGE_SIZED: Record<string, Record<string, (size: [number, number]) => [number, number]>> = {
  'salkit.perturb.SlidingWindow': {
    windowSize: (size) => autoWindow(size).window,
    stride: (size) => autoWindow(size).stride,
  },
  'salkit.perturb.SlidingRadial': {
    radius: (size) => autoWindow(size).window.map((w) => Math.max(1, Math.round(w / 2))) as [number, number],
    stride: (size) => autoWindow(size).stride,
  },
};

/** The method's config with a block for every implementation (so overrides may switch type). */
function template(kind: SaliencyKind, method: Method, perturbers: Impl[], generators: Impl[]) {
  const cliDefaults: Record<string, Plain> = {
    'salkit.perturb.RISEGrid': { n: kind.rise.n, s: kind.rise.s, p1: kind.rise.p1, seed: 0 },
    'salkit.scoring.RISEScoring': { p1: kind.rise.p1 },
  };
  for (const [type, keys] of Object.entries(IMAGE_SIZED)) {
    cliDefaults[type] = Object.fromEntries(Object.keys(keys).map((k) => [k, null]));
  }
  const blocks = (impls: Impl[], type: string): Plain => {
    const out: Plain = { type };
    for (const i of impls) out[i.key] = { ...clone(i.cls.getDefaultConfig()), ...clone(cliDefaults[i.type] ?? {}) };
    return out;
  };
  return {
    perturber: blocks(perturbers, METHOD_PERTURBER[method]),
    generator: blocks(generators, kind.generatorFor[method]),
    batchSize: kind.batchSize,
    fill: null,
    blur: null,
  } as Plain;
}

/** Reads a config file: JSON (SMQTK's registered-name block keys allowed) or YAML. */
export async function readConfigFile(pathArg: string, cwd: string): Promise<Plain> {
  const path = resolve(cwd, pathArg);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(
      `--config: cannot read ${pathArg}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : messageOf(e)}`,
    );
  }
  const ext = extname(path).toLowerCase();
  let data: unknown;
  if (ext === '.json' || (ext !== '.yaml' && ext !== '.yml' && text.trimStart().startsWith('{'))) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`--config: ${pathArg}: invalid JSON: ${messageOf(e)}`);
    }
  } else {
    try {
      data = ConfigDict.fromYaml(text).toDict();
    } catch (e) {
      throw new UsageError(
        `--config: ${pathArg}: ${messageOf(e)}${/dots/.test(messageOf(e)) ? ' (in YAML, key blocks by short class name, e.g. RISEGrid)' : ''}`,
      );
    }
  }
  if (!isPlain(data))
    throw new UsageError(`--config: ${pathArg}: expected a mapping of config keys, got ${JSON.stringify(data)}`);
  return data;
}

/** Checks a file's config and renames its blocks to the CLI's keys; returns it and the paths it sets. */
function normaliseFile(data: Plain, slots: Record<string, Impl[]>, pathArg: string): Plain {
  const out: Plain = {};
  for (const [k, v] of Object.entries(data)) {
    if (!TOP_KEYS.includes(k)) {
      const close = getCloseMatches(k, TOP_KEYS, 1, 0.6);
      throw new UsageError(
        `--config: ${pathArg}: unknown key "${k}"${close.length ? ` (did you mean "${close[0]}"?)` : ''}; expected some of ${TOP_KEYS.join(', ')}`,
      );
    }
    const impls = slots[k];
    if (!impls) {
      out[k] = v;
      continue;
    }
    if (!isPlain(v))
      throw new UsageError(
        `--config: ${pathArg}: ${k}: expected a mapping { type, <Class>: {...} }, got ${JSON.stringify(v)}`,
      );
    const slot: Plain = {};
    for (const [bk, bv] of Object.entries(v)) {
      if (bk === 'type') {
        slot.type = bv;
        continue;
      }
      const impl = findImpl(impls, bk);
      if (!impl) {
        throw new UsageError(
          `--config: ${pathArg}: ${k}: unknown implementation "${bk}"; available: ${impls.map((i) => i.key).join(', ')}`,
        );
      }
      if (!isPlain(bv))
        throw new UsageError(
          `--config: ${pathArg}: ${k}.${bk}: expected a mapping of options, got ${JSON.stringify(bv)}`,
        );
      if (impl.key in slot)
        throw new UsageError(`--config: ${pathArg}: ${k}: the options of ${impl.type} are given twice`);
      slot[impl.key] = bv;
    }
    out[k] = slot;
  }
  return out;
}

/** `b` over `a`: mappings merge key by key, anything else replaces. */
function deepMerge(a: Plain, b: Plain): Plain {
  const out: Plain = { ...a };
  for (const [k, v] of Object.entries(b))
    out[k] = isPlain(v) && isPlain(out[k]) ? deepMerge(out[k] as Plain, v) : clone(v);
  return out;
}

function chosen(slot: string, value: Plain, impls: Impl[]): Impl {
  const type = value.type;
  const impl = typeof type === 'string' ? findImpl(impls, type) : undefined;
  if (!impl) {
    throw new UsageError(
      `config: ${slot}.type: expected one of ${impls.map((i) => i.type).join(', ')}, got ${JSON.stringify(type ?? null)}`,
    );
  }
  return impl;
}

function optionKeys(impl: Impl): string[] {
  return Object.keys(impl.cls.getDefaultConfig());
}

function applyFlags(cfg: Plain, flags: ConfigFlags, slots: Record<'perturber' | 'generator', Impl[]>): void {
  for (const { flag, option, slot, key } of FLAG_KEYS) {
    const value = flags[flag];
    if (value === undefined) continue;
    const holder = cfg[slot] as Plain;
    const impl = chosen(slot, holder, slots[slot]);
    if (!optionKeys(impl).includes(key)) {
      const fits = slots[slot].filter((i) => optionKeys(i).includes(key)).map((i) => i.key);
      throw new UsageError(
        `${option}: the ${slot} ${impl.type} has no option "${key}"${fits.length ? `; ${option} applies to ${fits.join(', ')}` : ''}`,
      );
    }
    (holder[impl.key] as Plain)[key] = value;
  }
  if (flags.batchSize !== undefined) cfg.batchSize = flags.batchSize;
  if (flags.fill !== undefined) cfg.fill = flags.fill;
  if (flags.blur !== undefined) cfg.blur = flags.blur;
}

function targets(overrides: readonly string[], path: string[]): boolean {
  return overrides.some((o) => {
    const m = /^--(?:no)?config\.([^=]+)/s.exec(o);
    if (!m) return false;
    try {
      const parts = splitConfigPath(m[1] as string).map(String);
      return path.every((p, i) => parts[i] === p) || parts.every((p, i) => path[i] === p);
    } catch {
      return false;
    }
  });
}

function checkFill(fill: unknown): FillSpec {
  if (fill === null || fill === 'mean' || fill === 'black') return fill === 'black' ? null : (fill as FillSpec);
  if (typeof fill === 'number' && fill >= 0 && fill <= 255) return fill;
  if (Array.isArray(fill) && fill.length === 3 && fill.every((v) => typeof v === 'number' && v >= 0 && v <= 255)) {
    return [...fill] as number[];
  }
  throw new UsageError(
    `config: fill: expected null (black), 'mean', a value from 0 to 255 or [r, g, b], got ${JSON.stringify(fill)}`,
  );
}

function checkBlur(blur: unknown): number | [number, number] | null {
  if (blur === null) return null;
  if (typeof blur === 'number' && Number.isFinite(blur) && blur > 0) return blur;
  if (
    Array.isArray(blur) &&
    blur.length === 2 &&
    blur.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0)
  ) {
    return [blur[0], blur[1]];
  }
  throw new UsageError(`config: blur: expected null, a sigma > 0 or [sy, sx], got ${JSON.stringify(blur)}`);
}

/** Inputs of {@link resolveSaliencyConfig}. */
export interface ConfigInputs {
  method: Method;
  /** --config file (as given). */
  file?: string;
  /** Its contents, when already read. */
  fileData?: Plain;
  flags: ConfigFlags;
  overrides: readonly string[];
  /** Size of the image to explain, for size-relative defaults (sliding windows). */
  imageSize?: [number, number];
  cwd: string;
}

/**
 * Builds the run's config from its layers and the perturber and scorer it names. Throws
 * UsageError naming the flag, override or config key at fault.
 */
export async function resolveSaliencyConfig(kind: SaliencyKind, inputs: ConfigInputs): Promise<SaliencySetup> {
  await loadExternalPlugins(inputs.cwd);
  const slots = { perturber: implsOf(PerturbImage), generator: implsOf(kind.generatorIface) };
  let plain = template(kind, inputs.method, slots.perturber, slots.generator);
  let fileSetsScorerP1 = false;
  if (inputs.fileData) {
    const file = normaliseFile(inputs.fileData, slots, inputs.file ?? 'config');
    fileSetsScorerP1 =
      isPlain(file.generator) && isPlain(file.generator.RISEScoring) && 'p1' in file.generator.RISEScoring;
    plain = deepMerge(plain, file);
  }
  applyFlags(plain, inputs.flags, slots);

  const cfg = new ConfigDict(plain);
  // As in RISEStack (debiased): the RISE scorer's p1 follows the masks' p1, unless set on its own.
  const riseKey = slots.perturber.find((i) => i.type === 'salkit.perturb.RISEGrid')?.key;
  const scorerKey = slots.generator.find((i) => i.type === 'salkit.scoring.RISEScoring')?.key;
  if (
    riseKey &&
    scorerKey &&
    !fileSetsScorerP1 &&
    !targets(inputs.overrides, ['generator', scorerKey, 'p1']) &&
    typeof cfg.perturber[riseKey].p1 === 'number'
  ) {
    cfg.generator[scorerKey].p1 = cfg.perturber[riseKey].getRef('p1');
  }
  try {
    const rest = applyOverrides(cfg, inputs.overrides);
    if (rest.length > 0) throw new Error(`unexpected arguments ${rest.join(' ')}`);
  } catch (e) {
    throw new UsageError(messageOf(e));
  }
  const resolved = cfg.toDict() as Plain;
  for (const k of Object.keys(resolved)) {
    if (!TOP_KEYS.includes(k)) throw new UsageError(`config: unknown key "${k}"`);
  }
  return { ...build(resolved, slots, inputs.imageSize), layered: resolved };
}

function build(
  cfg: Plain,
  slots: Record<'perturber' | 'generator', Impl[]>,
  imageSize: [number, number] | undefined,
): Omit<SaliencySetup, 'layered'> {
  const made: Record<string, { impl: Impl; instance: { getConfig(): Plain } }> = {};
  for (const slot of ['perturber', 'generator'] as const) {
    const holder = cfg[slot];
    if (!isPlain(holder)) throw new UsageError(`config: ${slot}: expected a mapping { type, <Class>: {...} }`);
    const impl = chosen(slot, holder, slots[slot]);
    const given = holder[impl.key];
    if (!isPlain(given)) throw new UsageError(`config: ${slot}.${impl.key}: expected a mapping of options`);
    let block: Plain = given;
    // Sizes left null follow the image (without one yet, the class defaults stand in for checking).
    const sized = IMAGE_SIZED[impl.type];
    if (sized) {
      block = { ...block };
      for (const [key, auto] of Object.entries(sized)) {
        if (block[key] !== null) continue;
        if (imageSize) block[key] = auto(imageSize);
        else delete block[key];
      }
    }
    try {
      const instance = fromConfigDict({ type: impl.type, [impl.type]: block }, [impl.cls]) as unknown as {
        getConfig(): Plain;
      };
      made[slot] = { impl, instance };
    } catch (e) {
      throw new UsageError(`config: ${slot} (${impl.type}): ${messageOf(e)}`);
    }
  }
  const batchSize = cfg.batchSize;
  if (typeof batchSize !== 'number' || !Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new UsageError(`config: batchSize: expected a positive integer, got ${JSON.stringify(batchSize)}`);
  }
  const fill = checkFill(cfg.fill);
  const blur = checkBlur(cfg.blur);
  if (fill !== null && blur !== null) {
    throw new UsageError(
      `config: fill and blur: expected one of them, got both (fill ${JSON.stringify(fill)}, blur ${JSON.stringify(blur)})`,
    );
  }
  const p = made.perturber as { impl: Impl; instance: { getConfig(): Plain } };
  const g = made.generator as { impl: Impl; instance: { getConfig(): Plain } };
  return {
    config: {
      perturber: { type: p.impl.type, [p.impl.key]: p.instance.getConfig() },
      generator: { type: g.impl.type, [g.impl.key]: g.instance.getConfig() },
      batchSize,
      fill,
      blur,
    },
    perturber: p.instance as unknown as PerturbImage,
    generator: g.instance,
    perturberType: p.impl.type,
    generatorType: g.impl.type,
    batchSize,
    fill,
    blur,
  };
}
