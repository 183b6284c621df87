import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutDir, OutputFiles, writeOutputs } from '../src/output/writer.js';
import { tempDir } from './sink.js';

function files(entries: Record<string, string>): OutputFiles {
  const f = new OutputFiles();
  for (const [name, text] of Object.entries(entries)) f.add(name, text);
  return f;
}

describe('writeOutputs', () => {
  it('creates the folder (and its parents) with every file', async () => {
    const root = await tempDir();
    const dir = join(root, 'a', 'b', 'out');
    const written = await writeOutputs(dir, files({ 'x.txt': 'x', 'y.txt': 'y' }));
    expect(written).toEqual([join(dir, 'x.txt'), join(dir, 'y.txt')]);
    expect(readFileSync(join(dir, 'y.txt'), 'utf8')).toBe('y');
    expect(readdirSync(join(root, 'a', 'b'))).toEqual(['out']); // no staging folder left
  });

  it('replaces files of the same name in an existing folder and keeps the others', async () => {
    const dir = join(await tempDir(), 'out');
    await mkdir(dir);
    await writeFile(join(dir, 'x.txt'), 'old');
    await writeFile(join(dir, 'notes.md'), 'mine');
    await writeOutputs(dir, files({ 'x.txt': 'new' }));
    expect(readFileSync(join(dir, 'x.txt'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('mine');
  });

  it('writes nothing, and leaves no staging folder or created parents, when aborted', async () => {
    const root = await tempDir();
    const controller = new AbortController();
    controller.abort();
    await expect(writeOutputs(join(root, 'p', 'out'), files({ 'x.txt': 'x' }), controller.signal)).rejects.toThrow();
    const late = new AbortController();
    const f = files({ 'x.txt': 'x', 'y.txt': 'y' });
    const entries = f.entries.bind(f);
    f.entries = () => {
      late.abort(); // aborted while writing the staging folder
      return entries();
    };
    await expect(writeOutputs(join(root, 'q', 'out'), f, late.signal)).rejects.toThrow();
    expect(existsSync(join(root, 'p'))).toBe(false);
    expect(existsSync(join(root, 'q'))).toBe(false);
  });

  it('checks --out before any work', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'file'), '');
    await expect(checkOutDir(join(root, 'file'))).rejects.toThrow(
      `--out: expected a folder, got the file ${join(root, 'file')}`,
    );
    await expect(checkOutDir(join(root, 'file', 'sub'))).rejects.toThrow(
      /--out: cannot create .*: .*file is a file, not a folder/,
    );
    await expect(checkOutDir(join(root, 'new', 'deeper'))).resolves.toBeUndefined();
  });
});
