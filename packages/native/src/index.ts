export { nativeLoadError, nativeRegionAddKernel } from './nativeRegionAddKernel.js';
export { useNativeKernels } from './useNativeKernels.js';
