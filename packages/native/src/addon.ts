import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The compiled module's one function (src/addon/regionAdd.cc); it checks its arguments only for memory safety. */
export interface Addon {
  add(
    acc: Float64Array | Float32Array,
    cov: Float64Array | Float32Array,
    scalars: Float64Array,
    scalarOffset: number,
    masks: ArrayBufferView,
    maskOffset: number,
    n: number,
    channels: number,
    pixels: number,
    alpha: number,
    beta: number,
    round: boolean,
    float32: boolean,
    threads: number,
    overlap?: () => void,
  ): void;
}

/** Where the build (scripts/build-addon.mjs) puts the module: dist/, beside src/. */
export const ADDON_PATH = fileURLToPath(new URL('../dist/salkit_native.node', import.meta.url));

let loaded: { addon: Addon } | { error: string } | undefined;

/** The compiled module, or the reason it could not be loaded (once per process). */
export function loadAddon(): { addon: Addon } | { error: string } {
  if (loaded === undefined) {
    try {
      loaded = { addon: createRequire(import.meta.url)(ADDON_PATH) as Addon };
    } catch (e) {
      loaded = {
        error:
          `the compiled kernel could not be loaded from ${ADDON_PATH} (${(e as Error).message.split('\n')[0]}); ` +
          'build it with `node scripts/build-addon.mjs` in @salkit/native (needs a C++ compiler and Node headers)',
      };
    }
  }
  return loaded;
}
