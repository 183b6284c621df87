import { assertAllClose, casesFor, readParityFile } from '@salkit/testkit';
import fc from 'fast-check';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { ellipse, ellipseMask } from './ellipse.js';
import { loadNpy } from './npy.js';

function render(rr: Int32Array, cc: Int32Array, H: number, W: number): Uint8Array {
  const img = new Uint8Array(H * W);
  for (let k = 0; k < rr.length; k++) img[(rr[k] as number) * W + (cc[k] as number)] = 1;
  return img;
}

describe('ellipse parity (../shared/parity)', () => {
  it.each(casesFor('ellipse').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const p = c.params as { r: number; c: number; rRadius: number; cRadius: number; shape: [number, number] };
    const [H, W] = p.shape;
    const { rr, cc } = ellipse(p.r, p.c, p.rRadius, p.cRadius, p.shape);
    const want = loadNpy(readParityFile(c.output as string));
    assertAllClose(ndarray(render(rr, cc, H, W), [H, W]), want, 0, 0, c.id);
    assertAllClose(ellipseMask(p.r, p.c, p.rRadius, p.cRadius, p.shape), want, 0, 0, `${c.id} mask`);
  });
});

describe('ellipse', () => {
  it('returns row-major pixels, readable as {rr, cc} or as an [rr, cc] tuple', () => {
    const px = ellipse(2, 3, 1.5, 1.2, [6, 7]);
    const [rr, cc] = px;
    expect(rr).toBe(px.rr);
    expect(cc).toBe(px.cc);
    expect([...px.rr]).toEqual([1, 2, 2, 2, 3]);
    expect([...px.cc]).toEqual([3, 2, 3, 4, 3]);
  });

  it('without a shape, pixels may be negative (no clipping)', () => {
    const { rr, cc } = ellipse(0, 0, 1.5, 1.5);
    expect([...rr]).toEqual([-1, -1, -1, 0, 0, 0, 1, 1, 1]);
    expect([...cc]).toEqual([-1, 0, 1, -1, 0, 1, -1, 0, 1]);
  });

  it('is empty when entirely outside the shape or a radius is 0', () => {
    expect(ellipse(-10, 5, 3, 3, [8, 8]).rr.length).toBe(0);
    expect(ellipse(4, 40, 3, 3, [8, 8]).cc.length).toBe(0);
    expect(ellipse(4, 4, 0, 3, [8, 8]).rr.length).toBe(0);
  });

  it('equals the strict-inequality definition for integer and half-integer centres', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20, max: 40 }),
        fc.integer({ min: -20, max: 40 }),
        fc.double({ min: 0.5, max: 15, noNaN: true }),
        fc.double({ min: 0.5, max: 15, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (r2, c2, rr0, cr0, H, W) => {
          const r = r2 / 2;
          const c = c2 / 2;
          const { rr, cc } = ellipse(r, c, rr0, cr0, [H, W]);
          const got = render(rr, cc, H, W);
          for (let y = 0; y < H; y++) {
            for (let x = 0; x < W; x++) {
              const inside = ((y - r) / rr0) ** 2 + ((x - c) / cr0) ** 2 < 1 ? 1 : 0;
              if (got[y * W + x] !== inside) return false;
            }
          }
          return true;
        },
      ),
    );
  });

  it('rotation: modulo pi, a quarter turn swaps the radii', () => {
    const base = ellipse(10, 12, 5, 2, [25, 25]);
    const turned = ellipse(10, 12, 2, 5, [25, 25], { rotation: Math.PI / 2 });
    const a = render(base.rr, base.cc, 25, 25);
    const b = render(turned.rr, turned.cc, 25, 25);
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff += a[i] !== b[i] ? 1 : 0;
    expect(diff).toBeLessThanOrEqual(2); // only pixels on the rim can flip through sin/cos rounding
    expect([...ellipse(10, 12, 5, 2, [25, 25], { rotation: Math.PI }).rr]).toEqual([...base.rr]);
    expect([...ellipse(10, 12, 5, 2, [25, 25], { rotation: -Math.PI }).cc]).toEqual([...base.cc]);
  });

  it('rejects bad arguments', () => {
    expect(() => ellipse(Number.NaN, 0, 1, 1)).toThrow('ellipse: r: expected a finite number, got number NaN');
    expect(() => ellipse(0, 0, -1, 1)).toThrow('ellipse: rRadius: expected a number >= 0, got -1');
    expect(() => ellipse(0, 0, 1, 1, [5])).toThrow(/ellipse: shape: expected \[H, W\]/);
    expect(() => ellipse(0, 0, 1, 1, [5, -1])).toThrow(/ellipse: shape/);
  });
});

describe('ellipseMask', () => {
  it('draws a 0/1 uint8 mask, or a value into a given array', () => {
    const m = ellipseMask(2, 3, 1.5, 1.2, [6, 7]);
    expect(m.data).toBeInstanceOf(Uint8Array);
    expect(m.shape).toEqual([6, 7]);
    expect([...m.data].reduce((s, v) => s + v, 0)).toBe(5);
    const occl = ndarray(new Float32Array(42).fill(1), [6, 7]);
    ellipseMask(2, 3, 1.5, 1.2, [6, 7], { out: occl, value: 0 });
    expect(occl.data[2 * 7 + 3]).toBe(0);
    expect([...occl.data].reduce((s, v) => s + v, 0)).toBe(37);
    expect(() => ellipseMask(1, 1, 1, 1, [3, 3], { out: ndarray(new Uint8Array(3), [3]) })).toThrow(
      'ellipseMask: options.out: expected shape [H,W], got [3]',
    );
  });
});
