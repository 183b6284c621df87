import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNpy, type NdArray } from '@salkit/ndarray';
import { cropImage } from '@salkit/tfjs';
import { initWasmBackend, readSamplePhoto } from '@salkit/tfjs/node';
import { decodeJpeg, decodePng, encodePng } from '@salkit/viz';
import type { CliIO } from '../src/io.js';
import { main } from '../src/main.js';
import { Sink, tempDir } from './sink.js';

export { Sink, tempDir };

import { downscale } from '../src/image/images.js';
import { loadTf } from '../src/models/tfModel.js';

export const CLI_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_DIR = join(CLI_DIR, '..', '..');

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `main` in this process. */
export async function runMain(
  argv: string[],
  options: { cwd: string; signal?: AbortSignal; tty?: boolean; stderr?: Sink } = { cwd: process.cwd() },
): Promise<MainResult> {
  const stdout = new Sink();
  const stderr = options.stderr ?? new Sink(options.tty ?? false);
  const io: CliIO = { stdout, stderr, cwd: options.cwd, ...(options.signal && { signal: options.signal }) };
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Names of the entries of a folder, sorted (empty when it does not exist). */
export function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

export function readPng(path: string): NdArray<Uint8Array> {
  return decodePng(new Uint8Array(readFileSync(path)));
}

export function readNpy(path: string): NdArray {
  return loadNpy(new Uint8Array(readFileSync(path)));
}

/** Parsed JSON (untyped, as JSON.parse gives it: tests reach deep into summaries). */
export type Json = ReturnType<typeof JSON.parse>;

export function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Least and greatest value of an array. */
export function range(a: NdArray): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of Array.from(a.data as ArrayLike<number>)) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}

/** Test inputs, made once per machine from face-api's demo photo 1 (boxes as the detector finds them). */
export interface Fixtures {
  dir: string;
  /** 84x112 crop of the left face (happy). */
  face: string;
  /** Crop of the right face. */
  face2: string;
  /** 200x225 picture around the left face, for the detector. */
  portrait: string;
  /** A tiny TF.js LayersModel (16x16 RGB -> 3 classes, softmax) and its labels. */
  model: string;
  /** A tiny TF.js GraphModel written by hand (mean colour -> 3x3 matrix -> softmax), 16x16 input. */
  graphModel: string;
  labels: string;
}

function writeAtomic(path: string, data: Uint8Array | string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** The part of TF.js the fixture model needs. */
interface TfForTests {
  sequential(config: { layers: unknown[] }): { save(handler: unknown): Promise<unknown>; dispose(): void };
  layers: Record<'conv2d' | 'globalAveragePooling2d' | 'dense', (config: object) => unknown>;
  io: {
    withSaveHandler(
      save: (artifacts: { modelTopology: object; weightSpecs: object[]; weightData: ArrayBuffer }) => Promise<object>,
    ): unknown;
  };
}

async function writeTinyModel(dir: string): Promise<void> {
  await initWasmBackend();
  const tf = loadTf() as unknown as TfForTests;
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [16, 16, 3],
        filters: 4,
        kernelSize: 3,
        activation: 'relu',
        kernelInitializer: 'ones',
      }),
      tf.layers.globalAveragePooling2d({}),
      tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: 'glorotUniform' }),
    ],
  });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      writeAtomic(join(dir, 'tiny.weights.bin'), new Uint8Array(artifacts.weightData));
      writeAtomic(
        join(dir, 'model.json'),
        JSON.stringify({
          format: 'layers-model',
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: ['tiny.weights.bin'], weights: artifacts.weightSpecs }],
        }),
      );
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  model.dispose();
}

