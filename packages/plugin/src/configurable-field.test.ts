import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { declareAbstract } from './abstract.js';
import { toConfigDict } from './config-dict.js';
import { configurableField } from './configurable-field.js';
import { configurationTestHelper } from './configuration-test-helper.js';
import { Plugfigurable } from './plugfigurable.js';
import { registerPlugin } from './registry.js';

abstract class Perturber extends Plugfigurable {
  static {
    declareAbstract(this, 'perturb');
  }
  abstract perturb(): string;
}

const GridSchema = z.object({ n: z.number().int().positive(), seed: z.number().int().nullable().default(null) });
class Grid extends Perturber {
  static {
    registerPlugin(this, 'test.field.Grid');
  }
  static override readonly configSchema = GridSchema;
  declare readonly options: z.output<typeof GridSchema>;
  constructor(options: z.input<typeof GridSchema>) {
    super(options);
  }
  perturb() {
    return `grid${this.options.n}`;
  }
}

class Window extends Perturber {
  static {
    registerPlugin(this, 'test.field.Window');
  }
  perturb() {
    return 'window';
  }
}

// A registered configurable that is NOT a Perturber.
class Scorer extends Plugfigurable {
  static {
    registerPlugin(this, 'test.field.Scorer');
  }
}

const StackSchema = z.object({
  perturber: configurableField(Perturber),
  backup: configurableField(Perturber).nullable().default(null),
  threads: z.number().int().min(0).default(0),
});
class Stack extends Plugfigurable {
  static {
    registerPlugin(this, 'test.field.Stack');
  }
  static override readonly configSchema = StackSchema;
  declare readonly options: z.output<typeof StackSchema>;
  constructor(options: z.input<typeof StackSchema>) {
    super(options);
  }
}

const gridConfig = (n: unknown) => ({ type: 'test.field.Grid', 'test.field.Grid': { n } });

