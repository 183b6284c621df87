import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import type { TfImageClassifier } from '@salkit/tfjs';
import { CliError, messageOf } from '../errors.js';
import { wasmBackend } from './face.js';

/** The parts of TF.js the CLI calls (typed here: the CLI reaches TF.js through @salkit/tfjs). */
export interface TfLike {
  io: { fromMemory(artifacts: object): unknown };
  loadLayersModel(handler: unknown): Promise<TfLoadedModel>;
  loadGraphModel(handler: unknown): Promise<TfLoadedModel>;
  getBackend(): string;
}

/** A loaded LayersModel or GraphModel. */
export interface TfLoadedModel {
  inputs: { shape?: (number | null)[] | number[] }[];
  outputs: { shape?: (number | null)[] | number[] }[];
  predict(x: unknown): unknown;
  dispose(): void;
}

const require = createRequire(import.meta.url);

/**
 * The `@tensorflow/tfjs` module @salkit/tfjs itself uses (so both share one engine and its wasm
 * backend). The CLI does not depend on TF.js directly; it resolves it from @salkit/tfjs's folder.
 */
export function loadTf(): TfLike {
  const fromTfjs = createRequire(require.resolve('@salkit/tfjs/package.json'));
  return fromTfjs('@tensorflow/tfjs') as TfLike;
}

interface ModelJson {
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  modelTopology?: Record<string, unknown>;
  weightsManifest?: { paths: string[]; weights: object[] }[];
  signature?: object;
  userDefinedMetadata?: object;
  modelInitializer?: object;
}

/** A TF.js model read from disk, and what the CLI needs to know about it. */
export interface DiskModel {
  path: string;
  kind: 'layers' | 'graph';
  model: TfLoadedModel;
  /** Input [height, width] when the model fixes it. */
  inputSize: [number, number] | null;
  /** Number of output columns when the model fixes it. */
  outputs: number | null;
}

/**
 * Loads a TF.js LayersModel or GraphModel from a `model.json` (or a folder holding one) and its
 * weight files, through `tf.io.fromMemory` (Node's TF.js has no file:// handler without tfjs-node).
 * Throws CliError naming the file and the problem.
 */
export async function loadModelFromDisk(pathArg: string, cwd: string): Promise<DiskModel> {
  let path = resolve(cwd, pathArg);
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'model.json');
  } catch {
    throw new CliError(`--model: cannot read ${pathArg}: no such file or folder`);
  }
  let json: ModelJson;
  try {
    json = JSON.parse(await readFile(path, 'utf8')) as ModelJson;
  } catch (e) {
    throw new CliError(`--model: cannot read ${path} as a TF.js model.json: ${messageOf(e)}`);
  }
  if (typeof json !== 'object' || json === null || typeof json.modelTopology !== 'object' || !json.modelTopology) {
    throw new CliError(`--model: ${path}: expected a TF.js model.json with a modelTopology, got ${typeof json}`);
  }
  const manifest = json.weightsManifest ?? [];
  if (!Array.isArray(manifest)) throw new CliError(`--model: ${path}: weightsManifest: expected an array`);
  const dir = dirname(path);
  const buffers: Uint8Array[] = [];
  for (const group of manifest) {
    for (const file of group.paths ?? []) {
      try {
        buffers.push(new Uint8Array(await readFile(join(dir, file))));
      } catch (e) {
        throw new CliError(`--model: cannot read the weights file ${join(dir, file)}: ${messageOf(e)}`);
      }
    }
  }
  const total = buffers.reduce((n, b) => n + b.byteLength, 0);
  const weightData = new Uint8Array(total);
  let offset = 0;
  for (const b of buffers) {
    weightData.set(b, offset);
    offset += b.byteLength;
  }
  const graph =
    json.format === 'graph-model' || (json.format !== 'layers-model' && 'node' in (json.modelTopology ?? {}));
  // Run on the wasm backend, as the face models do (TF.js's cpu backend is far slower in Node).
  await wasmBackend();
  const tf = loadTf();
  const handler = tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: manifest.flatMap((g) => g.weights ?? []),
    weightData: weightData.buffer,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    signature: json.signature,
    userDefinedMetadata: json.userDefinedMetadata,
    modelInitializer: json.modelInitializer,
  });
  let model: TfLoadedModel;
  try {
    model = graph ? await tf.loadGraphModel(handler) : await tf.loadLayersModel(handler);
  } catch (e) {
    throw new CliError(`--model: ${path}: TF.js cannot load this ${graph ? 'graph' : 'layers'} model: ${messageOf(e)}`);
  }
  const inShape = model.inputs[0]?.shape ?? [];
  const outShape = model.outputs[0]?.shape ?? [];
  const h = inShape[1];
  const w = inShape[2];
  const last = outShape[outShape.length - 1];
  return {
    path,
    kind: graph ? 'graph' : 'layers',
    model,
    inputSize: inShape.length === 4 && typeof h === 'number' && h > 0 && typeof w === 'number' && w > 0 ? [h, w] : null,
    outputs: outShape.length === 2 && typeof last === 'number' && last > 0 ? last : null,
  };
}

