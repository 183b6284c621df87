import type { OptionSpec, ParsedArgs } from '../args/parse.js';
import type { CliIO } from '../io.js';

/** A group of options under one heading of the help text. */
export interface OptionGroup {
  title: string;
  options: OptionSpec[];
  /** Extra help lines after the options. */
  notes?: string[];
}

/** A `salkit` subcommand. */
export interface Command {
  name: string;
  /** One line for `salkit --help`. */
  summary: string;
  /** Usage line(s) without the leading `salkit `. */
  usage: string[];
  /** Lines of text under the usage line. */
  description: string[];
  groups: OptionGroup[];
  examples: string[];
  /** Most positional arguments the command takes, and how to name them in an error (`one image`). */
  positionals: { max: number; what: string };
  run(args: ParsedArgs, io: CliIO, startTime: number): Promise<number>;
}

/** Every option of a command, for the parser. */
export function optionsOf(cmd: Command): OptionSpec[] {
  return cmd.groups.flatMap((g) => g.options);
}
