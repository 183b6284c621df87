import { relative } from 'node:path';
import { array, type NdArray } from '@salkit/ndarray';
import { toConfigDict } from '@salkit/plugin';
import { GenerateDetectorProposalSaliency } from '@salkit/scoring';
import { DetectorPerturbationOcclusion } from '@salkit/stacks';
import type { ParsedArgs } from '../../args/parse.js';
import { CliError } from '../../errors.js';
import { downscale, sizeOf } from '../../image/images.js';
import { plainImage } from '../../image/plain.js';
import type { CliIO } from '../../io.js';
import { FACE_INPUT_SIDE, FACE_MODELS, faceDetector, findFaces } from '../../models/face.js';
import { checkOutDir } from '../../output/writer.js';
import { type Box, displaySize, type OverlayStyle, type RenderJob } from '../../render/layout.js';
import { type Method, readConfigFile, resolveSaliencyConfig, type SaliencyKind } from '../../saliency/config.js';
import { shortName } from '../../saliency/plugins.js';
import { workSide } from '../faces.js';
import { DETECT_KIND } from '../kinds.js';
import { configFlags, Values } from '../options.js';
import type { ReadAhead } from '../readAhead.js';
import { configYaml, fileStem, outDirOf, Run, stackFill } from '../run.js';
import { addMapOutputs, addMapOverlay } from './mapOutputs.js';

const KIND: SaliencyKind = { ...DETECT_KIND, generatorIface: GenerateDetectorProposalSaliency };

/** Runs `salkit detect`; `ahead` is the image being read (see ../detect.ts), none for --print-config. */
export async function runDetect(
  args: ParsedArgs,
  io: CliIO,
  startTime: number,
  ahead: ReadAhead | undefined,
): Promise<number> {
  const V = new Values(args);
  const method = V.get<Method>('method', 'rise');
  const outDir = outDirOf(io, V.opt('out'));
  const file = V.opt<string>('config');
  const fileData = file === undefined ? undefined : await readConfigFile(file, io.cwd);
  const inputs = { method, file, fileData, flags: configFlags(V), overrides: args.overrides, cwd: io.cwd };
  const draft = await resolveSaliencyConfig(KIND, inputs);
  if (V.flag('print-config')) {
    io.stdout.write(configYaml('detect', draft.layered));
    return 0;
  }
  await checkOutDir(outDir);

  if (!ahead) throw new Error('salkit detect: the image was not read ahead');

  const r = new Run(io, 'detect', args.raw, startTime, V.flag('quiet'));
  r.progress.info(
    `salkit detect: ${ahead.sample ? `no image given, using face-api's demo photo ${ahead.arg}` : ahead.arg}`,
  );
  // The image worker has been decoding the image since the command line was parsed; TF.js and
  // the detector load on this thread meanwhile.
  const reading = r.phase('read image', () => ahead.reading);
  const loading = r.background('load models', () => faceDetector());
  const input = await r.first(reading, loading);
  r.progress.info('loading the face detector');
  const detector = await loading;

  // Reference detections come from the image at the working size, so boxes and maps share pixels.
  const work = downscale(
    input.image,
    workSide(V.get<number | 'full' | 'model'>('work-size', 'model'), FACE_INPUT_SIDE.detector),
  );
  const minScore = V.get('min-score', 0.5);
  const maxFaces = V.get('max-faces', 10);
  const faces = (await r.phase('detect faces', () => findFaces(work, minScore, r.meter))).slice(0, maxFaces);
  if (faces.length === 0) {
    throw new CliError(`image: no face scoring >= ${minScore} found in ${input.path}; try a lower --min-score`);
  }
  r.progress.info(`found ${faces.length} face(s): scores ${faces.map((f) => f.score.toFixed(3)).join(', ')}`);
  const D = faces.length;
  const bboxes = array(Float64Array.from(faces.flatMap((f) => f.bbox)), [D, 4]);
  const scores = array(Float64Array.from(faces.map((f) => f.score)), [D, 1]);

  const setup = await resolveSaliencyConfig(KIND, { ...inputs, imageSize: sizeOf(work) });
  const stack = new DetectorPerturbationOcclusion({
    perturber: setup.perturber,
    generator: setup.generator as GenerateDetectorProposalSaliency,
    batchSize: setup.batchSize,
  });
  stack.fill = stackFill(setup, work);
  const bb = r.meter.detector(FACE_MODELS.detector, detector);
  const { maps, masks } = await r.generate(`detect (${shortName(setup.perturberType)})`, setup.perturber, work, (o) =>
    stack.generate(work, bboxes, scores, bb, null, o),
  );

  const style: OverlayStyle = { cmap: V.get<OverlayStyle['cmap']>('cmap', 'RdBu_r'), alpha: V.get('alpha', 0.5) };
  const [H, W] = sizeOf(input.image);
  const [h, w] = sizeOf(work);
  const toInput = (b: number[]) => b.map((x, i) => Math.round(x * (i % 2 === 0 ? W / w : H / h) * 100) / 100);
  const results = await r.phase('render', async () => {
    const [dh, dw] = displaySize([H, W]);
    const toDisplay = (b: number[]) => b.map((x, i) => x * (i % 2 === 0 ? dw / w : dh / h)) as Box;
    const job: RenderJob = {
      images: [plainImage(input.image)],
      style,
      overlays: [],
      grid: { file: 'grid.png', tiles: [{ image: 0 }], captions: ['input'] },
    };
    const out = faces.map((f, d) => {
      const map = (maps as NdArray).pick(d, null, null) as NdArray;
      const stem = fileStem(d + 1, 'face');
      const caption = `face ${d + 1} ${f.score.toFixed(2)}`;
      return {
        face: d + 1,
        score: f.score,
        bbox: toInput(f.bbox),
        ...addMapOverlay(job, stem, map, caption, V.flag('npy'), [toDisplay(f.bbox)]),
      };
    });
    return addMapOutputs(r, job, out, setup.config);
  });

  const summary = {
    input: { path: input.path, size: [H, W], explained: { size: [h, w] } },
    model: { name: FACE_MODELS.detector, proposalsAbove: 0.1, minScore },
    method: { name: method, perturber: setup.perturberType, generator: setup.generatorType, masks },
    config: setup.config,
    stack: toConfigDict(stack),
    settings: {
      workSize: V.get('work-size', 'model'),
      maxFaces,
      cmap: style.cmap,
      alpha: style.alpha,
      npy: V.flag('npy'),
    },
    results,
  };
  const rel = relative(io.cwd, outDir) || '.';
  return r.finish(
    outDir,
    summary,
    results.map(
      (x) => `face ${x.face}  score ${x.score.toFixed(3)}  [${x.bbox.map(Math.round).join(', ')}]  ${rel}/${x.overlay}`,
    ),
  );
}
