import { readFileSync, writeFileSync } from 'node:fs';
import type { NdArray } from './array.js';
import type { DType } from './dtype.js';
import { loadNpy, saveNpy } from './npy.js';

/** Node-only: reads a .npy file from disk. */
export function loadNpyFile(path: string): NdArray {
  return loadNpy(new Uint8Array(readFileSync(path)));
}

/** Node-only: writes an ndarray to a .npy file. */
export function saveNpyFile(path: string, a: NdArray, options: { dtype?: DType } = {}): void {
  writeFileSync(path, saveNpy(a, options));
}
