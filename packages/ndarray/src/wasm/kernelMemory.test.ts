import { describe, expect, it } from 'vitest';
import { KERNEL_MEMORY_MAX_PAGES, kernelArray, leaseKernelMemory } from './kernelMemory.js';

describe('kernelArray', () => {
  it('is a zeroed typed array of the dtype and length at the start of a shared wasm memory', () => {
    const cases = [
      ['float32', Float32Array],
      ['float64', Float64Array],
      ['bool', Uint8Array],
      ['int16', Int16Array],
    ] as const;
    for (const [dtype, ctor] of cases) {
      const a = kernelArray(dtype, 1001);
      expect(a).toBeInstanceOf(ctor);
      expect(a.length).toBe(1001);
      expect(a.byteOffset).toBe(0);
      expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(a.every((v) => v === 0)).toBe(true);
    }
    expect(kernelArray('float32', 0).length).toBe(0);
  });

  it('rejects a bad dtype or length, naming what came', () => {
    expect(() => kernelArray('float16' as never, 4)).toThrow(
      /kernelArray: dtype must be one of .*float32.*; got 'float16'/,
    );
    expect(() => kernelArray('float32', -1)).toThrow('kernelArray: length must be a non-negative integer; got -1');
    expect(() => kernelArray('float32', 2.5)).toThrow(/got 2.5/);
    const tooMany = (KERNEL_MEMORY_MAX_PAGES * 65536) / 8 + 1;
    expect(() => kernelArray('float64', tooMany)).toThrow(/exceed a kernel memory's 2147483648 bytes/);
  });
});

describe('leaseKernelMemory', () => {
  it('lends the memory after the array to one holder at a time', () => {
    const a = kernelArray('float32', 1001);
    const lease = leaseKernelMemory(a.subarray(10));
    expect(lease).not.toBeNull();
    if (lease === null) return;
    expect(lease.buffer).toBe(a.buffer);
    // first byte after the data, 64-byte aligned
    expect(lease.at).toBe(4032);
    expect(leaseKernelMemory(a)).toBeNull();
    lease.release();
    const again = leaseKernelMemory(a);
    expect(again).not.toBeNull();
    // a released lease cannot end a later one
    lease.release();
    expect(leaseKernelMemory(a)).toBeNull();
    again?.release();
  });

  it('lets the holder grow the memory without moving or resizing the array', () => {
    const a = kernelArray('float64', 100);
    a.fill(7);
    const lease = leaseKernelMemory(a);
    if (lease === null) throw new Error('expected a lease');
    const before = lease.memory.buffer.byteLength;
    lease.memory.grow(3);
    expect(lease.memory.buffer.byteLength).toBe(before + 3 * 65536);
    new Float64Array(lease.memory.buffer, lease.at, 4).fill(1);
    expect(a.length).toBe(100);
    expect(a.every((v) => v === 7)).toBe(true);
    lease.release();
  });

  it('is null for arrays outside kernel memories', () => {
    expect(leaseKernelMemory(new Float32Array(8))).toBeNull();
    expect(leaseKernelMemory(new Float32Array(new SharedArrayBuffer(32)))).toBeNull();
  });
});
