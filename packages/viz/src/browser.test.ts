import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

// The main entry must work in browsers. These tests run code where a browser would: in a fresh
// V8 context with the web globals the code may touch (timers, console, text codecs) and none of
// Node's (require, module, process, Buffer, global).

const require = createRequire(import.meta.url);

function browserLikeContext(): vm.Context {
  return vm.createContext({ setTimeout, clearTimeout, queueMicrotask, console, TextEncoder, TextDecoder, atob, btoa });
}

/** The part of rolldown's API used here (rolldown is not a dependency of this package). */
interface Rolldown {
  rolldown(options: {
    input: string;
    platform: 'browser';
    resolve: { conditionNames: string[] };
    logLevel: 'silent';
  }): Promise<{
    generate(options: { format: 'iife'; name: string }): Promise<{ output: [{ code: string }] }>;
    close(): Promise<void>;
  }>;
}

/** rolldown, the bundler inside Vite (which vitest runs on), or null when it cannot be found. */
async function findRolldown(): Promise<Rolldown | null> {
  try {
    const fromVitest = createRequire(require.resolve('vitest/package.json'));
    const fromVite = createRequire(fromVitest.resolve('vite/package.json'));
    return (await import(fromVite.resolve('rolldown'))) as Rolldown;
  } catch {
    return null;
  }
}

const rolldown = await findRolldown();

describe('browser use', () => {
  it("pngjs's browser bundle encodes and decodes with no Node globals", () => {
    const ctx = browserLikeContext();
    vm.runInContext('var module = { exports: {} }; var exports = module.exports;', ctx);
    vm.runInContext(readFileSync(require.resolve('pngjs/browser.js'), 'utf8'), ctx);
    const result = vm.runInContext(
      `const { PNG } = module.exports;
       const data = new Uint8Array(7 * 5 * 4).map((_, i) => (i * 13) & 255);
       const png = PNG.sync.write({ width: 7, height: 5, data });
       const back = PNG.sync.read(png);
       [back.width, back.height, back.data.every((v, i) => v === data[i])]`,
      ctx,
    );
    expect(result).toEqual([7, 5, true]);
  });

  it.skipIf(rolldown === null)(
    'the main entry, bundled for browsers, runs with no Node globals (PNG, JPEG, overlay, grid)',
    async () => {
      const bundle = await rolldown!.rolldown({
        input: new URL('./index.ts', import.meta.url).pathname,
        platform: 'browser',
        resolve: { conditionNames: ['@salkit/source', 'browser', 'import', 'module', 'default'] },
        logLevel: 'silent',
      });
      const { output } = await bundle.generate({ format: 'iife', name: 'viz' });
      await bundle.close();
      const code = output[0].code;
      expect(code).not.toMatch(/require\(["']node:/);
      const ctx = browserLikeContext();
      vm.runInContext(code, ctx);
      const result = vm.runInContext(
        `const nd = (data, shape) => {
           const stride = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
           return { data, shape, stride, offset: 0, size: data.length };
         };
         const img = nd(new Uint8Array(6 * 8 * 3).map((_, i) => (i * 7) & 255), [6, 8, 3]);
         const map = nd(new Float64Array(48).map((_, i) => Math.sin(i)), [6, 8]);
         const over = viz.overlayHeatmap(img, map, { alpha: 0.5 });
         const grid = viz.tileGrid([img, over], { labels: ['a', 'b'] });
         const png = viz.decodePng(viz.encodePng(grid));
         const jpg = viz.decodeImage(viz.encodeJpeg(over, { quality: 90 }));
         ({
           pngExact: png.data.every((v, i) => v === grid.data[i]),
           gridShape: grid.shape,
           jpgShape: jpg.shape,
           globals: [typeof Buffer, typeof process, typeof require, typeof module],
         })`,
        ctx,
      );
      expect(result).toEqual({
        pngExact: true,
        gridShape: [4 + 6 + 11 + 4, 3 * 4 + 16, 3],
        jpgShape: [6, 8, 3],
        globals: ['undefined', 'undefined', 'undefined', 'undefined'],
      });
    },
  );
});
