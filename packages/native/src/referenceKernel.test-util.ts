import type { TypedArray } from '@salkit/ndarray';
import type { RegionAddKernel } from '@salkit/scoring';

/**
 * The sums as RegionAddKernel documents them, written out one value at a time: what the compiled
 * kernel must equal bit for bit.
 */
export const referenceKernel: RegionAddKernel = {
  name: 'reference',
  add(acc, cov, scalars, sOff, masks: TypedArray, mOff, n, C, P, alpha, beta, round, float32, overlap) {
    overlap?.();
    const f = Math.fround;
    for (let k = 0; k < n; k++) {
      for (let p = 0; p < P; p++) {
        const m = masks[mOff + k * P + p] as number;
        let w: number;
        if (float32) w = f(f(alpha) + f(f(beta) * m));
        else w = round ? f(alpha + beta * m) : alpha + beta * m;
        cov[p] = float32 ? f((cov[p] as number) + w) : (cov[p] as number) + w;
        for (let c = 0; c < C; c++) {
          const s = scalars[sOff + k * C + c] as number;
          const i = c * P + p;
          acc[i] = float32 ? f((acc[i] as number) + f(s * w)) : (acc[i] as number) + s * w;
        }
      }
    }
  },
};
