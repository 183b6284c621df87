import { type AnyClass, type Configurable, discoverPlugins, registeredNameOf } from '@salkit/plugin';
import { CliError, messageOf } from '../errors.js';

/** A configurable plugin class, as the CLI uses it. */
export type PluginClass = AnyClass & typeof Configurable;

/** An interface whose implementations a config chooses among (PerturbImage, a scorer interface...). */
export interface PluginInterface {
  readonly name: string;
  getImpls(): Set<AnyClass>;
}

/** The last segment of a registered name: `RISEGrid` for `salkit.perturb.RISEGrid`. */
export function shortName(full: string): string {
  return full.slice(full.lastIndexOf('.') + 1);
}

/** One implementation: its registered name, the config-block key the CLI uses for it, and the class. */
export interface Impl {
  type: string;
  key: string;
  cls: PluginClass;
}

const NAME = /^[A-Za-z0-9._]*$/;

/** Primary weight of a character of NAME in the root collation: `_` < `.` < digits < letters (any case). */
function primary(c: number): number {
  if (c === 95) return 0; // _
  if (c === 46) return 1; // .
  if (c <= 57) return 2 + c - 48; // 0-9
  return 12 + ((c | 32) - 97); // letters, case folded
}

/**
 * `a.localeCompare(b)` (the root collation), computed directly for names made of letters,
 * digits, `.` and `_`: the first localeCompare of a process loads ICU's collator, 20-30 ms.
 * Letters compare alphabetically whatever their case, `_` and `.` before digits before letters;
 * when two names differ only in case, the first lowercase letter where they differ sorts first.
 */
export function compareNames(a: string, b: string): number {
  if (!NAME.test(a) || !NAME.test(b)) return a.localeCompare(b);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = primary(a.charCodeAt(i)) - primary(b.charCodeAt(i));
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    // Same letter in a different case: lowercase (code 97+) first.
    if (ca !== cb) return ca > cb ? -1 : 1;
  }
  return 0;
}

/**
 * The registered implementations of `iface`, sorted by name. Each gets a dot-free block key
 * (ConfigDict field names cannot hold dots): its short name, or, when two share a short name,
 * the full name with dots as underscores.
 */
export function implsOf(iface: PluginInterface): Impl[] {
  const named = [...iface.getImpls()]
    .map((cls) => ({ type: registeredNameOf(cls), cls: cls as PluginClass }))
    .filter((x): x is { type: string; cls: PluginClass } => x.type !== undefined)
    .sort((a, b) => compareNames(a.type, b.type));
  const counts = new Map<string, number>();
  for (const { type } of named) counts.set(shortName(type), (counts.get(shortName(type)) ?? 0) + 1);
  return named.map(({ type, cls }) => ({
    type,
    cls,
    key: counts.get(shortName(type)) === 1 ? shortName(type) : type.replaceAll('.', '_'),
  }));
}

/** Finds an implementation by registered name, block key or short name; undefined when none matches. */
export function findImpl(impls: readonly Impl[], name: string): Impl | undefined {
  return (
    impls.find((i) => i.type === name) ??
    impls.find((i) => i.key === name) ??
    (impls.filter((i) => shortName(i.type) === name).length === 1
      ? impls.find((i) => shortName(i.type) === name)
      : undefined)
  );
}

let discovered: Promise<unknown> | undefined;

/**
 * Loads plugins from outside the program once (modules in SALKIT_PLUGIN_PATH and installed
 * packages declaring `salkit_plugins`), so that configs can name them.
 */
export async function loadExternalPlugins(cwd: string): Promise<void> {
  discovered ??= discoverPlugins({ cwd, root: cwd });
  try {
    await discovered;
  } catch (e) {
    discovered = undefined;
    throw new CliError(`cannot load plugins (SALKIT_PLUGIN_PATH or installed salkit_plugins): ${messageOf(e)}`);
  }
}
