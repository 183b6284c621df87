import type { InputImage } from '../image/images.js';
import { readImage } from '../image/thread.js';
import { samplePhoto } from '../models/face.js';

/**
 * An image a command reads, its read started in the image worker as soon as the command line is
 * parsed: the worker decodes it while this thread loads the rest of the CLI, TF.js and the models.
 */
export interface ReadAhead {
  /** The image argument, or the demo photo's path when none was given. */
  arg: string;
  /** True when the demo photo stands in for a missing image argument. */
  sample: boolean;
  /** The image; its errors (no such file, not an image) surface when awaited. */
  reading: Promise<InputImage>;
}

/** Starts reading `arg` (or face-api's demo photo); `what` names the argument in errors. */
export async function readAhead(arg: string | undefined, cwd: string, what: string): Promise<ReadAhead> {
  const path = arg ?? (await samplePhoto(1));
  return { arg: path, sample: arg === undefined, reading: readImage(path, cwd, what) };
}
