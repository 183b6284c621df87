import { array, assertShape, type NdArray } from '@salkit/ndarray';

/**
 * xaitk's `format_detection`: rows `[x1, y1, x2, y2, objectness, class scores...]` from boxes
 * [D,4], class scores [D,C] and optional objectness [D] (1 when omitted) -> float64 [D, 5+C].
 */
export function formatDetection(boxes: NdArray, scores: NdArray, objectness?: NdArray | null): NdArray {
  const fn = 'formatDetection';
  const dims = assertShape(`${fn}: boxes`, boxes, ['D', 4]);
  if (scores?.shape?.length === 2 && scores.shape[0] !== dims.D) {
    throw new Error(`${fn}: boxes [${boxes.shape}] and scores [${scores.shape}] disagree on the number of detections`);
  }
  const { C } = assertShape(`${fn}: scores`, scores, ['D', 'C'], dims);
  if (objectness !== undefined && objectness !== null) {
    if (objectness?.shape?.length === 1 && objectness.shape[0] !== dims.D) {
      throw new Error(
        `${fn}: boxes [${boxes.shape}] and objectness [${objectness.shape}] disagree on the number of detections`,
      );
    }
    assertShape(`${fn}: objectness`, objectness, ['D'], dims);
  }
  const D = dims.D as number;
  const K = 5 + (C as number);
  const out = new Float64Array(D * K);
  for (let d = 0; d < D; d++) {
    for (let j = 0; j < 4; j++) out[d * K + j] = boxes.get(d, j);
    out[d * K + 4] = objectness ? objectness.get(d) : 1;
    for (let c = 0; c < (C as number); c++) out[d * K + 5 + c] = scores.get(d, c);
  }
  return array(out, [D, K]);
}
