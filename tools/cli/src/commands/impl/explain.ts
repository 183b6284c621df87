import { relative } from 'node:path';
import type { NdArray } from '@salkit/ndarray';
import { toConfigDict } from '@salkit/plugin';
import { GenerateClassifierConfidenceSaliency } from '@salkit/scoring';
import { type ClassifyImageLike, PerturbationOcclusion } from '@salkit/stacks';
import type { ParsedArgs } from '../../args/parse.js';
import { CliError } from '../../errors.js';
import { downscale, sizeOf } from '../../image/images.js';
import { plainImage } from '../../image/plain.js';
import type { CliIO } from '../../io.js';
import { expressionClassifier, FACE_INPUT_SIDE, FACE_MODELS, faceDetector } from '../../models/face.js';
import { checkModelFiles, diskClassifier, loadModelFromDisk, readLabels } from '../../models/tfModel.js';
import { checkOutDir } from '../../output/writer.js';
import type { OverlayStyle, RenderJob } from '../../render/layout.js';
import { type Method, readConfigFile, resolveSaliencyConfig, type SaliencyKind } from '../../saliency/config.js';
import { shortName } from '../../saliency/plugins.js';
import { pickFace, workSide } from '../faces.js';
import { EXPLAIN_KIND } from '../kinds.js';
import { configFlags, Values } from '../options.js';
import type { ReadAhead } from '../readAhead.js';
import { configYaml, fileStem, outDirOf, Run, stackFill } from '../run.js';
import { addMapOutputs, addMapOverlay } from './mapOutputs.js';

const KIND: SaliencyKind = { ...EXPLAIN_KIND, generatorIface: GenerateClassifierConfidenceSaliency };

const MODEL_ONLY = ['labels', 'input-size', 'scale', 'mean', 'std', 'pad', 'activation'];

async function firstResult<T>(results: AsyncIterable<T> | Iterable<T> | Promise<AsyncIterable<T> | Iterable<T>>) {
  for await (const r of await results) return r;
  throw new CliError('the model returned no result for the image');
}

function confidencesOf(labels: readonly (string | number)[], conf: unknown): number[] {
  const get = (l: string | number) =>
    conf instanceof Map ? Number(conf.get(l)) : Number((conf as Record<string, number>)[String(l)]);
  return labels.map(get);
}

/** Runs `salkit explain`; `ahead` is the image being read (see ../explain.ts), none for --print-config. */
export async function runExplain(
  args: ParsedArgs,
  io: CliIO,
  startTime: number,
  ahead: ReadAhead | undefined,
): Promise<number> {
  // A model read from disk is released when the run ends (the face models stay loaded: they are shared).
  const release: (() => void)[] = [];
  try {
    return await explain(args, io, startTime, ahead, release);
  } finally {
    for (const fn of release) fn();
  }
}

