import ndarray from 'ndarray';
import type { NdArray } from './array.js';
import { type DType, dtypeOfData, type TypedArray } from './dtype.js';

/** numpy descr (little-endian) for each supported dtype. */
const DESCR: Record<DType, string> = {
  bool: '|b1',
  uint8: '|u1',
  int8: '|i1',
  uint16: '<u2',
  int16: '<i2',
  uint32: '<u4',
  int32: '<i4',
  float32: '<f4',
  float64: '<f8',
};

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** An int64 array read from .npy: values as bigint plus a lossless-if-safe Float64 view helper. */
export interface NpyInt64 {
  dtype: 'int64' | 'uint64';
  shape: number[];
  data: BigInt64Array | BigUint64Array;
}

export interface LoadedNpy {
  /** The array; int64/uint64 files come back as float64 ndarrays (exact below 2^53). */
  array: NdArray;
  /** The dtype as stored in the file. */
  dtype: DType | 'int64' | 'uint64';
  /** Raw 64-bit integers, for int64/uint64 files. */
  int64?: BigInt64Array | BigUint64Array;
}

function parseHeader(text: string): { descr: string; fortran: boolean; shape: number[] } {
  // The header is a Python dict literal: {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new Error(`loadNpy: header is not a numpy dict with descr, fortran_order and shape: ${text.trim()}`);
  }
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => {
      const n = Number(s.replace(/L$/, ''));
      if (!Number.isSafeInteger(n) || n < 0) throw new Error(`loadNpy: bad shape entry ${s} in header`);
      return n;
    });
  return { descr, fortran: fortran === 'True', shape };
}

function descrToDType(descr: string): DType | 'int64' | 'uint64' {
  const byteOrder = descr[0];
  const kind = descr.slice(1);
  if (byteOrder === '>' && kind !== 'u1' && kind !== 'i1' && kind !== 'b1') {
    throw new Error(`loadNpy: big-endian data (descr ${descr}) is not supported; save with '<' byte order`);
  }
  if (kind.startsWith('O')) throw new Error(`loadNpy: object arrays (descr ${descr}) are not supported`);
  const map: Record<string, DType | 'int64' | 'uint64'> = {
    b1: 'bool',
    u1: 'uint8',
    i1: 'int8',
    u2: 'uint16',
    i2: 'int16',
    u4: 'uint32',
    i4: 'int32',
    f4: 'float32',
    f8: 'float64',
    i8: 'int64',
    u8: 'uint64',
  };
  const dt = map[kind];
  if (!dt) throw new Error(`loadNpy: unsupported dtype descr ${descr}`);
  return dt;
}

/**
 * Reads a NumPy .npy file (format v1, v2 or v3, little-endian, C order). Bool arrays come back
 * as 0/1 Uint8Array data; int64 arrays as float64 data plus the exact bigints in `int64`.
 */
export function loadNpyFull(bytes: Uint8Array | ArrayBuffer): LoadedNpy {
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (buf.length < 10 || MAGIC.some((m, i) => buf[i] !== m)) {
    throw new Error('loadNpy: bytes: expected a .npy file starting with \\x93NUMPY, got something else');
  }
  const major = buf[6] as number;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let headerLen: number;
  let headerStart: number;
  if (major === 1) {
    headerLen = view.getUint16(8, true);
    headerStart = 10;
  } else if (major === 2 || major === 3) {
    if (buf.length < 12) throw new Error('loadNpy: truncated file (header length missing)');
    headerLen = view.getUint32(8, true);
    headerStart = 12;
  } else {
    throw new Error(`loadNpy: unsupported .npy format version ${major}`);
  }
  if (headerStart + headerLen > buf.length) throw new Error('loadNpy: truncated file (header incomplete)');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(
    buf.subarray(headerStart, headerStart + headerLen),
  );
  const { descr, fortran, shape } = parseHeader(header);
  if (fortran) throw new Error('loadNpy: Fortran-order arrays are not supported; save with np.ascontiguousarray');
  const dtype = descrToDType(descr);
  const count = shape.reduce((a, b) => a * b, 1);
  const itemSize = Number(descr.slice(2));
  const dataStart = headerStart + headerLen;
  const need = count * itemSize;
  if (buf.length - dataStart < need) {
    throw new Error(
      `loadNpy: truncated file: expected ${need} data bytes for shape [${shape}], got ${buf.length - dataStart}`,
    );
  }
  // Copy so the result is aligned and independent of the input buffer.
  const raw = buf.slice(dataStart, dataStart + need).buffer;
  if (dtype === 'int64' || dtype === 'uint64') {
    const big = dtype === 'int64' ? new BigInt64Array(raw) : new BigUint64Array(raw);
    const f = new Float64Array(count);
    for (let i = 0; i < count; i++) f[i] = Number(big[i]);
    return { array: ndarray(f, shape), dtype, int64: big };
  }
  const data: TypedArray = makeTyped(dtype, raw);
  return { array: ndarray(data, shape), dtype };
}

