import { COLORMAP_NAMES } from '@salkit/viz';
import { describe, expect, it } from 'vitest';
import { type OptionSpec, parseArgs } from '../src/args/parse.js';
import * as v from '../src/args/values.js';
import { UsageError } from '../src/errors.js';

const specs: OptionSpec[] = [
  { name: 'n', value: 'N', help: '', parse: v.int(1) },
  { name: 'out', short: 'o', value: 'DIR', help: '' },
  { name: 'npy', help: '' },
  { name: 'window', value: 'HxW', help: '', parse: v.pair },
  { name: 'mean', value: 'M', help: '', parse: v.numberOrRgb },
  { name: 'config', value: 'FILE', help: '' },
];

describe('parseArgs', () => {
  it('reads long, short, inline and boolean options, positionals and --', () => {
    const a = parseArgs(['img.png', '--n', '20', '-o', 'dir', '--npy', '--window=3x4', '--', '--n'], specs, 'explain');
    expect(a.positionals).toEqual(['img.png', '--n']);
    expect(Object.fromEntries(a.values)).toEqual({ n: 20, out: 'dir', npy: true, window: [3, 4] });
  });

  it('keeps the last of a repeated option and accepts negative numbers as values', () => {
    const a = parseArgs(['--n', '2', '--n=3', '--mean', '-1.5'], specs, 'explain');
    expect(a.values.get('n')).toBe(3);
    expect(a.values.get('mean')).toBe(-1.5);
  });

  it('collects --config.path overrides in order, normalised to path=value', () => {
    const a = parseArgs(
      ['--config.a.b=1', '--config.c', '2', '--noconfig.d', '--config.e', '--npy', '--config.f', '-3', 'img'],
      specs,
      'explain',
    );
    expect(a.overrides).toEqual(['--config.a.b=1', '--config.c=2', '--noconfig.d', '--config.e', '--config.f=-3']);
    expect(a.positionals).toEqual(['img']);
    expect(a.values.get('npy')).toBe(true);
  });

  it('refuses unknown options with a suggestion', () => {
    expect(() => parseArgs(['--windw', '3'], specs, 'explain')).toThrow(
      /unknown option --windw for 'salkit explain' \(did you mean --window\?\)/,
    );
    expect(() => parseArgs(['-x'], specs, 'explain')).toThrow(UsageError);
  });

  it('refuses missing values and values on flags', () => {
    expect(() => parseArgs(['--n'], specs, 'explain')).toThrow('--n: expected a value (N), got nothing');
    expect(() => parseArgs(['--out', '--npy'], specs, 'explain')).toThrow(
      '--out: expected a value (DIR), got the option --npy',
    );
    expect(() => parseArgs(['--npy=yes'], specs, 'explain')).toThrow('--npy: takes no value, got "yes"');
  });

  it('refuses overrides for a command without a config', () => {
    expect(() => parseArgs(['--config.a=1'], specs.slice(0, 3), 'config')).toThrow(/takes no config/);
  });
});

describe('value parsers', () => {
  it('name the flag, what was expected and what came', () => {
    expect(() => v.int(1)('0', '--n')).toThrow('--n: expected a positive integer, got "0"');
    expect(() => v.int(1)('2.5', '--n')).toThrow('--n: expected a positive integer, got "2.5"');
    expect(() => v.num(0, 1)('1.5', '--p1')).toThrow('--p1: expected a number from 0 to 1, got "1.5"');
    expect(() => v.num(0, Infinity, true)('0', '--blur')).toThrow('--blur: expected a number > 0, got "0"');
    expect(() => v.pair('3x', '--window')).toThrow('--window: expected a positive integer or HxW');
    expect(() => v.seed('-1', '--seed')).toThrow('--seed: expected a non-negative integer or none, got "-1"');
    expect(() => v.fill('300', '--fill')).toThrow('--fill: expected black, mean, a value from 0 to 255 or R,G,B');
    expect(() => v.oneOf(['a', 'b'])('c', '--m')).toThrow('--m: expected one of a, b, got "c"');
    expect(() => v.workSize('4', '--work-size')).toThrow(
      '--work-size: expected a size in pixels (>= 8), full or model',
    );
    expect(() => v.cmap('jet', '--cmap')).toThrow(/--cmap: expected one of viridis, coolwarm, RdBu_r, gray, got "jet"/);
  });

  it("take @salkit/viz's colormap names (kept in the CLI so the main thread need not load viz)", () => {
    expect(v.COLORMAP_NAMES).toEqual(COLORMAP_NAMES);
  });

  it('parse the accepted forms', () => {
    expect(v.int(1)(' 12 ', '--n')).toBe(12);
    expect(v.pair('8', '--w')).toEqual([8, 8]);
    expect(v.pair('8,6', '--w')).toEqual([8, 6]);
    expect(v.pair('8X6', '--w')).toEqual([8, 6]);
    expect(v.seed('none', '--seed')).toBeNull();
    expect(v.seed('42', '--seed')).toBe(42);
    expect(v.fill('black', '--fill')).toBeNull();
    expect(v.fill('mean', '--fill')).toBe('mean');
    expect(v.fill('128', '--fill')).toBe(128);
    expect(v.fill('1, 2,3', '--fill')).toEqual([1, 2, 3]);
    expect(v.numberOrRgb('0.5,0.4,0.3', '--mean')).toEqual([0.5, 0.4, 0.3]);
    expect(v.workSize('full', '--work-size')).toBe('full');
    expect(v.workSize('224', '--work-size')).toBe(224);
  });
});
