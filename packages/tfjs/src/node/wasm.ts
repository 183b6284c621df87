import { dirname, join, sep } from 'node:path';
import type * as TF from '@tensorflow/tfjs';
import type * as TFWasm from '@tensorflow/tfjs-backend-wasm';
import { packageRequire } from '../tf/packageRequire.js';

const require = packageRequire();

let tfjs: typeof TF | undefined;

/**
 * TF.js and its wasm backend, loaded on first use, so that importing `@salkit/tfjs/node` (for its
 * file helpers, say) stays cheap. `#tfjs` is `require`d in Node (see ../tf/tfjs.node.ts); the
 * backend's bundle is CommonJS too, so it is required for the same reason.
 */
async function loadTf(): Promise<{ tf: typeof TF; setWasmPaths: typeof TFWasm.setWasmPaths }> {
  tfjs ??= (await import('#tfjs')).tf;
  const { setWasmPaths } = require('@tensorflow/tfjs-backend-wasm') as typeof TFWasm;
  return { tf: tfjs, setWasmPaths };
}

let pending: Promise<void> | null = null;

/** The folder holding the installed `@tensorflow/tfjs-backend-wasm`'s `.wasm` binaries. */
export function wasmBinariesDir(): string {
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
}

/**
 * Node: makes TF.js run on the `wasm` backend, with the binaries read from the installed
 * `@tensorflow/tfjs-backend-wasm` package (never fetched). Idempotent: a call when the backend
 * is already `wasm` returns at once, and concurrent calls share one initialisation. Throws when
 * the backend cannot start.
 */
export function initWasmBackend(): Promise<void> {
  // An initialisation in flight comes first: tf.setBackend names the backend before its async
  // set-up ends, so getBackend() alone would let a second caller through too early.
  if (pending) return pending;
  if (tfjs?.getBackend() === 'wasm') return Promise.resolve();
  pending = (async () => {
    try {
      const { tf, setWasmPaths } = await loadTf();
      if (tf.getBackend() === 'wasm') return;
      // A path prefix: the backend appends the binary's file name. (Once the backend has
      // initialised, the paths are no longer read; setting them again is harmless.)
      setWasmPaths(`${wasmBinariesDir()}${sep}`);
      const ok = await tf.setBackend('wasm');
      if (!ok) throw new Error('initWasmBackend: the TF.js wasm backend failed to initialise');
      await tf.ready();
    } finally {
      pending = null;
    }
  })();
  return pending;
}
