/**
 * The built command (`node dist/bin.js`, built here if dist is missing or stale): exit codes,
 * files, plain progress lines on a pipe, and Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { version } from '../src/version.js';
import { builtBin, type Fixtures, fixtures, listDir, readJson, readPng, runMain, tempDir } from './helpers.js';

let bin: string;
let fx: Fixtures;
let cwd: string;

beforeAll(async () => {
  bin = builtBin();
  fx = await fixtures();
  cwd = await tempDir();
});

interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function salkit(
  args: string[],
  onStderr?: (text: string, kill: () => void) => void,
  nodeArgs: string[] = [],
): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      onStderr?.(stderr, () => child.kill('SIGINT'));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('the salkit binary', () => {
  it('prints its version', async () => {
    const r = await salkit(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${version()}\n`);
  });

  it('finds the face and explains it, with plain progress lines when stderr is not a terminal', async () => {
    // A fresh process loading the detector and the classifier together (they once raced for the wasm backend).
    const r = await salkit(['explain', fx.portrait, '--n', '12', '--s', '3', '-k', '1', '--out', 'run']);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^explain \(RISEGrid\): 0\/12$/m);
    expect(r.stderr).toMatch(/^explain \(RISEGrid\): 12\/12 \(100%\), \d+s$/m);
    expect(r.stderr).not.toContain('\r');
    const summary = readJson(join(cwd, 'run', 'summary.json'));
    expect(listDir(join(cwd, 'run'))).toEqual([
      `01-${summary.results[0].label}.png`,
      'config.json',
      'grid.png',
      'summary.json',
    ]);
    expect(readPng(join(cwd, 'run', 'grid.png')).shape[2]).toBe(3);
    // From the bin, total time runs from the process start, so it includes loading the modules.
    expect(summary.timings.phases.startup).toBeGreaterThan(0);
    expect(summary.timings.totalMs).toBeGreaterThan(summary.timings.inferenceMs);
    expect(summary.input.face.score).toBeGreaterThan(0.5);
  });

  it('starts its image worker from the bundled dist/image/worker.js', async () => {
    // dist/bin.js is an esbuild bundle (scripts/bundle.mjs): the worker's URL must not be taken
    // relative to the bundled thread.ts's own path. A preloaded module reports each Worker started
    // from a file (the wasm thread pool's helpers, if any, are evaluated source).
    const hook = [
      "import wt from 'node:worker_threads';",
      "import { syncBuiltinESMExports } from 'node:module';",
      'const W = wt.Worker;',
      "wt.Worker = class extends W { constructor(f, o) { if (!o?.eval) process.stderr.write('worker: ' + f + '\\n'); super(f, o); } };",
      'syncBuiltinESMExports();',
    ].join('\n');
    const args = ['explain', fx.face, '--crop', 'none', '--n', '4', '--s', '3', '-k', '1', '--out', 'hooked', '-q'];
    const r = await salkit(args, undefined, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`worker: ${new URL('./image/worker.js', pathToFileURL(bin)).href}\n`);
    // The bundle, not tsc's dist/bin.js (which imports ./main.js).
    expect(readFileSync(bin, 'utf8')).not.toContain("import('./main.js')");
  });

  it('reads and draws in its image worker the same files as main() on the main thread', async () => {
    // From the TypeScript sources (this test's main()) there is no compiled worker: the jobs run
    // in this thread. The binary runs them in its worker; the pictures must be byte-identical.
    const runs = [
      ['explain', fx.face, '--crop', 'none', '--n', '8', '--s', '3', '-k', '2', '--out'],
      ['detect', fx.portrait, '--n', '4', '--s', '4', '--out'],
      ['compare', fx.face, fx.face2, '--crop', 'none', '--n', '6', '--s', '3', '--out'],
    ];
    for (const [i, args] of runs.entries()) {
      const viaBin = await salkit([...args, `worker-${i}`, '-q']);
      expect(viaBin.stderr).toBe('');
      expect(viaBin.code).toBe(0);
      const inProcess = await runMain([...args, `thread-${i}`, '-q'], { cwd });
      expect(inProcess.code).toBe(0);
      const pngs = listDir(join(cwd, `worker-${i}`)).filter((n) => n.endsWith('.png'));
      expect(pngs).toEqual(listDir(join(cwd, `thread-${i}`)).filter((n) => n.endsWith('.png')));
      expect(pngs.length).toBeGreaterThanOrEqual(2);
      for (const name of pngs) {
        const a = readFileSync(join(cwd, `worker-${i}`, name));
        const b = readFileSync(join(cwd, `thread-${i}`, name));
        expect(a.equals(b), `${args[0]}: ${name}`).toBe(true);
      }
    }
  });

  it("reports the image worker's errors as its own, with no model status line before them", async () => {
    const r = await salkit(['explain', 'missing.png', '--out', 'missing']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'salkit explain: missing.png\nsalkit explain: image: cannot read missing.png: no such file\n',
    );
    expect(existsSync(join(cwd, 'missing'))).toBe(false);
  });

  it('exits 2 on a bad option and writes nothing', async () => {
    const r = await salkit(['explain', fx.face, '--top-k', 'many', '--out', 'bad']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'salkit explain: --top-k: expected a positive integer, got "many"\n(see \'salkit explain --help\')\n',
    );
    expect(existsSync(join(cwd, 'bad'))).toBe(false);
  });

  it('stops on Ctrl-C (SIGINT) with exit code 130 and no output', async () => {
    let sent = false;
    const r = await salkit(
      ['explain', fx.face, '--crop', 'none', '--n', '5000', '--batch-size', '8', '--out', 'sigint'],
      (text, kill) => {
        if (!sent && /explain \(RISEGrid\): 0\/5000/.test(text)) {
          sent = true;
          kill();
        }
      },
    );
    expect(sent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('salkit explain: interrupted; nothing was written');
    expect(r.stderr).not.toContain('5000/5000');
    expect(existsSync(join(cwd, 'sigint'))).toBe(false);
    expect(listDir(cwd).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
