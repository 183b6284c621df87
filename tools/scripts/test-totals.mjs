// Sums the vitest JSON reports of every workspace package and prints one plain line,
// "<N> passed, <M> failed", which CI tools read as the run's totals.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
let reports = 0;
for (const group of ['packages', 'tools']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, '.vitest', 'results.json');
    if (!existsSync(file)) continue;
    const r = JSON.parse(readFileSync(file, 'utf8'));
    reports++;
    passed += r.numPassedTests ?? 0;
    // A suite that fails without a failing test (e.g. it cannot be imported) counts once.
    const failedTests = r.numFailedTests ?? 0;
    failed += failedTests > 0 ? failedTests : (r.numFailedTestSuites ?? 0);
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
}
if (reports === 0) {
  console.log('0 passed, 1 failed');
  console.error('test-totals: no vitest reports found (did the tests run?)');
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
