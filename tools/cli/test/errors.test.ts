/**
 * Error paths and the commands that need no model: each bad command line exits non-zero with a
 * message naming the argument, what was expected and what came, and writes nothing.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { version } from '../src/version.js';
import { Sink, tempDir } from './sink.js';

let cwd: string;

beforeAll(async () => {
  cwd = await tempDir();
  await writeFile(join(cwd, 'not-an-image.png'), 'hello');
  await writeFile(join(cwd, 'a-file'), 'x');
  await mkdir(join(cwd, 'folder'));
});

async function run(...argv: string[]) {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await main(argv, { stdout, stderr, cwd });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('bad command lines', () => {
  const cases: [string[], number, string | RegExp][] = [
    [['explain', '--bogus'], 2, "salkit explain: unknown option --bogus for 'salkit explain'"],
    [['explain', '--windw', '3'], 2, "unknown option --windw for 'salkit explain' (did you mean --window?)"],
    [['explain', '--n', 'abc'], 2, 'salkit explain: --n: expected a positive integer, got "abc"'],
    [['explain', '--n', '0'], 2, '--n: expected a positive integer, got "0"'],
    [['explain', '--p1', '2'], 2, '--p1: expected a number from 0 to 1, got "2"'],
    [['explain', '--method', 'lime'], 2, '--method: expected one of rise, sliding-window, sliding-radial, got "lime"'],
    [['explain', '--out'], 2, '--out: expected a value (DIR), got nothing'],
    [['explain', '--window', '8'], 2, '--window: the perturber salkit.perturb.RISEGrid has no option "windowSize"'],
    [
      ['explain', '-m', 'sliding-window', '--n', '8'],
      2,
      '--n: the perturber salkit.perturb.SlidingWindow has no option "n"',
    ],
    [['explain', '--labels', 'l.txt'], 2, '--labels: applies only with --model'],
    [['explain', '--model', 'm.json', '--face', '2'], 2, '--face: applies only with --crop face'],
    [['explain', 'a.png', 'b.png'], 2, 'expected at most one image, got 2: a.png b.png'],
    [['explain', '--config.perturber.RISEGrid.nn=3'], 2, '--config.perturber.RISEGrid.nn: unknown field "nn"'],
    [
      ['explain', '--config.perturber.RISEGrid.n=-3'],
      2,
      /config: perturber \(salkit.perturb.RISEGrid\): RISEGrid: invalid options: n: Too small/,
    ],
    [['explain', '--config', 'missing.yaml'], 2, '--config: cannot read missing.yaml: no such file'],
    [['explain', '--fill', 'red'], 2, '--fill: expected black, mean, a value from 0 to 255 or R,G,B, got "red"'],
    [['explain', '--fill', '3', '--blur', '2'], 2, 'config: fill and blur: expected one of them, got both'],
    [['explain', '--out', 'a-file'], 2, '--out: expected a folder, got the file'],
    [['explain', 'missing.png'], 1, 'salkit explain: image: cannot read missing.png: no such file'],
    [['explain', 'folder'], 1, 'image: expected an image file (PNG or JPEG), got the folder folder'],
    [['explain', 'not-an-image.png'], 1, 'image: cannot decode not-an-image.png as a PNG or JPEG image'],
    [['explain', 'x.png', '--model', 'missing/model.json'], 1, '--model: cannot read missing/model.json: no such file'],
    [
      ['explain', 'x.png', '--model', 'a-file', '--labels', 'nope.txt'],
      1,
      '--labels: cannot read nope.txt: no such file',
    ],
    [['explain', '--model', 'a-file'], 1, /--model: cannot read .*a-file as a TF\.js model\.json/],
    [['detect', 'a.png', 'b.png'], 2, 'salkit detect: expected at most one image, got 2: a.png b.png'],
    [['config', 'A', 'B'], 2, 'salkit config: expected at most one class name, got 2: A B'],
    [['detect', '--top-k', '2'], 2, "unknown option --top-k for 'salkit detect'"],
    [['detect', '--max-faces', '0'], 2, '--max-faces: expected a positive integer, got "0"'],
    [
      ['compare', 'a.png', 'b.png', '--metric', 'nearness'],
      2,
      /config: generator \(salkit.scoring.SimilarityScoring\): .*proximityMetric/,
    ],
    [['compare', 'a.png'], 2, 'salkit compare: expected two images, imageA and imageB, got 1: a.png'],
    [['compare', 'missing-a.png', 'missing-b.png'], 1, 'imageA: cannot read missing-a.png: no such file'],
    [['config', 'Nope'], 2, 'salkit config: ClassName: unknown class "Nope"; the configurable classes are:'],
    [['config', 'RISEGrid', '--config.a=1'], 2, "--config.a: 'salkit config' takes no config"],
    [['explian'], 2, 'salkit: unknown command "explian" (did you mean explain?)'],
    [['--n', '3'], 2, 'salkit: expected a command before the options, got --n'],
  ];

  it.each(cases)('%j exits %i: %s', async (argv, code, message) => {
    const out = argv.includes('--out') || argv[0] === 'config' ? [] : ['--out', 'out'];
    const r = await run(...argv, ...out);
    expect(r.code).toBe(code);
    if (typeof message === 'string') expect(r.stderr).toContain(message);
    else expect(r.stderr).toMatch(message);
    if (code === 2 && argv[0] !== 'explian' && argv[0] !== '--n')
      expect(r.stderr).toContain(`(see 'salkit ${argv[0]} --help')`);
    expect(r.stdout).toBe('');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('lists the available classes for an unknown config class', async () => {
    const r = await run('config', 'Nope');
    for (const name of ['RISEGrid', 'salkit.perturb.SlidingWindow', 'SimilarityScoring', 'DRISEStack']) {
      expect(r.stderr).toContain(name);
    }
  });
});

describe('help and version', () => {
  it('prints the version', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await run(flag);
      expect(r).toEqual({ code: 0, stdout: `${version()}\n`, stderr: '' });
    }
  });

  it('prints the commands, and each command its options', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    for (const c of ['explain', 'detect', 'compare', 'config']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    for (const c of ['explain', 'detect', 'compare', 'config']) {
      const h = await run(c, '--help');
      expect(h.code).toBe(0);
      expect(h.stdout).toContain(`Usage: salkit ${c}`);
      expect(await run('help', c)).toEqual(h);
    }
    const explain = (await run('explain', '-h')).stdout;
    for (const o of [
      '--top-k',
      '--model',
      '--method',
      '--n N',
      '--window HxW',
      '--blur',
      '--config FILE',
      '--config.PATH=VALUE',
      '--out DIR',
      '--npy',
      '--quiet',
    ]) {
      expect(explain).toContain(o);
    }
  });

  it('shows the help on stderr and exits 2 without a command', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: salkit <command>');
  });
});

describe('salkit config', () => {
  it("prints a class's default config and JSON Schema, by class name or registered name", async () => {
    const r = await run('config', 'RISEGrid');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('salkit.perturb.RISEGrid (RISEGrid)');
    expect(r.stdout).toContain('"threads": 4');
    expect(r.stdout).toContain('JSON Schema:');
    const lower = await run('config', 'risegrid');
    expect(lower.stdout).toBe(r.stdout);
  });

  it('prints JSON with --json', async () => {
    const r = await run('config', 'salkit.scoring.SimilarityScoring', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.type).toBe('salkit.scoring.SimilarityScoring');
    expect(out.defaultConfig).toEqual({ proximityMetric: 'euclidean' });
    expect(out.jsonSchema.properties.proximityMetric).toBeDefined();
  });

  it('lists the classes without a name', async () => {
    const r = await run('config');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/perturbers \(perturber\):\n {2}RISEGrid +salkit\.perturb\.RISEGrid/);
    expect(r.stdout).toContain('salkit.stacks.RISEStack');
  });
});
