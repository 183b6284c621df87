/**
 * Window origins along one axis, as xaitk's SlidingWindow: `0, stride, 2*stride, ... < size`,
 * shifted by `floor(overhang / 2)` where `overhang = window - (size - lastOrigin)` (floor
 * division also when the overhang is negative), so windows are centred on the image.
 */
export function windowOrigins(size: number, window: number, stride: number): Int32Array {
  const count = Math.ceil(size / stride);
  const last = (count - 1) * stride;
  const shift = Math.floor((window - (size - last)) / 2);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = i * stride - shift;
  return out;
}

/**
 * Writes one sliding-window mask (1 everywhere, 0 inside the window clipped to the image) of
 * an [H,W] image into `out` at `offset`.
 */
export function writeWindowMask(
  out: Uint8Array,
  offset: number,
  height: number,
  width: number,
  top: number,
  left: number,
  windowH: number,
  windowW: number,
): void {
  const size = height * width;
  out.fill(1, offset, offset + size);
  const r1 = Math.max(0, top);
  const r2 = Math.min(top + windowH, height);
  const c1 = Math.max(0, left);
  const c2 = Math.min(left + windowW, width);
  if (c2 <= c1) return;
  for (let r = r1; r < r2; r++) out.fill(0, offset + r * width + c1, offset + r * width + c2);
}
