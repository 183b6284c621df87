import ndarray from 'ndarray';
import type { NdArray } from './array.js';
import { assertFinite, assertNdArray, checkShapeArg } from './validate.js';

/**
 * Pixel coordinates of a filled ellipse, row-major ordered. Reads both ways:
 * `const { rr, cc } = ellipse(...)` or, like skimage's tuple, `const [rr, cc] = ellipse(...)`.
 */
export type EllipsePixels = [rr: Int32Array, cc: Int32Array] & { rr: Int32Array; cc: Int32Array };

export interface EllipseOptions {
  /** Rotation in radians (skimage's `rotation`, taken modulo pi). Default 0. */
  rotation?: number;
}

/** Python's float `%` (result has the divisor's sign). */
function pyMod(x: number, m: number): number {
  const r = x % m;
  return r !== 0 && r < 0 !== m < 0 ? r + m : r;
}

/**
 * `skimage.draw.ellipse(r, c, r_radius, c_radius, shape, rotation)` (skimage 0.19): the pixels
 * `(y, x)` with `((y-r)/rRadius)^2 + ((x-c)/cRadius)^2 < 1` (strict; rotated when asked),
 * restricted to `0 <= y < H, 0 <= x < W` when `shape` is given (`shape` may have more than two
 * entries; only the first two count). Centres may be fractional and lie outside the image.
 * Same arithmetic as skimage (bounding box from ceil/floor of centre -/+ radius, distances
 * relative to the box origin), so border pixels agree exactly.
 */
export function ellipse(
  r: number,
  c: number,
  rRadius: number,
  cRadius: number,
  shape?: readonly number[] | null,
  options: EllipseOptions = {},
): EllipsePixels {
  assertFinite('ellipse: r', r);
  assertFinite('ellipse: c', c);
  assertFinite('ellipse: rRadius', rRadius, { min: 0 });
  assertFinite('ellipse: cRadius', cRadius, { min: 0 });
  let limit: number[] | null = null;
  if (shape !== undefined && shape !== null) {
    limit = checkShapeArg('ellipse: shape', shape);
    if (limit.length < 2) {
      throw new Error(`ellipse: shape: expected [H, W] (or longer), got ${JSON.stringify(shape)}`);
    }
  }
  const rotIn = options?.rotation ?? 0;
  assertFinite('ellipse: options.rotation', rotIn);
  const rotation = pyMod(rotIn, Math.PI);
  const sinA = Math.sin(rotation);
  const cosA = Math.cos(rotation);
  const rRadRot = Math.abs(rRadius * cosA) + cRadius * sinA;
  const cRadRot = rRadius * sinA + Math.abs(cRadius * cosA);
  let r0 = Math.ceil(r - rRadRot);
  let c0 = Math.ceil(c - cRadRot);
  let r1 = Math.floor(r + rRadRot);
  let c1 = Math.floor(c + cRadRot);
  if (limit) {
    r0 = Math.max(r0, 0);
    c0 = Math.max(c0, 0);
    r1 = Math.min(r1, (limit[0] as number) - 1);
    c1 = Math.min(c1, (limit[1] as number) - 1);
  }
  const h = r1 - r0 + 1;
  const w = c1 - c0 + 1;
  const rOrg = r - r0;
  const cOrg = c - c0;
  const cap = h > 0 && w > 0 ? h * w : 0;
  const rrBuf = new Int32Array(cap);
  const ccBuf = new Int32Array(cap);
  let n = 0;
  for (let i = 0; i < h; i++) {
    const dr = i - rOrg;
    for (let j = 0; j < w; j++) {
      const dc = j - cOrg;
      const u = (dr * cosA + dc * sinA) / rRadius;
      const v = (dr * sinA - dc * cosA) / cRadius;
      if (u * u + v * v < 1) {
        rrBuf[n] = i + r0;
        ccBuf[n] = j + c0;
        n++;
      }
    }
  }
  const rr = rrBuf.slice(0, n);
  const cc = ccBuf.slice(0, n);
  return Object.assign([rr, cc] as [Int32Array, Int32Array], { rr, cc });
}

export interface EllipseMaskOptions extends EllipseOptions {
  /** Draw into this `[H,W]` array instead of a new uint8 one (its shape wins over `shape`). */
  out?: NdArray;
  /** Value written at the ellipse's pixels (default 1). */
  value?: number;
}

/**
 * The ellipse of {@link ellipse} drawn into an `[H,W]` image: a new uint8 0/1 (bool) mask, or
 * `options.out` with `value` written at the ellipse's pixels (handy for `1 - mask` occlusion
 * masks: start from ones and draw value 0).
 */
export function ellipseMask(
  r: number,
  c: number,
  rRadius: number,
  cRadius: number,
  shape: readonly number[],
  options: EllipseMaskOptions = {},
): NdArray {
  const value = options.value ?? 1;
  assertFinite('ellipseMask: options.value', value);
  let out: NdArray;
  if (options.out !== undefined) {
    assertNdArray('ellipseMask: options.out', options.out);
    if (options.out.shape.length !== 2) {
      throw new Error(`ellipseMask: options.out: expected shape [H,W], got [${options.out.shape.join(',')}]`);
    }
    out = options.out;
  } else {
    const [H, W] = checkShapeArg('ellipseMask: shape', shape, { rank: 2 }) as [number, number];
    out = ndarray(new Uint8Array(H * W), [H, W]);
  }
  const { rr, cc } = ellipse(r, c, rRadius, cRadius, out.shape, { rotation: options.rotation ?? 0 });
  const data = out.data;
  const s0 = out.stride[0] as number;
  const s1 = out.stride[1] as number;
  const off = out.offset;
  for (let k = 0; k < rr.length; k++) data[off + (rr[k] as number) * s0 + (cc[k] as number) * s1] = value;
  return out;
}
