import { getCloseMatches } from '@salkit/config-dict';
import { UsageError } from '../errors.js';

/** One command-line option. */
export interface OptionSpec {
  /** Long name, without dashes: `batch-size` is given as `--batch-size`. */
  name: string;
  /** One-letter alias, without the dash (`o` for `-o`). */
  short?: string;
  /** Placeholder of the value in help texts (`N`, `DIR`); absent for a boolean flag. */
  value?: string;
  /** One line of help. */
  help: string;
  /** The default as help shows it. */
  defaultText?: string;
  /** Turns the raw text into the option's value; throws UsageError naming `flag` on bad input. */
  parse?: (raw: string, flag: string) => unknown;
}

/** The outcome of parsing a command line. */
export interface ParsedArgs {
  /** Option values by long name (flags: true); only options that were given. */
  values: Map<string, unknown>;
  /** Positional arguments, in order. */
  positionals: string[];
  /**
   * `--config.<path>` overrides, normalised to `--config.<path>=<value>` (or `--config.<path>` /
   * `--noconfig.<path>` for booleans), in order, for config-dict's applyOverrides.
   */
  overrides: string[];
  /** The arguments as given. */
  raw: readonly string[];
}

const OVERRIDE = /^--(no)?config\.(.+)$/s;

function looksLikeValue(arg: string | undefined): arg is string {
  return arg !== undefined && (!arg.startsWith('-') || /^-(\d|\.\d)/.test(arg));
}

function suggest(word: string, names: readonly string[]): string {
  const close = getCloseMatches(word, names, 1, 0.6);
  return close.length > 0 ? ` (did you mean --${close[0]}?)` : '';
}

/**
 * Parses `argv` against `specs` for the command `command` (used in messages). Accepts
 * `--name value`, `--name=value`, `-x value`, boolean `--flag`, `--` (the rest is positional)
 * and `--config.path[=value]` overrides. A repeated option keeps its last value. Throws
 * UsageError for unknown options, missing values and values the option's `parse` refuses.
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const names = specs.map((s) => s.name);
  const values = new Map<string, unknown>();
  const positionals: string[] = [];
  const overrides: string[] = [];
  const acceptsConfig = byName.has('config');

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const override = OVERRIDE.exec(arg);
    if (override) {
      if (!acceptsConfig) throw new UsageError(`${arg.split('=')[0]}: 'salkit ${command}' takes no config`, command);
      const [, negated, body] = override as unknown as [string, string | undefined, string];
      if (body.includes('=') || negated) overrides.push(arg);
      else if (looksLikeValue(argv[i + 1])) overrides.push(`${arg}=${argv[++i]}`);
      else overrides.push(arg);
      continue;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    let flag: string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
      flag = `--${name}`;
      spec = byName.get(name);
      if (!spec) throw new UsageError(`unknown option ${flag} for 'salkit ${command}'${suggest(name, names)}`, command);
    } else if (arg.startsWith('-') && arg.length > 1 && !/^-(\d|\.\d)/.test(arg)) {
      flag = arg;
      spec = arg.length === 2 ? byShort.get(arg.slice(1)) : undefined;
      if (!spec) throw new UsageError(`unknown option ${arg} for 'salkit ${command}'`, command);
    } else {
      positionals.push(arg);
      continue;
    }
    const shown = `--${spec.name}`;
    if (spec.value === undefined) {
      if (inline !== undefined)
        throw new UsageError(`${shown}: takes no value, got ${JSON.stringify(inline)}`, command);
      values.set(spec.name, true);
      continue;
    }
    let raw = inline;
    if (raw === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new UsageError(
          `${shown}: expected a value (${spec.value}), got ${next === undefined ? 'nothing' : `the option ${next}`}`,
          command,
        );
      }
      raw = next;
      i++;
    }
    values.set(spec.name, spec.parse ? spec.parse(raw, shown) : raw);
  }
  return { values, positionals, overrides, raw: [...argv] };
}
