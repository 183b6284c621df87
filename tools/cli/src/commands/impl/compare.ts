import { relative } from 'node:path';
import type { NdArray } from '@salkit/ndarray';
import { toConfigDict } from '@salkit/plugin';
import { GenerateDescriptorSimilaritySaliency } from '@salkit/scoring';
import { SimilarityPerturbationOcclusion } from '@salkit/stacks';
import type { ParsedArgs } from '../../args/parse.js';
import { UsageError } from '../../errors.js';
import { downscale, type InputImage, sizeOf } from '../../image/images.js';
import { plainImage, plainMap } from '../../image/plain.js';
import { renderPictures } from '../../image/thread.js';
import type { CliIO } from '../../io.js';
import { FACE_INPUT_SIDE, FACE_MODELS, faceDescriptor, faceDetector } from '../../models/face.js';
import { checkOutDir } from '../../output/writer.js';
import type { OverlayStyle } from '../../render/layout.js';
import { type Method, readConfigFile, resolveSaliencyConfig, type SaliencyKind } from '../../saliency/config.js';
import { shortName } from '../../saliency/plugins.js';
import { type PickedFace, pickFace, workSide } from '../faces.js';
import { COMPARE_KIND } from '../kinds.js';
import { configFlags, Values } from '../options.js';
import type { ReadAhead } from '../readAhead.js';
import { configYaml, npyOf, outDirOf, Run, rangeOf, stackFill } from '../run.js';

const KIND: SaliencyKind = { ...COMPARE_KIND, generatorIface: GenerateDescriptorSimilaritySaliency };

function euclidean(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] as number) - (b[i] as number)) ** 2;
  return Math.sqrt(s);
}

