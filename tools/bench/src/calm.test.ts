import { describe, expect, it } from 'vitest';
import { type CalmOptions, type CalmRecord, calmTimes, runCalm } from './calm.js';

describe('calmTimes', () => {
  it('keeps the runs whose probes on both sides were within the tolerance of the quietest probe', () => {
    const records: CalmRecord[] = [
      { before: 100, ms: 50, after: 104 },
      { before: 104, ms: 70, after: 130 }, // busy after
      { before: 180, ms: 90, after: 101 }, // busy before
      { before: 101, ms: 40, after: 105 },
    ];
    expect(calmTimes(records, 0.05)).toEqual({ quiet: 100, times: [40, 50] });
    expect(calmTimes(records, 0.3)).toEqual({ quiet: 100, times: [40, 50, 70] });
    expect(calmTimes(records, 0)).toEqual({ quiet: 100, times: [] });
    // the quietest probe may come after a run
    expect(calmTimes([{ before: 110, ms: 5, after: 100 }], 0.05)).toEqual({ quiet: 100, times: [] });
  });

  it('judges against a given reference instead of the quietest probe seen', () => {
    const records: CalmRecord[] = [
      { before: 100, ms: 50, after: 104 },
      { before: 62, ms: 40, after: 63 },
      { before: 66, ms: 45, after: 64 },
    ];
    expect(calmTimes(records, 0.06, 62)).toEqual({ quiet: 62, times: [40] });
    expect(calmTimes(records, 0.06, 100)).toEqual({ quiet: 100, times: [40, 45, 50] });
    expect(() => calmTimes(records, 0.06, 0)).toThrow('calmTimes: reference: expected a number > 0 (ms), got 0');
  });

  it('rejects a negative or NaN tolerance', () => {
    expect(() => calmTimes([], -0.1)).toThrow('calmTimes: tolerance: expected a number >= 0, got -0.1');
    expect(() => calmTimes([], Number.NaN)).toThrow('got NaN');
  });
});

/** A clock that the fake task and probe advance: the probe by the next of `probes`, the task by `taskMs`. */
function fakeMachine(probes: number[], taskMs: number) {
  let t = 0;
  let i = 0;
  const slept: number[] = [];
  return {
    probe: () => {
      t += probes[Math.min(i++, probes.length - 1)] as number;
    },
    task: () => {
      t += taskMs;
    },
    slept,
    /** runCalm of the fake task and probe on this clock. */
    run(o: Omit<CalmOptions, 'now' | 'sleep'>) {
      return runCalm(this.task, this.probe, {
        ...o,
        now: () => t,
        sleep: async (ms: number) => {
          slept.push(ms);
          t += ms;
        },
      });
    },
  };
}

describe('runCalm', () => {
  it('stops once enough runs were calm, and reports every run it made', async () => {
    // probes: 100 (first), then 200 (busy), 100, 100, 101
    const m = fakeMachine([100, 200, 100, 100, 101], 30);
    const r = await m.run({ samples: 2, tolerance: 0.05, budgetMs: 1e6 });
    // runs: [100, 200] busy, [200, 100] busy, [100, 100] calm, [100, 101] calm
    expect(r).toEqual({ quiet: 100, times: [30, 30], tried: 4 });
  });

  it('with a reference, keeps running while every probe is above it', async () => {
    const m = fakeMachine([100, 100, 100, 60, 60], 30);
    const r = await m.run({ samples: 1, tolerance: 0.05, reference: 60, budgetMs: 1e6 });
    // runs: [100, 100] twice, [100, 60] busy, then [60, 60] calm
    expect(r).toEqual({ quiet: 60, times: [30], tried: 4 });
  });

  it('stops at the budget with the calm runs it has, and backs off after a busy run', async () => {
    const m = fakeMachine([100, 300], 30);
    const r = await m.run({ samples: 5, tolerance: 0.05, budgetMs: 2000, backoffMs: 500 });
    expect(r.times).toEqual([]);
    expect(r.quiet).toBe(100);
    expect(r.tried).toBeGreaterThan(0);
    expect(m.slept.length).toBe(r.tried);
    expect(m.slept.every((ms) => ms === 500)).toBe(true);
  });

  it('validates its options', async () => {
    const m = fakeMachine([100], 1);
    await expect(m.run({ samples: 0, tolerance: 0.05, budgetMs: 10 })).rejects.toThrow(
      'runCalm: samples: expected an integer >= 1, got 0',
    );
    await expect(m.run({ samples: 1, tolerance: 0.05, budgetMs: 0 })).rejects.toThrow(
      'runCalm: budgetMs: expected a number > 0, got 0',
    );
  });
});
