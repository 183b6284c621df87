import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { declareAbstract } from './abstract.js';
import { Configurable } from './configurable.js';
import { configurationTestHelper } from './configuration-test-helper.js';
import { discoverViaSubclasses } from './discover-via-subclasses.js';
import { NotUsableError } from './errors.js';
import { isValidPlugin } from './is-valid-plugin.js';
import { Plugfigurable } from './plugfigurable.js';
import { Pluggable } from './pluggable.js';
import { registerPlugin } from './registry.js';

describe('Plugfigurable', () => {
  it('is both Pluggable and Configurable', () => {
    expect(Plugfigurable.prototype instanceof Pluggable).toBe(true);
    expect(Plugfigurable.prototype instanceof Configurable).toBe(true);
    expect(Plugfigurable.PLUGIN_ENV_VAR).toBe('SALKIT_PLUGIN_PATH');
    expect(Plugfigurable.PLUGIN_NAMESPACE).toBe('salkit_plugins');
  });

  abstract class MyBase extends Plugfigurable {
    static {
      declareAbstract(this, 'describe');
    }
    abstract describe(): string;
  }
  const Schema = z.object({ foo: z.string(), bar: z.number().int() });
  class MyObject extends MyBase {
    static {
      registerPlugin(this, 'test.plugfigurable.MyObject');
    }
    static override readonly configSchema = Schema;
    declare readonly options: z.output<typeof Schema>;
    constructor(options: z.input<typeof Schema>) {
      super(options);
    }
    describe() {
      return `${this.options.foo}/${this.options.bar}`;
    }
  }

  it('implementations are discovered and configurable', () => {
    expect(MyBase.getImpls()).toEqual(new Set([MyObject]));
    const inst = new MyObject({ foo: 'foofoo', bar: 42 });
    expect(inst).toBeInstanceOf(Pluggable);
    expect(inst).toBeInstanceOf(Configurable);
    expect(inst.getConfig()).toEqual({ foo: 'foofoo', bar: 42 });
    const [i2] = configurationTestHelper(inst);
    expect(i2.describe()).toBe('foofoo/42');
  });

  it('its implementations are plugins of Pluggable and Configurable too, found from either', () => {
    expect(isValidPlugin(MyObject, Pluggable)).toBe(true);
    expect(isValidPlugin(MyObject, Configurable)).toBe(true);
    expect(isValidPlugin(MyObject, Plugfigurable)).toBe(true);
    expect(Pluggable.getImpls().has(MyObject as never)).toBe(true);
    expect(discoverViaSubclasses(Pluggable).has(MyObject)).toBe(true);
    expect(discoverViaSubclasses(Pluggable).has(MyBase)).toBe(false); // not registered
  });

  it('isUsable applies to Plugfigurable classes too (rule 4 and construction)', () => {
    class Off extends MyBase {
      static override isUsable() {
        return false;
      }
      describe() {
        return '';
      }
    }
    expect(isValidPlugin(Off, MyBase)).toBe(false);
    expect(() => new Off()).toThrow(NotUsableError);
  });

  it('cannot be constructed while abstract', () => {
    const Base = MyBase as unknown as new () => MyBase;
    expect(() => new Base()).toThrow(
      /Can't instantiate abstract class MyBase: abstract member describe not implemented/,
    );
  });
});
