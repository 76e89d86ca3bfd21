/**
 * Splits a streamed JSON array into its items without a token-level parser: a byte scan finds where
 * each top-level item ends (tracking strings, escapes and nesting), then the native JSON.parse reads
 * that one item. Only the bytes of the item being read are held, so a 200 MB array costs the memory
 * of its largest item; it is several times faster than a JavaScript tokenizer such as stream-json.
 */
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  isSpace,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './json-bytes';
import { quotedKeys, requoteDigitIds, unquoteDigitIds } from './json-digit-ids';

/** The body is not one JSON array, or an item is bigger than the bound. */
export class JsonArrayError extends Error {
  override readonly name = 'JsonArrayError';
}

export interface JsonArrayOptions {
  /**
   * Largest item accepted, in bytes (default 8 MiB). Threat: an upstream that streams one endless
   * item would otherwise make the gateway buffer it whole.
   */
  maxItemBytes?: number;
  /** Stop at the array's closing bracket, ignoring what follows: an array inside a larger document (default false). */
  endsInside?: boolean;
  /**
   * Keys whose values of 1–15 digits without a leading zero go through JSON.parse as numbers and come
   * back as the same strings (json-digit-ids.ts: V8 interns short JSON strings). Default none. The
   * quotes are blanked in the chunk's own bytes: pass chunks nothing reads again (a network body).
   */
  digitIdKeys?: readonly string[];
}

/** `start`: before `[`; `first`: an item or `]`; `next`: an item (after a comma); `item`: inside one; `done`: after `]`. */
type State = 'start' | 'first' | 'next' | 'item' | 'done';

/** Yields the parsed items of each chunk's completed items, one batch per chunk (possibly empty batches are skipped). */
export async function* jsonArrayBatches(
  body: AsyncIterable<Uint8Array>,
  options: JsonArrayOptions = {},
): AsyncGenerator<unknown[]> {
  const maxItemBytes = options.maxItemBytes ?? 8 * 1024 * 1024;
  const idKeys = options.digitIdKeys ?? [];
  const quotedIdKeys = quotedKeys(idKeys);
  let state = 'start' as State;
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** Bytes of the current item carried over from earlier chunks. */
  let carried: Buffer[] = [];
  let carriedBytes = 0;
  for await (const chunk of body) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    const batch: unknown[] = [];
    let itemStart = state === 'item' ? 0 : -1;
    const finishItem = (end: number) => {
      const tail = bytes.subarray(itemStart, end);
      const item = carriedBytes === 0 ? tail : Buffer.concat([...carried, tail]);
      carried = [];
      carriedBytes = 0;
      const ids = quotedIdKeys.length === 0 ? 0 : unquoteDigitIds(item, quotedIdKeys);
      const value = JSON.parse(item.toString('utf8')) as unknown;
      if (ids > 0) requoteDigitIds(value, idKeys, ids);
      batch.push(value);
    };
    /** Position of the next backslash at or after the scan (-1: none left in this chunk), found lazily. */
    let nextBackslash = -2;
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i]!;
      if (state === 'item') {
        if (inString) {
          if (escaped) {
            escaped = false;
            continue;
          }
          // Most bytes are inside strings: jump to the closing quote (memchr) instead of walking there.
          if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = bytes.indexOf(BACKSLASH, i);
          const quote = bytes.indexOf(QUOTE, i);
          if (nextBackslash !== -1 && (quote === -1 || nextBackslash < quote)) {
            i = nextBackslash;
            escaped = true;
          } else if (quote === -1) i = bytes.length;
          else {
            i = quote;
            inString = false;
          }
        } else if (c === QUOTE) inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
        else if (depth > 0 && (c === CLOSE_BRACE || c === CLOSE_BRACKET)) depth--;
        else if (depth === 0 && (c === COMMA || c === CLOSE_BRACKET)) {
          finishItem(i);
          state = c === COMMA ? 'next' : 'done';
          if (state === 'done' && options.endsInside) break;
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (state === 'start' && c === OPEN_BRACKET) state = 'first';
      else if (state === 'first' && c === CLOSE_BRACKET) {
        state = 'done';
        if (options.endsInside) break;
      } else if (state === 'first' || state === 'next') {
        state = 'item';
        itemStart = i;
        i--; // read this byte again as the item's first
      } else throw new JsonArrayError(`unexpected byte ${c} outside the array's items`);
    }
    if (state === 'item') {
      const rest = bytes.subarray(itemStart);
      carriedBytes += rest.length;
      if (carriedBytes > maxItemBytes) throw new JsonArrayError(`an item exceeds ${maxItemBytes} bytes`);
      // Copied: the chunk's memory may be reused by the stream once this loop moves on.
      carried.push(Buffer.from(rest));
    }
    if (batch.length > 0) yield batch;
    if (state === 'done' && options.endsInside) return;
  }
  if (state !== 'done') throw new JsonArrayError('the array ends before its closing bracket');
}
