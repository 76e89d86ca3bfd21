/**
 * Unique short ids through JSON.parse without V8's string table. V8 11.3 (Node 20) internalizes every
 * JSON string value of ≤ 10 characters: each unique id (`"producerId":"1320000021"`) is allocated in old
 * space and takes a string-table slot (16–32 MB of malloc over a 500k-movement export). So the item's
 * bytes hand such ids to JSON.parse as numbers (their quotes blanked) and the parsed item gets the same
 * strings back (Number(s).toFixed(0) === s for 1–15 digits without a leading zero): young, not interned.
 */

import { digitIdText, MAX_ID_DIGITS } from '../../domain/digit-ids';
import { COLON, COMMA, isSpace, OPEN_BRACE, QUOTE } from './json-bytes';

const SPACE = 0x20;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const isDigit = (c: number | undefined) => c !== undefined && c >= DIGIT_0 && c <= DIGIT_9;

/** The keys as the bytes looked for: the key with its quotes (`"producerId"`). */
export const quotedKeys = (keys: readonly string[]): Buffer[] =>
  keys.map((key) => Buffer.from(JSON.stringify(key)));

/**
 * Blanks, in place, the quotes of each `<key>:"<1–15 digits, no leading 0>"` member of one item's JSON
 * and returns how many. An item where one of those keys already holds a number is left as it is (0), so
 * every number under those keys after JSON.parse is one this made (requoteDigitIds turns them back).
 */
export function unquoteDigitIds(item: Buffer, keys: readonly Buffer[]): number {
  const quotes: number[] = [];
  for (const key of keys) {
    for (let at = item.indexOf(key); at !== -1; at = item.indexOf(key, at + key.length)) {
      // A key's opening quote follows `{` or `,`; a quote inside a string value is escaped.
      let before = at - 1;
      while (isSpace(item[before])) before--;
      if (item[before] !== OPEN_BRACE && item[before] !== COMMA) continue;
      let i = at + key.length;
      while (isSpace(item[i])) i++;
      if (item[i] !== COLON) continue;
      i++;
      while (isSpace(item[i])) i++;
      if (item[i] === MINUS || isDigit(item[i])) return 0;
      if (item[i] !== QUOTE) continue;
      const first = i + 1;
      let end = first;
      while (end - first <= MAX_ID_DIGITS && isDigit(item[end])) end++;
      const digits = end - first;
      if (item[end] !== QUOTE || digits === 0 || digits > MAX_ID_DIGITS || item[first] === DIGIT_0) continue;
      quotes.push(i, end);
    }
  }
  for (const at of quotes) item[at] = SPACE;
  return quotes.length / 2;
}

/**
 * Turns back into strings the `count` numbers unquoteDigitIds made under `keys` in a parsed item, depth
 * first with its own stack (an item nested thousands deep cannot overflow the call stack), stopping once
 * all are found.
 */
export function requoteDigitIds(value: unknown, keys: readonly string[], count: number): void {
  let left = count;
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
