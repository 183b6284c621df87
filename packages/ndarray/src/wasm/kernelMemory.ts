import { allocate, DTYPES, type DType, describe, isDType, type TypedArray } from '../dtype.js';
import { type WasmMemory, wasmApi } from './webassembly.js';

/** Bytes per WebAssembly page. */
const PAGE = 65536;
/**
 * The most pages a kernel memory may grow to (2 GB): kernel modules that import one declare this
 * maximum (a memory may not declare a larger maximum than the modules importing it).
 */
export const KERNEL_MEMORY_MAX_PAGES = 32768;

interface KernelMemoryRecord {
  memory: WasmMemory;
  /** First byte after the array's data, 64-byte aligned: the leaseholder's working memory starts there. */
  tailAt: number;
  leased: boolean;
}

/** The kernel memories, by the buffer their array lies on (the memory's buffer before any growth). */
const records = new WeakMap<object, KernelMemoryRecord>();

/**
 * A zeroed typed array of `length` values of `dtype` at the start of a shared WebAssembly memory
 * of its own, which salkit's WebAssembly kernels (e.g. `@salkit/scoring`'s) read in place, on
 * every thread, instead of copying it into their own memory. The kernels' working memory goes
 * after the array; the array itself never moves. Where shared WebAssembly memory is missing
 * (no SharedArrayBuffer), an ordinary typed array, which the kernels copy as usual.
 *
 * Allocate once and refill: Node 20 does not count shared memory toward garbage-collection
 * pressure, so a fresh one per call can grow the process by gigabytes before a collection.
 */
export function kernelArray(dtype: 'float32', length: number): Float32Array;
export function kernelArray(dtype: 'float64', length: number): Float64Array;
export function kernelArray(dtype: DType, length: number): TypedArray;
export function kernelArray(dtype: DType, length: number): TypedArray {
  if (!isDType(dtype)) throw new Error(`kernelArray: dtype must be one of ${DTYPES.join(', ')}; got ${shown(dtype)}`);
  if (!Number.isInteger(length) || length < 0)
    throw new Error(`kernelArray: length must be a non-negative integer; got ${shown(length)}`);
  const empty = allocate(dtype, 0);
  const bytes = length * empty.BYTES_PER_ELEMENT;
  const tailAt = Math.ceil(bytes / 64) * 64;
  const pages = Math.max(1, Math.ceil(tailAt / PAGE));
  if (pages > KERNEL_MEMORY_MAX_PAGES)
    throw new Error(
      `kernelArray: ${length} ${dtype} values (${bytes} bytes) exceed a kernel memory's ${KERNEL_MEMORY_MAX_PAGES * PAGE} bytes`,
    );
  const api = wasmApi();
  let memory: WasmMemory | undefined;
  try {
    memory =
      api === undefined
        ? undefined
        : new api.Memory({ initial: pages, maximum: KERNEL_MEMORY_MAX_PAGES, shared: true });
  } catch {
    memory = undefined;
  }
  if (memory === undefined || typeof SharedArrayBuffer !== 'function' || !(memory.buffer instanceof SharedArrayBuffer))
    return allocate(dtype, length);
  const Ctor = empty.constructor as new (buffer: ArrayBuffer, offset: number, length: number) => TypedArray;
  const array = new Ctor(memory.buffer, 0, length);
  records.set(memory.buffer, { memory, tailAt, leased: false });
  return array;
}

/** A value for an error message: strings quoted, numbers as they print, anything else described. */
function shown(x: unknown): string {
  return typeof x === 'string' ? `'${x}'` : typeof x === 'number' ? String(x) : describe(x);
}

/** A kernel memory lent to one user at a time (see leaseKernelMemory). */
export interface KernelMemoryLease {
  readonly memory: WasmMemory;
  /** The buffer the array lies on (the memory's first buffer: growing the memory makes new ones). */
  readonly buffer: ArrayBuffer;
  /** Where the leaseholder's working memory may start: the first byte after the array, 64-byte aligned. */
  readonly at: number;
  /** Ends the lease (idempotent). */
  release(): void;
}

/**
 * The kernel memory `data` lies in (from `kernelArray`), lent to the caller, who may grow it and
 * use the bytes from `at` on until it calls `release()`; null when `data` is not in a kernel memory
 * or the memory is lent to someone else.
 */
export function leaseKernelMemory(data: TypedArray): KernelMemoryLease | null {
  const buffer = data.buffer;
  const record = records.get(buffer);
  if (record === undefined || record.leased) return null;
  record.leased = true;
  let live = true;
  return {
    memory: record.memory,
    buffer: buffer as ArrayBuffer,
    at: record.tailAt,
    release() {
      if (live) record.leased = false;
      live = false;
    },
  };
}
