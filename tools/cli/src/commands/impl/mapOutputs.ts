import type { NdArray } from '@salkit/ndarray';
import { renderPictures } from '../../image/thread.js';
import type { RenderJob } from '../../render/layout.js';
import { npyOf, type Run } from '../run.js';

/** One explained map's entry in summary.json, with the map itself until it is written. */
interface MapEntry {
  overlay: string;
  npy?: string;
  map: NdArray;
}

/**
 * Draws the job's pictures and adds each map's overlay (and `.npy`), the grid and config.json to
 * the run's files; returns the entries without their maps, for summary.json.
 */
export async function addMapOutputs<T extends MapEntry>(
  r: Run,
  job: RenderJob,
  entries: T[],
  config: unknown,
): Promise<Omit<T, 'map'>[]> {
  const pictures = new Map(await renderPictures(job));
  for (const { overlay, npy, map } of entries) {
    r.files.add(overlay, pictures.get(overlay) as Uint8Array);
    if (npy) r.files.add(npy, npyOf(map));
  }
  r.files.add('grid.png', pictures.get('grid.png') as Uint8Array);
  r.files.add('config.json', `${JSON.stringify(config, null, 2)}\n`);
  return entries.map(({ map: _map, ...rest }) => rest);
}
