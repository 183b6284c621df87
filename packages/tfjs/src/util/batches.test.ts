import { describe, expect, it } from 'vitest';
import { batched } from './batches.js';

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('batched', () => {
  it('splits a sync iterable into batches of at most size', async () => {
    expect(await all(batched([1, 2, 3, 4, 5, 6, 7], 3))).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(await all(batched([1, 2], 5))).toEqual([[1, 2]]);
    expect(await all(batched([], 2))).toEqual([]);
  });

  it('splits an async iterable, pulling only what the next batch needs', async () => {
    let pulled = 0;
    async function* gen() {
      for (let i = 0; i < 10; i++) {
        pulled++;
        yield i;
      }
    }
    const it = batched(gen(), 4)[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual([0, 1, 2, 3]);
    expect(pulled).toBe(4);
    expect((await it.next()).value).toEqual([4, 5, 6, 7]);
    expect(pulled).toBe(8);
    expect((await it.next()).value).toEqual([8, 9]);
    expect((await it.next()).done).toBe(true);
  });
});
