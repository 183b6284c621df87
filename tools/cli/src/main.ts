import { getCloseMatches } from '@salkit/config-dict';
import { parseArgs } from './args/parse.js';
import { type Command, optionsOf } from './commands/command.js';
import { compare } from './commands/compare.js';
import { config } from './commands/config.js';
import { detect } from './commands/detect.js';
import { explainCommand as explain } from './commands/explain.js';
import { CliError, EXIT, isAbortError, messageOf, UsageError } from './errors.js';
import { commandHelp, mainHelp } from './help.js';
import { holdImageWorker } from './image/thread.js';
import type { CliIO } from './io.js';
import { version } from './version.js';

/** The subcommands, in the order help lists them. */
export const COMMANDS: readonly Command[] = [explain, detect, compare, config];

function findCommand(name: string): Command {
  const cmd = COMMANDS.find((c) => c.name === name);
  if (cmd) return cmd;
  const close = getCloseMatches(
    name,
    COMMANDS.map((c) => c.name),
    1,
    0.6,
  );
  throw new UsageError(
    `unknown command ${JSON.stringify(name)}${close.length ? ` (did you mean ${close[0]}?)` : ''}; expected one of ${COMMANDS.map((c) => c.name).join(', ')}`,
  );
}

/**
 * Runs `salkit` with the arguments after the program name; returns the exit code (0 done,
 * 1 failed, 2 bad command line, 130 interrupted). Never exits the process and writes only to
 * `io.stdout` / `io.stderr` (and the output folder).
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const startTime = io.startTime ?? performance.now();
  const releaseImageWorker = holdImageWorker();
  let command: string | undefined;
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stderr.write(mainHelp(COMMANDS, version()));
      return EXIT.usage;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      if (first === 'help' && rest[0] !== undefined) {
        io.stdout.write(commandHelp(findCommand(rest[0])));
      } else {
        io.stdout.write(mainHelp(COMMANDS, version()));
      }
      return EXIT.ok;
    }
    if (first === '--version' || first === '-V') {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    if (first.startsWith('-')) throw new UsageError(`expected a command before the options, got ${first}`);
    const cmd = findCommand(first);
    command = cmd.name;
    const args = parseArgs(rest, optionsOf(cmd), cmd.name);
    if (args.values.get('help') === true) {
      io.stdout.write(commandHelp(cmd));
      return EXIT.ok;
    }
    if (args.positionals.length > cmd.positionals.max) {
      throw new UsageError(
        `expected at most ${cmd.positionals.what}, got ${args.positionals.length}: ${args.positionals.join(' ')}`,
        cmd.name,
      );
    }
    return await cmd.run(args, io, startTime);
  } catch (e) {
    const prefix = command ? `salkit ${command}` : 'salkit';
    if (io.signal?.aborted || isAbortError(e)) {
      io.stderr.write(`${prefix}: interrupted; nothing was written\n`);
      return EXIT.interrupted;
    }
    if (e instanceof UsageError) {
      const help = e.command ?? command;
      io.stderr.write(`${prefix}: ${e.message}\n(see 'salkit ${help ? `${help} ` : ''}--help')\n`);
      return EXIT.usage;
    }
    io.stderr.write(`${prefix}: ${e instanceof CliError ? '' : 'error: '}${messageOf(e)}\n`);
    if (process.env.SALKIT_DEBUG && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return EXIT.failure;
  } finally {
    await releaseImageWorker();
  }
}
