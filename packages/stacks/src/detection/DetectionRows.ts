import { array, type NdArray } from '@salkit/ndarray';
import { confidenceOf } from '../blackbox/collect.js';
import type { Detection, Label } from '../blackbox/types.js';

/**
 * Turns a black box's detections into D-RISE rows `[x1,y1,x2,y2,objectness,scores...]`, as
 * xaitk's `_dets_to_formatted_mat`: class order follows the first non-empty detection seen;
 * a detection with exactly one positive score becomes objectness = that score and a one-hot
 * class vector; images with fewer detections are padded with rows of ones whose objectness is 0.
 * Padding is per batch; with non-negative scores (probabilities) this equals xaitk's padding to
 * the global maximum, since a zero-objectness row never wins the max over proposals.
 */
export class DetectionRows {
  private labels: Label[] | undefined;

  constructor(
    private readonly fn: string,
    private readonly numClasses: number,
  ) {}

  /** [b, P, 5+C] rows for a batch of per-image detection lists (P >= 1). */
  rows(batch: Iterable<Detection>[], firstIndex: number): NdArray {
    const C = this.numClasses;
    const K = 5 + C;
    const perImage = batch.map((dets, i) => this.imageRows(dets, firstIndex + i));
    const P = Math.max(1, ...perImage.map((r) => r.length / K));
    const out = new Float64Array(batch.length * P * K);
    perImage.forEach((r, i) => {
      out.set(r, i * P * K);
      for (let p = r.length / K; p < P; p++) {
        const o = (i * P + p) * K;
        out.fill(1, o, o + K);
        out[o + 4] = 0;
      }
    });
    return array(out, [batch.length, P, K]);
  }

  private imageRows(dets: Iterable<Detection>, index: number): Float64Array {
    const { fn } = this;
    const C = this.numClasses;
    const rows: number[] = [];
    if (dets === null || typeof dets !== 'object' || !(Symbol.iterator in dets)) {
      throw new TypeError(`${fn}: the black box's detections for image ${index} are not a list`);
    }
    for (const det of dets) {
      const box = det?.bbox;
      if (box?.length !== 4 || !Array.from(box).every(Number.isFinite)) {
        throw new Error(
          `${fn}: a detection for image ${index} has bbox ${JSON.stringify(box && Array.from(box))}, expected 4 finite numbers [x1,y1,x2,y2]`,
        );
      }
      if (this.labels === undefined) {
        const keys = det.scores instanceof Map ? [...det.scores.keys()] : Object.keys(det.scores ?? {});
        if (keys.length !== C) {
          throw new Error(`${fn}: the black box scores ${keys.length} classes, but the reference scores have ${C}`);
        }
        this.labels = keys;
      }
      const scores = this.labels.map((l) => confidenceOf(fn, det.scores, l, index));
      let objectness = 1;
      const positive = scores.filter((s) => s > 0);
      if (positive.length === 1) {
        const conf = Math.max(...scores);
        objectness = conf;
        scores[scores.indexOf(conf)] = 1;
      }
      rows.push(...Array.from(box), objectness, ...scores);
    }
    return Float64Array.from(rows);
  }
}
