import { describe, expect, it } from 'vitest';
import { createProgress, eta, formatDuration } from '../src/progress.js';
import { Sink } from './sink.js';

describe('progress', () => {
  it('formats durations and estimates the time left', () => {
    expect(formatDuration(4_400)).toBe('4s');
    expect(formatDuration(65_000)).toBe('1m05s');
    expect(formatDuration(3_720_000)).toBe('1h02m');
    expect(eta(25, 100, 10_000)).toBe(30_000);
    expect(eta(0, 100, 10_000)).toBeNaN();
  });

  it('prints plain lines, one per tenth, when not on a terminal', () => {
    let t = 0;
    const out = new Sink(false);
    const p = createProgress(out, { now: () => t });
    p.info('loading');
    const tick = p.start('explain', 100);
    for (let done = 10; done <= 100; done += 5) {
      t += 1000;
      tick(done, 100);
    }
    p.end();
    const lines = out.text.trim().split('\n');
    expect(lines[0]).toBe('loading');
    expect(lines[1]).toBe('explain: 0/100');
    expect(lines[2]).toBe('explain: 10/100 (10%), ETA 9s');
    expect(lines.at(-1)).toBe('explain: 100/100 (100%), 19s');
    expect(lines).toHaveLength(12);
  });

  it('redraws a bar with ETA in place on a terminal, throttled', () => {
    let t = 0;
    const out = new Sink(true, 80);
    const p = createProgress(out, { now: () => t, redrawMs: 100 });
    const tick = p.start('explain', 4);
    t = 50;
    tick(1, 4); // throttled
    t = 200;
    tick(2, 4);
    t = 400;
    tick(4, 4);
    p.end();
    const frames = out.text.split('\r\x1b[2K').filter(Boolean);
    expect(frames).toHaveLength(4); // start, 2/4, 4/4, final
    expect(frames[1]).toMatch(/^explain \[#+-+\] {2}50% 2\/4 0s ETA 0s$/);
    expect(frames[2]).toMatch(/^explain \[#+\] 100% 4\/4 0s$/);
    expect(out.text.endsWith('\n')).toBe(true);
  });

  it('prints nothing when quiet', () => {
    const out = new Sink(true);
    const p = createProgress(out, { quiet: true });
    p.info('x');
    p.start('y', 3)(3, 3);
    p.end();
    expect(out.text).toBe('');
  });
});