/** Checks early (before anything slow) that the --model and --labels files exist. */
export async function checkModelFiles(model: string, labels: string | undefined, cwd: string): Promise<void> {
  try {
    await stat(resolve(cwd, model));
  } catch {
    throw new CliError(`--model: cannot read ${model}: no such file or folder`);
  }
  if (labels === undefined) return;
  try {
    await stat(resolve(cwd, labels));
  } catch {
    throw new CliError(`--labels: cannot read ${labels}: no such file`);
  }
}

/** Labels from a file: a JSON array of strings, or one label per line (blank lines skipped). */
export async function readLabels(pathArg: string, cwd: string): Promise<string[]> {
  const path = resolve(cwd, pathArg);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`--labels: cannot read ${pathArg}: ${messageOf(e)}`);
  }
  let labels: unknown;
  if (extname(path).toLowerCase() === '.json' || text.trimStart().startsWith('[')) {
    try {
      labels = JSON.parse(text);
    } catch (e) {
      throw new CliError(`--labels: ${pathArg}: invalid JSON: ${messageOf(e)}`);
    }
    if (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string')) {
      throw new CliError(`--labels: ${pathArg}: expected a JSON array of strings`);
    }
  } else {
    labels = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
  }
  const list = labels as string[];
  if (list.length === 0) throw new CliError(`--labels: ${pathArg}: expected at least one label, got none`);
  const dup = list.find((l, i) => list.indexOf(l) !== i);
  if (dup !== undefined) throw new CliError(`--labels: ${pathArg}: duplicate label ${JSON.stringify(dup)}`);
  return list;
}

/** Preprocessing options of a model given by --model. */
export interface DiskModelPreprocess {
  inputSize: [number, number] | null;
  scale: number;
  mean: number | [number, number, number];
  std: number | [number, number, number];
  pad: 'none' | 'center' | 'end';
  activation: 'none' | 'softmax' | 'sigmoid';
}

/** Wraps a disk model as a TfImageClassifier (labels checked against the model's output width). */
export async function diskClassifier(
  dm: DiskModel,
  labels: string[] | null,
  pre: DiskModelPreprocess,
): Promise<TfImageClassifier> {
  const size = pre.inputSize ?? dm.inputSize;
  if (!size) {
    throw new CliError(
      `--model: ${dm.path}: the model does not fix its input height and width; give them with --input-size HxW`,
    );
  }
  let names = labels;
  if (!names) {
    if (dm.outputs === null) {
      throw new CliError(`--model: ${dm.path}: the model does not fix its number of classes; give --labels <file>`);
    }
    names = Array.from({ length: dm.outputs }, (_, i) => `class_${i}`);
  } else if (dm.outputs !== null && names.length !== dm.outputs) {
    throw new CliError(`--labels: expected ${dm.outputs} labels (the model's output width), got ${names.length}`);
  }
  const { TfImageClassifier: Classifier } = await import('@salkit/tfjs');
  return new Classifier({
    model: dm.model as unknown as ConstructorParameters<typeof Classifier>[0]['model'],
    labels: names,
    activation: pre.activation,
    batchSize: 32,
    preprocess: { size, pad: pre.pad, scale: pre.scale, mean: pre.mean, std: pre.std },
  });
}
