import { type FoldBatch, jsFoldBatch } from './jsFoldBatch.js';
import { WasmFold } from './wasmFold.js';

let wasmFold = true;
/**
 * Whether {@link foldBatch} may use the WebAssembly SIMD kernel ({@link WasmFold}, where the
 * platform has it); false forces the plain-JS sums. For tests and benchmarks: the two are
 * bit-identical.
 */
export function useWasmFold(enabled: boolean): void {
  wasmFold = enabled;
}

/**
 * A batch of symmetric correlation sums with half kernel `w` over `lineValues` line values, at
 * most `maxJobs` jobs and `outValues` outputs: in wasm memory where it can be, else in JS. Use it
 * before starting another.
 */
export function foldBatch(w: Float64Array, lineValues: number, maxJobs: number, outValues: number): FoldBatch {
  return (
    (wasmFold ? WasmFold.get()?.batch(w, lineValues, maxJobs, outValues) : null) ??
    jsFoldBatch(w, lineValues, maxJobs, outValues)
  );
}
