import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError, UsageError } from '../errors.js';

/** Files a command produces, held in memory until the run has succeeded. */
export class OutputFiles {
  private readonly files = new Map<string, Uint8Array | string>();

  /** Adds a file (a plain name, no folders); a second file of the same name is a bug. */
  add(name: string, data: Uint8Array | string): string {
    if (name !== basename(name) || name.startsWith('.')) throw new Error(`OutputFiles.add: bad file name ${name}`);
    if (this.files.has(name)) throw new Error(`OutputFiles.add: ${name} added twice`);
    this.files.set(name, data);
    return name;
  }

  names(): string[] {
    return [...this.files.keys()];
  }

  entries(): [string, Uint8Array | string][] {
    return [...this.files];
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks, before any work, that `dir` can become the output folder: it is a folder or does not
 * exist yet, and its nearest existing ancestor is a writable folder. Throws UsageError naming --out.
 */
export async function checkOutDir(dir: string): Promise<void> {
  let probe = dir;
  for (;;) {
    let st: Awaited<ReturnType<typeof stat>> | undefined;
    try {
      st = await stat(probe);
    } catch {
      st = undefined;
    }
    if (st) {
      if (!st.isDirectory()) {
        throw new UsageError(
          probe === dir
            ? `--out: expected a folder, got the file ${dir}`
            : `--out: cannot create ${dir}: ${probe} is a file, not a folder`,
        );
      }
      try {
        await access(probe, constants.W_OK);
      } catch {
        throw new UsageError(`--out: expected a writable folder, got ${probe} (permission denied)`);
      }
      return;
    }
    const parent = dirname(probe);
    if (parent === probe) return;
    probe = parent;
  }
}

/**
 * Writes the files into `dir` all at once at the end of a run: first into a hidden staging folder
 * beside `dir`, then moved into place, so a failure (or an abort) leaves no partial output. An
 * existing `dir` keeps its other files; files of the same names are replaced. Returns the paths written.
 */
export async function writeOutputs(dir: string, files: OutputFiles, signal?: AbortSignal): Promise<string[]> {
  signal?.throwIfAborted();
  const parent = dirname(dir);
  // mkdir returns the first folder it had to create (undefined when the parent existed).
  const created = await mkdir(parent, { recursive: true });
  // A fresh hidden folder (mkdir, unlike mkdtemp, gives it the usual permissions).
  const staging = join(parent, `.${basename(dir)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(staging);
  let moved = false;
  try {
    for (const [name, data] of files.entries()) {
      signal?.throwIfAborted();
      await writeFile(join(staging, name), data);
    }
    signal?.throwIfAborted();
    if (!(await exists(dir))) {
      await rename(staging, dir);
      moved = true;
    } else {
      for (const name of files.names()) await rename(join(staging, name), join(dir, name));
    }
    return files.names().map((n) => join(dir, n));
  } catch (e) {
    if (created !== undefined && !moved) await rm(created, { recursive: true, force: true }).catch(() => {});
    if (e instanceof Error && e.name !== 'AbortError') {
      throw new CliError(`cannot write the output folder ${dir}: ${e.message}`);
    }
    throw e;
  } finally {
    if (!moved) await rm(staging, { recursive: true, force: true }).catch(() => {});
  }
}
