import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

const require = createRequire(import.meta.url);

let ready: Promise<void> | null = null;

/** The folder holding the installed `@tensorflow/tfjs-backend-wasm`'s `.wasm` binaries. */
export function wasmBinariesDir(): string {
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
}

/**
 * Node: makes TF.js run on the `wasm` backend, with the binaries read from the installed
 * `@tensorflow/tfjs-backend-wasm` package (never fetched). Idempotent: later calls (also
 * concurrent ones) await the first. Throws when the backend cannot start.
 */
export function initWasmBackend(): Promise<void> {
  if (ready === null) {
    ready = (async () => {
      if (tf.getBackend() !== 'wasm') {
        // A path prefix: the backend appends the binary's file name.
        setWasmPaths(`${wasmBinariesDir()}${sep}`);
        const ok = await tf.setBackend('wasm');
        if (!ok) throw new Error('initWasmBackend: the TF.js wasm backend failed to initialise');
      }
      await tf.ready();
    })();
    ready.catch(() => {
      ready = null;
    });
  }
  return ready;
}
