/**
 * TF.js in Node, tfjs-core first (what `#tfjs` gives there, see ./tfjs.node.ts):
 *
 * - `require`, not `import`: TF.js ships CommonJS bundles only, and an ES module `import` of them
 *   makes Node scan ~6 MB of source for export names (cjs-module-lexer) before running them.
 * - This package and face-api call only tfjs-core's API (ops, tidy, io, engine, and the chained
 *   tensor methods such as `t.as3D()`), so `tf` serves tfjs-core's exports and loads the whole
 *   `@tensorflow/tfjs` (layers, converter, data, the cpu and webgl backends) only when a name
 *   outside tfjs-core is asked for, e.g. `loadGraphModel`. Both use the same tfjs-core module,
 *   hence one engine and backend. Start-up: ~70 ms instead of ~190 ms.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { packageRequire } from './packageRequire.js';
import { runCommonJs } from './runCommonJs.js';

type Exports = Record<PropertyKey, unknown>;

/** What `@tensorflow/tfjs` adds to tfjs-core besides its own top-level code. */
const TFJS_PARTS = [
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-converter',
  '@tensorflow/tfjs-data',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-webgl',
];

let tf: typeof tfjs | undefined;
let full: Exports | undefined;

/**
 * The whole `@tensorflow/tfjs` (loaded on first call), which also registers its cpu and webgl
 * backends: what runs models when the wasm backend is not wanted.
 */
export function wholeTf(): typeof tfjs {
  full ??= packageRequire()('@tensorflow/tfjs') as Exports;
  return full as unknown as typeof tfjs;
}

/** The `tf` object (made on first call; that call loads tfjs-core, ~70 ms). */
export function nodeTf(): typeof tfjs {
  if (tf) return tf;
  const require = packageRequire();
  const core = require('@tensorflow/tfjs-core') as Exports;
  // tfjs-core's bundle leaves the chained tensor methods and the gradients to @tensorflow/tfjs's
  // own top-level code: run that code once with its other parts left out (empty modules).
  runCommonJs(require.resolve('@tensorflow/tfjs'), new Map(TFJS_PARTS.map((id) => [id, {}])));
  const whole = () => wholeTf() as unknown as Exports;
  tf = new Proxy(core, {
    get: (target, name) => (name in target ? target[name] : whole()[name]),
    has: (target, name) => name in target || name in whole(),
  }) as unknown as typeof tfjs;
  return tf;
}
