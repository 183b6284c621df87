// SMQTK-Core's own tests of its plugin and configuration machinery, written anew for @salkit/plugin:
// tests/test_plugin.py, tests/test_configuration.py, tests/test_merge_dict.py and
// tests/test_plugfigurable.py, plus the doctest examples of smqtk_core/configuration.py. Each
// `describe` carries the name of the Python test class or function it translates, each `it` the name
// of the Python test. Where Python and TypeScript differ (no `__subclasses__`, modules loaded
// asynchronously, one options object instead of keyword parameters), the test checks the same
// behaviour through the TypeScript API; extra `it`s cover rules the Python suite leaves implicit.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type AnyClass, declareAbstract } from './abstract.js';
import { clsConfToConfigDict } from './cls-conf-to-config-dict.js';
import { clsConfFromConfigDict, fromConfigDict, makeDefaultConfig, toConfigDict } from './config-dict.js';
import { Configurable } from './configurable.js';
import { configurableField } from './configurable-field.js';
import { configurationTestHelper } from './configuration-test-helper.js';
import { discoverPlugins } from './discover-plugins.js';
import { discoverViaEntrypointExtensions } from './discover-via-entrypoint-extensions.js';
import { discoverViaEnvVar } from './discover-via-env-var.js';
import { discoverViaSubclasses } from './discover-via-subclasses.js';
import { NotAModuleError, NotUsableError } from './errors.js';
import { filterPluginTypes, isValidPlugin } from './is-valid-plugin.js';
import type { JsonObject } from './json.js';
import { clearLoadedPlugins } from './loaded.js';
import { mergeDict } from './merge-dict.js';
import { collectTypesInModule } from './module-types.js';
import { tempDir, writeTree } from './node/temp-plugins.test-util.js';
import { Plugfigurable } from './plugfigurable.js';
import { Pluggable } from './pluggable.js';
import { registerPlugin } from './registry.js';
import { T_CLASS_SET, T1, T2 } from './test-classes.test-util.js';

// ---------------------------------------------------------------------------------------------------
// Fixtures: tests/test_plugin_dir/module_of_stuff.py and module_of_more_stuff.py as ES modules on disk.
// An on-disk module cannot import this package's TypeScript sources, so the helpers it needs are
// published on globalThis (a real plugin module imports them from '@salkit/plugin').

const BRIDGE = '__salkitSmqtkAcceptance';
abstract class SharedIface extends Plugfigurable {
  static {
    declareAbstract(this, 'greet');
  }
  abstract greet(): string;
}
(globalThis as Record<string, unknown>)[BRIDGE] = { declareAbstract, registerPlugin, SharedIface };

const STUFF_FILES: Record<string, string> = {
  // pathlib.Path: a class both modules import and re-export.
  'path.js': 'export class Path {}\n',
  'module_of_stuff.js': `const { declareAbstract } = globalThis.${BRIDGE};
export { Path } from './path.js';
export * as pathModule from './path.js'; // a module object (Python: import os) is not a type
export const a = 1; // an instance
export const b = String; // an alias to a built-in type
export class ClassDefinition {
  static { declareAbstract(this, 'coolThing'); }
}
export class Derived extends ClassDefinition {
  coolThing() { return 'content does not matter'; }
}
export class StillAbstract extends ClassDefinition {}
export const classInstance = new Derived();
`,
  'module_of_more_stuff.js': `import * as moduleOfStuff from './module_of_stuff.js';
export { Path } from './path.js'; // intentional duplicate w.r.t. the "stuff" module
export * as moduleOfStuff from './module_of_stuff.js';
export class NewCustomType extends Map {} // Python: a subclass of argparse.ArgumentParser
export class AnotherDerived extends moduleOfStuff.ClassDefinition {
  coolThing() { return ''; }
}
export const nctType = NewCustomType.constructor; // Python: type(NewCustomType), i.e. \`type\`; here Function
`,
  'module_with_exception.js': "throw new Error('Expected error on import');\n",
};

type Ns = Record<string, unknown>;
const fileUrl = (file: string) => pathToFileURL(file).href;

/** Writes the stuff modules into `dir`, imports them, and returns SMQTK's expected type sets. */
async function stuffModules(dir: string) {
  writeTree(dir, STUFF_FILES);
  const stuff = (await import(/* @vite-ignore */ fileUrl(path.join(dir, 'module_of_stuff.js')))) as Ns;
  const more = (await import(/* @vite-ignore */ fileUrl(path.join(dir, 'module_of_more_stuff.js')))) as Ns;
  const TYPES_IN_STUFF_MODULE = new Set([
    stuff.Path,
    String,
    stuff.ClassDefinition,
    stuff.Derived,
    stuff.StillAbstract,
  ]);
  const TYPES_IN_MORE_STUFF_MODULE = new Set([more.Path, more.NewCustomType, more.AnotherDerived, Function]);
  return {
    stuff,
    more,
    TYPES_IN_STUFF_MODULE,
    TYPES_IN_MORE_STUFF_MODULE,
    BOTH: new Set([...TYPES_IN_STUFF_MODULE, ...TYPES_IN_MORE_STUFF_MODULE]),
  };
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  tmp.cleanup();
  clearLoadedPlugins();
});

const sep = path.delimiter;

// ===================================================================================================
// tests/test_plugin.py