function makeTyped(dtype: DType, raw: ArrayBuffer): TypedArray {
  switch (dtype) {
    case 'bool':
    case 'uint8':
      return new Uint8Array(raw);
    case 'int8':
      return new Int8Array(raw);
    case 'uint16':
      return new Uint16Array(raw);
    case 'int16':
      return new Int16Array(raw);
    case 'uint32':
      return new Uint32Array(raw);
    case 'int32':
      return new Int32Array(raw);
    case 'float32':
      return new Float32Array(raw);
    case 'float64':
      return new Float64Array(raw);
  }
}

/** Reads a .npy file into an ndarray (see loadNpyFull for dtype details). */
export function loadNpy(bytes: Uint8Array | ArrayBuffer): NdArray {
  return loadNpyFull(bytes).array;
}

/**
 * Writes an ndarray as .npy v1 (C order, little-endian). Pass `{ dtype: 'bool' }` to store a
 * 0/1 Uint8Array as numpy bool. Non-contiguous views are written in logical row-major order.
 */
export function saveNpy(a: NdArray, options: { dtype?: DType } = {}): Uint8Array {
  if (!a || typeof a !== 'object' || !('data' in a) || !Array.isArray(a.shape)) {
    throw new Error('saveNpy: a: expected an ndarray, got something else');
  }
  const stored = dtypeOfData(a.data);
  const dtype = options.dtype ?? stored;
  if (dtype === 'bool' && stored !== 'uint8') {
    throw new Error(`saveNpy: dtype 'bool' needs Uint8Array 0/1 data, got ${stored}`);
  }
  if (dtype !== 'bool' && dtype !== stored) {
    throw new Error(`saveNpy: options.dtype ${dtype} does not match the data's dtype ${stored}`);
  }
  const shape = a.shape;
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${DESCR[dtype]}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // Pad with spaces so magic + len + header + '\n' is a multiple of 64 (numpy aligns to 64).
  const unpadded = 10 + header.length + 1;
  header += `${' '.repeat((64 - (unpadded % 64)) % 64)}\n`;
  if (header.length > 0xffff) throw new Error('saveNpy: header too long for format 1.0');
  const contiguous = contiguousCopy(a);
  const body = new Uint8Array(contiguous.buffer, contiguous.byteOffset, contiguous.byteLength);
  const out = new Uint8Array(10 + header.length + body.length);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(body, 10 + header.length);
  return out;
}

/** A row-major copy of the array's logical contents (the data itself when already dense). */
function contiguousCopy(a: NdArray): TypedArray {
  const data = a.data as TypedArray;
  const n = a.size;
  const shape = a.shape;
  const stride = a.stride;
  let dense = a.offset === 0 && data.length === n;
  let expect = 1;
  for (let d = shape.length - 1; d >= 0 && dense; d--) {
    if ((shape[d] as number) > 1 && stride[d] !== expect) dense = false;
    expect *= shape[d] as number;
  }
  if (dense) return data;
  const Ctor = data.constructor as { new (n: number): TypedArray };
  const out = new Ctor(n);
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < n; i++) {
    let p = a.offset;
    for (let d = 0; d < shape.length; d++) p += (idx[d] as number) * (stride[d] as number);
    out[i] = data[p] as number;
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      if ((idx[d] as number) < (shape[d] as number)) break;
      idx[d] = 0;
    }
  }
  return out;
}
