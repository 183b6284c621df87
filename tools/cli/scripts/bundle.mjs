/**
 * Second build step, after `tsc -p tsconfig.build.json`: esbuild bundles the command's two entries
 * so that each thread loads one file instead of ~340 small ES modules (zod, the @salkit packages,
 * ml-distance...; importing commands/impl/explain.js took 0.4 s unbundled, 0.15 s bundled):
 *
 * - `dist/bin.js` (over tsc's): src/bin.ts and everything it imports, the command runs it imports
 *   lazily included (esbuild keeps them lazy: they are evaluated at their `import()`);
 * - `dist/image/worker.js` (over tsc's): the image worker's entry, src/image/worker.ts. tsc's
 *   dist/image/thread.js (`main` imported from code) starts it at `./worker.js`; the bundle's copy
 *   of thread.ts at `./image/worker.js`, relative to dist/bin.js (`SALKIT_IMAGE_WORKER` below).
 *
 * The CLI's own modules come from src (esbuild strips the types), the workspace packages from their
 * built dist (their `default` export condition; `@salkit/source` is not passed, and turbo builds
 * them first). @salkit/tfjs is bundled too (its code runs when the models load): it `require`s
 * TF.js and face-api (CommonJS, not bundled) from its own package folder, found by name, so they
 * resolve from its dependencies wherever its code sits. The rest of dist
 * is tsc's, for `import { main } from '@salkit/cli'`. @jsquash/jpeg is a dependency of the CLI as
 * well as of @salkit/viz: the bundled copy of viz's libjpeg decoder resolves the decoder's `.wasm`
 * file from the bundle's own location.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * In dist/bin.js, thread.ts's fallback for a missing worker (`import('./jobs.js')`, the jobs run on
 * the main thread) imports tsc's dist/image/jobs.js rather than bundling the worker's code twice.
 */
const jobsFromTsc = {
  name: 'jobs-from-tsc',
  setup(b) {
    b.onResolve({ filter: /^\.\/jobs\.js$/ }, (args) =>
      args.importer.endsWith('/src/image/thread.ts') && args.kind === 'dynamic-import'
        ? { path: './image/jobs.js', external: true }
        : undefined,
    );
  },
};

const result = await build({
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  entryPoints: ['src/bin.ts', 'src/image/worker.ts'],
  outbase: 'src',
  outdir: 'dist',
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  // No custom condition (esbuild's default adds `module`): the packages' `default`, their dist.
  conditions: [],
  // The packages declare `sideEffects: false`, but their plugin classes register themselves when
  // their module runs (static blocks calling registerPlugin): keep every module Node would run.
  ignoreAnnotations: true,
  define: { SALKIT_IMAGE_WORKER: JSON.stringify('./image/worker.js') },
  // CommonJS dependencies (yaml's Node build) `require` Node's modules: esbuild's shim calls the
  // `require` in scope, which an ES module lacks (esbuild renames the bundled modules' own).
  banner: {
    js: "import { createRequire as __salkitCreateRequire } from 'node:module';\nconst require = __salkitCreateRequire(import.meta.url);",
  },
  plugins: [jobsFromTsc],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});

const source = Object.keys(result.metafile.inputs).filter((p) => /(^|\/)packages\/[^/]+\/src\//.test(p));
if (source.length > 0) {
  throw new Error(`bundled workspace sources instead of their dist: ${source.slice(0, 5).join(', ')}`);
}
