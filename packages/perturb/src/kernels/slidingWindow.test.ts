import { describe, expect, it } from 'vitest';
import { windowOrigins, writeWindowMask } from './slidingWindow.js';

describe('windowOrigins', () => {
  it('centres the windows by half the overhang of the last one', () => {
    // size 10, window 4, stride 3: origins 0,3,6,9; overhang 4-(10-9)=3 -> shift 1
    expect([...windowOrigins(10, 4, 3)]).toEqual([-1, 2, 5, 8]);
  });
  it('floors a negative overhang (-1 shifts by -1)', () => {
    // size 10, window 2, stride 3: last origin 9, overhang 2-1=1 -> 0; window 1: overhang 0
    expect([...windowOrigins(10, 2, 3)]).toEqual([0, 3, 6, 9]);
    // size 11, window 1, stride 3: last 9, overhang 1-2=-1 -> floor(-0.5) = -1
    expect([...windowOrigins(11, 1, 3)]).toEqual([1, 4, 7, 10]);
  });
});

describe('writeWindowMask', () => {
  it('zeroes the window clipped to the image and leaves the rest 1', () => {
    const out = new Uint8Array(2 + 12);
    writeWindowMask(out, 2, 3, 4, -1, 2, 2, 5);
    expect([...out.subarray(2)]).toEqual([1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
});
