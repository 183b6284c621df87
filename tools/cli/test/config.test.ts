import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GenerateClassifierConfidenceSaliency } from '@salkit/scoring';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import {
  autoWindow,
  type ConfigInputs,
  readConfigFile,
  resolveSaliencyConfig,
  type SaliencyKind,
} from '../src/saliency/config.js';
import { tempDir } from './sink.js';

const KIND: SaliencyKind = {
  command: 'explain',
  generatorIface: GenerateClassifierConfidenceSaliency,
  generatorFor: {
    rise: 'salkit.scoring.RISEScoring',
    'sliding-window': 'salkit.scoring.OcclusionScoring',
    'sliding-radial': 'salkit.scoring.OcclusionScoring',
  },
  rise: { n: 1000, s: 8, p1: 0.5 },
  batchSize: 32,
};

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

const base = (over: Partial<ConfigInputs> = {}): ConfigInputs => ({
  method: 'rise',
  flags: {},
  overrides: [],
  cwd: dir,
  ...over,
});

describe('resolveSaliencyConfig', () => {
  it('gives the method defaults, only the chosen blocks', async () => {
    const s = await resolveSaliencyConfig(KIND, base());
    expect(s.config).toEqual({
      perturber: { type: 'salkit.perturb.RISEGrid', RISEGrid: { n: 1000, s: 8, p1: 0.5, seed: 0, threads: 4 } },
      generator: { type: 'salkit.scoring.RISEScoring', RISEScoring: { p1: 0.5 } },
      batchSize: 32,
      fill: null,
      blur: null,
    });
    expect(s.perturber.constructor.name).toBe('RISEGrid');
  });

  it('sizes sliding windows from the image', async () => {
    expect(autoWindow([112, 84])).toEqual({ window: [21, 21], stride: [7, 7] });
    const s = await resolveSaliencyConfig(KIND, base({ method: 'sliding-window', imageSize: [112, 84] }));
    expect(s.config.perturber).toEqual({
      type: 'salkit.perturb.SlidingWindow',
      SlidingWindow: { windowSize: [21, 21], stride: [7, 7] },
    });
    expect(s.generatorType).toBe('salkit.scoring.OcclusionScoring');
  });

  it('keeps image-sized values null until the image is known (and in files)', async () => {
    const draft = await resolveSaliencyConfig(KIND, base({ method: 'sliding-radial' }));
    expect(draft.layered.perturber).toMatchObject({ SlidingRadial: { radius: null, stride: null, sigma: null } });
    await writeFile(join(dir, 'printed.json'), JSON.stringify(draft.layered));
    const s = await resolveSaliencyConfig(
      KIND,
      base({ file: 'printed.json', fileData: await readConfigFile('printed.json', dir), imageSize: [80, 120] }),
    );
    expect(s.config.perturber).toEqual({
      type: 'salkit.perturb.SlidingRadial',
      SlidingRadial: { radius: [10, 10], stride: [7, 7], sigma: null },
    });
  });

  it('applies flags to the chosen perturber, and the RISE scorer follows --p1', async () => {
    const s = await resolveSaliencyConfig(
      KIND,
      base({ flags: { n: 20, p1: 0.3, seed: null, batchSize: 4, fill: 'mean' } }),
    );
    expect(s.config.perturber).toMatchObject({ RISEGrid: { n: 20, p1: 0.3, seed: null } });
    expect(s.config.generator).toEqual({ type: 'salkit.scoring.RISEScoring', RISEScoring: { p1: 0.3 } });
    expect(s.batchSize).toBe(4);
    expect(s.fill).toBe('mean');
  });

  it('refuses a flag the chosen perturber does not have, saying where it applies', async () => {
    await expect(resolveSaliencyConfig(KIND, base({ flags: { window: [3, 3] } }))).rejects.toThrow(
      '--window: the perturber salkit.perturb.RISEGrid has no option "windowSize"; --window applies to SlidingWindow',
    );
    await expect(resolveSaliencyConfig(KIND, base({ method: 'sliding-window', flags: { n: 3 } }))).rejects.toThrow(
      /--n: the perturber salkit.perturb.SlidingWindow has no option "n"; --n applies to RISEGrid/,
    );
  });

  it('applies --config.path=value overrides last, typed by the field, and can switch type', async () => {
    const s = await resolveSaliencyConfig(
      KIND,
      base({
        flags: { n: 20 },
        overrides: [
          '--config.perturber.type=SlidingWindow',
          '--config.perturber.SlidingWindow.windowSize=(10, 12)',
          '--config.generator.type=salkit.scoring.OcclusionScoring',
          '--config.batchSize=8',
        ],
      }),
    );
    expect(s.config.perturber).toEqual({
      type: 'salkit.perturb.SlidingWindow',
      SlidingWindow: { windowSize: [10, 12], stride: [20, 20] },
    });
    expect(s.generatorType).toBe('salkit.scoring.OcclusionScoring');
    expect(s.batchSize).toBe(8);
  });

  it('keeps the scorer p1 apart when an override sets it (debiasing off)', async () => {
    const s = await resolveSaliencyConfig(
      KIND,
      base({ overrides: ['--config.generator.RISEScoring.p1=0', '--config.perturber.RISEGrid.p1=0.25'] }),
    );
    expect(s.config.perturber).toMatchObject({ RISEGrid: { p1: 0.25 } });
    expect(s.config.generator).toEqual({ type: 'salkit.scoring.RISEScoring', RISEScoring: { p1: 0 } });
  });

  it('reports bad overrides and invalid options with the path at fault', async () => {
    const bad = async (overrides: string[]) => resolveSaliencyConfig(KIND, base({ overrides }));
    await expect(bad(['--config.perturber.RISEGrid.nn=5'])).rejects.toThrow(
      '--config.perturber.RISEGrid.nn: unknown field "nn" in config.perturber.RISEGrid',
    );
    await expect(bad(['--config.perturber.RISEGrid.n=abc'])).rejects.toThrow(
      '--config.perturber.RISEGrid.n: cannot parse "abc" as a number',
    );
    await expect(bad(['--config.perturber.RISEGrid.n=0'])).rejects.toThrow(
      /config: perturber \(salkit.perturb.RISEGrid\): .*n: Too small/,
    );
    await expect(bad(['--config.perturber.type=Nope'])).rejects.toThrow(
      /config: perturber.type: expected one of salkit.perturb.RISEGrid, .*, got "Nope"/,
    );
    await expect(bad(['--config.fill=600'])).rejects.toThrow(/config: fill: expected null \(black\)/);
    await expect(bad(['--config.fill=1', '--config.blur=2'])).rejects.toThrow(
      /config: fill and blur: expected one of them/,
    );
    await expect(bad(['--config.perturbr.x=1'])).rejects.toThrow(UsageError);
  });

  it('reads YAML and JSON files (JSON may key blocks by registered name) under flags and overrides', async () => {
    const yaml = join(dir, 'c.yaml');
    await writeFile(
      yaml,
      'perturber:\n  type: SlidingRadial\n  SlidingRadial:\n    radius: [5, 5]\n    stride: [4, 4]\ngenerator:\n  type: OcclusionScoring\nfill: 128\n',
    );
    const fromYaml = await readConfigFile('c.yaml', dir);
    const s = await resolveSaliencyConfig(
      KIND,
      base({
        file: 'c.yaml',
        fileData: fromYaml,
        flags: { sigma: [2, 2] },
        overrides: ['--config.perturber.SlidingRadial.stride=(6,6)'],
      }),
    );
    expect(s.config).toMatchObject({
      perturber: {
        type: 'salkit.perturb.SlidingRadial',
        SlidingRadial: { radius: [5, 5], stride: [6, 6], sigma: [2, 2] },
      },
      generator: { type: 'salkit.scoring.OcclusionScoring', OcclusionScoring: {} },
      fill: 128,
    });

    const json = join(dir, 'c.json');
    await writeFile(
      json,
      JSON.stringify({
        perturber: { type: 'salkit.perturb.RISEGrid', 'salkit.perturb.RISEGrid': { n: 7, s: 2, p1: 0.4 } },
        batchSize: 2,
      }),
    );
    const s2 = await resolveSaliencyConfig(
      KIND,
      base({ file: 'c.json', fileData: await readConfigFile('c.json', dir) }),
    );
    expect(s2.config.perturber).toEqual({
      type: 'salkit.perturb.RISEGrid',
      RISEGrid: { n: 7, s: 2, p1: 0.4, seed: 0, threads: 4 },
    });
    expect(s2.config.generator).toMatchObject({ RISEScoring: { p1: 0.4 } });
    expect(s2.batchSize).toBe(2);
  });

  it('reads back the config.json a run writes, giving the same config', async () => {
    for (const inputs of [
      base({ flags: { n: 30, p1: 0.3, fill: [1, 2, 3] } }),
      base({ method: 'sliding-radial', imageSize: [50, 40], flags: { sigma: [1, 1], blur: 2 } }),
      base({ overrides: ['--config.generator.RISEScoring.p1=0', '--config.fill=mean'] }),
    ]) {
      const first = await resolveSaliencyConfig(KIND, inputs);
      await writeFile(join(dir, 'round.json'), JSON.stringify(first.config));
      const again = await resolveSaliencyConfig(
        KIND,
        base({ file: 'round.json', fileData: await readConfigFile('round.json', dir) }),
      );
      expect(again.config).toEqual(first.config);
    }
  });

  it('refuses unreadable or malformed files, naming the file and the key', async () => {
    await expect(readConfigFile('missing.yaml', dir)).rejects.toThrow(
      '--config: cannot read missing.yaml: no such file',
    );
    await writeFile(join(dir, 'bad.json'), '{ "perturber": ');
    await expect(readConfigFile('bad.json', dir)).rejects.toThrow(/--config: bad.json: invalid JSON/);
    await writeFile(join(dir, 'typo.json'), JSON.stringify({ perturbr: {} }));
    const data = await readConfigFile('typo.json', dir);
    await expect(resolveSaliencyConfig(KIND, base({ file: 'typo.json', fileData: data }))).rejects.toThrow(
      '--config: typo.json: unknown key "perturbr" (did you mean "perturber"?)',
    );
    await writeFile(join(dir, 'impl.json'), JSON.stringify({ perturber: { type: 'RISEGrid', RISEGird: {} } }));
    await expect(
      resolveSaliencyConfig(KIND, base({ file: 'impl.json', fileData: await readConfigFile('impl.json', dir) })),
    ).rejects.toThrow(
      '--config: impl.json: perturber: unknown implementation "RISEGird"; available: RISEGrid, SlidingRadial, SlidingWindow',
    );
  });
});
