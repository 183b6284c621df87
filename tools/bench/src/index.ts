import { wasmThreadPool } from '@salkit/ndarray/wasm';
import { Bench } from 'tinybench';
import { runCalm } from './calm.js';
import type { BenchSuite, BenchTask } from './suite.js';
import { distanceSuite } from './suites/distance.js';
import { floorsSuite, MAC_FLOOR_1T, MAC_FLOOR_2T } from './suites/floors.js';
import { ndarraySuite } from './suites/ndarray.js';
import { perturbSuite } from './suites/perturb.js';
import { scoringSuite } from './suites/scoring.js';
import { scoringNativeSuite } from './suites/scoringNative.js';
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
  scoringNativeSuite,
  floorsSuite,
  stacksSuite,
  vizSuite,
];

interface Args {
  filter: string | null;
  time: number;
  cpu: boolean;
  /** Calm mode (see calm.ts): kept runs per task, probe tolerance, time budget per task in ms. */
  calm: { samples: number; tolerance: number; budgetMs: number; reference?: number } | null;
}

/** A positive number from option `name`'s value. */
function positive(name: string, value: string | undefined): number {
  const v = Number(value);
  if (value === undefined || !Number.isFinite(v) || v <= 0)
    throw new Error(`bench: ${name}: expected a positive number, got ${value}`);
  return v;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { filter: null, time: 1000, cpu: false, calm: null };
  const calm: NonNullable<Args['calm']> = { samples: 3, tolerance: 0.06, budgetMs: 600_000 };
  let calmOn = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--time') {
      args.time = positive('--time (ms)', argv[++i]);
    } else if (a === '--calm') {
      calmOn = true;
    } else if (a === '--calm-samples') {
      calm.samples = positive('--calm-samples', argv[++i]);
      if (!Number.isInteger(calm.samples))
        throw new Error(`bench: --calm-samples: expected a whole number, got ${argv[i]}`);
    } else if (a === '--calm-tol') {
      calm.tolerance = positive('--calm-tol (%)', argv[++i]) / 100;
    } else if (a === '--calm-ref') {
      calm.reference = positive('--calm-ref (ms)', argv[++i]);
    } else if (a === '--calm-budget') {
      calm.budgetMs = positive('--calm-budget (s)', argv[++i]) * 1000;
    } else if (a === '--cpu') {
      args.cpu = true;
    } else if (a === '--help' || a === '-h') {
      console.log(
        'usage: node dist/index.js [--time ms] [--cpu] [--calm [--calm-samples n] [--calm-tol %] [--calm-ref ms] [--calm-budget s]] [filter]\n' +
          '  filter: substring of "suite: task" (ending in $: its end); --cpu: time with process CPU time (steadier on a busy machine)\n' +
          '  --calm: time each run of a task between two runs of the float64 floor (on the pool when it has\n' +
          '    threads) and keep the runs whose probes were both within --calm-tol % (6) of the quietest\n' +
          '    probe seen (or of --calm-ref, the probe at rest on this machine), until --calm-samples (3)\n' +
          '    are kept or --calm-budget seconds (600) per task pass',
      );
      process.exit(0);
    } else {
      args.filter = a;
    }
  }
  if (calmOn) args.calm = calm;
  else if (argv.some((a) => a.startsWith('--calm-'))) throw new Error('bench: --calm-* options need --calm');
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

/** Whether the filter selects task `name` ("suite: task"): a substring, or with a final `$` a suffix. */
function selected(filter: string | null, name: string): boolean {
  if (filter === null) return true;
  return filter.endsWith('$') ? name.endsWith(filter.slice(0, -1)) : name.includes(filter);
}

interface CalmRow {
  suite: string;
  task: string;
  'calm p50 ms': string;
  'calm min ms': string;
  'calm runs': string;
  'probe ms': string;
}

/** Calm mode: every selected task timed between probes (see calm.ts); a table of the kept runs. */
async function mainCalm(args: Args, calm: NonNullable<Args['calm']>): Promise<void> {
  const floors = await floorsSuite.tasks();
  const probeName = (wasmThreadPool()?.threads ?? 1) > 1 ? MAC_FLOOR_2T : MAC_FLOOR_1T;
  const probe = floors.find((t) => t.name === probeName);
  if (!probe) throw new Error('bench: --calm needs WebAssembly for its probe (the float64 floor)');
  const rows: CalmRow[] = [];
  for (const suite of SUITES) {
    // the floors' 200 MB of masks once
    const tasks = (suite === floorsSuite ? floors : await suite.tasks()).filter((t) =>
      selected(args.filter, `${suite.name}: ${t.name}`),
    );
    for (const t of tasks) {
      for (let i = 0; i < 2; i++) await t.fn();
      const r = await runCalm(t.fn, probe.fn, { ...calm, backoffMs: 10_000 });
      const p50 = r.times[Math.floor((r.times.length - 1) / 2)];
      rows.push({
        suite: suite.name,
        task: t.name,
        'calm p50 ms': p50 === undefined ? '-' : fmt(p50),
        'calm min ms': r.times.length === 0 ? '-' : fmt(r.times[0] as number),
        'calm runs': `${r.times.length} of ${r.tried}`,
        'probe ms': fmt(r.quiet),
      });
    }
  }
  console.log(
    `salkit benchmarks, calm mode (node ${process.version}, ${process.arch}); wall ms of the runs whose probes ('${probeName}') were within ${(calm.tolerance * 100).toFixed(0)}% of ${calm.reference === undefined ? 'the quietest probe' : `${calm.reference} ms`}`,
  );
  console.table(rows);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // helper threads start in the background: time nothing before they are up
  await wasmThreadPool()?.whenReady();
  if (args.calm !== null) {
    await mainCalm(args, args.calm);
    return;
  }
  const rows: Row[] = [];
  let failed = 0;
  for (const suite of SUITES) {
    let all: BenchTask[];
    try {
      all = await suite.tasks();
    } catch (e) {
      failed++;
      console.error(`bench: ${suite.name}: setting up the suite failed: ${(e as Error).message ?? e}`);
      continue;
    }
    const tasks = all.filter((t) => selected(args.filter, `${suite.name}: ${t.name}`));
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
