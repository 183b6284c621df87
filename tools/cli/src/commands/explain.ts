/** `salkit explain`: its options and help. The run itself (./impl/explain.ts) loads when it starts. */
import type { ParsedArgs } from '../args/parse.js';
import * as v from '../args/values.js';
import type { CliIO } from '../io.js';
import type { Command } from './command.js';
import { EXPLAIN_KIND } from './kinds.js';
import { faceGroup, methodGroup, outputGroup, WORK_SIZE } from './options.js';
import { readAhead } from './readAhead.js';

async function run(args: ParsedArgs, io: CliIO, startTime: number): Promise<number> {
  const ahead = args.values.has('print-config') ? undefined : await readAhead(args.positionals[0], io.cwd, 'image');
  const { runExplain } = await import('./impl/explain.js');
  return runExplain(args, io, startTime, ahead);
}

export const explainCommand: Command = {
  name: 'explain',
  summary: 'saliency maps of an image classifier for its top classes (default: facial expressions)',
  usage: ['explain [image] [options]'],
  description: [
    'Explains what a classifier looks at in an image: one heatmap per top-scoring class (red: regions that',
    'raise the class confidence, blue: regions that lower it), made by occluding the image many times',
    "and watching the model's confidences. The default model is face-api's facial expression classifier",
    '(neutral, happy, sad, angry, fearful, disgusted, surprised): the face is found with the face detector,',
    "cropped and explained at the model's input size. With no image, a demo photo from face-api is used.",
  ],
  groups: [
    {
      title: 'Model',
      options: [
        {
          name: 'top-k',
          short: 'k',
          value: 'K',
          help: 'explain the K most confident classes',
          defaultText: '3',
          parse: v.int(1),
        },
        {
          name: 'model',
          value: 'FILE',
          help: 'a TF.js LayersModel or GraphModel (model.json + weights) instead of the expression model',
          parse: v.path,
        },
        {
          name: 'labels',
          value: 'FILE',
          help: '--model: class labels, one per line or a JSON array',
          defaultText: 'class_0, class_1, ...',
          parse: v.path,
        },
        {
          name: 'input-size',
          value: 'HxW',
          help: "--model: input size, if the model's input shape does not fix it",
          parse: v.pair,
        },
        {
          name: 'scale',
          value: 'X',
          help: '--model: pixel values 0..255 are multiplied by X...',
          defaultText: '1/255',
          parse: v.num(),
        },
        {
          name: 'mean',
          value: 'M',
          help: '--model: ...then M (one value or R,G,B) is subtracted...',
          defaultText: '0',
          parse: v.numberOrRgb,
        },
        {
          name: 'std',
          value: 'S',
          help: '--model: ...and the result divided by S',
          defaultText: '1',
          parse: v.numberOrRgb,
        },
        {
          name: 'pad',
          value: 'MODE',
          help: '--model: pad to a square before resizing: none, center, end',
          defaultText: 'none',
          parse: v.oneOf(['none', 'center', 'end'] as const),
        },
        {
          name: 'activation',
          value: 'FN',
          help: '--model: applied to the outputs: none, softmax, sigmoid',
          defaultText: 'none',
          parse: v.oneOf(['none', 'softmax', 'sigmoid'] as const),
        },
        WORK_SIZE,
      ],
    },
    faceGroup('the face crop', 'face; none with --model'),
    methodGroup(EXPLAIN_KIND),
    outputGroup(),
  ],
  examples: [
    'salkit explain                                   # demo photo, RISE with 1000 masks',
    'salkit explain me.jpg --top-k 1 --n 2000 --out me-saliency',
    'salkit explain me.jpg --method sliding-window --window 24 --stride 6',
    'salkit explain me.jpg --config my-config.yaml --config.perturber.RISEGrid.s=12',
    'salkit explain cat.png --model mobilenet/model.json --labels labels.txt --npy',
  ],
  positionals: { max: 1, what: 'one image' },
  run,
};
