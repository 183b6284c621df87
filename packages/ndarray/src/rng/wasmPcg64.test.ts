import { describe, expect, it } from 'vitest';
import { PCG64, useWasmPcg64 } from './pcg64.js';
import { PCG64_CHUNK, WasmPcg64 } from './wasmPcg64.js';

/** Draws `n` doubles from a fresh PCG64(seed) with the kernel on or off, then a few more of each kind. */
function draws(seed: number | bigint, n: number, wasm: boolean) {
  const was = useWasmPcg64(wasm);
  try {
    const g = new PCG64(seed);
    const skip = g.nextUint32(); // leaves a buffered half-word, which doubles must not touch
    const out = new Float64Array(n + 3);
    g.fillDoubles(out, 3, n + 3);
    const after = [g.nextUint32(), g.nextUint32(), g.nextDouble(), g.nextFloat()];
    return { skip, out, after, hi: g.hi, lo: g.lo, state: g.state };
  } finally {
    useWasmPcg64(was);
  }
}

describe('PCG64.fillDoubles in WebAssembly', () => {
  it.each([
    [0, 2048],
    [12345, PCG64_CHUNK],
    [2n ** 100n + 7n, PCG64_CHUNK + 1],
    [987654321, 3 * PCG64_CHUNK + 77],
  ])('gives the JS steps bit for bit (seed %s, %i draws), state and buffers included', (seed, n) => {
    const js = draws(seed, n, false);
    const wasm = draws(seed, n, true);
    // The kernel exists here (Node has WebAssembly), so the second run went through it.
    expect(WasmPcg64.get()).not.toBeNull();
    expect(wasm.out[0]).toBe(0);
    let firstDiff = -1;
    for (let i = 0; i < js.out.length && firstDiff < 0; i++) if (!Object.is(js.out[i], wasm.out[i])) firstDiff = i;
    expect(firstDiff).toBe(-1);
    expect(wasm.after).toEqual(js.after);
    expect([wasm.skip, wasm.hi, wasm.lo]).toEqual([js.skip, js.hi, js.lo]);
    expect(wasm.state).toEqual(js.state);
    expect(wasm.out.every((v, i) => i < 3 || (v >= 0 && v < 1))).toBe(true);
  });
});
