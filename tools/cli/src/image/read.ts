import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readImage } from '@salkit/viz/node';
import { CliError, messageOf } from '../errors.js';
import type { InputImage } from './images.js';

/**
 * Reads a PNG or JPEG as RGB; `what` names the argument in errors ("image", "imageA"). Runs in the
 * image worker (see ./jobs.ts), which loads @salkit/viz off the main thread.
 */
export async function readInputImage(pathArg: string, cwd: string, what: string): Promise<InputImage> {
  const path = resolve(cwd, pathArg);
  let isFile = false;
  try {
    isFile = (await stat(path)).isFile();
  } catch {
    throw new CliError(`${what}: cannot read ${pathArg}: no such file`);
  }
  if (!isFile) throw new CliError(`${what}: expected an image file (PNG or JPEG), got the folder ${pathArg}`);
  try {
    return { path, image: readImage(path, { channels: 3 }) };
  } catch (e) {
    throw new CliError(`${what}: cannot decode ${pathArg} as a PNG or JPEG image: ${messageOf(e)}`);
  }
}
