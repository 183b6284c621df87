/** End-to-end runs of `salkit detect` and `salkit compare` through main(), with few masks. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Fixtures, fixtures, listDir, range, readJson, readNpy, readPng, runMain, tempDir } from './helpers.js';

let fx: Fixtures;
let cwd: string;

beforeAll(async () => {
  fx = await fixtures();
  cwd = await tempDir();
});

describe('salkit detect', () => {
  it('writes a D-RISE map per detected face, with overlays, grid and summary', async () => {
    const r = await runMain(['detect', fx.portrait, '--n', '4', '--s', '4', '--npy', '--out', 'det'], { cwd });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const out = join(cwd, 'det');
    const summary = readJson(join(out, 'summary.json'));
    expect(summary.results.length).toBeGreaterThanOrEqual(1);
    const files = summary.results.flatMap((x: { overlay: string; npy: string }) => [x.overlay, x.npy]);
    expect(listDir(out)).toEqual([...files, 'config.json', 'grid.png', 'summary.json'].sort());
    const [H, W] = readPng(fx.portrait).shape;
    for (const face of summary.results) {
      expect(face.score).toBeGreaterThanOrEqual(0.5);
      const [x1, y1, x2, y2] = face.bbox;
      expect(0 <= x1 && x1 < x2 && x2 <= W && 0 <= y1 && y1 < y2 && y2 <= H).toBe(true);
      expect(readPng(join(out, face.overlay)).shape).toEqual([H, W, 3]);
      const map = readNpy(join(out, face.npy));
      expect(map.shape).toEqual(summary.input.explained.size);
      const [lo, hi] = range(map);
      expect(lo).toBeGreaterThanOrEqual(-1);
      expect(hi).toBeLessThanOrEqual(1);
    }
    expect(summary.method).toEqual({
      name: 'rise',
      perturber: 'salkit.perturb.RISEGrid',
      generator: 'salkit.scoring.DRISEScoring',
      masks: 4,
    });
    expect(summary.stack.type).toBe('salkit.stacks.DetectorPerturbationOcclusion');
    // One detection on the image, then one per mask.
    expect(summary.timings.models['face-api SSD-MobileNet v1 face detector'].images).toBe(5);
    expect(r.stdout).toMatch(/^face 1 {2}score 0\.\d{3} {2}\[/m);
  });

  it('fails with a clear message when no face scores high enough, writing nothing', async () => {
    const r = await runMain(['detect', fx.portrait, '--min-score', '0.99999', '--n', '2', '--out', 'none'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('image: no face scoring >= 0.99999 found in');
    expect(existsSync(join(cwd, 'none'))).toBe(false);
  });
});

describe('salkit compare', () => {
  it('writes the similarity map of B towards A', async () => {
    const r = await runMain(
      ['compare', fx.face, fx.face2, '--crop', 'none', '--n', '8', '--s', '4', '--npy', '--out', 'cmp'],
      {
        cwd,
      },
    );
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const out = join(cwd, 'cmp');
    expect(listDir(out)).toEqual(['config.json', 'grid.png', 'similarity.npy', 'similarity.png', 'summary.json']);
    const summary = readJson(join(out, 'summary.json'));
    const [result] = summary.results;
    expect(result.distance).toBeGreaterThan(0);
    const sizeB = readPng(fx.face2).shape;
    expect(readPng(join(out, 'similarity.png')).shape).toEqual(sizeB);
    const map = readNpy(join(out, 'similarity.npy'));
    expect(map.shape).toEqual(summary.input.imageB.explained.size);
    const [lo, hi] = range(map);
    expect(lo).toBeGreaterThanOrEqual(-1);
    expect(hi).toBeLessThanOrEqual(1);
    expect(summary.method.generator).toBe('salkit.scoring.SimilarityScoring');
    expect(summary.config.generator).toEqual({
      type: 'salkit.scoring.SimilarityScoring',
      SimilarityScoring: { proximityMetric: 'euclidean' },
    });
    // A and B described once for the distance, then by the stack: B, A, and one per mask.
    expect(summary.timings.models['face-api 128-d face descriptor'].images).toBe(12);
    expect(r.stdout).toMatch(/^distance 0\.\d{3} {2}cmp\/similarity\.png$/m);
  });

  it('finds the faces first by default, and refuses a face number beyond those found', async () => {
    const r = await runMain(['compare', fx.portrait, fx.portrait, '--face', '2', '--n', '2', '--out', 'cmp2'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--face: expected a face number from 1 to 1 \(faces found in .*portrait\.png\), got 2/);
    expect(existsSync(join(cwd, 'cmp2'))).toBe(false);
  });
});