describe('test_plugin.py TestIsValidPlugin', () => {
  it('test_not_different_type', () => {
    class InterfaceType {}
    expect(isValidPlugin(InterfaceType, InterfaceType)).toBe(false);
    // Also for a Pluggable interface that is not abstract at all.
    class PluggableInterface extends Pluggable {}
    expect(isValidPlugin(PluggableInterface, PluggableInterface)).toBe(false);
  });

  it('test_not_subclass', () => {
    class InterfaceType {}
    class TestType {}
    expect(isValidPlugin(TestType, InterfaceType)).toBe(false);
  });

  it('test_has_abstract_methods (a lingering abstract accessor, or a lingering abstract method)', () => {
    abstract class InterfaceType {
      static {
        declareAbstract(this, 'absMethod', 'absProp');
      }
      abstract absMethod(): void;
      abstract get absProp(): number;
    }
    abstract class ImplementsMethodOnly extends InterfaceType {
      absMethod() {}
    }
    abstract class ImplementsPropOnly extends InterfaceType {
      get absProp() {
        return 1;
      }
    }
    expect(isValidPlugin(ImplementsMethodOnly, InterfaceType)).toBe(false);
    expect(isValidPlugin(ImplementsPropOnly, InterfaceType)).toBe(false);
  });

  it('an implementation missing exactly one of several abstract methods is not a plugin, and cannot be constructed', () => {
    abstract class Iface extends Pluggable {
      static {
        declareAbstract(this, 'one', 'two', 'three');
      }
      abstract one(): number;
      abstract two(): number;
      abstract three(): number;
    }
    // @ts-expect-error TypeScript sees the gap at compile time; declareAbstract makes it visible at run time
    class MissingTwo extends Iface {
      one() {
        return 1;
      }
      three() {
        return 3;
      }
    }
    class Complete extends MissingTwo {
      two() {
        return 2;
      }
    }
    expect(isValidPlugin(MissingTwo, Iface)).toBe(false);
    expect(isValidPlugin(Complete, Iface)).toBe(true);
    expect(() => new MissingTwo()).toThrow(TypeError);
    expect(() => new MissingTwo()).toThrow(/MissingTwo: abstract member two not implemented/);
    expect(new Complete().two()).toBe(2);
  });

  it('test_pluggable_usable', () => {
    class InterfaceType extends Pluggable {}
    class ImplementingTypeFalse extends InterfaceType {
      static override isUsable() {
        return false;
      }
    }
    class ImplementingTypeTrue extends InterfaceType {
      static override isUsable() {
        return true;
      }
    }
    expect(isValidPlugin(ImplementingTypeFalse, InterfaceType)).toBe(false);
    expect(isValidPlugin(ImplementingTypeTrue, InterfaceType)).toBe(true);
  });

  it('rule 4 holds for Plugfigurable classes, and only for Pluggable ones (isUsable on another class is ignored)', () => {
    abstract class PlugIface extends Plugfigurable {}
    class Unusable extends PlugIface {
      static override isUsable() {
        return false;
      }
    }
    expect(isValidPlugin(Unusable, PlugIface)).toBe(false);
    expect(isValidPlugin(Unusable, Pluggable)).toBe(false);

    // SMQTK: "If the cls is a subclass of Pluggable, it must report as usable".
    class PlainIface {}
    class PlainImpl extends PlainIface {
      static isUsable() {
        return false;
      }
    }
    expect(isValidPlugin(PlainImpl, PlainIface)).toBe(true);
    class ConfIface extends Configurable {}
    class ConfImpl extends ConfIface {
      static isUsable() {
        return false;
      }
    }
    expect(isValidPlugin(ConfImpl, ConfIface)).toBe(true);
  });

  it('test_success', () => {
    abstract class InterfaceType {
      static {
        declareAbstract(this, 'feature');
      }
      abstract feature(): number;
    }
    class ImplementingType extends InterfaceType {
      // isUsable default is true (and this is not even Pluggable)
      feature() {
        return 1;
      }
    }
    expect(isValidPlugin(ImplementingType, InterfaceType)).toBe(true);
  });
});

describe('test_plugin.py test_collect_types_in_module', () => {
  it('test_collect_types_in_module', async () => {
    const { stuff, more, TYPES_IN_STUFF_MODULE, TYPES_IN_MORE_STUFF_MODULE } = await stuffModules(tmp.dir);
    expect(collectTypesInModule(stuff)).toEqual(TYPES_IN_STUFF_MODULE);
    expect(collectTypesInModule(more)).toEqual(TYPES_IN_MORE_STUFF_MODULE);
  });
});

