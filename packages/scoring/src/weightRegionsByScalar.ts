import { array, dtypeOfData, type NdArray, toContiguous } from '@salkit/ndarray';
import { denseFloat64, RegionWeightAccumulator } from './kernels/regionWeights.js';

/**
 * xaitk's `weight_regions_by_scalar`: `out[c] = sum_n scalars[n,c] * M[n]` with
 * `M = invMasks ? 1 - masks : masks`; with `normalize`, each pixel is divided by `sum_n M[n]`
 * (zero sums count as 1). [N,C] x [N,H,W] -> [C,H,W]. Float32 output exactly when numpy would
 * compute in float32 (float32 scalars with float32, bool or uint8 masks), float64 otherwise.
 */
export function weightRegionsByScalar(scalars: NdArray, masks: NdArray, invMasks = true, normalize = true): NdArray {
  checkScalarsAndMasks('weightRegionsByScalar', scalars, masks);
  const [N, C] = scalars.shape as [number, number];
  const [, H, W] = masks.shape as [number, number, number];
  const f32 = outputIsFloat32(scalars, masks);
  const acc = new RegionWeightAccumulator(C, H * W, invMasks ? 1 : 0, invMasks ? -1 : 1, false, {
    coverage: normalize,
  });
  acc.add(denseFloat64(scalars), 0, toContiguous(masks).data, 0, N);
  const out = f32 ? new Float32Array(C * H * W) : new Float64Array(C * H * W);
  acc.finish(normalize, out);
  acc.release();
  return array(out, [C, H, W]);
}

/** numpy's result dtype for scalars x masks in xaitk's weighting (see weightRegionsByScalar). */
export function outputIsFloat32(scalars: NdArray, masks: NdArray): boolean {
  const sd = dtypeOfData(scalars.data);
  const md = dtypeOfData(masks.data);
  return sd === 'float32' && (md === 'float32' || md === 'uint8' || md === 'int8' || md === 'uint16' || md === 'int16');
}

function isNdArray(x: unknown): x is NdArray {
  return typeof x === 'object' && x !== null && 'data' in x && 'shape' in x && Array.isArray((x as NdArray).shape);
}

/** Throws unless scalars is [N,C] and masks is [N,H,W] with the same N. */
export function checkScalarsAndMasks(fn: string, scalars: unknown, masks: unknown, scalarsName = 'scalars'): void {
  if (!isNdArray(scalars) || scalars.shape.length !== 2) {
    throw new Error(`${fn}: ${scalarsName}: expected a 2-D ndarray [N,C], got ${describeShape(scalars)}`);
  }
  checkMasks(fn, masks);
  if (scalars.shape[0] !== masks.shape[0]) {
    throw new Error(
      `${fn}: ${scalarsName} [${scalars.shape}] and masks [${masks.shape}] disagree on the number of masks N`,
    );
  }
}

/** Throws unless masks is a 3-D ndarray [N,H,W] over a typed array. */
export function checkMasks(fn: string, masks: unknown): asserts masks is NdArray {
  if (!isNdArray(masks) || masks.shape.length !== 3) {
    throw new Error(`${fn}: masks: expected a 3-D ndarray [N,H,W], got ${describeShape(masks)}`);
  }
  dtypeOfData(masks.data);
}

export function describeShape(x: unknown): string {
  if (isNdArray(x)) return `shape [${x.shape.join(',')}]`;
  if (x === null || x === undefined) return String(x);
  return Array.isArray(x) ? `a plain array of length ${x.length}` : typeof x;
}
