// SMQTK's configuration test fixtures, as salkit classes: T1 with plain options, T2 nesting a T1.
import { z } from 'zod';
import { Configurable } from './configurable.js';
import { configurableField } from './configurable-field.js';
import { registerPlugin } from './registry.js';

const T1Schema = z.object({ foo: z.number().int().default(1), bar: z.string().default('baz') });

export class T1 extends Configurable {
  static {
    registerPlugin(this, 'tests.configuration.T1');
  }
  static override readonly configSchema = T1Schema;
  declare readonly options: z.output<typeof T1Schema>;
  constructor(options: z.input<typeof T1Schema> = {}) {
    super(options);
  }
}

const T2Schema = z.object({
  child: configurableField(T1).default(() => new T1()),
  alpha: z.number().default(0.0001),
  beta: z.string().default('default'),
});

export class T2 extends Configurable {
  static {
    registerPlugin(this, 'tests.configuration.T2');
  }
  static override readonly configSchema = T2Schema;
  declare readonly options: z.output<typeof T2Schema>;
  constructor(options: z.input<typeof T2Schema> = {}) {
    super(options);
  }
}

export const T_CLASS_SET = new Set([T1, T2]);
