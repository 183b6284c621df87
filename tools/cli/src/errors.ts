/**
 * Errors the CLI turns into exit codes: a UsageError (bad command line: exit 2) or a CliError
 * (the command line is fine but the work cannot be done: exit 1). Anything else is a bug or a
 * library error, reported with its message (exit 1). An aborted run exits with 130.
 */

/** Exit codes of `salkit`. */
export const EXIT = Object.freeze({ ok: 0, failure: 1, usage: 2, interrupted: 130 });

/** A problem with the command line: an unknown option, a bad value, a missing argument. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The command whose help to point at (`salkit <command> --help`), if any. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

/** A run that cannot be done as asked: an unreadable file, no face found, an invalid config. */
export class CliError extends Error {
  override name = 'CliError';
}

/** True for the rejection of an aborted AbortSignal (DOMException or Error named AbortError). */
export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

/** The message of anything thrown. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** `JSON.stringify` for quoting what came in error messages (strings quoted, others as JSON). */
export function quote(value: unknown): string {
  if (value === undefined) return 'nothing';
  return JSON.stringify(value);
}