/** Runs `salkit compare`; `ahead` are the two images being read (see ../compare.ts), none when not needed. */
export async function runCompare(
  args: ParsedArgs,
  io: CliIO,
  startTime: number,
  ahead: [ReadAhead, ReadAhead] | undefined,
): Promise<number> {
  const V = new Values(args);
  if (args.positionals.length !== 2) {
    throw new UsageError(
      `expected two images, imageA and imageB, got ${args.positionals.length}${args.positionals.length ? `: ${args.positionals.join(' ')}` : ''}`,
      'compare',
    );
  }
  const crop = V.get<'face' | 'none'>('crop', 'face');
  V.onlyWith(['face', 'min-score'], crop === 'face', 'with --crop face', 'compare');
  const method = V.get<Method>('method', 'rise');
  const outDir = outDirOf(io, V.opt('out'));
  const file = V.opt<string>('config');
  const fileData = file === undefined ? undefined : await readConfigFile(file, io.cwd);
  const inputs = {
    method,
    file,
    fileData,
    flags: { ...configFlags(V), metric: V.opt<string>('metric') },
    overrides: args.overrides,
    cwd: io.cwd,
  };
  const draft = await resolveSaliencyConfig(KIND, inputs);
  if (V.flag('print-config')) {
    io.stdout.write(configYaml('compare', draft.layered));
    return 0;
  }
  await checkOutDir(outDir);

  if (!ahead) throw new Error('salkit compare: the images were not read ahead');

  const r = new Run(io, 'compare', args.raw, startTime, V.flag('quiet'));
  const [argA, argB] = args.positionals as [string, string];
  r.progress.info(`salkit compare: which regions of ${argB} make it resemble ${argA}`);
  // The image worker has been decoding the images since the command line was parsed; TF.js and
  // the models load on this thread meanwhile.
  const [readingA, readingB] = ahead.map((a) => a.reading) as [Promise<InputImage>, Promise<InputImage>];
  const reading = r.phase('read image', async () => [await readingA, await readingB]);
  const loading = r.background('load models', () =>
    Promise.all([faceDescriptor(), crop === 'face' ? faceDetector() : null]),
  );
  // Awaited in argument order, so a bad imageA is always the one reported.
  const [inA, inB] = (await r.first(reading, loading)) as [InputImage, InputImage];
  r.progress.info('loading the face models');
  const [descriptor] = await loading;
  const none = (image: PickedFace['image']): PickedFace => ({ image, face: null });
  const a = crop === 'face' ? await pickFace(r, inA, V, 'imageA') : none(inA.image);
  const b = crop === 'face' ? await pickFace(r, inB, V, 'imageB') : none(inB.image);
  const side = workSide(V.get<number | 'full' | 'model'>('work-size', 'model'), FACE_INPUT_SIDE.descriptor);
  const workA = downscale(a.image, side);
  const workB = downscale(b.image, side);

  const setup = await resolveSaliencyConfig(KIND, { ...inputs, imageSize: sizeOf(workB) });
  const stack = new SimilarityPerturbationOcclusion({
    perturber: setup.perturber,
    generator: setup.generator as GenerateDescriptorSimilaritySaliency,
    batchSize: setup.batchSize,
  });
  stack.fill = stackFill(setup, workB);
  const bb = r.meter.describer(FACE_MODELS.descriptor, descriptor);
  const descriptors = await r.phase('describe', async () => {
    const out: ArrayLike<number>[] = [];
    for await (const d of (await bb.describeImages([workA, workB])) as AsyncIterable<ArrayLike<number>>) out.push(d);
    return out;
  });
  const distance = euclidean(descriptors[0] as ArrayLike<number>, descriptors[1] as ArrayLike<number>);
  r.progress.info(`descriptor distance between the faces: ${distance.toFixed(3)} (euclidean)`);

  const { maps, masks } = await r.generate(`compare (${shortName(setup.perturberType)})`, setup.perturber, workB, (o) =>
    stack.generate(workB, [workA], bb, o),
  );

  const style: OverlayStyle = { cmap: V.get<OverlayStyle['cmap']>('cmap', 'RdBu_r'), alpha: V.get('alpha', 0.5) };
  const result = await r.phase('render', async () => {
    const map = (maps as NdArray).pick(0, null, null) as NdArray;
    const pictures = new Map(
      await renderPictures({
        images: [plainImage(a.image), plainImage(b.image)],
        style,
        overlays: [{ file: 'similarity.png', on: 1, map: plainMap(map) }],
        grid: {
          file: 'grid.png',
          tiles: [{ image: 0 }, { image: 1 }, { overlay: 0 }],
          captions: ['A', 'B', `B like A, d=${distance.toFixed(2)}`],
        },
      }),
    );
    r.files.add('similarity.png', pictures.get('similarity.png') as Uint8Array);
    if (V.flag('npy')) r.files.add('similarity.npy', npyOf(map));
    r.files.add('grid.png', pictures.get('grid.png') as Uint8Array);
    r.files.add('config.json', `${JSON.stringify(setup.config, null, 2)}\n`);
    const [min, max] = rangeOf(map);
    return { distance, overlay: 'similarity.png', ...(V.flag('npy') && { npy: 'similarity.npy' }), min, max };
  });

  const summary = {
    input: {
      imageA: { path: inA.path, size: sizeOf(inA.image), face: a.face, explained: { size: sizeOf(workA) } },
      imageB: { path: inB.path, size: sizeOf(inB.image), face: b.face, explained: { size: sizeOf(workB) } },
    },
    model: { name: FACE_MODELS.descriptor, metric: 'euclidean distance of the 128-d descriptors' },
    method: { name: method, perturber: setup.perturberType, generator: setup.generatorType, masks },
    config: setup.config,
    stack: toConfigDict(stack),
    settings: { crop, workSize: V.get('work-size', 'model'), cmap: style.cmap, alpha: style.alpha, npy: V.flag('npy') },
    results: [result],
  };
  const rel = relative(io.cwd, outDir) || '.';
  return r.finish(outDir, summary, [`distance ${distance.toFixed(3)}  ${rel}/${result.overlay}`]);
}
