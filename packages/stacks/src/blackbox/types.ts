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

/*
 * Structural contracts the stacks require of a black box. Stacks hand over each batch as a
 * plain array, so a black box written for iterables or async iterables (ImageBatch) fits too.
 */

/** An image classifier: anything with these two methods. */
export interface ClassifyImageLike {
  getLabels(): readonly Label[] | Promise<readonly Label[]>;
  classifyImages(images: readonly NdArray[]): BlackboxResults<Confidences>;
}

/** An image descriptor (embedding) model. */
export interface DescribeImageLike {
  describeImages(images: readonly NdArray[]): BlackboxResults<ArrayLike<number> | NdArray>;
}

/** An object detector. */
export interface DetectImageObjectsLike {
  detectObjects(images: readonly NdArray[]): BlackboxResults<Iterable<Detection>>;
}
