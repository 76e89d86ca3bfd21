/**
 * Unique short ids through JSON.parse without V8's string table. V8 11.3 (Node 20) internalizes every
 * JSON string value of ≤ 10 characters: each unique id (`"producerId":"1320000021"`) is allocated in old
 * space and takes a string-table slot (16–32 MB of malloc over a 500k-movement export). So the item
 * reader (json-array-items.ts) blanks the quotes of such ids before JSON.parse, which reads numbers, and
 * the parsed item gets the same strings back here (Number(s).toFixed(0) === s for 1–15 digits without
 * a leading zero): young, not interned.
 */

import { digitIdText } from '../../domain/digit-ids';

/**
 * Keys from an item down to one of its ids; `*` is every element of an array (`['movements', '*',
 * 'producerId']`). The last key is one of the digit id keys (checkDigitIdPaths).
 */
export type DigitIdPath = readonly string[];

/** Every element of an array, in a DigitIdPath. */
export const EVERY = '*';

/** Refuses a path that does not end on one of the keys: it would turn back numbers the reader did not make. */
export function checkDigitIdPaths(keys: readonly string[], paths: readonly DigitIdPath[]): void {
  for (const path of paths)
    if (!keys.includes(path[path.length - 1] ?? ''))
      throw new Error(`digit id path ${path.join('.')} does not end on a digit id key`);
}

/** Turns back the numbers under `path` from step `from` on; how many. */
function requoteAt(node: unknown, path: DigitIdPath, from: number): number {
  if (typeof node !== 'object' || node === null) return 0;
  const step = path[from]!;
  if (Array.isArray(node)) {
    if (step !== EVERY) return 0;
    let found = 0;
    for (const child of node) found += requoteAt(child, path, from + 1);
    return found;
  }
  const record = node as Record<string, unknown>;
  if (from < path.length - 1)
    return Object.hasOwn(record, step) ? requoteAt(record[step], path, from + 1) : 0;
  const id = Object.hasOwn(record, step) ? record[step] : undefined;
  if (typeof id !== 'number') return 0;
  record[step] = digitIdText(id);
  return 1;
}

/**
 * Turns back into strings the `count` numbers the reader made under `keys` in a parsed item: along
 * `paths` first (where the item's kind keeps its ids: a few property reads), then, for any not found
 * there, by a depth-first walk of the whole item (its own stack: an item nested thousands deep cannot
 * overflow the call stack), stopping once all are found. Every number under those keys is one the reader
 * made (it leaves alone an item where one already held a number), so a path never turns back another.
 */
export function requoteDigitIds(
  value: unknown,
  keys: readonly string[],
  count: number,
  paths: readonly DigitIdPath[] = [],
): void {
  let left = count;
  for (const path of paths) {
    if (left === 0) return;
    left -= requoteAt(value, path, 0);
  }
  const stack: unknown[] = [value];
  while (left > 0 && stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const child: unknown = node[i];
        if (typeof child === 'object' && child !== null) stack.push(child);
      }
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of keys) {
      const id = record[key];
      if (typeof id === 'number') {
        record[key] = digitIdText(id);
        left--;
      }
    }
    for (const key in record) {
      const child = record[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
}
