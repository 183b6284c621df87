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
export {
  allocate,
  DTYPES,
  type DType,
  describe,
  dtypeOfData,
  isDType,
  isFloatDType,
  type TypedArray,
} from './dtype.js';
export { type LoadedNpy, loadNpy, loadNpyFull, saveNpy } from './npy.js';
