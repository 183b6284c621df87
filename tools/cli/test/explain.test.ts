/**
 * End-to-end runs of `salkit explain` through main() (in this process: the models load once),
 * on an 84x112 face crop with fast settings.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Fixtures, fixtures, listDir, range, readJson, readNpy, readPng, runMain, tempDir } from './helpers.js';

let fx: Fixtures;
let cwd: string;
/** Height and width of the face fixture. */
let size: [number, number];

beforeAll(async () => {
  fx = await fixtures();
  cwd = await tempDir();
  size = readPng(fx.face).shape.slice(0, 2) as [number, number];
});

describe('salkit explain', () => {
  it('writes overlays, a grid, .npy maps in [-1, 1], config.json and summary.json', async () => {
    const r = await runMain(
      ['explain', fx.face, '--crop', 'none', '--n', '20', '--s', '4', '--top-k', '2', '--npy', '--out', 'rise'],
      { cwd },
    );
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const out = join(cwd, 'rise');
    const summary = readJson(join(out, 'summary.json'));
    const [first, second] = summary.results;
    expect(first.label).toBe('happy');
    expect(first.confidence).toBeGreaterThan(0.5);
    expect(first.confidence).toBeGreaterThanOrEqual(second.confidence);
    const stems = [`01-${first.label}`, `02-${second.label}`];
    expect(listDir(out)).toEqual(
      [...stems.flatMap((s) => [`${s}.npy`, `${s}.png`]), 'config.json', 'grid.png', 'summary.json'].sort(),
    );
    expect(summary.files.sort()).toEqual(listDir(out));

    for (const s of stems) {
      const png = readPng(join(out, `${s}.png`));
      expect(png.shape).toEqual([...size, 3]);
      const map = readNpy(join(out, `${s}.npy`));
      expect(map.shape).toEqual(size);
      const [lo, hi] = range(map);
      expect(lo).toBeGreaterThanOrEqual(-1);
      expect(hi).toBeLessThanOrEqual(1);
      expect(hi - lo).toBeGreaterThan(0);
    }
    const grid = readPng(join(out, 'grid.png'));
    expect(grid.shape[0]).toBeGreaterThan(size[0]);
    expect(grid.shape[1]).toBeGreaterThan(3 * size[1]);

    expect(summary.salkit.command).toBe('explain');
    expect(summary.model.labels).toHaveLength(7);
    expect(Object.keys(summary.confidences)).toEqual(summary.model.labels);
    expect(summary.method).toEqual({
      name: 'rise',
      perturber: 'salkit.perturb.RISEGrid',
      generator: 'salkit.scoring.RISEScoring',
      masks: 20,
    });
    expect(summary.config.perturber.RISEGrid).toMatchObject({ n: 20, s: 4, p1: 0.5, seed: 0 });
    expect(readJson(join(out, 'config.json'))).toEqual(summary.config);
    expect(summary.stack.type).toBe('salkit.stacks.PerturbationOcclusion');
    expect(summary.input.explained.size).toEqual(size);
    const t = summary.timings;
    expect(t.models['face-api facial expression classifier'].images).toBe(22); // reference twice + 20 masks
    expect(t.inferenceMs).toBeGreaterThan(0);
    expect(t.inferenceMs).toBeLessThanOrEqual(t.totalMs);
    expect(t.outsideInferenceMs).toBeCloseTo(t.totalMs - t.inferenceMs, 0);
    expect(t.saliency.inferenceMs).toBeGreaterThan(0);
    expect(t.saliency.inferenceMs).toBeLessThanOrEqual(t.saliency.ms);
    expect(t.saliency.ms).toBeLessThanOrEqual(t.totalMs);
    expect(r.stderr).toMatch(/explain: \d+s in all, \d+s \(\d+\.\d%\) in model inference; the saliency run spent/);
    expect(r.stdout).toMatch(/ 1\. happy +0\.\d{3} {2}rise\/01-happy\.png/);
    expect(r.stdout).toMatch(/wrote 7 files to /);
  });

  it('runs sliding windows (size from the image unless given) and the same run again gives the same maps', async () => {
    const args = [
      'explain',
      fx.face,
      '--crop',
      'none',
      '-m',
      'sliding-window',
      '--window',
      '40x28',
      '--stride',
      '36x28',
      '--npy',
      '-k',
      '1',
      '-q',
    ];
    const a = await runMain([...args, '--out', 'sw1'], { cwd });
    const b = await runMain([...args, '--out', 'sw2'], { cwd });
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stderr).toBe('');
    const summary = readJson(join(cwd, 'sw1', 'summary.json'));
    expect(summary.config.perturber).toEqual({
      type: 'salkit.perturb.SlidingWindow',
      SlidingWindow: { windowSize: [40, 28], stride: [36, 28] },
    });
    // Windows at rows 0, 36, 72 and at columns 0, 28, 56 (the last one cut at the border, as xaitk).
    expect(summary.method.masks).toBeGreaterThanOrEqual(6);
    const m1 = readNpy(join(cwd, 'sw1', '01-happy.npy'));
    const m2 = readNpy(join(cwd, 'sw2', '01-happy.npy'));
    expect(Array.from(m1.data)).toEqual(Array.from(m2.data));
  });

  it('takes a YAML config file with overrides on top, and a blurred fill', async () => {
    await writeFile(
      join(cwd, 'radial.yaml'),
      [
        'perturber:',
        '  type: SlidingRadial',
        '  SlidingRadial: { radius: [20, 20], stride: [30, 30] }',
        'generator:',
        '  type: salkit.scoring.OcclusionScoring',
        'batchSize: 4',
        '',
      ].join('\n'),
    );
    const r = await runMain(
      [
        'explain',
        fx.face,
        '--crop',
        'none',
        '--config',
        'radial.yaml',
        '--config.perturber.SlidingRadial.stride=(40, 40)',
        '--blur',
        '3',
        '-k',
        '1',
        '--out',
        'radial',
        '-q',
      ],
      { cwd },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = readJson(join(cwd, 'radial', 'summary.json'));
    expect(summary.config).toEqual({
      perturber: {
        type: 'salkit.perturb.SlidingRadial',
        SlidingRadial: { radius: [20, 20], stride: [40, 40], sigma: null },
      },
      generator: { type: 'salkit.scoring.OcclusionScoring', OcclusionScoring: {} },
      batchSize: 4,
      fill: null,
      blur: 3,
    });
    expect(summary.method.masks).toBe(9);
  });

  it('finds and crops the face when given a larger picture', async () => {
    const r = await runMain(['explain', fx.portrait, '--n', '8', '--s', '3', '-k', '1', '--out', 'crop', '-q'], {
      cwd,
    });
    expect(r.code).toBe(0);
    const summary = readJson(join(cwd, 'crop', 'summary.json'));
    expect(summary.input.face).toMatchObject({ index: 1 });
    expect(summary.input.face.score).toBeGreaterThan(0.5);
    const [x1, y1, x2, y2] = summary.input.face.box;
    expect(readPng(join(cwd, 'crop', `01-${summary.results[0].label}.png`)).shape).toEqual([y2 - y1, x2 - x1, 3]);
    expect(Math.max(...summary.input.explained.size)).toBeLessThanOrEqual(112);
    expect(summary.timings.models['face-api SSD-MobileNet v1 face detector'].calls).toBe(1);
  });

  it('explains a TF.js model from disk with its labels', async () => {
    const r = await runMain(
      [
        'explain',
        fx.face,
        '--model',
        fx.model,
        '--labels',
        fx.labels,
        '--n',
        '6',
        '--s',
        '2',
        '--npy',
        '--out',
        'custom',
      ],
      { cwd, tty: true },
    );
    // On a terminal the progress bar redraws in place.
    const frames = r.stderr.split('\r\x1b[2K');
    expect(frames.some((f) => /^explain \(RISEGrid\) \[-+\] {3}0% 0\/6 0s/.test(f))).toBe(true);
    expect(frames.some((f) => /^explain \(RISEGrid\) \[#+\] 100% 6\/6 \d+s\n/.test(f))).toBe(true);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const out = join(cwd, 'custom');
    const summary = readJson(join(out, 'summary.json'));
    expect(summary.model).toMatchObject({ kind: 'layers', inputSize: [16, 16], labels: ['red', 'green', 'blue'] });
    expect(summary.input.face).toBeNull();
    expect(summary.input.explained.size).toEqual([16, Math.round((16 * size[1]) / size[0])]);
    expect(summary.results.map((x: { label: string }) => x.label).sort()).toEqual(['blue', 'green', 'red']);
    const map = readNpy(join(out, `01-${summary.results[0].label}.npy`));
    expect(map.shape).toEqual(summary.input.explained.size);
    expect(readPng(join(out, `01-${summary.results[0].label}.png`)).shape).toEqual([...size, 3]);
  });

  it('explains a TF.js GraphModel given by its folder, labels from a JSON file', async () => {
    await writeFile(join(cwd, 'labels.json'), JSON.stringify(['r', 'g', 'b']));
    const r = await runMain(
      [
        'explain',
        fx.face,
        '--model',
        fx.graphModel,
        '--labels',
        'labels.json',
        '--n',
        '4',
        '--s',
        '2',
        '-k',
        '3',
        '-q',
        '--out',
        'graph',
      ],
      { cwd },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = readJson(join(cwd, 'graph', 'summary.json'));
    expect(summary.model).toMatchObject({ kind: 'graph', inputSize: [16, 16], labels: ['r', 'g', 'b'] });
    const confidences = Object.values(summary.confidences) as number[];
    expect(confidences.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5); // the graph ends in a softmax
    expect(listDir(join(cwd, 'graph'))).toHaveLength(6);
  });

  it('refuses labels that do not match the model', async () => {
    await writeFile(join(cwd, 'two.txt'), 'a\nb\n');
    const r = await runMain(['explain', fx.face, '--model', fx.model, '--labels', 'two.txt', '--out', 'two'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--labels: expected 3 labels (the model's output width), got 2");
    expect(existsSync(join(cwd, 'two'))).toBe(false);
  });

  it('prints the resolved config without computing anything', async () => {
    const r = await runMain(
      ['explain', '--print-config', '--n', '5', '--config.perturber.RISEGrid.seed=none', '--out', 'none'],
      {
        cwd,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# salkit explain: the config this run would use/);
    expect(r.stdout).toContain('perturber:\n  RISEGrid:\n    n: 5\n    p1: 0.5\n    s: 8\n    seed: null');
    expect(r.stdout).toContain(
      '  SlidingWindow:\n    stride: null\n    windowSize: null\n  type: salkit.perturb.RISEGrid\n',
    );
    expect(existsSync(join(cwd, 'none'))).toBe(false);
  });

  it('stops on an aborted signal with exit code 130 and writes nothing', async () => {
    const controller = new AbortController();
    const stderr = new (await import('./sink.js')).Sink();
    const write = stderr.write.bind(stderr);
    stderr.write = (chunk: string) => {
      // Abort as soon as the first batch is reported.
      if (/explain \(RISEGrid\): \d+\/200/.test(chunk) && !/ 0\/200/.test(chunk)) controller.abort();
      return write(chunk);
    };
    const r = await runMain(
      ['explain', fx.face, '--crop', 'none', '--n', '200', '--batch-size', '8', '--out', 'aborted'],
      {
        cwd,
        signal: controller.signal,
        stderr,
      },
    );
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('salkit explain: interrupted; nothing was written');
    expect(r.stderr).not.toContain('200/200');
    expect(existsSync(join(cwd, 'aborted'))).toBe(false);
    expect(listDir(cwd).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
