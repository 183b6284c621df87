import { array, type NdArray } from '@salkit/ndarray';
import { applyColormap, overlayHeatmap, tileGrid } from '../src/index.js';

/**
 * The README picture, made by the package itself: a synthetic scene (sky, sun, house, tree,
 * grass), synthetic saliency maps in [-1, 1] for "house" and "sun", their overlays and colour
 * maps, tiled into a labelled grid. test/readme-figure.test.ts keeps docs/example.png equal to it.
 */

const SIZE = 192;

/** A [SIZE,SIZE,3] uint8 scene. */
export function syntheticScene(): NdArray<Uint8Array> {
  const n = SIZE;
  const data = new Uint8Array(n * n * 3);
  const put = (o: number, r: number, g: number, b: number) => {
    data[o] = r;
    data[o + 1] = g;
    data[o + 2] = b;
  };
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const o = 3 * (y * n + x);
      const t = y / n;
      // sky, then grass below the horizon
      if (y < 130) put(o, 120 + 100 * t, 170 + 60 * t, 235);
      else put(o, 70 + ((x * 7 + y * 3) % 11), 150 - 40 * (t - 0.68), 60);
      // sun
      if (Math.hypot(x - 150, y - 36) < 18) put(o, 255, 214, 60);
      // tree: trunk and crown
      if (x >= 145 && x < 155 && y >= 110 && y < 150) put(o, 110, 70, 40);
      if (Math.hypot(x - 150, y - 100) < 20) put(o, 40, 120 + ((x + y) % 9), 50);
      // house: walls, door, window, roof
      if (x >= 30 && x < 100 && y >= 95 && y < 150) put(o, 200, 70, 60);
      if (x >= 58 && x < 74 && y >= 120 && y < 150) put(o, 90, 50, 30);
      if (x >= 80 && x < 94 && y >= 105 && y < 118) put(o, 230, 240, 250);
      if (y >= 60 && y < 95 && Math.abs(x - 65) <= ((y - 60) * 45) / 35) put(o, 90, 40, 40);
    }
  }
  return array(data, [n, n, 3]) as NdArray<Uint8Array>;
}

/** A [SIZE,SIZE] float32 map: sum of Gaussian bumps (weight, centre, sigma), scaled to max |v| = 1. */
function bumps(list: readonly [number, number, number, number][]): NdArray {
  const n = SIZE;
  const data = new Float32Array(n * n);
  let maxAbs = 0;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      let v = 0;
      for (const [w, cx, cy, s] of list) v += w * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s));
      data[y * n + x] = v;
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
  }
  for (let i = 0; i < data.length; i++) data[i] = (data[i] as number) / maxAbs;
  return array(data, [n, n]);
}

/** The README grid: 3 columns x 2 rows of 192x192 tiles with captions. */
export function buildReadmeFigure(): NdArray<Uint8Array> {
  const scene = syntheticScene();
  const house = bumps([
    [1, 65, 108, 26],
    [-0.45, 150, 36, 16],
    [-0.25, 150, 100, 14],
  ]);
  const sun = bumps([
    [1, 150, 36, 18],
    [-0.5, 65, 108, 24],
  ]);
  const houseAbs = array(Float32Array.from(house.data as Float32Array, Math.abs), [SIZE, SIZE]);
  return tileGrid(
    [
      scene,
      overlayHeatmap(scene, house, { alpha: 0.55 }),
      overlayHeatmap(scene, sun, { alpha: 0.55 }),
      applyColormap(house, 'RdBu_r'),
      overlayHeatmap(scene, house, { cmap: 'coolwarm', alpha: 0.55 }),
      applyColormap(houseAbs, 'viridis'),
    ],
    {
      columns: 3,
      labels: ['input', 'house (RdBu_r)', 'sun (RdBu_r)', 'house map', 'house (coolwarm)', '|house| viridis'],
      labelScale: 2,
      padding: 6,
    },
  );
}
