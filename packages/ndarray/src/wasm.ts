/**
 * `@salkit/ndarray/wasm`: the small WebAssembly binary encoder and loader the SIMD kernels are
 * built with, shared by the packages that emit their own kernels (scoring's region weights, perturb's RISE masks, stacks' occlusion).
 */
export {
  assembleModule,
  F64,
  FunctionBuilder,
  I32,
  I64,
  type ImportedMemory,
  Op,
  Simd,
  V128,
  type ValType,
} from './wasm/assembler.js';
export {
  KERNEL_MEMORY_MAX_PAGES,
  type KernelMemoryLease,
  kernelArray,
  leaseKernelMemory,
} from './wasm/kernelMemory.js';
export {
  type BlockDriver,
  bufferForThreads,
  countingPool,
  createWasmThreadPool,
  type ParallelBlocks,
  threadsWanted,
  type WasmThreadPool,
  wasmThreadPool,
} from './wasm/threads.js';
export { type WasmApi, type WasmMemory, type WasmModule, wasmApi } from './wasm/webassembly.js';
