/**
 * Streams a JSON array from a lazy iterable, so a 500,000-movement answer (150–250 MB at MyUnisoft)
 * never exists whole in memory: items are serialized one by one and flushed in small batches.
 */
import { Readable } from 'node:stream';

const ITEMS_PER_CHUNK = 200;

export function jsonArrayStream(items: Iterable<unknown>, prefix = '', suffix = ''): Readable {
  function* chunks(): Generator<string> {
    let buffer = `${prefix}[`;
    let count = 0;
    for (const item of items) {
      buffer += (count++ === 0 ? '' : ',') + JSON.stringify(item);
      if (count % ITEMS_PER_CHUNK === 0) {
        yield buffer;
        buffer = '';
      }
    }
    yield `${buffer}]${suffix}`;
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** Lazily maps an iterable (a generator pipeline step). */
export function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}
