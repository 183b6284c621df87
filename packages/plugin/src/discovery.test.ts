import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { declareAbstract } from './abstract.js';
import { fromConfigDict, toConfigDict } from './config-dict.js';
import { discoverPlugins } from './discover-plugins.js';
import { discoverViaEntrypointExtensions } from './discover-via-entrypoint-extensions.js';
import { discoverViaEnvVar } from './discover-via-env-var.js';
import { NotAModuleError } from './errors.js';
import { clearLoadedPlugins } from './loaded.js';
import { collectTypesInModule } from './module-types.js';
import { pluginModule, tempDir, writeTree } from './node/temp-plugins.test-util.js';
import { Plugfigurable } from './plugfigurable.js';
import { registerPlugin } from './registry.js';

// The interface the on-disk plugins implement, published for them on globalThis (see pluginModule).
const BRIDGE = '__salkitPluginDiscoveryTest';
const GreeterSchema = z.object({ volume: z.number().int().min(0).default(1) });
abstract class Greeter extends Plugfigurable {
  static {
    declareAbstract(this, 'greet');
  }
  static override readonly configSchema = GreeterSchema;
  abstract greet(): string;
}
(globalThis as Record<string, unknown>)[BRIDGE] = { Greeter, registerPlugin };

const names = (types: Iterable<{ name: string }>) => [...types].map((t) => t.name).sort();
const sep = path.delimiter;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  tmp.cleanup();
  clearLoadedPlugins();
});

let counter = 0;
/** A unique prefix, so that each test's classes get unique registered names. */
const unique = (stem: string) => `${stem}${++counter}`;

describe('collectTypesInModule', () => {
  it('returns the exported classes (default export included), nothing else', () => {
    class A {}
    class B {}
    const ns = { A, default: B, x: 1, f: () => 1, o: {}, n: null };
    expect(collectTypesInModule(ns)).toEqual(new Set([A, B]));
  });

  it('counts what `new` applies to (built-ins such as String and Function too), not generators or async functions', () => {
    class C {}
    function* gen() {
      yield 1;
    }
    const ns = { C, String, Function, gen, asyncFn: async () => 1, method: { m() {} }.m, bound: C.bind(null) };
    expect(collectTypesInModule(ns)).toEqual(new Set([C, String, Function, ns.bound]));
  });
});

