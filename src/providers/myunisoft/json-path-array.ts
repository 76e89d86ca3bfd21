/**
 * Finds the array under a key path in a streamed JSON document (`data.entries` of MyUnisoft's full
 * export) and yields the body's bytes from that array's `[` on, for jsonArrayBatches({ endsInside }).
 * Only the document's head is scanned byte by byte (strings, nesting and the key of each member); the
 * array itself is passed through untouched, so its 150–250 MB are scanned once, by the item splitter.
 */
import { JsonArrayError } from './json-array-items';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN = new Set([0x7b, 0x5b]);
const CLOSE = new Set([0x7d, 0x5d]);
const OPEN_BRACKET = 0x5b;
/** Longer strings are values, never the keys looked for: they are not kept. */
const MAX_KEY_BYTES = 64;

export async function* arrayAtPath(
  body: AsyncIterable<Uint8Array>,
  path: readonly string[],
): AsyncGenerator<Buffer> {
  /** `keys[d]`: the key of the member being read in the object at depth d (the root object is depth 1). */
  const keys: (string | null)[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let text: number[] | null = null;
  let lastString: string | null = null;
  let found = false;
  const atPath = () => depth === path.length && path.every((key, d) => keys[d + 1] === key);
  for await (const chunk of body) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    if (found) {
      yield bytes;
      continue;
    }
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          lastString = text ? Buffer.from(text).toString('utf8') : null;
        } else if (text && text.length < MAX_KEY_BYTES) text.push(c);
        else text = null;
      } else if (c === QUOTE) {
        inString = true;
        text = [];
      } else if (c === COLON) keys[depth] = lastString;
      else if (OPEN.has(c)) {
        if (c === OPEN_BRACKET && atPath()) {
          found = true;
          yield bytes.subarray(i);
          break;
        }
        depth++;
        keys[depth] = null;
      } else if (CLOSE.has(c)) depth--;
    }
  }
  if (!found) throw new JsonArrayError(`the document has no array at ${path.join('.')}`);
}
