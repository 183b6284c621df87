export {
  array,
  full,
  isContiguous,
  type NdArray,
  ones,
  reshape,
  shapeOf,
  toContiguous,
  toNested,
  zeros,
} from './array.js';
export { astype, dtypeOf } from './astype.js';
export { clip } from './clip.js';
export {
  allocate,
  DTYPES,
  type DType,
  describe,
  dtypeOfData,
  isDType,
  isFloatDType,
  promoteTypes,
  type TypedArray,
} from './dtype.js';
export {
  type EllipseMaskOptions,
  type EllipseOptions,
  type EllipsePixels,
  ellipse,
  ellipseMask,
} from './ellipse.js';
export {
  type FilterMode,
  type GaussianFilterOptions,
  gaussianFilter,
  gaussianKernel1d,
} from './gaussian-filter.js';
export { imgAsFloat } from './img-as-float.js';
export { pairwiseSum } from './kernels/pairwise-sum.js';
export { correlateSymmetric } from './kernels/symmetric-correlate.js';
export { maxabsScale } from './maxabs-scale.js';
export { type LoadedNpy, loadNpy, loadNpyFull, saveNpy } from './npy.js';
export {
  makeResizer,
  type ResizeAxisTable,
  type ResizeIntoOptions,
  type ResizeOptions,
  type Resizer,
  type ResizeWindow,
  resize,
  resizeAxisTable,
} from './resize.js';
export {
  type BigIntNdArray,
  defaultRng,
  Generator,
  type IntegersOptions,
  type RandomOptions,
  type Size,
} from './rng/generator.js';
export { PCG64, type PCG64State } from './rng/pcg64.js';
export { type SeedLike, SeedSequence, seedWords } from './rng/seed-sequence.js';
export {
  assertDType,
  assertFinite,
  assertInteger,
  assertNdArray,
  assertShape,
  checkShapeArg,
  type DimBindings,
  type DimPattern,
  isNdArray,
} from './validate.js';
