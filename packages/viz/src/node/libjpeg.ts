import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import mozjpegFactory from '@jsquash/jpeg/codec/dec/mozjpeg_dec.js';
import type { NdArray } from '@salkit/ndarray';
import { wasmApi } from '@salkit/ndarray/wasm';
import { checkDecodeArgs } from '../codec/bytes.js';
import { decodeJpeg, isJpeg } from '../codec/jpeg.js';
import { readJpegFrame } from '../codec/jpegFrame.js';
import type { DecodeOptions } from '../codec/png.js';
import { imageArray } from '../util/validate.js';

/** The part of the Emscripten module of @jsquash/jpeg's decoder (mozjpeg 4, a libjpeg-turbo fork) used here. */
interface MozjpegModule {
  decode(
    data: Uint8Array,
    preserveOrientation: boolean,
  ): { width: number; height: number; data: Uint8ClampedArray } | null;
  /** The module's memory, as Emscripten exposes it. */
  HEAPU8?: Uint8Array;
}

/**
 * WebAssembly memory only grows: after a decode has grown it beyond this, the instance is
 * dropped (and made again, ~10 ms, for the next file), so a long-running process does not keep
 * the largest image it ever decoded. A 1920x1280 photo takes 16 MB, a 10-megapixel one 40 MB.
 */
const KEEP_HEAP_BYTES = 32 * 1024 * 1024;

interface ModuleOptions {
  noInitialRun: boolean;
  print: (text: string) => void;
  printErr: (text: string) => void;
  instantiateWasm: (imports: object, done: (instance: { readonly exports: object }) => void) => object;
}

/** libjpeg's warnings and errors during the current decode (the module prints them to stderr). */
let messages: string[] = [];
let decoder: MozjpegModule | undefined;

/** Bytes of WebAssembly memory the thread's decoder holds now (0 when there is none); for tests. */
export function libjpegHeapBytes(): number {
  return decoder?.HEAPU8?.byteLength ?? 0;
}

/**
 * The decoder, instantiated once per thread. Compiling and instantiating synchronously (~10 ms
 * for the 166 KB module) makes the Emscripten factory finish before it returns, so `decode` is
 * ready on the options object without awaiting the factory's promise.
 */
function libjpeg(): MozjpegModule {
  if (decoder) return decoder;
  const api = wasmApi();
  if (!api) throw new Error('decodeJpegLibjpeg: this platform has no WebAssembly');
  const require = createRequire(import.meta.url);
  let file: string;
  try {
    file = require.resolve('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm');
  } catch (e) {
    // A bundle that inlined this module looks for the decoder from the bundle's own folder.
    throw new Error(
      `decodeJpegLibjpeg: cannot find @jsquash/jpeg's decoder (codec/dec/mozjpeg_dec.wasm) from ${import.meta.url}: ` +
        `install @jsquash/jpeg where this code runs (or keep @salkit/viz out of your bundle) (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
    );
  }
  const wasm = new api.Module(readFileSync(file));
  const options: ModuleOptions & Partial<MozjpegModule> = {
    noInitialRun: true,
    print: (text) => messages.push(text),
    printErr: (text) => messages.push(text),
    instantiateWasm(imports, done) {
      const instance = new api.Instance(wasm, imports);
      done(instance);
      return instance.exports;
    },
  };
  // The factory's promise resolves to `options` itself; nothing waits on it.
  void (mozjpegFactory as unknown as (o: ModuleOptions) => Promise<unknown>)(options);
  if (typeof options.decode !== 'function') {
    throw new Error('decodeJpegLibjpeg: @jsquash/jpeg did not initialise synchronously; is it at version 1.6?');
  }
  decoder = options as MozjpegModule;
  return decoder;
}

/**
 * Node-only: decodes a JPEG into a `[H,W,3]` uint8 RGB ndarray with libjpeg (mozjpeg compiled to
 * WebAssembly, from @jsquash/jpeg): the IDCT and "fancy" chroma upsampling of the libjpeg-turbo
 * inside PIL, so the pixels equal `np.asarray(Image.open(path).convert('RGB'))` for baseline and
 * progressive, gray and colour files. About 7x faster than jpeg-js on a 1920x1280 photo. CMYK and
 * YCCK files, which libjpeg does not convert to RGB, go through jpeg-js (decodeJpeg). Like PIL,
 * a truncated file is an error, and the EXIF orientation is not applied.
 */
export function decodeJpegLibjpeg(bytes: Uint8Array | ArrayBuffer, options?: DecodeOptions): NdArray<Uint8Array> {
  const fn = 'decodeJpegLibjpeg';
  const { bytes: b, maxPixels } = checkDecodeArgs(fn, bytes, options);
  if (!isJpeg(b)) throw new Error(`${fn}: bytes: not a JPEG (the FF D8 FF start marker is missing)`);
  const frame = readJpegFrame(b);
  if (frame === null) throw new Error(`${fn}: invalid JPEG data: no frame header before the image data`);
  if (frame.width * frame.height > maxPixels) {
    throw new RangeError(
      `${fn}: the image is ${frame.height}x${frame.width} = ${frame.width * frame.height} pixels, more than maxPixels ${maxPixels}`,
    );
  }
  if (frame.components === 4) return decodeJpeg(b, { maxPixels });
  const mozjpeg = libjpeg();
  messages = [];
  let decoded: ReturnType<MozjpegModule['decode']>;
  try {
    decoded = mozjpeg.decode(b, false);
  } catch {
    decoded = null;
  }
  const said = messages.join('; ');
  messages = [];
  if (libjpegHeapBytes() > KEEP_HEAP_BYTES) decoder = undefined;
  if (decoded === null) throw new Error(`${fn}: invalid JPEG data: ${said || 'libjpeg failed'}`);
  // libjpeg fills a truncated file's missing rows with gray and warns; PIL raises instead.
  if (said.includes('Premature end')) throw new Error(`${fn}: invalid JPEG data: ${said} (truncated file)`);
  const { width, height, data } = decoded;
  const size = width * height;
  if (data.length !== size * 4) {
    throw new Error(`${fn}: invalid JPEG data: decoded ${width}x${height} with ${data.length} bytes`);
  }
  const out = new Uint8Array(size * 3);
  for (let s = 0, o = 0; o < out.length; s += 4, o += 3) {
    out[o] = data[s] as number;
    out[o + 1] = data[s + 1] as number;
    out[o + 2] = data[s + 2] as number;
  }
  return imageArray(out, height, width, 3);
}
