import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A text sink standing in for stdout / stderr. */
export class Sink {
  text = '';
  constructor(
    readonly isTTY = false,
    readonly columns = 100,
  ) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** A fresh empty folder. */
export function tempDir(prefix = 'salkit-cli-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}
