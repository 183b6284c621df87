/**
 * A small throwaway render, run by the image worker while the saliency run keeps the main thread
 * busy: the real pictures then run compiled code rather than V8's interpreter (about 40-50 ms
 * instead of 80-130 ms for the default run's four pictures, a cost the run otherwise waits for).
 */
import type { RenderJob } from './layout.js';
import { renderPictures } from './render.js';

function warmUpJob(): RenderJob {
  const [H, W, h, w] = [60, 44, 28, 21];
  const image = new Uint8Array(H * W * 3);
  for (let i = 0; i < image.length; i++) image[i] = (i * 31) & 255;
  const map = (k: number) => {
    const data = new Float64Array(h * w);
    for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 0.05 + k);
    return { data, shape: [h, w] };
  };
  return {
    images: [{ data: image, shape: [H, W, 3] }],
    style: { cmap: 'coolwarm', alpha: 0.5 },
    overlays: [0, 1].map((k) => ({ file: `${k}.png`, on: 0, map: map(k), boxes: [[4, 4, 30, 40]] })),
    grid: { file: 'grid.png', tiles: [{ image: 0 }, { overlay: 0 }, { overlay: 1 }], captions: ['input', 'a', 'b'] },
  };
}

/** Renders warmUpJob and drops the files. */
export async function warmUpRender(): Promise<void> {
  await renderPictures(warmUpJob());
}