describe('discoverViaEnvVar', () => {
  const VAR = 'SOME_SILLY_NAME';

  it('finds nothing when the variable is unset or empty', async () => {
    expect((await discoverViaEnvVar(VAR, { env: {} })).size).toBe(0);
    expect((await discoverViaEnvVar(VAR, { env: { [VAR]: '' } })).size).toBe(0);
    expect((await discoverViaEnvVar(VAR, { env: { [VAR]: sep + sep } })).size).toBe(0);
  });

  it('imports a module listed by absolute path and returns the classes it exports', async () => {
    const p = unique('Env');
    writeTree(tmp.dir, { 'mods/a.js': pluginModule(BRIDGE, p, `test.env.${p}`) });
    const found = await discoverViaEnvVar(VAR, { env: { [VAR]: path.join(tmp.dir, 'mods/a.js') } });
    expect(names(found)).toEqual([`${p}Impl`, `${p}Plain`, `${p}Unfinished`]);
  });

  it('imports several modules, skipping empty elements', async () => {
    const p1 = unique('EnvA');
    const p2 = unique('EnvB');
    writeTree(tmp.dir, {
      'a.mjs': pluginModule(BRIDGE, p1, `test.env.${p1}`),
      'b.js': pluginModule(BRIDGE, p2, `test.env.${p2}`),
    });
    const value = ['', path.join(tmp.dir, 'a.mjs'), '', path.join(tmp.dir, 'b.js'), ''].join(sep);
    const found = await discoverViaEnvVar(VAR, { env: { [VAR]: value } });
    expect(names(found)).toEqual([
      `${p1}Impl`,
      `${p1}Plain`,
      `${p1}Unfinished`,
      `${p2}Impl`,
      `${p2}Plain`,
      `${p2}Unfinished`,
    ]);
  });

  it('resolves relative paths from cwd and package specifiers from the node_modules above cwd', async () => {
    const [p1, p3] = [unique('Rel'), unique('Pkg')];
    writeTree(tmp.dir, {
      'app/plugins/rel.js': pluginModule(BRIDGE, p1, `test.env.${p1}`),
      'app/node_modules/env-plugins/package.json': {
        name: 'env-plugins',
        type: 'module',
        exports: { '.': { require: './lib/main.cjs', import: './lib/main.js' }, './extra': './lib/extra.js' },
      },
      'app/node_modules/env-plugins/lib/main.js': pluginModule(BRIDGE, p3, `test.env.${p3}`),
      'app/node_modules/env-plugins/lib/extra.js': 'export class ExtraThing {}\n',
    });
    const value = ['./plugins/rel.js', 'env-plugins', 'env-plugins/extra'].join(sep);
    const found = await discoverViaEnvVar(VAR, { env: { [VAR]: value }, cwd: path.join(tmp.dir, 'app') });
    expect(names(found)).toEqual(
      [`${p1}Impl`, `${p1}Plain`, `${p1}Unfinished`, `${p3}Impl`, `${p3}Plain`, `${p3}Unfinished`, 'ExtraThing'].sort(),
    );
    await expect(
      discoverViaEnvVar(VAR, { env: { [VAR]: 'env-plugins/hidden' }, cwd: path.join(tmp.dir, 'app') }),
    ).rejects.toThrow(/cannot be imported: package env-plugins \(.*\) does not export "\.\/hidden"/);
  });

  it('reads process.env by default', async () => {
    const p = unique('Proc');
    writeTree(tmp.dir, { 'p.js': pluginModule(BRIDGE, p, `test.env.${p}`) });
    process.env.SALKIT_TEST_PLUGIN_PATH = path.join(tmp.dir, 'p.js');
    try {
      expect(names(await discoverViaEnvVar('SALKIT_TEST_PLUGIN_PATH'))).toContain(`${p}Impl`);
    } finally {
      delete process.env.SALKIT_TEST_PLUGIN_PATH;
    }
  });

  it('rejects, naming the element, when a module cannot be found', async () => {
    const missing = path.join(tmp.dir, 'probably/not/a/valid/module.js');
    await expect(discoverViaEnvVar(VAR, { env: { [VAR]: missing } })).rejects.toThrow(
      `discoverViaEnvVar: ${VAR} lists ${JSON.stringify(missing)} (${missing}), which cannot be imported:`,
    );
    await expect(discoverViaEnvVar(VAR, { env: { [VAR]: 'no-such-package-xyz' }, cwd: tmp.dir })).rejects.toThrow(
      /discoverViaEnvVar: SOME_SILLY_NAME lists "no-such-package-xyz", which cannot be imported: cannot find package "no-such-package-xyz"/,
    );
  });

  it('rejects, naming the element and keeping the cause, when a module throws on import', async () => {
    const p = unique('Ok');
    writeTree(tmp.dir, {
      'ok.js': pluginModule(BRIDGE, p, `test.env.${p}`),
      'boom.js': "throw new Error('Expected error on import');\n",
    });
    const value = [path.join(tmp.dir, 'ok.js'), path.join(tmp.dir, 'boom.js')].join(sep);
    const err = await discoverViaEnvVar(VAR, { env: { [VAR]: value } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(
      /lists ".*boom\.js" \(.*boom\.js\), which cannot be imported: Expected error on import$/,
    );
    expect(((err as Error).cause as Error).message).toBe('Expected error on import');
  });

  it('validates its arguments', async () => {
    await expect(discoverViaEnvVar('')).rejects.toThrow(
      'discoverViaEnvVar: envVar: expected a non-empty string, got string ""',
    );
  });
});

describe('discoverViaEntrypointExtensions', () => {
  it('finds nothing when no installed package declares the namespace', async () => {
    writeTree(tmp.dir, {
      'node_modules/unrelated/package.json': { name: 'unrelated', main: 'index.js' },
      'node_modules/unrelated/index.js': 'export class Nope {}\n',
      'node_modules/.bin/tool': '#!/bin/sh\n',
    });
    expect((await discoverViaEntrypointExtensions('my_namespace', { root: tmp.dir })).size).toBe(0);
    expect((await discoverViaEntrypointExtensions('my_namespace', { root: path.join(tmp.dir, 'empty') })).size).toBe(0);
  });

  it('imports the module a package declares (a string) and returns its classes', async () => {
    const p = unique('Ep');
    writeTree(tmp.dir, {
      'node_modules/greeter-plugin/package.json': {
        name: 'greeter-plugin',
        type: 'module',
        salkit_plugins: './impl.js',
      },
      'node_modules/greeter-plugin/impl.js': pluginModule(BRIDGE, p, `test.ep.${p}`),
    });
    const found = await discoverViaEntrypointExtensions('salkit_plugins', { root: tmp.dir });
    expect(names(found)).toEqual([`${p}Impl`, `${p}Plain`, `${p}Unfinished`]);
  });

  it('imports every module of a list, from scoped packages too, under a custom namespace', async () => {
    const [p1, p2, p3] = [unique('ListA'), unique('ListB'), unique('Scoped')];
    writeTree(tmp.dir, {
      'node_modules/multi/package.json': { name: 'multi', type: 'module', my_namespace: ['./a.js', './sub/b.js'] },
      'node_modules/multi/a.js': pluginModule(BRIDGE, p1, `test.ep.${p1}`),
      'node_modules/multi/sub/b.js': pluginModule(BRIDGE, p2, `test.ep.${p2}`),
      'node_modules/@org/scoped/package.json': { name: '@org/scoped', type: 'module', my_namespace: './s.js' },
      'node_modules/@org/scoped/s.js': pluginModule(BRIDGE, p3, `test.ep.${p3}`),
      'node_modules/other-ns/package.json': { name: 'other-ns', salkit_plugins: './nope.js' },
    });
    const found = await discoverViaEntrypointExtensions('my_namespace', { root: tmp.dir });
    expect(names(found).filter((n) => n.endsWith('Impl'))).toEqual([`${p1}Impl`, `${p2}Impl`, `${p3}Impl`]);
  });

  it('searches the node_modules folders above root, nearest first (a name found twice keeps the nearest)', async () => {
    const [near, far] = [unique('Near'), unique('Far')];
    writeTree(tmp.dir, {
      'node_modules/dup/package.json': { name: 'dup', type: 'module', salkit_plugins: './x.js' },
      'node_modules/dup/x.js': pluginModule(BRIDGE, far, `test.ep.${far}`),
      'app/node_modules/dup/package.json': { name: 'dup', type: 'module', salkit_plugins: './x.js' },
      'app/node_modules/dup/x.js': pluginModule(BRIDGE, near, `test.ep.${near}`),
      'app/src/deep/.keep': '',
    });
    const found = await discoverViaEntrypointExtensions('salkit_plugins', { root: path.join(tmp.dir, 'app/src/deep') });
    expect(names(found)).toEqual([`${near}Impl`, `${near}Plain`, `${near}Unfinished`]);
  });

  it('resolves package specifiers (another package, or the package itself through its exports)', async () => {
    const [p1, p2] = [unique('Other'), unique('Self')];
    writeTree(tmp.dir, {
      'node_modules/declarer/package.json': {
        name: 'declarer',
        type: 'module',
        exports: { './plugins': './dist/plugins.js' },
        salkit_plugins: ['declarer/plugins', 'provider'],
      },
      'node_modules/declarer/dist/plugins.js': pluginModule(BRIDGE, p2, `test.ep.${p2}`),
      'node_modules/provider/package.json': { name: 'provider', type: 'module', main: './main.js' },
      'node_modules/provider/main.js': pluginModule(BRIDGE, p1, `test.ep.${p1}`),
    });
    const found = await discoverViaEntrypointExtensions('salkit_plugins', { root: tmp.dir });
    expect(names(found).filter((n) => n.endsWith('Impl'))).toEqual([`${p1}Impl`, `${p2}Impl`].sort());
  });

  const declaring = (value: unknown, extra: Record<string, string> = {}) => {
    const files: Record<string, string | object> = {
      'node_modules/bad-plugin/package.json': { name: 'bad-plugin', type: 'module', salkit_plugins: value },
    };
    for (const [k, v] of Object.entries(extra)) files[`node_modules/bad-plugin/${k}`] = v;
    writeTree(tmp.dir, files);
  };

  it('NotAModuleError for an export specification instead of a module', async () => {
    declaring('./impl.js:Hello', { 'impl.js': 'export class Hello {}\n' });
    const err = await discoverViaEntrypointExtensions('salkit_plugins', { root: tmp.dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotAModuleError);
    expect((err as Error).message).toMatch(
      /^package bad-plugin \(.*\) "salkit_plugins": "\.\/impl\.js:Hello" did not specify a module; list modules, not exports: write "\.\/impl\.js"$/,
    );
  });

  it('NotAModuleError for a directory, a non-JavaScript file, a non-string entry or a non-list value', async () => {
    declaring('./lib', { 'lib/index.js': 'export {}\n' });
    await expect(discoverViaEntrypointExtensions('salkit_plugins', { root: tmp.dir })).rejects.toThrow(
      /"\.\/lib" did not specify a module \(got a directory: .*lib\); expected a \.js, \.mjs or \.cjs file/,
    );
    declaring('./data.json', { 'data.json': '{}' });
    await expect(discoverViaEntrypointExtensions('salkit_plugins', { root: tmp.dir })).rejects.toThrow(
      /"\.\/data\.json" did not specify a module \(got a non-JavaScript file/,
    );
    declaring(['./ok.js', 3], { 'ok.js': 'export {}\n' });
    await expect(discoverViaEntrypointExtensions('salkit_plugins', { root: tmp.dir })).rejects.toThrow(NotAModuleError);
    await expect(discoverViaEntrypointExtensions('salkit_plugins', { root: tmp.dir })).rejects.toThrow(
      /expected module specifiers \(strings\), got number 3/,
    );
    declaring({ a: './ok.js' });
    await expect(discoverViaEntrypointExtensions('salkit_plugins', { root: tmp.dir })).rejects.toThrow(
      /"salkit_plugins": expected a module specifier or a list of them, got an object/,
    );
    declaring('');
    await expect(discoverViaEntrypointExtensions('salkit_plugins', { root: tmp.dir })).rejects.toThrow(NotAModuleError);
  });

  it('an error naming the package and specifier when the module is missing or throws on import', async () => {
    declaring('./missing.js');
    await expect(discoverViaEntrypointExtensions('salkit_plugins', { root: tmp.dir })).rejects.toThrow(
      /^package bad-plugin \(.*\) "salkit_plugins": "\.\/missing\.js" cannot be imported: no file .*missing\.js$/,
    );
    declaring(['./boom.js'], { 'boom.js': "throw new Error('Expected error on import');\n" });
    const err = await discoverViaEntrypointExtensions('salkit_plugins', { root: tmp.dir }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/"\.\/boom\.js" cannot be imported: Expected error on import$/);
    expect(((err as Error).cause as Error).message).toBe('Expected error on import');
    declaring('unknown-dependency');
    await expect(discoverViaEntrypointExtensions('salkit_plugins', { root: tmp.dir })).rejects.toThrow(
      /"unknown-dependency" cannot be resolved: cannot find package "unknown-dependency"/,
    );
  });

  it('validates its arguments', async () => {
    await expect(discoverViaEntrypointExtensions(3 as never)).rejects.toThrow(
      'discoverViaEntrypointExtensions: namespace: expected a non-empty string, got number 3',
    );
  });
});

describe('discoverPlugins + getImpls', () => {
  /** A fresh sub-interface of Greeter, published for on-disk modules under its own bridge key. */
  function freshInterface() {
    abstract class LocalGreeter extends Greeter {}
    const bridge = unique(BRIDGE);
    (globalThis as Record<string, unknown>)[bridge] = { Greeter: LocalGreeter, registerPlugin };
    return { LocalGreeter, bridge };
  }

  it('after one await, getImpls() is synchronous and includes in-program, env-var and package plugins', async () => {
    const { LocalGreeter, bridge } = freshInterface();
    const [pe, pp] = [unique('EnvPlug'), unique('PkgPlug')];
    class InProgram extends LocalGreeter {
      static {
        registerPlugin(this, `test.all.InProgram${counter}`);
      }
      greet() {
        return 'hi';
      }
    }
    writeTree(tmp.dir, {
      'local/env-plugin.js': pluginModule(bridge, pe, `test.all.${pe}`),
      'node_modules/greeters/package.json': { name: 'greeters', type: 'module', salkit_plugins: ['./index.js'] },
      'node_modules/greeters/index.js': pluginModule(bridge, pp, `test.all.${pp}`),
    });
    const options = { env: { SALKIT_PLUGIN_PATH: './local/env-plugin.js' }, cwd: tmp.dir, root: tmp.dir };

    expect(names(LocalGreeter.getImpls())).toEqual(['InProgram']);
    const found = await discoverPlugins(options);
    expect(names(found)).toEqual(
      [`${pe}Impl`, `${pe}Plain`, `${pe}Unfinished`, `${pp}Impl`, `${pp}Plain`, `${pp}Unfinished`].sort(),
    );
    const impls = LocalGreeter.getImpls();
    expect(names(impls)).toEqual([`${pe}Impl`, `${pp}Impl`, 'InProgram'].sort());
    expect(impls.has(InProgram)).toBe(true);

    // Discovered classes round-trip through configuration by their registered names.
    const cls = [...impls].find((c) => c.name === `${pp}Impl`)!;
    const config = { type: `test.all.${pp}`, [`test.all.${pp}`]: { volume: 3 } };
    const inst = fromConfigDict(config, impls);
    expect(inst).toBeInstanceOf(cls);
    expect(inst.greet()).toBe(`hello from ${pp}`);
    expect(toConfigDict(inst)).toEqual(config);

    // Calling again is harmless (already-imported modules are not re-run; registration stays unique).
    await discoverPlugins(options);
    expect(LocalGreeter.getImpls()).toEqual(impls);
  });

  it('each interface reads its own PLUGIN_ENV_VAR and PLUGIN_NAMESPACE', async () => {
    // Unregistered plugin classes are found only through the loaded modules, which makes the
    // variable/namespace an interface reads visible.
    const unregistered = (bridge: string, cls: string) =>
      `const { Greeter } = globalThis[${JSON.stringify(bridge)}];\nexport class ${cls} extends Greeter { greet() { return ''; } }\n`;
    const { LocalGreeter: Ordinary, bridge: ob } = freshInterface();
    abstract class Special extends Greeter {
      static override PLUGIN_ENV_VAR = 'SPECIAL_GREETER_PATH';
      static override PLUGIN_NAMESPACE = 'special_greeters';
    }
    const sb = unique(BRIDGE);
    (globalThis as Record<string, unknown>)[sb] = { Greeter: Special };
    writeTree(tmp.dir, {
      'special.js': unregistered(sb, 'SpecialFromEnv'),
      'ordinary.js': unregistered(ob, 'OrdinaryFromEnv'),
      'node_modules/sp/package.json': {
        name: 'sp',
        type: 'module',
        special_greeters: './s.js',
        salkit_plugins: './o.js',
      },
      'node_modules/sp/s.js': unregistered(sb, 'SpecialFromPkg'),
      'node_modules/sp/o.js': unregistered(ob, 'OrdinaryFromPkg'),
    });
    const env = {
      SPECIAL_GREETER_PATH: path.join(tmp.dir, 'special.js'),
      SALKIT_PLUGIN_PATH: path.join(tmp.dir, 'ordinary.js'),
    };
    await discoverPlugins({ envVar: Special.PLUGIN_ENV_VAR, namespace: Special.PLUGIN_NAMESPACE, env, root: tmp.dir });
    expect(names(Special.getImpls())).toEqual(['SpecialFromEnv', 'SpecialFromPkg']);
    expect(names(Ordinary.getImpls())).toEqual([]);
    await discoverPlugins({ env, root: tmp.dir });
    expect(names(Ordinary.getImpls())).toEqual(['OrdinaryFromEnv', 'OrdinaryFromPkg']);
    // The unregistered classes are plugins, but have no configuration name until registered.
    const [cls] = [...Ordinary.getImpls()];
    expect(() => toConfigDict(new (cls as unknown as new () => Greeter)())).toThrow(/is not registered/);
  });

  it('defaults to SALKIT_PLUGIN_PATH and salkit_plugins', async () => {
    const p = unique('Default');
    writeTree(tmp.dir, {
      'node_modules/defaults/package.json': { name: 'defaults', type: 'module', salkit_plugins: './d.js' },
      'node_modules/defaults/d.js': pluginModule(BRIDGE, p, `test.defaults.${p}`),
    });
    await discoverPlugins({ env: {}, root: tmp.dir });
    expect(names(Greeter.getImpls())).toContain(`${p}Impl`);
    expect(Plugfigurable.PLUGIN_NAMESPACE).toBe('salkit_plugins');
  });
});
