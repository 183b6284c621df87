/**
 * The work the image worker does (./worker.ts): reading input images and rendering the output
 * pictures, both with @salkit/viz. The same functions run on the main thread when there is no
 * worker (see ./thread.ts).
 */
import type { RenderedFiles, RenderJob } from '../render/layout.js';
import { renderPictures } from '../render/render.js';
import { warmUpRender } from '../render/warmUp.js';
import { type Plain, plainImage } from './plain.js';
import { readInputImage } from './read.js';

/** Each job: what it takes and what it gives back. */
export interface Jobs {
  /** readInputImage: the image's absolute path and RGB pixels. */
  read: { args: { pathArg: string; cwd: string; what: string }; result: { path: string; image: Plain<Uint8Array> } };
  /** renderPictures: the PNG files. */
  render: { args: RenderJob; result: RenderedFiles };
  /** warmUpRender: a throwaway render that gets the drawing code compiled. */
  warm: { args: null; result: null };
}

export type JobName = keyof Jobs;

export async function runJob<K extends JobName>(name: K, args: Jobs[K]['args']): Promise<Jobs[K]['result']> {
  if (name === 'read') {
    const a = args as Jobs['read']['args'];
    const input = await readInputImage(a.pathArg, a.cwd, a.what);
    return { path: input.path, image: plainImage(input.image) } satisfies Jobs['read']['result'] as Jobs[K]['result'];
  }
  if (name === 'render') return (await renderPictures(args as RenderJob)) as Jobs[K]['result'];
  if (name === 'warm') {
    await warmUpRender();
    return null as Jobs[K]['result'];
  }
  throw new Error(`image worker: unknown job ${String(name)}`);
}

/** The buffers a job's result can hand over instead of copying (the worker keeps none of them). */
export function transferablesOf(name: JobName, result: unknown): ArrayBuffer[] {
  if (name === 'read') return [(result as Jobs['read']['result']).image.data.buffer as ArrayBuffer];
  if (name === 'render') return (result as RenderedFiles).map(([, bytes]) => bytes.buffer as ArrayBuffer);
  return [];
}
