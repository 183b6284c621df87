import { wasmThreadPool } from '@salkit/ndarray/wasm';
import { Bench } from 'tinybench';
import type { BenchSuite, BenchTask } from './suite.js';
import { distanceSuite } from './suites/distance.js';
import { floorsSuite } from './suites/floors.js';
import { ndarraySuite } from './suites/ndarray.js';
import { perturbSuite } from './suites/perturb.js';
import { scoringSuite } from './suites/scoring.js';
import { stacksSuite } from './suites/stacks.js';
import { vizSuite } from './suites/viz.js';

/**
 * Every suite, in run order. To add one: write `src/suites/<name>.ts` exporting a BenchSuite
 * (see suite.ts) and list it here. `node dist/index.js <filter>` runs only the tasks whose
 * "suite: task" name contains the filter; `--time <ms>` sets the minimum time per task.
 */
const SUITES: BenchSuite[] = [
  ndarraySuite,
  distanceSuite,
  perturbSuite,
  scoringSuite,
  floorsSuite,
  stacksSuite,
  vizSuite,
];

interface Args {
  filter: string | null;
  time: number;
  cpu: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { filter: null, time: 1000, cpu: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--time') {
      const t = Number(argv[++i]);
      if (!Number.isFinite(t) || t <= 0)
        throw new Error(`bench: --time: expected a positive number of ms, got ${argv[i]}`);
      args.time = t;
    } else if (a === '--cpu') {
      args.cpu = true;
    } else if (a === '--help' || a === '-h') {
      console.log(
        'usage: node dist/index.js [--time ms] [--cpu] [filter]\n' +
          '  filter: substring of "suite: task"; --cpu: time with process CPU time (steadier on a busy machine)',
      );
      process.exit(0);
    } else {
      args.filter = a;
    }
  }
  return args;
}

/** Process CPU time (user + system) in ms: unlike wall time, it ignores time spent waiting for a core. */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function fmt(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms >= 100) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(3);
  return ms.toPrecision(3);
}

interface Row {
  suite: string;
  task: string;
  'mean ms': string;
  'p50 ms': string;
  'p75 ms': string;
  'p99 ms': string;
  '±%': string;
  samples: number;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const rows: Row[] = [];
  let failed = 0;
  // helper threads start in the background: time nothing before they are up
  await wasmThreadPool()?.whenReady();
  for (const suite of SUITES) {
    let all: BenchTask[];
    try {
      all = await suite.tasks();
    } catch (e) {
      failed++;
      console.error(`bench: ${suite.name}: setting up the suite failed: ${(e as Error).message ?? e}`);
      continue;
    }
    const tasks = all.filter((t) => args.filter === null || `${suite.name}: ${t.name}`.includes(args.filter));
    if (tasks.length === 0) continue;
    const bench = new Bench({
      name: suite.name,
      time: suite.time ?? args.time,
      iterations: suite.iterations ?? 8,
      ...(args.cpu ? { now: cpuNow } : {}),
    });
    for (const t of tasks) bench.add(t.name, t.fn);
    await bench.run();
    for (const task of bench.tasks) {
      const r = task.result;
      if (r.state === 'completed' || r.state === 'aborted-with-statistics') {
        const l = r.latency;
        rows.push({
          suite: suite.name,
          task: task.name,
          'mean ms': fmt(l.mean),
          'p50 ms': fmt(l.p50),
          'p75 ms': fmt(l.p75),
          'p99 ms': fmt(l.p99),
          '±%': l.rme.toFixed(1),
          samples: l.samplesCount,
        });
      } else {
        failed++;
        const why = r.state === 'errored' ? r.error.message : r.state;
        console.error(`bench: ${suite.name}: ${task.name}: ${why}`);
      }
    }
  }
  const threads = wasmThreadPool()?.threads ?? 1;
  console.log(
    `salkit benchmarks (node ${process.version}, ${process.arch}); ms per op, ${args.cpu ? 'process CPU time (summed over threads)' : 'wall clock'}; ${threads} thread(s) for float-mask scoring (SALKIT_THREADS)`,
  );
  console.table(rows);
  if (failed > 0) process.exitCode = 1;
}

await main();