describe('test_plugin.py TestDiscoveryViaEnvVar', () => {
  const VAR_NAME = 'SOME_SILLY_NAME';

  it('test_not_set', async () => {
    expect((await discoverViaEnvVar(VAR_NAME, { env: { [VAR_NAME]: '' } })).size).toBe(0);
    expect((await discoverViaEnvVar(VAR_NAME, { env: {} })).size).toBe(0);
  });

  it('test_module_in_path', async () => {
    const { TYPES_IN_STUFF_MODULE } = await stuffModules(tmp.dir);
    const env = { [VAR_NAME]: path.join(tmp.dir, 'module_of_stuff.js') };
    expect(await discoverViaEnvVar(VAR_NAME, { env })).toEqual(TYPES_IN_STUFF_MODULE);
  });

  it('test_multiple_in_path', async () => {
    const { BOTH } = await stuffModules(tmp.dir);
    const env = { [VAR_NAME]: ['./module_of_stuff.js', './module_of_more_stuff.js'].join(sep) };
    const found = await discoverViaEnvVar(VAR_NAME, { env, cwd: tmp.dir });
    expect(found).toEqual(BOTH);
    expect(found.size).toBe(8); // Path is exported by both modules, and counted once
  });

  it('empty path elements are skipped ("foo::bar:baz" imports foo, bar and baz)', async () => {
    const { BOTH } = await stuffModules(tmp.dir);
    const value = ['', './module_of_stuff.js', '', '', './module_of_more_stuff.js', ''].join(sep);
    expect(await discoverViaEnvVar(VAR_NAME, { env: { [VAR_NAME]: value }, cwd: tmp.dir })).toEqual(BOTH);
    expect((await discoverViaEnvVar(VAR_NAME, { env: { [VAR_NAME]: sep.repeat(3) } })).size).toBe(0);
  });

  it('test_invalid_in_path', async () => {
    const env = { [VAR_NAME]: 'probably.not.a.valid.path' };
    await expect(discoverViaEnvVar(VAR_NAME, { env, cwd: tmp.dir })).rejects.toThrow(
      /SOME_SILLY_NAME lists "probably\.not\.a\.valid\.path", which cannot be imported/,
    );
  });

  it('test_module_exception', async () => {
    writeTree(tmp.dir, STUFF_FILES);
    const env = {
      [VAR_NAME]: ['./module_of_stuff.js', './module_of_more_stuff.js', './module_with_exception.js'].join(sep),
    };
    const err = await discoverViaEnvVar(VAR_NAME, { env, cwd: tmp.dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/module_with_exception\.js.*Expected error on import$/);
    // The module's own error is kept, unchanged, as the cause.
    expect(((err as Error).cause as Error).message).toMatch(/^Expected error on import$/);
  });
});

describe('test_plugin.py TestDiscoveryViaEntrypointExtensions', () => {
  const packageJson = (value: unknown, ns = 'my_namespace') => ({ name: 'stuff-plugins', type: 'module', [ns]: value });

  it('test_no_extensions_for_entrypoint', async () => {
    writeTree(tmp.dir, {
      'node_modules/stuff-plugins/package.json': packageJson('./module_of_stuff.js', 'another_namespace'),
    });
    expect((await discoverViaEntrypointExtensions('my_namespace', { root: tmp.dir })).size).toBe(0);
  });

  it('test_valid_extension_for_ns (a list of modules)', async () => {
    const pkg = path.join(tmp.dir, 'node_modules/stuff-plugins');
    const { BOTH } = await stuffModules(pkg);
    writeTree(pkg, { 'package.json': packageJson(['./module_of_stuff.js', './module_of_more_stuff.js']) });
    expect(await discoverViaEntrypointExtensions('my_namespace', { root: tmp.dir })).toEqual(BOTH);
  });

  it('test_valid_extension_for_ns (a single module as a string, and several packages)', async () => {
    const one = path.join(tmp.dir, 'node_modules/one');
    const two = path.join(tmp.dir, 'node_modules/@scope/two');
    const s1 = await stuffModules(one);
    const s2 = await stuffModules(two);
    writeTree(one, { 'package.json': { name: 'one', type: 'module', my_namespace: './module_of_stuff.js' } });
    writeTree(two, {
      'package.json': { name: '@scope/two', type: 'module', my_namespace: './module_of_more_stuff.js' },
    });
    const found = await discoverViaEntrypointExtensions('my_namespace', { root: tmp.dir });
    expect(found).toEqual(new Set([...s1.TYPES_IN_STUFF_MODULE, ...s2.TYPES_IN_MORE_STUFF_MODULE]));
  });

  it('test_invalid_ep_warning (an export specification instead of a module raises NotAModuleError)', async () => {
    const pkg = path.join(tmp.dir, 'node_modules/stuff-plugins');
    writeTree(pkg, { ...STUFF_FILES, 'package.json': packageJson('./module_of_more_stuff.js:NewCustomType') });
    const err = await discoverViaEntrypointExtensions('my_namespace', { root: tmp.dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotAModuleError);
    expect((err as Error).message).toMatch(
      /^package stuff-plugins \(.*\) "my_namespace": "\.\/module_of_more_stuff\.js:NewCustomType" did not specify a module/,
    );
  });

  it('test_module_with_error', async () => {
    const pkg = path.join(tmp.dir, 'node_modules/stuff-plugins');
    writeTree(pkg, {
      ...STUFF_FILES,
      'package.json': packageJson(['./module_of_stuff.js', './module_of_more_stuff.js', './module_with_exception.js']),
    });
    const err = await discoverViaEntrypointExtensions('my_namespace', { root: tmp.dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(NotAModuleError);
    expect((err as Error).message).toMatch(
      /"\.\/module_with_exception\.js" cannot be imported: Expected error on import$/,
    );
    expect(((err as Error).cause as Error).message).toMatch(/^Expected error on import$/);
  });
});

describe('test_plugin.py TestDiscoverViaSubclasses', () => {
  it('test_no_subclasses', () => {
    class SomeClass extends Pluggable {}
    expect(discoverViaSubclasses(SomeClass).size).toBe(0);
  });

  it('test_has_local_subclasses', () => {
    // JavaScript cannot list a class's subclasses: the in-program route finds registered classes.
    // Parent, the class itself and a sibling are registered too, to show they are left out.
    abstract class ParentClass {
      static {
        declareAbstract(this, 'someMethod');
        registerPlugin(this, 'smqtk.subclasses.ParentClass');
      }
      abstract someMethod(): void;
    }
    abstract class SomeClass extends ParentClass {
      static {
        registerPlugin(this, 'smqtk.subclasses.SomeClass');
      }
    }
    abstract class SiblingClass extends ParentClass {
      static {
        registerPlugin(this, 'smqtk.subclasses.SiblingClass');
      }
    }
    class DerivedClassOne extends SomeClass {
      static {
        registerPlugin(this, 'smqtk.subclasses.DerivedClassOne');
      }
      someMethod() {}
    }
    class DerivedClassTwo extends SomeClass {
      static {
        registerPlugin(this, 'smqtk.subclasses.DerivedClassTwo');
      }
      someMethod() {}
    }
    class DerivedClassTwoSubOne extends DerivedClassTwo {
      static {
        registerPlugin(this, 'smqtk.subclasses.DerivedClassTwoSubOne');
      }
    }
    class DerivedClassTwoSubOneMore extends DerivedClassTwoSubOne {
      static {
        registerPlugin(this, 'smqtk.subclasses.DerivedClassTwoSubOneMore');
      }
    }
    expect(discoverViaSubclasses(SomeClass)).toEqual(
      new Set([DerivedClassOne, DerivedClassTwo, DerivedClassTwoSubOne, DerivedClassTwoSubOneMore]),
    );
    expect(discoverViaSubclasses(ParentClass)).toEqual(
      new Set([
        SomeClass,
        SiblingClass,
        DerivedClassOne,
        DerivedClassTwo,
        DerivedClassTwoSubOne,
        DerivedClassTwoSubOneMore,
      ]),
    );
  });
});

describe('test_plugin.py TestFilterPluginTypes', () => {
  abstract class ClassDefinition {
    static {
      declareAbstract(this, 'coolThing');
    }
    abstract coolThing(): string;
  }
  class Derived extends ClassDefinition {
    coolThing() {
      return '';
    }
  }

  it('test_no_candidates', () => {
    expect(filterPluginTypes(ClassDefinition, []).size).toBe(0);
  });

  it('test_no_subclasses', () => {
    expect(filterPluginTypes(ClassDefinition, [Number, String, Function]).size).toBe(0);
  });

  it('test_includes_subclasses', () => {
    expect(filterPluginTypes(ClassDefinition, [Number, String, Derived, Function])).toEqual(new Set([Derived]));
  });

  it('test_duplicate_types', () => {
    const found = filterPluginTypes(ClassDefinition, [Number, String, Derived, Function, Derived]);
    expect(found).toEqual(new Set([Derived]));
    expect(found.size).toBe(1);
  });
});

describe('test_plugin.py TestPluggable', () => {
  it('test_no_plugins', async () => {
    // All routes find nothing: nothing registered below the interface, an empty variable, no packages.
    class SomeInterface extends Pluggable {}
    await discoverPlugins({ env: { SALKIT_PLUGIN_PATH: '' }, root: tmp.dir });
    expect(SomeInterface.getImpls().size).toBe(0);
  });

  it('test_usable_cls_method', () => {
    class SomeInterface extends Pluggable {}
    class IsUsable extends SomeInterface {}
    class NotUsable extends SomeInterface {
      static override isUsable() {
        return false;
      }
    }
    expect(IsUsable.isUsable()).toBe(true);
    expect(NotUsable.isUsable()).toBe(false);
    expect(new IsUsable()).toBeInstanceOf(IsUsable);
    // SMQTK-Core >= 0.18 checks usability on construction (Pluggable.__new__ raises NotUsableError).
    expect(() => new NotUsable()).toThrow(NotUsableError);
    expect(() => new NotUsable()).toThrow(/NotUsable is not currently usable/);
  });

  it('getImpls() finds a class reached by several routes once', async () => {
    // One class, registered by its module (in-program route), listed three times in the environment
    // variable (by path, by package name, and through a re-exporting module) and declared twice by its
    // package (directly and through the re-export). (All files are inside node_modules so that vitest
    // loads them in one module graph, as Node itself does.)
    const name = 'smqtk.pluggable.SharedImpl';
    const pkg = path.join(tmp.dir, 'node_modules/shared-pkg');
    writeTree(pkg, {
      'package.json': {
        name: 'shared-pkg',
        type: 'module',
        main: './shared-impl.js',
        salkit_plugins: ['./index.js', './shared-impl.js'],
      },
      'shared-impl.js': `const { SharedIface, registerPlugin } = globalThis.${BRIDGE};
export class SharedImpl extends SharedIface {
  static { registerPlugin(this, ${JSON.stringify(name)}); }
  greet() { return 'shared'; }
}
`,
      'index.js': "export { SharedImpl } from './shared-impl.js';\n",
    });
    const { SharedImpl } = (await import(/* @vite-ignore */ fileUrl(path.join(pkg, 'shared-impl.js')))) as {
      SharedImpl: AnyClass;
    };
    const env = {
      SALKIT_PLUGIN_PATH: [path.join(pkg, 'shared-impl.js'), 'shared-pkg', './node_modules/shared-pkg/index.js'].join(
        sep,
      ),
    };
    expect(await discoverViaEnvVar('SALKIT_PLUGIN_PATH', { env, cwd: tmp.dir })).toEqual(new Set([SharedImpl]));
    expect(await discoverViaEntrypointExtensions('salkit_plugins', { root: tmp.dir })).toEqual(new Set([SharedImpl]));
    expect(discoverViaSubclasses(SharedIface).has(SharedImpl)).toBe(true);

    expect(await discoverPlugins({ env, cwd: tmp.dir, root: tmp.dir })).toEqual(new Set([SharedImpl]));
    const impls = SharedIface.getImpls();
    expect(impls).toEqual(new Set([SharedImpl]));
    expect([...impls]).toHaveLength(1);
    expect(fromConfigDict({ type: name, [name]: {} }, impls).greet()).toBe('shared');
  });

  it('an interface uses inherited PLUGIN_ENV_VAR / PLUGIN_NAMESPACE values unless it sets its own', async () => {
    abstract class Special extends SharedIface {
      static override PLUGIN_ENV_VAR = 'SPECIAL_PATH';
      static override PLUGIN_NAMESPACE = 'special_plugins';
    }
    abstract class SubSpecial extends Special {}
    expect(SubSpecial.PLUGIN_ENV_VAR).toBe('SPECIAL_PATH');
    expect(SubSpecial.PLUGIN_NAMESPACE).toBe('special_plugins');
    expect(Pluggable.PLUGIN_ENV_VAR).toBe('SALKIT_PLUGIN_PATH');
    expect(Pluggable.PLUGIN_NAMESPACE).toBe('salkit_plugins');

    (globalThis as Record<string, unknown>)[`${BRIDGE}Special`] = { SubSpecial };
    writeTree(tmp.dir, {
      'special.js': `const { SubSpecial } = globalThis.${BRIDGE}Special;
export class FromSpecialVar extends SubSpecial { greet() { return ''; } }
`,
    });
    const env = { SPECIAL_PATH: './special.js' };
    await discoverPlugins({ env, cwd: tmp.dir, root: tmp.dir }); // SALKIT_PLUGIN_PATH: nothing for SubSpecial
    expect(SubSpecial.getImpls().size).toBe(0);
    await discoverPlugins({ envVar: SubSpecial.PLUGIN_ENV_VAR, env, cwd: tmp.dir, root: tmp.dir });
    expect([...SubSpecial.getImpls()].map((c) => c.name)).toEqual(['FromSpecialVar']);
  });
});

// ===================================================================================================
// tests/test_configuration.py (T1, T2 and T_CLASS_SET are in test-classes.test-util.ts: T2 nests a
// T1 as a configurable option, so its `child` appears in the standard {type, <type>: {...}} form).

const K1 = 'tests.configuration.T1';
const K2 = 'tests.configuration.T2';

/** SMQTK's test_config, with the given `type`. */
function testConfig(type: unknown): Record<string, unknown> {
  return {
    type,
    [K1]: { foo: 256, bar: 'Some string value' },
    [K2]: {
      child: { type: K1, [K1]: { foo: -1, bar: 'some other value' } },
      alpha: 1.0,
      beta: 'euclidean',
    },
    NotAnImpl: {},
  };
}

describe('test_configuration.py get_default_config', () => {
  it('test_configurable_default_config (options without default map to null)', () => {
    class T extends Configurable {
      static override readonly configSchema = z.object({ a: z.number(), b: z.string(), cat: z.boolean() });
    }
    expect(T.getDefaultConfig()).toEqual({ a: null, b: null, cat: null });
  });

  it('test_configurable_default_config_kwonlys', () => {
    class T extends Configurable {
      static override readonly configSchema = z.object({ a: z.unknown(), b: z.number().int().default(0) });
    }
    expect(T.getDefaultConfig()).toEqual({ a: null, b: 0 });
  });

  it('test_configurable_default_config_no_init', () => {
    class NoInitExample extends Configurable {}
    expect(NoInitExample.getDefaultConfig()).toEqual({});
  });

  it('test_configurable_default_config_with_star_args (extra constructor arguments are not configuration)', () => {
    const Schema = z.object({ a: z.unknown(), b: z.unknown(), cat: z.unknown() });
    class T extends Configurable {
      static override readonly configSchema = Schema;
      readonly rest: unknown[];
      constructor(options: z.input<typeof Schema>, ...rest: unknown[]) {
        super(options);
        this.rest = rest;
      }
    }
    expect(T.getDefaultConfig()).toEqual({ a: null, b: null, cat: null });
  });

  it('test_configurable_default_config_with_default_values', () => {
    class T extends Configurable {
      static override readonly configSchema = z.object({
        a: z.unknown(),
        b: z.unknown(),
        c: z.number().int().default(0),
        d: z.string().default('foobar'),
      });
    }
    expect(T.getDefaultConfig()).toEqual({ a: null, b: null, c: 0, d: 'foobar' });
    expect(Object.keys(T.getDefaultConfig())).toEqual(['a', 'b', 'c', 'd']);
  });

  it('test_configurable_default_config_with_default_values_with_star_args', () => {
    const Schema = z.object({
      a: z.unknown(),
      b: z.unknown(),
      c: z.number().int().default(0),
      d: z.string().default('foobar'),
    });
    class T extends Configurable {
      static {
        registerPlugin(this, 'smqtk.configuration.StarArgs');
      }
      static override readonly configSchema = Schema;
      readonly rest: unknown[];
      constructor(options: z.input<typeof Schema>, ...rest: unknown[]) {
        super(options);
        this.rest = rest;
      }
    }
    expect(T.getDefaultConfig()).toEqual({ a: null, b: null, c: 0, d: 'foobar' });
    // The extra arguments reach the constructor through fromConfig, after mergeDefault.
    const t = T.fromConfig({ a: 1, b: 2 }, true, 'x', 'y');
    expect(t.getConfig()).toEqual({ a: 1, b: 2, c: 0, d: 'foobar' });
    expect(t.rest).toEqual(['x', 'y']);
  });

  it('a required option left null by the default configuration is reported when building from it', () => {
    class Required extends Configurable {
      static {
        registerPlugin(this, 'smqtk.configuration.Required');
      }
      static override readonly configSchema = z.object({ n: z.number(), m: z.number().default(2) });
    }
    expect(Required.getDefaultConfig()).toEqual({ n: null, m: 2 });
    expect(() => Required.fromConfig({})).toThrow(/^Required: invalid options: n: .*received null/);
    expect(Required.fromConfig({ n: 1 }).getConfig()).toEqual({ n: 1, m: 2 });
  });

  it('test_configurable_classmethod_override_getdefaultconfig', () => {
    expect(T1.getDefaultConfig()).toEqual({ foo: 1, bar: 'baz' });
    expect(T2.getDefaultConfig()).toEqual({
      child: { type: K1, [K1]: { foo: 1, bar: 'baz' } },
      alpha: 0.0001,
      beta: 'default',
    });
  });

  it("test_configurable_classmethod_override_getdefaultconfig (SMQTK's T2: overridden getDefaultConfig / fromConfig / getConfig)", () => {
    // SMQTK's own T2 keeps its child as T1's bare configuration and converts it in an overridden
    // fromConfig, the documented pattern for options that are not JSON.
    const Schema = z.object({
      child: z.instanceof(T1).default(() => new T1()),
      alpha: z.number().default(0.0001),
      beta: z.string().default('default'),
    });
    class T2Plain extends Configurable {
      static {
        registerPlugin(this, 'smqtk.configuration.T2Plain');
      }
      static override readonly configSchema = Schema;
      declare readonly options: z.output<typeof Schema>;
      constructor(options: z.input<typeof Schema> = {}) {
        super(options);
      }
      static override getDefaultConfig(): JsonObject {
        return { ...super.getDefaultConfig(), child: T1.getDefaultConfig() };
      }
      static override fromConfig<C extends AnyClass>(
        this: C,
        config: Readonly<Record<string, unknown>>,
        mergeDefault = true,
      ): InstanceType<C> {
        const cfg = mergeDefault ? mergeDict(T2Plain.getDefaultConfig(), config) : { ...config };
        cfg.child = T1.fromConfig(cfg.child as Record<string, unknown>);
        return new T2Plain(cfg as z.input<typeof Schema>) as InstanceType<C>;
      }
      override getConfig(): JsonObject {
        return { ...super.getConfig(), child: this.options.child.getConfig() };
      }
    }
    expect(T2Plain.getDefaultConfig()).toEqual({ child: { foo: 1, bar: 'baz' }, alpha: 0.0001, beta: 'default' });
    expect(makeDefaultConfig([T2Plain])).toEqual({
      type: null,
      'smqtk.configuration.T2Plain': T2Plain.getDefaultConfig(),
    });
    const t = T2Plain.fromConfig({ child: { foo: 5 } });
    expect(t.options.child).toBeInstanceOf(T1);
    expect(t.getConfig()).toEqual({ child: { foo: 5, bar: 'baz' }, alpha: 0.0001, beta: 'default' });
    configurationTestHelper(new T2Plain({ child: new T1({ foo: 9 }), beta: 'x' }));
  });
});

describe('test_configuration.py test_make_default_config', () => {
  it('test_make_default_config', () => {
    const expected = { type: null, [K1]: T1.getDefaultConfig(), [K2]: T2.getDefaultConfig() };
    const made = makeDefaultConfig(T_CLASS_SET);
    expect(made).toEqual(expected);
    expect(Object.keys(made)).toEqual(['type', K1, K2]);
  });

  it('the exact shape: {type: null, <name>: <default config>} with null for options without default', () => {
    // make_default_config's doctest: ExampleConfigurableType(a, b), abstract, still gives its defaults.
    abstract class ExampleConfigurableType extends Configurable {
      static {
        declareAbstract(this, 'getConfig');
        registerPlugin(this, 'smqtk.configuration.ExampleConfigurableType');
      }
      static override readonly configSchema = z.object({ a: z.unknown(), b: z.unknown() });
    }
    const made = makeDefaultConfig([ExampleConfigurableType]);
    expect(made).toStrictEqual({ type: null, 'smqtk.configuration.ExampleConfigurableType': { a: null, b: null } });
    expect(JSON.stringify(made)).toBe(
      '{"type":null,"smqtk.configuration.ExampleConfigurableType":{"a":null,"b":null}}',
    );
    expect(makeDefaultConfig([])).toStrictEqual({ type: null });
  });

  it('an invalid (non-Configurable) type is refused', () => {
    class NotConfigurable {
      static {
        registerPlugin(this, 'smqtk.configuration.NotConfigurableForDefaults');
      }
    }
    expect(() => makeDefaultConfig([T1, NotConfigurable as never])).toThrow(
      /invalid Configurable type: class NotConfigurable/,
    );
  });
});

describe('test_configuration.py test_cls_conf_to_config_dict', () => {
  it('test_cls_conf_to_config_dict', () => {
    const conf1 = { foo: 1, bar: 'baz' };
    expect(clsConfToConfigDict(T1, conf1)).toEqual({ type: K1, [K1]: { foo: 1, bar: 'baz' } });
    const conf2 = { foo: 8, bar: 'baz' };
    expect(clsConfToConfigDict(T1, conf2)).toEqual({ type: K1, [K1]: { foo: 8, bar: 'baz' } });
  });

  it('doctest: any registered class, Configurable or not, with any configuration', () => {
    class SomeClass {
      static {
        registerPlugin(this, 'smqtk.configuration.SomeClass');
      }
    }
    expect(clsConfToConfigDict(SomeClass, { 0: 0, a: 'b' })).toEqual({
      type: 'smqtk.configuration.SomeClass',
      'smqtk.configuration.SomeClass': { 0: 0, a: 'b' },
    });
  });
});

describe('test_configuration.py test_to_config_dict', () => {
  it('test_to_config_dict', () => {
    const i1 = new T1();
    expect(toConfigDict(i1)).toEqual(clsConfToConfigDict(T1, { foo: 1, bar: 'baz' }));
    const i2 = new T1({ foo: 8 });
    expect(toConfigDict(i2)).toEqual(clsConfToConfigDict(T1, { foo: 8, bar: 'baz' }));
  });

  it('uses the instance getConfig() for the block', () => {
    class Custom extends Configurable {
      static {
        registerPlugin(this, 'smqtk.configuration.Custom');
      }
      override getConfig(): JsonObject {
        return { custom: true };
      }
    }
    expect(toConfigDict(new Custom())).toEqual({
      type: 'smqtk.configuration.Custom',
      'smqtk.configuration.Custom': { custom: true },
    });
  });

  it('test_to_config_dict_given_type', () => {
    expect(() => toConfigDict(Object as never)).toThrow(TypeError);
    expect(() => toConfigDict(Configurable as never)).toThrow(TypeError);
    class SomeConfigurableType extends Configurable {
      static {
        registerPlugin(this, 'smqtk.configuration.SomeConfigurableType');
      }
    }
    expect(() => toConfigDict(SomeConfigurableType as never)).toThrow(/pass an instance, not the class/);
  });

  it('test_to_config_dict_given_non_configurable', () => {
    class SomeOtherClassType {}
    expect(() => toConfigDict(new SomeOtherClassType() as never)).toThrow(
      /^toConfigDict: inst: expected an instance of a Configurable class, got an instance of SomeOtherClassType$/,
    );
    expect(() => toConfigDict({ getConfig: () => ({}) } as never)).toThrow(TypeError);
  });
});

describe('test_configuration.py cls_conf_from_config_dict', () => {
  it('test_cls_conf_from_config_dict', () => {
    const config = testConfig(K1);
    const [cls, clsConf] = clsConfFromConfigDict(config, T_CLASS_SET);
    expect(cls).toBe(T1);
    expect(clsConf).toEqual({ foo: 256, bar: 'Some string value' });
    expect(clsConf).toBe(config[K1]);

    config.type = K2;
    const [cls2, clsConf2] = clsConfFromConfigDict(config, T_CLASS_SET);
    expect(cls2).toBe(T2);
    expect(clsConf2).toEqual({
      child: { type: K1, [K1]: { foo: -1, bar: 'some other value' } },
      alpha: 1.0,
      beta: 'euclidean',
    });
  });

  it('test_cls_conf_from_config_missing_type', () => {
    const config = testConfig(null);
    delete config.type;
    expect(() => clsConfFromConfigDict(config, T_CLASS_SET)).toThrow(
      /Configuration dictionary given does not have an implementation type specification\./,
    );
  });

  it('test_cls_conf_from_config_none_type', () => {
    expect(() => clsConfFromConfigDict(testConfig(null), T_CLASS_SET)).toThrow(
      /No implementation type specified\. Options: \[.*\]/,
    );
    expect(() => clsConfFromConfigDict(testConfig(null), T_CLASS_SET)).toThrow(
      `No implementation type specified. Options: ["${K1}","${K2}","NotAnImpl"]`,
    );
  });

  it('test_cls_conf_from_config_config_label_mismatch', () => {
    expect(() => clsConfFromConfigDict(testConfig('not-present-label'), T_CLASS_SET)).toThrow(
      /Implementation type specified as 'not-present-label', but no configuration block was present for that type\. Available configuration block options: \[.*\]/,
    );
  });

  it('test_cls_conf_from_config_impl_label_mismatch (the message lists the available types)', () => {
    expect(() => clsConfFromConfigDict(testConfig('NotAnImpl'), T_CLASS_SET)).toThrow(
      /Implementation type specified as 'NotAnImpl', but no plugin implementations are available for that type\. Available implementation types options: \[.*\]/,
    );
    expect(() => clsConfFromConfigDict(testConfig('NotAnImpl'), T_CLASS_SET)).toThrow(
      `Available implementation types options: ["${K1}","${K2}"]`,
    );
  });
});

describe('test_configuration.py from_config_dict', () => {
  it('test_from_config_dict', () => {
    const i = fromConfigDict(testConfig(K1), T_CLASS_SET);
    expect(i).toBeInstanceOf(T1);
    expect((i as T1).options.foo).toBe(256);
    expect((i as T1).options.bar).toBe('Some string value');
  });

  it('the error cases of cls_conf_from_config_dict, through from_config_dict', () => {
    const missing = testConfig(null);
    delete missing.type;
    expect(() => fromConfigDict(missing, T_CLASS_SET)).toThrow(/does not have an implementation type specification/);
    expect(() => fromConfigDict(testConfig(null), T_CLASS_SET)).toThrow(
      /No implementation type specified\. Options: \[/,
    );
    expect(() => fromConfigDict(testConfig('not-present-label'), T_CLASS_SET)).toThrow(
      /no configuration block was present for that type/,
    );
    expect(() => fromConfigDict(testConfig('NotAnImpl'), T_CLASS_SET)).toThrow(
      `Implementation type specified as 'NotAnImpl', but no plugin implementations are available for that type. Available implementation types options: ["${K1}","${K2}"]`,
    );
    // A registered class that is not among the candidates cannot be chosen.
    expect(() => fromConfigDict(testConfig(K2), [T1])).toThrow(`Available implementation types options: ["${K1}"]`);
  });

  it('test_from_config_dict_assertion_error', () => {
    class NotConfigurable {
      static {
        registerPlugin(this, 'smqtk.configuration.NotConfigurable');
      }
    }
    const config = { ...testConfig('smqtk.configuration.NotConfigurable'), 'smqtk.configuration.NotConfigurable': {} };
    expect(() => fromConfigDict(config, [...T_CLASS_SET, NotConfigurable] as never)).toThrow(
      /^Configured class type 'NotConfigurable' does not descend from `Configurable`\./,
    );
  });

  it('passes the extra arguments to the chosen class fromConfig after the configuration block', () => {
    const Schema = z.object({ a: z.number().default(3) });
    class NeedsRuntime extends Configurable {
      static {
        registerPlugin(this, 'smqtk.configuration.NeedsRuntime');
      }
      static override readonly configSchema = Schema;
      readonly runtime: unknown;
      constructor(options: z.input<typeof Schema>, runtime?: unknown) {
        super(options);
        this.runtime = runtime;
      }
    }
    const runtime = { id: 'some-uuid' };
    const config = { type: 'smqtk.configuration.NeedsRuntime', 'smqtk.configuration.NeedsRuntime': {} };
    const inst = fromConfigDict(config, [NeedsRuntime], true, runtime);
    expect(inst.runtime).toBe(runtime);
    expect(inst.getConfig()).toEqual({ a: 3 });
  });
});

describe('smqtk_core/configuration.py configuration_test_helper', () => {
  const Schema = z.object({ n: z.number().default(1), tags: z.array(z.string()).default([]) });
  const calls: { config: Readonly<Record<string, unknown>>; snapshot: string; args: unknown[] }[] = [];
  class Recorded extends Configurable {
    static {
      registerPlugin(this, 'smqtk.helper.Recorded');
    }
    static override readonly configSchema = Schema;
    declare readonly options: z.output<typeof Schema>;
    readonly runtime: unknown;
    constructor(options: z.input<typeof Schema> = {}, runtime?: unknown) {
      super(options);
      this.runtime = runtime;
    }
    static override fromConfig<C extends AnyClass>(
      this: C,
      config: Readonly<Record<string, unknown>>,
      ...args: unknown[]
    ): InstanceType<C> {
      calls.push({ config, snapshot: JSON.stringify(config), args });
      const base = Configurable.fromConfig as unknown as (this: C, c: object, ...a: unknown[]) => InstanceType<C>;
      return base.call(this, config, ...args);
    }
  }

  beforeEach(() => {
    calls.length = 0;
  });

  it('builds inst2 and inst3 from the config of inst, inst4 from the config of inst2, and returns them', () => {
    const inst = new Recorded({ n: 4, tags: ['x'] });
    const out = configurationTestHelper(inst);
    expect(out).toHaveLength(3);
    const [inst2, inst3, inst4] = out;
    expect(calls).toHaveLength(3);
    expect(calls[0]!.config).toEqual(inst.getConfig());
    expect(calls[1]!.config).toBe(calls[0]!.config); // the same configuration object for inst2 and inst3
    expect(calls[2]!.config).not.toBe(calls[0]!.config);
    expect(calls[2]!.config).toEqual(inst2.getConfig()); // inst4 from inst2's configuration
    for (const x of [inst2, inst3, inst4]) {
      expect(x).toBeInstanceOf(Recorded);
      expect(x).not.toBe(inst);
      expect(x.getConfig()).toEqual({ n: 4, tags: ['x'] });
    }
    // The configurations were not mutated by building.
    for (const c of calls) expect(JSON.stringify(c.config)).toBe(c.snapshot);
  });

  it('passes fromConfigArgs to fromConfig after the configuration', () => {
    const runtime = { model: 'm' };
    const [i2, i3, i4] = configurationTestHelper(new Recorded({ n: 2 }, runtime), [], [true, runtime]);
    for (const c of calls) expect(c.args).toEqual([true, runtime]);
    for (const x of [i2, i3, i4]) expect(x.runtime).toBe(runtime);
  });

  it('refuses a type instead of an instance', () => {
    expect(() => configurationTestHelper(Recorded as never)).toThrow(/passed a class, expected an instance/);
  });

  it('fails when building mutates the configuration it is given', () => {
    class Mutating extends Configurable {
      static {
        registerPlugin(this, 'smqtk.helper.Mutating');
      }
      static override readonly configSchema = z.object({ nested: z.object({ k: z.number() }).default({ k: 1 }) });
      static override fromConfig<C extends AnyClass>(
        this: C,
        config: Readonly<Record<string, unknown>>,
      ): InstanceType<C> {
        (config.nested as { k: number }).k += 1; // SMQTK's T2.from_config assigns into its argument the same way
        return new Mutating({ nested: { k: 1 } }) as InstanceType<C>;
      }
    }
    expect(() => configurationTestHelper(new Mutating())).toThrow(/Mutating.fromConfig mutated the configuration/);
  });

  it('fails when a configuration differs along the chain', () => {
    let calls = 0;
    class Unstable extends Configurable {
      static {
        registerPlugin(this, 'smqtk.helper.Unstable');
      }
      static override readonly configSchema = z.object({ k: z.number().default(0) });
      override getConfig(): JsonObject {
        return { k: calls++ > 1 ? 1 : 0 }; // inst and inst2 agree; inst3 does not
      }
    }
    expect(() => configurationTestHelper(new Unstable())).toThrow(
      /Unstable: inst config \{"k":0\} != inst3 config \{"k":1\}/,
    );
  });
});

// ===================================================================================================
// tests/test_merge_dict.py

describe('test_merge_dict.py TestMergeDict', () => {
  // JavaScript object keys are strings: SMQTK's integer keys 1, 3, 4 become "1", "3", "4".
  let a: Record<string, unknown>;
  let b: Record<string, unknown>;
  let expected: Record<string, unknown>;
  beforeEach(() => {
    a = {
      1: 2,
      3: 'value',
      nested: { v: 'sub-value', l: [0, 1, 2], i: 4, even_deeper: { j: 'x', k: 'l' } },
      nested2: { a: 'will be overwritten' },
      s: new Set(['some', 'set', 'here']),
    };
    b = {
      3: 'different_value',
      4: 'new value',
      nested: { l: [3, 4, 5], i: 5, new: 'pair', even_deeper: { j: { new: 'sub-dict' } } },
      nested2: 'overwritten value',
    };
    expected = {
      1: 2,
      3: 'different_value',
      4: 'new value',
      nested: { v: 'sub-value', l: [3, 4, 5], i: 5, new: 'pair', even_deeper: { j: { new: 'sub-dict' }, k: 'l' } },
      nested2: 'overwritten value',
      s: new Set(['some', 'set', 'here']),
    };
  });
  const nested = (o: Record<string, unknown>) => o.nested as { l: number[]; even_deeper: { j: object } };

  it('test_merge_dict_shallow', () => {
    const s = a.s;
    mergeDict(a, b);
    expect(a).toEqual(expected);
    expect(nested(a).l).toBe(nested(b).l);
    expect(nested(a).even_deeper.j).toBe(nested(b).even_deeper.j);
    expect(a.s).toBe(s); // a value only a holds is kept as is
  });

  it('test_merge_dict_deepcopy', () => {
    mergeDict(a, b, true);
    expect(a).toEqual(expected);
    expect(nested(a).l).toEqual(nested(b).l);
    expect(nested(a).l).not.toBe(nested(b).l);
    expect(nested(a).even_deeper.j).toEqual(nested(b).even_deeper.j);
    expect(nested(a).even_deeper.j).not.toBe(nested(b).even_deeper.j);
  });

  it('b is never modified, with or without deepCopy; after a deep copy, changing a leaves b alone', () => {
    const before = structuredClone(b);
    mergeDict(a, b);
    expect(b).toEqual(before);
    const a2: Record<string, unknown> = { nested: { v: 1 } };
    mergeDict(a2, b, true);
    expect(b).toEqual(before);
    nested(a2).l.push(99);
    (nested(a2).even_deeper.j as Record<string, unknown>).changed = true;
    expect(b).toEqual(before);
  });

  it('test_merge_dict_return_a', () => {
    expect(mergeDict(a, b)).toBe(a);
    expect(mergeDict(a, b, true)).toBe(a);
  });

  it('test_disjoint_update', () => {
    const x = { a: 1, b: 2 };
    mergeDict(x, { c: 3 });
    expect(x).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('test_subset_merge', () => {
    const x = { a: 1, b: 2 };
    mergeDict(x, { a: 3 });
    expect(x).toEqual({ a: 3, b: 2 });
  });

  it('test_partial_update', () => {
    const x = { a: 1, b: 2 };
    mergeDict(x, { a: 3, c: 4 });
    expect(x).toEqual({ a: 3, b: 2, c: 4 });
  });

  it('test_overrides', () => {
    const x = { a: 1, b: 2 };
    mergeDict(x, { b: { c: 3 } });
    expect(x).toEqual({ a: 1, b: { c: 3 } });
  });

  it('test_nested', () => {
    const x = { a: 1, b: { c: 2, d: { e: 3 } }, f: { g: 4, h: { i: 5 } } };
    mergeDict(x, { b: { c: 6 }, f: { h: { i: 7 } }, j: 8 });
    expect(x).toEqual({ a: 1, b: { c: 6, d: { e: 3 } }, f: { g: 4, h: { i: 7 } }, j: 8 });
  });
});

// ===================================================================================================
// tests/test_plugfigurable.py

describe('test_plugfigurable.py', () => {
  it('test_inheritance', () => {
    expect(Plugfigurable.prototype instanceof Pluggable).toBe(true);
    expect(Plugfigurable.prototype instanceof Configurable).toBe(true);
  });

  it('test_pydantic_e2e (a zod schema with a configurable field)', () => {
    const BaseSchema = z.object({ foo: z.string() });
    class MyBaseClass extends Plugfigurable {
      static {
        registerPlugin(this, 'smqtk.plugfigurable.MyBaseClass');
      }
      static override readonly configSchema: z.ZodObject<z.core.$ZodShape> = BaseSchema;
    }
    const ObjectSchema = BaseSchema.extend({ bar: z.number().int() });
    class MyObject extends MyBaseClass {
      static {
        registerPlugin(this, 'smqtk.plugfigurable.MyObject');
      }
      static override readonly configSchema = ObjectSchema;
      declare readonly options: z.output<typeof ObjectSchema>;
    }
    const MyModel = z.object({ anyObject: configurableField(MyBaseClass) });

    const config = { foo: 'foofoo', bar: 42 };
    const t = 'smqtk.plugfigurable.MyObject';
    const obj = { anyObject: { type: t, [t]: config } };
    const myModel = MyModel.parse(obj);
    expect(myModel.anyObject).toBeInstanceOf(MyObject);
    expect(myModel.anyObject.getConfig()).toEqual(config);
    expect({ anyObject: toConfigDict(myModel.anyObject) }).toEqual(obj);

    // The same field inside a Configurable serialises back through getConfig().
    const Holder = class extends Configurable {
      static {
        registerPlugin(this, 'smqtk.plugfigurable.Holder');
      }
      static override readonly configSchema = MyModel;
    };
    expect(Holder.fromConfig(obj).getConfig()).toEqual(obj);
  });
});

// ===================================================================================================
// Doctest examples of smqtk_core/configuration.py (SimpleConfig).

describe('smqtk_core/configuration.py doctests', () => {
  const Schema = z.object({ a: z.number().default(1), b: z.string().default('foo') });
  class SimpleConfig extends Configurable {
    static {
      registerPlugin(this, 'smqtk.doctest.SimpleConfig');
    }
    static override readonly configSchema = Schema;
    declare readonly options: z.output<typeof Schema>;
    constructor(options: z.input<typeof Schema> = {}) {
      super(options);
    }
  }

  it('Configurable.get_default_config', () => {
    expect(new SimpleConfig().constructor).toBe(SimpleConfig);
    expect(SimpleConfig.getDefaultConfig()).toEqual({ a: 1, b: 'foo' });
  });

  it('to_config_dict', () => {
    expect(toConfigDict(new SimpleConfig({ a: 2, b: 'bar' }))).toEqual({
      type: 'smqtk.doctest.SimpleConfig',
      'smqtk.doctest.SimpleConfig': { a: 2, b: 'bar' },
    });
  });

  it('from_config_dict', () => {
    const exampleConfig = { type: 'smqtk.doctest.SimpleConfig', 'smqtk.doctest.SimpleConfig': { a: 3, b: 'baz' } };
    const inst = fromConfigDict(exampleConfig, new Set([SimpleConfig]));
    expect(inst).toBeInstanceOf(SimpleConfig);
    expect(inst.options.a).toBe(3);
    expect(inst.options.b).toBe('baz');
  });

  it('Configurable.from_config merges the given configuration over the defaults, without modifying it', () => {
    const given = Object.freeze({ b: 'given' });
    expect(SimpleConfig.fromConfig(given).getConfig()).toEqual({ a: 1, b: 'given' });
    expect(SimpleConfig.fromConfig(given, false).getConfig()).toEqual({ a: 1, b: 'given' });
    expect(given).toEqual({ b: 'given' });
  });
});
