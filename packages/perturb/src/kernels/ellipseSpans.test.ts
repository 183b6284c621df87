import { array, ellipse } from '@salkit/ndarray';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlidingRadial } from '../impls/SlidingRadial.js';
import { ellipseSpans, writeHardRows } from './ellipseSpans.js';
import { firstDiff, radialReference } from './radialReference.test-util.js';

const radiusArb = fc.oneof(
  fc.integer({ min: 1, max: 30 }),
  fc.double({ min: 0.05, max: 30, noNaN: true }),
  fc.constantFrom(0.5, 1, 1.5, 2.0000000000000004, 49.99999999999999, 50),
);

describe('ellipseSpans', () => {
  it('are the pixels of ellipse() at integer centres, clipped to the image', () => {
    fc.assert(
      fc.property(
        radiusArb,
        radiusArb,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: -5, max: 45 }),
        fc.integer({ min: -5, max: 45 }),
        (ry, rx, H, W, cy, cx) => {
          const want = new Uint8Array(H * W);
          const { rr, cc } = ellipse(cy, cx, ry, rx, [H, W]);
          for (let k = 0; k < rr.length; k++) want[(rr[k] as number) * W + (cc[k] as number)] = 1;
          // writeHardRows draws ones outside the ellipse: invert to compare with the pixel set.
          const got = new Uint8Array(H * W);
          writeHardRows(got, 0, W, 0, H, cy, cx, ellipseSpans(ry, rx));
          for (let p = 0; p < got.length; p++) got[p] = 1 - (got[p] as number);
          expect(firstDiff(got, want)).toBe(-1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('only writes the rows asked for', () => {
    const out = new Uint8Array(6 * 5);
    writeHardRows(out, 0, 5, 2, 4, 3, 2, ellipseSpans(1.5, 1.5));
    // Rows 2 and 3 (offsets -1 and 0 from the centre row 3) are 0 on columns 1..3, 1 elsewhere.
    const row = [1, 0, 0, 0, 1];
    expect([...out]).toEqual([...new Array(10).fill(0), ...row, ...row, ...new Array(10).fill(0)]);
  });
});

describe('SlidingRadial hard masks', () => {
  it('equal the direct ellipseMask construction, whole and in batches', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        radiusArb,
        radiusArb,
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 9 }),
        (H, W, ry, rx, sh, sw, batch) => {
          const p = new SlidingRadial({ radius: [ry, rx], stride: [sh, sw] });
          const image = array(new Uint8Array(H * W), [H, W]);
          const want = radialReference(H, W, [ry, rx], [sh, sw], null);
          const all = p.perturb(image);
          expect(all.data).toBeInstanceOf(Uint8Array);
          expect(firstDiff(all.data, want)).toBe(-1);
          const parts = [...p.perturbBatches(image, batch)].flatMap((b) => [...b.data]);
          expect(firstDiff(parts, want)).toBe(-1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('equal the direct construction on the benchmark geometry (224x224, r 50, stride 20)', () => {
    const p = new SlidingRadial({ radius: [50, 50], stride: [20, 20] });
    const got = p.perturb(array(new Uint8Array(224 * 224), [224, 224])).data;
    expect(firstDiff(got, radialReference(224, 224, [50, 50], [20, 20], null))).toBe(-1);
  });
});
