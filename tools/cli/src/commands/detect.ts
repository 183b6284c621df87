/** `salkit detect`: its options and help. The run itself (./impl/detect.ts) loads when it starts. */
import type { ParsedArgs } from '../args/parse.js';
import * as v from '../args/values.js';
import type { CliIO } from '../io.js';
import type { Command } from './command.js';
import { DETECT_KIND } from './kinds.js';
import { methodGroup, outputGroup, WORK_SIZE } from './options.js';
import { readAhead } from './readAhead.js';

async function run(args: ParsedArgs, io: CliIO, startTime: number): Promise<number> {
  const ahead = args.values.has('print-config') ? undefined : await readAhead(args.positionals[0], io.cwd, 'image');
  const { runDetect } = await import('./impl/detect.js');
  return runDetect(args, io, startTime, ahead);
}

export const detect: Command = {
  name: 'detect',
  summary: 'D-RISE saliency maps of the face detector, one per detected face',
  usage: ['detect [image] [options]'],
  description: [
    "Explains face-api's SSD-MobileNet face detector with D-RISE: for every face found, a heatmap of the",
    'regions that make the detector find that face (red) or lose it (blue). The image is explained at',
    "the detector's input size (512 px); each detector call is slow (a 512x512 network), so the default",
    'uses 100 masks (raise --n for smoother maps). With no image, a demo photo from face-api is used.',
  ],
  groups: [
    {
      title: 'Faces',
      options: [
        {
          name: 'min-score',
          value: 'P',
          help: 'explain the faces the detector scores at least P',
          defaultText: '0.5',
          parse: v.num(0, 1, true),
        },
        {
          name: 'max-faces',
          value: 'N',
          help: 'explain at most N faces (the most confident)',
          defaultText: '10',
          parse: v.int(1),
        },
        WORK_SIZE,
      ],
    },
    methodGroup(DETECT_KIND),
    outputGroup(),
  ],
  examples: [
    'salkit detect',
    'salkit detect group.jpg --n 500 --s 12 --out group-drise',
    'salkit detect group.jpg --blur 8',
  ],
  positionals: { max: 1, what: 'one image' },
  run,
};
