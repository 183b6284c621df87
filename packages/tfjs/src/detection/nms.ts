import { describe } from '@salkit/ndarray';
import { checkNumberIn, checkOptions, checkPositiveInt } from '../util/validate.js';

/** Options of {@link nonMaxSuppression}. */
export interface NonMaxSuppressionOptions {
  /** A box overlapping a kept, higher-scoring box by more than this IoU is dropped (default 0.5). */
  iouThreshold?: number;
  /** Only boxes scoring strictly above this are candidates (default 0.5). */
  scoreThreshold?: number;
  /** At most this many boxes are kept (default 100). */
  maxResults?: number;
}

function iou(b: ArrayLike<number>, i: number, j: number): number {
  const ai0 = Math.min(b[4 * i] as number, b[4 * i + 2] as number);
  const ai1 = Math.min(b[4 * i + 1] as number, b[4 * i + 3] as number);
  const ai2 = Math.max(b[4 * i] as number, b[4 * i + 2] as number);
  const ai3 = Math.max(b[4 * i + 1] as number, b[4 * i + 3] as number);
  const aj0 = Math.min(b[4 * j] as number, b[4 * j + 2] as number);
  const aj1 = Math.min(b[4 * j + 1] as number, b[4 * j + 3] as number);
  const aj2 = Math.max(b[4 * j] as number, b[4 * j + 2] as number);
  const aj3 = Math.max(b[4 * j + 1] as number, b[4 * j + 3] as number);
  const areaI = (ai2 - ai0) * (ai3 - ai1);
  const areaJ = (aj2 - aj0) * (aj3 - aj1);
  if (areaI <= 0 || areaJ <= 0) return 0;
  const inter =
    Math.max(0, Math.min(ai2, aj2) - Math.max(ai0, aj0)) * Math.max(0, Math.min(ai3, aj3) - Math.max(ai1, aj1));
  return inter / (areaI + areaJ - inter);
}

/**
 * Greedy hard non-maximum suppression (as face-api's SSD decoder does it): candidates above
 * `scoreThreshold` in decreasing score order are kept unless they overlap an already kept box
 * by more than `iouThreshold`. `boxes` holds N boxes as 4 corner coordinates each, in any
 * consistent order ([x1,y1,x2,y2] or [y1,x1,y2,x2]). Returns the kept indices, best first.
 */
export function nonMaxSuppression(
  boxes: ArrayLike<number>,
  scores: ArrayLike<number>,
  options?: NonMaxSuppressionOptions,
): number[] {
  const fn = 'nonMaxSuppression';
  const o = checkOptions(`${fn}: options`, options);
  const iouThreshold = o.iouThreshold === undefined ? 0.5 : checkNumberIn(`${fn}: iouThreshold`, o.iouThreshold, 0, 1);
  const scoreThreshold =
    o.scoreThreshold === undefined
      ? 0.5
      : checkNumberIn(`${fn}: scoreThreshold`, o.scoreThreshold, -Infinity, Infinity);
  const maxResults = o.maxResults === undefined ? 100 : checkPositiveInt(`${fn}: maxResults`, o.maxResults);
  if (!boxes || typeof boxes.length !== 'number' || !scores || typeof scores.length !== 'number') {
    throw new TypeError(
      `${fn}: boxes, scores: expected array-likes of numbers, got ${describe(boxes)} and ${describe(scores)}`,
    );
  }
  if (boxes.length !== 4 * scores.length) {
    throw new Error(`${fn}: boxes: expected 4 values per score (${4 * scores.length}), got ${boxes.length}`);
  }
  const candidates: number[] = [];
  for (let i = 0; i < scores.length; i++) if ((scores[i] as number) > scoreThreshold) candidates.push(i);
  candidates.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const kept: number[] = [];
  for (const c of candidates) {
    if (kept.length >= maxResults) break;
    let suppressed = false;
    for (const k of kept) {
      if (iou(boxes, c, k) > iouThreshold) {
        suppressed = true;
        break;
      }
    }
    if (!suppressed) kept.push(c);
  }
  return kept;
}