async function explain(
  args: ParsedArgs,
  io: CliIO,
  startTime: number,
  ahead: ReadAhead | undefined,
  release: (() => void)[],
): Promise<number> {
  const V = new Values(args);
  const custom = V.has('model');
  V.onlyWith(MODEL_ONLY, custom, 'with --model', 'explain');
  const crop = V.get<'face' | 'none'>('crop', custom ? 'none' : 'face');
  V.onlyWith(['face', 'min-score'], crop === 'face', 'with --crop face', 'explain');
  const method = V.get<Method>('method', 'rise');
  const topK = V.get('top-k', 3);
  const outDir = outDirOf(io, V.opt('out'));
  const file = V.opt<string>('config');
  const fileData = file === undefined ? undefined : await readConfigFile(file, io.cwd);
  const inputs = { method, file, fileData, flags: configFlags(V), overrides: args.overrides, cwd: io.cwd };
  // Validate the config before any slow work (the real one follows once the image size is known).
  const draft = await resolveSaliencyConfig(KIND, inputs);
  if (V.flag('print-config')) {
    io.stdout.write(configYaml('explain', draft.layered));
    return 0;
  }
  await checkOutDir(outDir);
  if (custom) await checkModelFiles(V.opt<string>('model') as string, V.opt<string>('labels'), io.cwd);

  if (!ahead) throw new Error('salkit explain: the image was not read ahead');

  const r = new Run(io, 'explain', args.raw, startTime, V.flag('quiet'));
  r.progress.info(
    `salkit explain: ${ahead.sample ? `no image given, using face-api's demo photo ${ahead.arg}` : ahead.arg}`,
  );
  // The image worker has been decoding the image since the command line was parsed; TF.js and
  // the models load on this thread meanwhile.
  const reading = r.phase('read image', () => ahead.reading);
  const loading = r.background('load models', async () => {
    if (!custom) {
      const [cls] = await Promise.all([expressionClassifier(), crop === 'face' ? faceDetector() : null]);
      return {
        classifier: cls as ClassifyImageLike & { getLabels(): string[] },
        modelInfo: {
          name: FACE_MODELS.expression,
          inputSize: [FACE_INPUT_SIDE.expression, FACE_INPUT_SIDE.expression],
        },
        side: FACE_INPUT_SIDE.expression,
      };
    }
    const dm = await loadModelFromDisk(V.opt<string>('model') as string, io.cwd);
    release.push(() => dm.model.dispose());
    const labels = V.has('labels') ? await readLabels(V.opt<string>('labels') as string, io.cwd) : null;
    const cls = await diskClassifier(dm, labels, {
      inputSize: V.opt('input-size') ?? null,
      scale: V.get('scale', 1 / 255),
      mean: V.get('mean', 0),
      std: V.get('std', 1),
      pad: V.get('pad', 'none'),
      activation: V.get('activation', 'none'),
    });
    const size = (V.opt<[number, number]>('input-size') ?? dm.inputSize) as [number, number] | null;
    return {
      classifier: cls as ClassifyImageLike & { getLabels(): string[] },
      modelInfo: { name: dm.path, kind: dm.kind, inputSize: size },
      side: size ? Math.max(...size) : Number.POSITIVE_INFINITY,
    };
  });
  // A bad image is reported before the model, as when they were read one after the other.
  const input = await r.first(reading, loading);
  r.progress.info(custom ? `loading ${V.opt<string>('model')}` : 'loading the face models');
  const { classifier, modelInfo, side } = await loading;
  const modelName = custom ? 'model' : FACE_MODELS.expression;

  const subject = crop === 'face' ? await pickFace(r, input, V) : { image: input.image, face: null };
  const work = downscale(subject.image, workSide(V.get<number | 'full' | 'model'>('work-size', 'model'), side));
  const setup = await resolveSaliencyConfig(KIND, { ...inputs, imageSize: sizeOf(work) });
  const stack = new PerturbationOcclusion({
    perturber: setup.perturber,
    generator: setup.generator as GenerateClassifierConfidenceSaliency,
    batchSize: setup.batchSize,
  });
  stack.fill = stackFill(setup, work);

  const bb = r.meter.classifier(modelName, classifier);
  const labels = [...(await bb.getLabels())];
  const conf = await r.phase('classify', async () =>
    confidencesOf(labels, await firstResult(bb.classifyImages([work]))),
  );
  const order = labels.map((_, i) => i).sort((a, b) => (conf[b] as number) - (conf[a] as number));
  const top = order.slice(0, Math.min(topK, labels.length));
  r.progress.info(
    `model says: ${top.map((i) => `${labels[i]} ${(conf[i] as number).toFixed(3)}`).join(', ')}; explaining ${top.length} of ${labels.length} classes at ${sizeOf(work).join('x')}`,
  );

  const { maps, masks } = await r.generate(`explain (${shortName(setup.perturberType)})`, setup.perturber, work, (o) =>
    stack.generate(work, bb, o),
  );

  const style: OverlayStyle = { cmap: V.get<OverlayStyle['cmap']>('cmap', 'RdBu_r'), alpha: V.get('alpha', 0.5) };
  const results = await r.phase('render', async () => {
    const job: RenderJob = {
      images: [plainImage(subject.image)],
      style,
      overlays: [],
      grid: {
        file: 'grid.png',
        tiles: [{ image: 0 }],
        captions: [subject.face ? `face ${subject.face.index}` : 'input'],
      },
    };
    const out = top.map((k, rank) => {
      const label = String(labels[k]);
      const map = (maps as NdArray).pick(k, null, null) as NdArray;
      const stem = fileStem(rank + 1, label);
      const caption = `${label} ${(conf[k] as number).toFixed(2)}`;
      return {
        rank: rank + 1,
        label,
        index: k,
        confidence: conf[k],
        ...addMapOverlay(job, stem, map, caption, V.flag('npy')),
      };
    });
    return addMapOutputs(r, job, out, setup.config);
  });

  const summary = {
    input: {
      path: input.path,
      size: sizeOf(input.image),
      face: subject.face,
      explained: { size: sizeOf(work) },
    },
    model: { ...modelInfo, labels },
    method: {
      name: file || args.overrides.length ? `${method} (with config)` : method,
      perturber: setup.perturberType,
      generator: setup.generatorType,
      masks,
    },
    config: setup.config,
    stack: toConfigDict(stack),
    settings: {
      topK,
      crop,
      workSize: V.get('work-size', 'model'),
      cmap: style.cmap,
      alpha: style.alpha,
      npy: V.flag('npy'),
    },
    confidences: Object.fromEntries(labels.map((l, i) => [String(l), conf[i]])),
    results,
  };
  const rel = relative(io.cwd, outDir) || '.';
  return r.finish(
    outDir,
    summary,
    results.map(
      (x) =>
        `${String(x.rank).padStart(2)}. ${x.label.padEnd(12)} ${(x.confidence as number).toFixed(3)}  ${rel}/${x.overlay}`,
    ),
  );
}
