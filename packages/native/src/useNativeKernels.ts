import { type RegionAddKernel, useRegionAddKernel } from '@salkit/scoring';
import { nativeLoadError, nativeRegionAddKernel } from './nativeRegionAddKernel.js';

/**
 * Makes the `@salkit/scoring` scorers (and `weightRegionsByScalar`) created after this call sum
 * on the compiled kernel; throws, naming the reason, when the addon is not built. Returns the
 * kernel. `useRegionAddKernel(null)` from `@salkit/scoring` goes back to WebAssembly.
 */
export function useNativeKernels(): RegionAddKernel {
  const kernel = nativeRegionAddKernel();
  if (kernel === null) throw new Error(`useNativeKernels: ${nativeLoadError()}`);
  useRegionAddKernel(kernel);
  return kernel;
}