describe('configurableField', () => {
  it('accepts an instance (as constructors are called) and keeps it', () => {
    const g = new Grid({ n: 2 });
    const s = new Stack({ perturber: g });
    expect(s.options.perturber).toBe(g);
    expect(s.options.backup).toBeNull();
  });

  it('serialises to the nested {type, <type>: {...}} form and builds from it', () => {
    const s = new Stack({ perturber: new Grid({ n: 2 }), backup: new Window() });
    const cfg = s.getConfig();
    expect(cfg).toEqual({
      perturber: { type: 'test.field.Grid', 'test.field.Grid': { n: 2, seed: null } },
      backup: { type: 'test.field.Window', 'test.field.Window': {} },
      threads: 0,
    });
    const back = Stack.fromConfig(cfg);
    expect(back.options.perturber).toBeInstanceOf(Grid);
    expect(back.options.perturber.perturb()).toBe('grid2');
    expect(back.options.backup).toBeInstanceOf(Window);
    const [s2, s3, s4] = configurationTestHelper(s);
    for (const x of [s2, s3, s4]) expect(x.getConfig()).toEqual(cfg);
  });

  it('accepts a nested configuration in the constructor too', () => {
    const s = new Stack({ perturber: gridConfig(5) });
    expect(s.options.perturber.perturb()).toBe('grid5');
  });

  it('nested configurations may carry several blocks; type selects one', () => {
    const s = Stack.fromConfig({
      perturber: { type: 'test.field.Window', 'test.field.Grid': { n: 1 }, 'test.field.Window': {} },
    });
    expect(s.options.perturber).toBeInstanceOf(Window);
  });

  it('reports nested errors with the outer class, the key and the inner problem', () => {
    expect(() => Stack.fromConfig({ perturber: gridConfig(-3) })).toThrow(
      'Stack: invalid options: perturber: Grid: invalid options: n: Too small: expected number to be >0',
    );
    expect(() => Stack.fromConfig({ perturber: { 'test.field.Grid': {} } })).toThrow(
      /Stack: invalid options: perturber: Configuration dictionary given does not have an implementation type specification/,
    );
    expect(() => Stack.fromConfig({})).toThrow(
      'Stack: invalid options: perturber: expected an instance of Perturber or a configuration {"type": <name>, <name>: {...}}, got null',
    );
    expect(() => new Stack({ perturber: 'grid' as never })).toThrow(
      /perturber: expected an instance of Perturber .* got string "grid"/,
    );
  });

  it('chooses only among the interface implementations (a registered class of another interface cannot be named)', () => {
    expect(() => Stack.fromConfig({ perturber: { type: 'test.field.Scorer', 'test.field.Scorer': {} } })).toThrow(
      /Stack: invalid options: perturber: Implementation type specified as 'test.field.Scorer', but no plugin implementations are available for that type\. Available implementation types options: \[.*"test.field.Grid".*\]/,
    );
    expect(() => new Stack({ perturber: new Scorer() as never })).toThrow(/expected an instance of Perturber/);
  });

  it('takes explicit candidates', () => {
    const Schema = z.object({ p: configurableField(Perturber, { candidates: () => [Window] }) });
    class OnlyWindow extends Plugfigurable {
      static {
        registerPlugin(this, 'test.field.OnlyWindow');
      }
      static override readonly configSchema = Schema;
    }
    expect(() => OnlyWindow.fromConfig({ p: gridConfig(1) })).toThrow(
      /Available implementation types options: \["test.field.Window"\]/,
    );
    expect(toConfigDict(OnlyWindow.fromConfig({ p: { type: 'test.field.Window', 'test.field.Window': {} } }))).toEqual({
      type: 'test.field.OnlyWindow',
      'test.field.OnlyWindow': { p: { type: 'test.field.Window', 'test.field.Window': {} } },
    });
  });

  it('a default instance appears in the default configuration in nested form', () => {
    const Schema = z.object({ p: configurableField(Perturber).default(() => new Grid({ n: 9 })) });
    class WithDefault extends Plugfigurable {
      static {
        registerPlugin(this, 'test.field.WithDefault');
      }
      static override readonly configSchema = Schema;
    }
    expect(WithDefault.getDefaultConfig()).toEqual({
      p: { type: 'test.field.Grid', 'test.field.Grid': { n: 9, seed: null } },
    });
    // Merging a user configuration over it: the user's type wins, the default block stays alongside.
    const w = WithDefault.fromConfig({ p: { type: 'test.field.Window', 'test.field.Window': {} } });
    expect((w.options as { p: Perturber }).p).toBeInstanceOf(Window);
  });

  it('validates its arguments', () => {
    expect(() => configurableField(3 as never)).toThrow('configurableField: iface: expected a class, got number 3');
  });

  it('gives a JSON Schema listing the candidates', () => {
    const s = Stack.getConfigJsonSchema() as { properties: { perturber: { properties: Record<string, unknown> } } };
    const names = (s.properties.perturber.properties.type as { enum: string[] }).enum;
    expect(names.sort()).toEqual(['test.field.Grid', 'test.field.Window']);
    expect(s.properties.perturber.properties['test.field.Grid']).toMatchObject({
      type: 'object',
      properties: { n: { type: 'integer' } },
      required: ['n'],
    });
  });

  it('JSON Schema generation survives recursive configurables', () => {
    abstract class Node extends Plugfigurable {
      static {
        declareAbstract(this, 'size');
      }
      abstract size(): number;
    }
    class Leaf extends Node {
      static {
        registerPlugin(this, 'test.field.Leaf');
      }
      size() {
        return 1;
      }
    }
    const PairSchema = z.object({ left: configurableField(Node), right: configurableField(Node) });
    class Pair extends Node {
      static {
        registerPlugin(this, 'test.field.Pair');
      }
      static override readonly configSchema = PairSchema;
      declare readonly options: z.output<typeof PairSchema>;
      size() {
        return this.options.left.size() + this.options.right.size();
      }
    }
    expect(Node.getImpls()).toEqual(new Set([Leaf, Pair]));
    const s = Pair.getConfigJsonSchema() as { properties: Record<string, { properties: Record<string, unknown> }> };
    expect(s.properties.left?.properties['test.field.Pair']).toEqual({ type: 'object' });
    const leaf = { type: 'test.field.Leaf', 'test.field.Leaf': {} };
    const p = Pair.fromConfig({
      left: leaf,
      right: { type: 'test.field.Pair', 'test.field.Pair': { left: leaf, right: leaf } },
    });
    expect(p.size()).toBe(3);
    configurationTestHelper(p);
  });
});
