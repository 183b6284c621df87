/** numpy's float64 machine epsilon, which xaitk adds to the union to avoid 0/0. */
const EPS = 2.220446049250313e-16;

/**
 * IoU of boxes `[x1, y1, x2, y2]` with xaitk's inclusive-pixel convention:
 * `inter = max(min(x2) - max(x1) + 1, 0) * max(min(y2) - max(y1) + 1, 0)`,
 * `area = (x2 - x1 + 1) * (y2 - y1 + 1)`, `iou = inter / (areaA + areaB - inter + eps)`.
 * Reads box `a[ai..ai+3]` and box `b[bi..bi+3]`.
 */
export function iouBox(a: ArrayLike<number>, ai: number, b: ArrayLike<number>, bi: number): number {
  const ax1 = a[ai] as number;
  const ay1 = a[ai + 1] as number;
  const ax2 = a[ai + 2] as number;
  const ay2 = a[ai + 3] as number;
  const bx1 = b[bi] as number;
  const by1 = b[bi + 1] as number;
  const bx2 = b[bi + 2] as number;
  const by2 = b[bi + 3] as number;
  const iw = Math.max(Math.min(ax2, bx2) - Math.max(ax1, bx1) + 1, 0);
  const ih = Math.max(Math.min(ay2, by2) - Math.max(ay1, by1) + 1, 0);
  const inter = iw * ih;
  const areaA = (ax2 - ax1 + 1) * (ay2 - ay1 + 1);
  const areaB = (bx2 - bx1 + 1) * (by2 - by1 + 1);
  return inter / (areaA + areaB - inter + EPS);
}
