import { array, type NdArray } from '@salkit/ndarray';
import { RISEGrid } from '@salkit/perturb';
import { RISEStack } from '@salkit/stacks';

// A 64x96 image: dark background with a bright square whose position a toy classifier "recognises".
const H = 64;
const W = 96;
const pixels = new Uint8Array(H * W * 3).fill(30);
for (let y = 16; y < 40; y++) for (let x = 56; x < 80; x++) pixels.fill(230, (y * W + x) * 3, (y * W + x) * 3 + 3);
const image = array(pixels, [H, W, 3]);

// RISE masks, identical to xaitk-saliency's RISEGrid(n=500, s=8, p1=0.5, seed=0).
const masks = new RISEGrid({ n: 500, s: 8, p1: 0.5, seed: 0 }).perturb(image);
let sum = 0;
let min = Number.POSITIVE_INFINITY;
let max = Number.NEGATIVE_INFINITY;
for (const v of masks.data) {
  sum += v;
  if (v < min) min = v;
  if (v > max) max = v;
}
console.log(`RISEGrid masks: shape [${masks.shape}] ${masks.data.constructor.name}`);
console.log(`  kept fraction ${(sum / masks.size).toFixed(4)} (p1 = 0.5), values in [${min}, ${max}]`);

// A toy classifier: "square" confidence = brightness of the square's area, "background" = the rest.
function brightness(img: NdArray, y0: number, y1: number, x0: number, x1: number): number {
  let s = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) for (let c = 0; c < 3; c++) s += img.get(y, x, c);
  return s / ((y1 - y0) * (x1 - x0) * 3 * 255);
}
const classifier = {
  getLabels: () => ['square', 'background'],
  classifyImages: (images: readonly NdArray[]) =>
    images.map((img) => ({ square: brightness(img, 16, 40, 56, 80), background: brightness(img, 0, H, 0, 40) })),
};

const started = performance.now();
const maps = await new RISEStack({ n: 500, s: 8, p1: 0.5, seed: 0 }).generate(image, classifier);
console.log(`RISEStack saliency: shape [${maps.shape}] in ${(performance.now() - started).toFixed(0)} ms`);

// The 'square' map as ASCII art (8x8 pixel cells): '#' is most salient.
const shades = ' .:-=+*#';
for (let y = 0; y < H; y += 8) {
  let line = '  ';
  for (let x = 0; x < W; x += 4) {
    const v = Math.max(0, maps.get(0, y + 4, x + 2));
    line += shades[Math.min(shades.length - 1, Math.floor(v * shades.length))];
  }
  console.log(line);
}
