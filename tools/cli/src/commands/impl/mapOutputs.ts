import type { NdArray } from '@salkit/ndarray';
import { plainMap } from '../../image/plain.js';
import { renderPictures } from '../../image/thread.js';
import type { Box, RenderJob } from '../../render/layout.js';
import { npyOf, type Run, rangeOf } from '../run.js';

/** One explained map's entry in summary.json, with the map itself until it is written. */
interface MapEntry {
  overlay: string;
  npy?: string;
  map: NdArray;
}

/**
 * Adds a map's overlay `<stem>.png` (drawn over the job's first image, `boxes` outlined) to the
 * job as a captioned grid tile; returns the map's entry: its files, value range and the map.
 */
export function addMapOverlay(
  job: RenderJob,
  stem: string,
  map: NdArray,
  caption: string,
  npy: boolean,
  boxes?: Box[],
): MapEntry & { min: number; max: number } {
  job.grid.tiles.push({ overlay: job.overlays.length });
  job.overlays.push({ file: `${stem}.png`, on: 0, map: plainMap(map), ...(boxes && { boxes }) });
  job.grid.captions.push(caption);
  const [min, max] = rangeOf(map);
  return { overlay: `${stem}.png`, ...(npy && { npy: `${stem}.npy` }), min, max, map };
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
