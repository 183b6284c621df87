import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

// As if this code were bundled somewhere @jsquash/jpeg cannot be found from.
vi.mock('node:module', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:module')>();
  return {
    ...real,
    createRequire: (from: string | URL) => {
      const req = real.createRequire(from);
      return Object.assign((id: string) => req(id), {
        resolve: (id: string) => {
          if (id.startsWith('@jsquash/jpeg')) throw new Error(`Cannot find module '${id}'\nRequire stack: ...`);
          return req.resolve(id);
        },
      });
    },
  };
});

describe('decodeJpegLibjpeg without @jsquash/jpeg', () => {
  it('says what is missing and what to do, on the first decode', async () => {
    const { decodeJpegLibjpeg } = await import('./libjpeg.js');
    const jpg = new Uint8Array(readFileSync(new URL('../../test/fixtures/jpeg/gray.jpg', import.meta.url)));
    expect(() => decodeJpegLibjpeg(jpg)).toThrow(
      /decodeJpegLibjpeg: cannot find @jsquash\/jpeg's decoder \(codec\/dec\/mozjpeg_dec\.wasm\) from file:.*libjpeg\.ts: install @jsquash\/jpeg where this code runs \(or keep @salkit\/viz out of your bundle\) \(Cannot find module '@jsquash\/jpeg\/codec\/dec\/mozjpeg_dec\.wasm'\)/,
    );
  });
});
