/**
 * `@salkit/scoring/wasm`: the small WebAssembly binary encoder and loader the SIMD kernels are
 * built with, for sibling packages that emit their own kernels (e.g. @salkit/stacks' occlusion).
 */
export { assembleModule, F64, FunctionBuilder, I32, Simd, V128, type ValType } from './kernels/wasm/assembler.js';
export { type WasmApi, type WasmMemory, type WasmModule, wasmApi } from './kernels/wasm/webassembly.js';
