import { array } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';
import { cropFace, cropImage, expandBox } from './crop.js';
import { nonMaxSuppression } from './nms.js';

describe('nonMaxSuppression', () => {
  const boxes = [0, 0, 10, 10, 1, 1, 11, 11, 20, 20, 30, 30, 0, 0, 10, 10];
  it('keeps the best of overlapping boxes, best first', () => {
    expect(nonMaxSuppression(boxes, [0.9, 0.95, 0.8, 0.3])).toEqual([1, 2]);
    expect(nonMaxSuppression(boxes, [0.9, 0.95, 0.8, 0.6], { scoreThreshold: 0.1, iouThreshold: 0.9 })).toEqual([
      1, 0, 2,
    ]);
    expect(nonMaxSuppression(boxes, [0.9, 0.95, 0.8, 0.6], { maxResults: 1 })).toEqual([1]);
  });
  it('validates its arguments', () => {
    expect(() => nonMaxSuppression([0, 0, 1], [1])).toThrow(/boxes: expected 4 values per score \(4\), got 3/);
    expect(() => nonMaxSuppression(boxes, [1, 1, 1, 1], { iouThreshold: 2 })).toThrow(
      /iouThreshold: expected a number in \[0, 1\]/,
    );
    expect(() => nonMaxSuppression(boxes, [1, 1, 1, 1], { maxResults: 0 })).toThrow(/maxResults/);
  });
});

describe('expandBox / cropImage / cropFace', () => {
  it('grows a box by a margin, rounds outwards and clips to the image', () => {
    expect(expandBox([10.5, 20.2, 30.1, 40.9], [100, 200])).toEqual([10, 20, 31, 41]);
    expect(expandBox([10, 20, 30, 40], [100, 200], 0.5)).toEqual([0, 10, 40, 50]);
    expect(expandBox([150, 80, 250, 120], [100, 200], 0)).toEqual([150, 80, 200, 100]);
  });
  it('rejects bad boxes', () => {
    expect(() => expandBox([10, 10, 5, 20], [100, 100])).toThrow(/expandBox: bbox: expected x2 > x1 and y2 > y1/);
    expect(() => expandBox([300, 300, 310, 310], [100, 100])).toThrow(/lies outside the 100x100 image/);
    expect(() => expandBox([1, 2, 3], [100, 100])).toThrow(/expected 4 finite numbers/);
    expect(() => expandBox([1, 2, 3, 4], [100, 100], -1)).toThrow(/margin/);
  });
  it('copies the pixels inside a box, for strided views and any channel count', () => {
    const data = Uint8Array.from({ length: 4 * 5 * 3 }, (_, i) => i);
    const img = array(data, [4, 5, 3]);
    const c = cropImage(img, [1, 2, 3, 4]);
    expect(c.shape).toEqual([2, 2, 3]);
    expect(Array.from(c.data)).toEqual([33, 34, 35, 36, 37, 38, 48, 49, 50, 51, 52, 53]);
    expect(c.data).not.toBe(img.data);
    const flipped = img.step(1, -1);
    expect(Array.from(cropImage(flipped, [0, 0, 1, 1]).data)).toEqual([12, 13, 14]);
    const gray = array(Uint8Array.from([1, 2, 3, 4]), [2, 2]);
    expect(cropImage(gray, [1, 0, 2, 2]).shape).toEqual([2, 1]);
    expect(() => cropImage(img, [0, 0, 6, 1])).toThrow(/cropImage: box: expected integer corners within the 4x5 image/);
  });
  it('crops a detected face with a margin and says where the crop sits', () => {
    const img = array(new Uint8Array(100 * 100 * 3), [100, 100, 3]);
    const { crop, box } = cropFace(img, [40, 40, 60, 70], { margin: 0.25 });
    expect(box).toEqual([35, 32, 65, 78]);
    expect(crop.shape).toEqual([46, 30, 3]);
    expect(() => cropFace(img, [40, 40, 60, 70], { margin: Number.NaN })).toThrow(/cropFace: margin/);
  });
});