function writeTinyGraphModel(dir: string): void {
  const dims = (...d: number[]) => ({ dim: d.map((size) => ({ size: String(size) })) });
  const float = { type: 'DT_FLOAT' };
  const model = {
    format: 'graph-model',
    generatedBy: 'salkit-cli tests',
    convertedBy: null,
    modelTopology: {
      node: [
        { name: 'x', op: 'Placeholder', attr: { dtype: float, shape: { shape: dims(-1, 16, 16, 3) } } },
        {
          name: 'axes',
          op: 'Const',
          attr: { dtype: { type: 'DT_INT32' }, value: { tensor: { dtype: 'DT_INT32', tensorShape: dims(2) } } },
        },
        {
          name: 'mean',
          op: 'Mean',
          input: ['x', 'axes'],
          attr: { Tidx: { type: 'DT_INT32' }, keep_dims: { b: false }, T: float },
        },
        {
          name: 'w',
          op: 'Const',
          attr: { dtype: float, value: { tensor: { dtype: 'DT_FLOAT', tensorShape: dims(3, 3) } } },
        },
        {
          name: 'logits',
          op: 'MatMul',
          input: ['mean', 'w'],
          attr: { transpose_a: { b: false }, transpose_b: { b: false }, T: float },
        },
        { name: 'probs', op: 'Softmax', input: ['logits'], attr: { T: float } },
      ],
      library: {},
      versions: {},
    },
    weightsManifest: [
      {
        paths: ['graph.weights.bin'],
        weights: [
          { name: 'axes', shape: [2], dtype: 'int32' },
          { name: 'w', shape: [3, 3], dtype: 'float32' },
        ],
      },
    ],
  };
  const axes = new Uint8Array(Int32Array.from([1, 2]).buffer);
  const w = new Uint8Array(Float32Array.from([4, -2, -2, -2, 4, -2, -2, -2, 4]).buffer);
  const bin = new Uint8Array(axes.length + w.length);
  bin.set(axes);
  bin.set(w, axes.length);
  writeAtomic(join(dir, 'graph.weights.bin'), bin);
  writeAtomic(join(dir, 'model.json'), JSON.stringify(model));
}

let cached: Promise<Fixtures> | undefined;

export function fixtures(): Promise<Fixtures> {
  cached ??= (async () => {
    const dir = join(tmpdir(), 'salkit-cli-fixtures-v1');
    const modelDir = join(dir, 'tiny-model');
    const graphDir = join(dir, 'tiny-graph-model');
    mkdirSync(modelDir, { recursive: true });
    mkdirSync(graphDir, { recursive: true });
    const f: Fixtures = {
      dir,
      face: join(dir, 'face.png'),
      face2: join(dir, 'face2.png'),
      portrait: join(dir, 'portrait.png'),
      model: join(modelDir, 'model.json'),
      graphModel: graphDir,
      labels: join(dir, 'labels.txt'),
    };
    if (![f.face, f.face2, f.portrait].every((p) => existsSync(p))) {
      const photo = decodeJpeg(readSamplePhoto(1));
      writeAtomic(f.face, encodePng(downscale(cropImage(photo, [414, 355, 592, 594]) as NdArray<Uint8Array>, 112)));
      writeAtomic(f.face2, encodePng(downscale(cropImage(photo, [1476, 200, 1679, 440]) as NdArray<Uint8Array>, 112)));
      writeAtomic(f.portrait, encodePng(downscale(cropImage(photo, [300, 250, 700, 700]) as NdArray<Uint8Array>, 225)));
    }
    if (!existsSync(f.model)) await writeTinyModel(modelDir);
    if (!existsSync(join(graphDir, 'model.json'))) writeTinyGraphModel(graphDir);
    if (!existsSync(f.labels)) writeAtomic(f.labels, 'red\ngreen\nblue\n');
    return f;
  })();
  return cached;
}

const require = createRequire(import.meta.url);

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestMtime(p));
    else if (!e.name.endsWith('.test.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** Packages the built CLI loads, in build order. */
const DEPENDENCIES = ['ndarray', 'plugin', 'config-dict', 'distance', 'perturb', 'scoring', 'stacks', 'viz', 'tfjs'];

/**
 * Path of the built `dist/bin.js`, building the CLI as its build script does (`tsc -p
 * tsconfig.build.json`, then the esbuild bundles of scripts/bundle.mjs) when dist is missing or
 * older than src or the bundle script (and any sibling package whose dist is missing).
 */
export function builtBin(): string {
  const tsc = require.resolve('typescript/bin/tsc');
  for (const name of DEPENDENCIES) {
    const pkg = join(REPO_DIR, 'packages', name);
    if (!existsSync(join(pkg, 'dist', 'index.js'))) {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: pkg, stdio: 'inherit' });
    }
  }
  const bin = join(CLI_DIR, 'dist', 'bin.js');
  const sources = Math.max(newestMtime(join(CLI_DIR, 'src')), newestMtime(join(CLI_DIR, 'scripts')));
  if (!existsSync(bin) || statSync(bin).mtimeMs < sources) {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: CLI_DIR, stdio: 'inherit' });
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: CLI_DIR, stdio: 'inherit' });
  }
  return bin;
}
