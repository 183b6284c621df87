import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReadmeFigure } from '../scripts/readme-figure.js';
import { decodePng } from '../src/index.js';
import { writePng } from '../src/node.js';

// The README shows docs/example.png; this test keeps it equal to what the package draws today.
// Regenerate after a deliberate change with:
//   UPDATE_FIGURES=1 pnpm --filter @salkit/viz exec vitest run test/readme-figure.test.ts
const path = new URL('../docs/example.png', import.meta.url).pathname;

describe('README figure', () => {
  it('docs/example.png is the figure the package draws', () => {
    const figure = buildReadmeFigure();
    if (process.env.UPDATE_FIGURES === '1') writePng(path, figure);
    expect(existsSync(path), 'docs/example.png is missing; see the comment above to make it').toBe(true);
    const stored = decodePng(new Uint8Array(readFileSync(path)));
    expect(stored.shape).toEqual(figure.shape);
    // Exact today; a few bytes of slack so a last-ulp change in Math.exp on another V8 cannot
    // fail it, while any real change to the drawing (thousands of bytes) still does.
    let differing = 0;
    for (let i = 0; i < figure.data.length; i++) if (stored.data[i] !== figure.data[i]) differing++;
    expect(differing).toBeLessThanOrEqual(12);
  });
});
