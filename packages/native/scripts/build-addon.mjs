// Compiles src/addon/regionAdd.cc into dist/salkit_native.node with the C++ compiler on PATH
// ($CXX, else g++, else c++) against the running Node's own headers (<prefix>/include/node).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const headers = resolve(dirname(process.execPath), '..', 'include', 'node');
if (!existsSync(join(headers, 'node_api.h'))) {
  console.error(`@salkit/native: Node's headers are not at ${headers} (node_api.h is missing)`);
  process.exit(1);
}
const compilers = process.env.CXX ? [process.env.CXX] : ['g++', 'c++'];
const out = join(root, 'dist', 'salkit_native.node');
mkdirSync(dirname(out), { recursive: true });
const flags = [
  '-std=c++17',
  '-O3',
  // the machine that builds is the one that runs (as with any addon built at install)
  '-march=native',
  // no fused multiply-add: numpy rounds every product before the add
  '-ffp-contract=off',
  '-fno-math-errno',
  '-Wall',
  '-Wextra',
  '-Werror',
  '-shared',
  '-fPIC',
  '-pthread',
  '-fvisibility=hidden',
  `-I${headers}`,
  '-o',
  out,
  join(root, 'src', 'addon', 'regionAdd.cc'),
];
for (const cxx of compilers) {
  try {
    execFileSync(cxx, flags, { stdio: 'inherit' });
    console.log(`@salkit/native: built ${out} with ${cxx}`);
    process.exit(0);
  } catch (e) {
    if (e.code !== 'ENOENT') {
      console.error(`@salkit/native: ${cxx} failed to compile the addon`);
      process.exit(1);
    }
  }
}
console.error(`@salkit/native: no C++ compiler found (tried ${compilers.join(', ')}; set CXX)`);
process.exit(1);
