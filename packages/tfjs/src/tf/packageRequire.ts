import { createRequire } from 'node:module';

let require: NodeJS.Require | undefined;

/**
 * Node's `require` as seen from this package's folder, so that TF.js, its wasm backend and face-api
 * resolve from this package's dependencies even when a bundler has copied this code elsewhere
 * (the salkit command bundles it): the first lookup is this package itself, by name.
 */
export function packageRequire(): NodeJS.Require {
  require ??= createRequire(createRequire(import.meta.url).resolve('@salkit/tfjs/package.json'));
  return require;
}
