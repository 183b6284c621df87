import { array, type NdArray } from '@salkit/ndarray';
import { applyColormap, decodePng, encodeJpeg, encodePng, overlayHeatmap } from '@salkit/viz';
import { type BenchSuite, sink } from '../suite.js';

/** @salkit/viz: heatmap overlay and colormapping of a 224x224 saliency map, PNG/JPEG coding of a 224x224 RGB image. */
export const vizSuite: BenchSuite = {
  name: 'viz',
  tasks: () => {
    const n = 224;
    // A photo-like image: smooth gradients plus a little deterministic noise (PNG size and speed depend on content).
    const pixels = new Uint8Array(n * n * 3);
    let seed = 1;
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        const noise = (seed >>> 28) - 8;
        const o = 3 * (y * n + x);
        pixels[o] = Math.max(0, Math.min(255, x + noise));
        pixels[o + 1] = Math.max(0, Math.min(255, y + noise));
        pixels[o + 2] = Math.max(0, Math.min(255, 128 + 100 * Math.sin((x + y) / 30) + noise));
      }
    }
    const image = array(pixels, [n, n, 3]) as NdArray<Uint8Array>;
    // A saliency map in [-1, 1]: two Gaussian bumps of opposite sign.
    const mapData = new Float32Array(n * n);
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        mapData[y * n + x] =
          Math.exp(-((x - 80) ** 2 + (y - 90) ** 2) / 1800) - 0.6 * Math.exp(-((x - 160) ** 2 + (y - 150) ** 2) / 900);
      }
    }
    const map = array(mapData, [n, n]);
    const png = encodePng(image);

    return [
      {
        name: 'overlayHeatmap 224x224 RGB + f32 map (RdBu_r, alpha 0.5)',
        fn: () => (sink.value = overlayHeatmap(image, map)),
      },
      {
        name: 'applyColormap 224x224 f32 (viridis)',
        fn: () => (sink.value = applyColormap(map, 'viridis', { vmin: -1 })),
      },
      { name: 'encodePng 224x224x3 (level 9)', fn: () => (sink.value = encodePng(image)) },
      { name: 'encodePng 224x224x3 (level 1)', fn: () => (sink.value = encodePng(image, { compressionLevel: 1 })) },
      { name: 'decodePng 224x224x3', fn: () => (sink.value = decodePng(png)) },
      { name: 'encodeJpeg 224x224x3 (quality 90)', fn: () => (sink.value = encodeJpeg(image)) },
    ];
  },
};
