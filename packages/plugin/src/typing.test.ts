import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { declareAbstract } from './abstract.js';
import { fromConfigDict, toConfigDict } from './config-dict.js';
import { configurableField } from './configurable-field.js';
import { Plugfigurable } from './plugfigurable.js';
import { registerPlugin } from './registry.js';

// The shape downstream packages use: an interface, an implementation with typed zod options,
// and a composite holding a nested configurable.
abstract class Perturber extends Plugfigurable {
  static {
    declareAbstract(this, 'perturb');
  }
  abstract perturb(x: number[]): number[][];
}

const GridSchema = z.object({
  n: z.number().int().positive(),
  s: z.number().int().positive(),
  p1: z.number().min(0).max(1),
  seed: z.number().int().nullable().default(null),
  threads: z.number().int().min(0).default(4),
});
type GridOptions = z.input<typeof GridSchema>;

class Grid extends Perturber {
  static {
    registerPlugin(this, 'test.typing.Grid');
  }
  static override readonly configSchema = GridSchema;
  declare readonly options: z.output<typeof GridSchema>;
  constructor(options: GridOptions) {
    super(options);
  }
  perturb(x: number[]): number[][] {
    return Array.from({ length: this.options.n }, () => x.map((v) => v * this.options.p1));
  }
}

const StackSchema = z.object({ perturber: configurableField(Perturber), threads: z.number().int().default(0) });
type StackOptions = z.input<typeof StackSchema>;

class Stack extends Plugfigurable {
  static {
    registerPlugin(this, 'test.typing.Stack');
  }
  static override readonly configSchema = StackSchema;
  declare readonly options: z.output<typeof StackSchema>;
  constructor(options: StackOptions) {
    super(options);
  }
}

describe('typed usage', () => {
  it('types options, statics and helpers', () => {
    const g = new Grid({ n: 2, s: 3, p1: 0.5 });
    expectTypeOf(g.options.seed).toEqualTypeOf<number | null>();
    expectTypeOf(Grid.fromConfig({ n: 1, s: 1, p1: 0 })).toEqualTypeOf<Grid>();
    expectTypeOf(Perturber.getImpls()).toEqualTypeOf<Set<typeof Perturber>>();
    const s = new Stack({ perturber: g });
    expectTypeOf(s.options.perturber).toEqualTypeOf<Perturber>();
    expect(g.getConfig()).toEqual({ n: 2, s: 3, p1: 0.5, seed: null, threads: 4 });
    const cfg = toConfigDict(s);
    expect(cfg).toEqual({
      type: 'test.typing.Stack',
      'test.typing.Stack': {
        perturber: { type: 'test.typing.Grid', 'test.typing.Grid': { n: 2, s: 3, p1: 0.5, seed: null, threads: 4 } },
        threads: 0,
      },
    });
    const back = fromConfigDict(cfg, [Stack]);
    expectTypeOf(back).toEqualTypeOf<Stack>();
    expect(back.options.perturber).toBeInstanceOf(Grid);
    expect(back.options.perturber.perturb([1])).toEqual([[0.5], [0.5]]);
    expect(Perturber.getImpls()).toEqual(new Set([Grid]));
  });
});
