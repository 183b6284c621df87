import type { NdArray } from '@salkit/ndarray';

/** A class label as a black box names it. */
export type Label = string | number;

/** Per-label confidences of one image: a plain object or a Map keyed by label. */
export type Confidences = Readonly<Record<string, number>> | ReadonlyMap<Label, number>;

/** Images handed to a black box: `[H,W]` or `[H,W,C]` arrays, sync or async. */
export type ImageBatch = Iterable<NdArray> | AsyncIterable<NdArray>;

/** What a black box may return for a batch: one result per image, in order. */
export type BlackboxResults<T> = Iterable<T> | AsyncIterable<T> | Promise<Iterable<T> | AsyncIterable<T>>;

/** One detection: a box `[x1, y1, x2, y2]` and per-label scores. */
export interface Detection {
  bbox: ArrayLike<number>;
  scores: Confidences;
}

/** Structural contract of an image classifier (anything with these two methods fits). */
export interface ClassifyImageLike {
  getLabels(): readonly Label[] | Promise<readonly Label[]>;
  classifyImages(images: ImageBatch): BlackboxResults<Confidences>;
}

/** Structural contract of an image descriptor (embedding) model. */
export interface DescribeImageLike {
  describeImages(images: ImageBatch): BlackboxResults<ArrayLike<number> | NdArray>;
}

/** Structural contract of an object detector. */
export interface DetectImageObjectsLike {
  detectObjects(images: ImageBatch): BlackboxResults<Iterable<Detection>>;
}
