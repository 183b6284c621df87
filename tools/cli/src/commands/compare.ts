/** `salkit compare`: its options and help. The run itself (./impl/compare.ts) loads when it starts. */
import type { ParsedArgs } from '../args/parse.js';
import * as v from '../args/values.js';
import type { CliIO } from '../io.js';
import type { Command } from './command.js';
import { COMPARE_KIND } from './kinds.js';
import { faceGroup, methodGroup, outputGroup, WORK_SIZE } from './options.js';
import { type ReadAhead, readAhead } from './readAhead.js';

async function run(args: ParsedArgs, io: CliIO, startTime: number): Promise<number> {
  const [a, b] = args.positionals;
  let ahead: [ReadAhead, ReadAhead] | undefined;
  if (a !== undefined && b !== undefined && args.positionals.length === 2 && !args.values.has('print-config')) {
    ahead = [await readAhead(a, io.cwd, 'imageA'), await readAhead(b, io.cwd, 'imageB')];
  }
  const { runCompare } = await import('./impl/compare.js');
  return runCompare(args, io, startTime, ahead);
}

export const compare: Command = {
  name: 'compare',
  summary: 'similarity saliency: which regions of image B make it resemble image A (face descriptors)',
  usage: ['compare <imageA> <imageB> [options]'],
  description: [
    "Explains face-api's 128-d face descriptor: the face in imageB is occluded many times, and the map",
    'shows the regions whose occlusion moves its descriptor away from (red) or towards (blue) the',
    "descriptor of the face in imageA. Faces are found and cropped first and explained at the model's",
    'input size (150 px); --crop none uses the images as they are.',
  ],
  groups: [
    {
      title: 'Model',
      options: [
        WORK_SIZE,
        {
          name: 'metric',
          value: 'NAME',
          help: "the scorer's descriptor distance: a scipy cdist metric such as euclidean, cosine, cityblock",
          defaultText: 'euclidean',
          parse: v.path,
        },
      ],
    },
    faceGroup('the face crops (--face picks the same face number in both)'),
    methodGroup(COMPARE_KIND),
    outputGroup(),
  ],
  examples: [
    'salkit compare alice-1.jpg alice-2.jpg',
    'salkit compare a.png b.png --crop none --method sliding-window',
  ],
  positionals: { max: 2, what: 'two images' },
  run,
};
