/**
 * Groups the items of a sync or async iterable into arrays of at most `size`, pulling only as
 * many items as the next batch needs (so a lazy producer never has more than one batch out).
 */
export async function* batched<T>(items: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  if (typeof (items as AsyncIterable<T>)[Symbol.asyncIterator] === 'function') {
    for await (const item of items as AsyncIterable<T>) {
      batch.push(item);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  } else {
    for (const item of items as Iterable<T>) {
      batch.push(item);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
