/**
 * Splits a streamed JSON array into its items without a token-level parser: a byte scan finds where
 * each top-level item ends (tracking strings, escapes and nesting), then the native JSON.parse reads
 * that one item. Only the bytes of the item being read are held, so a 200 MB array costs the memory
 * of its largest item; it is several times faster than a JavaScript tokenizer such as stream-json.
 */
import { MAX_INTERNED_LENGTH } from '../../domain/digit-ids';
import { isSpace } from './json-bytes';
import { checkDigitIdPaths, requoteDigitIds, type DigitIdPath } from './json-digit-ids';

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
   * Keys whose values of 1–10 digits without a leading zero go through JSON.parse as numbers and come
   * back as the same strings (json-digit-ids.ts: V8 interns JSON strings of ≤ 10 characters; longer
   * ones stay strings). Default none. The quotes are blanked in the chunk's own bytes: pass chunks
   * nothing reads again (a network body).
   */
  digitIdKeys?: readonly string[];
  /** Where the items hold those ids (json-digit-ids.ts): turned back there first, the rest by a walk. */
  digitIdPaths?: readonly DigitIdPath[];
}

/**
 * Bytes, states and bounds of the byte loop, as const enums: inlined as literals, where an imported or
 * module constant is a load per byte read (the loop runs ~8% faster).
 */
const enum Byte {
  Quote = 0x22,
  Backslash = 0x5c,
  Comma = 0x2c,
  Colon = 0x3a,
  OpenBracket = 0x5b,
  CloseBracket = 0x5d,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
  Minus = 0x2d,
  Digit0 = 0x30,
  Digit9 = 0x39,
  Space = 0x20,
}
/** Where the scan is: before `[`; an item or `]` next; an item next (after a comma); inside one; after `]`. */
const enum Scan {
  Start,
  First,
  Next,
  Item,
  Done,
}
/** Where the scan is in a `<digit id key>:"<digits>"` member of an item. */
const enum Id {
  None,
  AfterKey,
  AfterColon,
  Digits,
}
const enum Bound {
  /** Longest digit id key looked for, in bytes. */
  KeyBytes = 255,
  /** Longest id turned into a number (MAX_INTERNED_LENGTH, checked equal below). */
  IdDigits = 10,
}
if ((Bound.IdDigits as number) !== MAX_INTERNED_LENGTH)
  throw new Error('json-array-items: Bound.IdDigits is not MAX_INTERNED_LENGTH');

/**
 * The scan's state between chunks. `read` copies it into locals for its byte loop (V8 keeps those in
 * registers; fields or variables captured by a closure are a memory access per byte) and back after.
 */
class ItemSplitter {
  state = Scan.Start;
  depth = 0;
  inString = false;
  /** The chunk ended on a backslash inside a string: the next chunk's first byte is the escaped one. */
  escaped = false;
  /** Bytes of the current item carried over from earlier chunks. */
  carried: Buffer[] = [];
  carriedBytes = 0;
  /** Offsets in the whole body: of the current chunk's first byte, of the item's, of the last string's opening quote. */
  chunkAt = 0;
  itemAt = 0;
  stringAt = 0;
  idState = Id.None;
  idDigits = 0;
  /** Body offsets of the quotes of the item's digit ids, in pairs; none used once an id holds a number. */
  idQuotes: number[] = [];
  idNumber = false;
  private readonly maxItemBytes: number;
  private readonly endsInside: boolean;
  private readonly idKeys: readonly string[];
  private readonly idKeyBytes: Buffer[];
  /** `keyLength[n]` is 1 when a digit id key is n bytes long. */
  private readonly keyLength = new Uint8Array((Bound.KeyBytes as number) + 1);
  private readonly idPaths: readonly DigitIdPath[];

  constructor(options: JsonArrayOptions) {
    this.maxItemBytes = options.maxItemBytes ?? 8 * 1024 * 1024;
    this.endsInside = options.endsInside ?? false;
    this.idKeys = options.digitIdKeys ?? [];
    this.idKeyBytes = this.idKeys.map((key) => Buffer.from(key, 'utf8'));
    for (const key of this.idKeyBytes) {
      if (key.length > (Bound.KeyBytes as number))
        throw new Error(`a digit id key is longer than ${Bound.KeyBytes} bytes`);
      this.keyLength[key.length] = 1;
    }
    this.idPaths = options.digitIdPaths ?? [];
    checkDigitIdPaths(this.idKeys, this.idPaths);
  }

  /** The items this chunk completes, parsed. */
  read(bytes: Buffer): unknown[] {
    const batch: unknown[] = [];
    const n = bytes.length;
    const chunkAt = this.chunkAt;
    const keyLength = this.keyLength;
    const lookForIds = this.idKeys.length > 0;
    let state = this.state;
    let depth = this.depth;
    let inString = this.inString;
    let idState = this.idState;
    let idDigits = this.idDigits;
    let stringAt = this.stringAt;
    let itemStart = state === Scan.Item ? 0 : -1;
    let i = 0;
    if (this.escaped && n > 0) {
      this.escaped = false;
      idState = Id.None;
      i = 1;
    }
    for (; i < n; i++) {
      let c = bytes[i] as Byte;
      if (state === Scan.Item) {
        if (inString) {
          // Most bytes are inside strings, which are short: a plain loop beats a memchr call per string.
          if (idState !== Id.Digits) {
            while (c !== Byte.Quote && c !== Byte.Backslash && ++i < n) c = bytes[i] as Byte;
            if (i === n) break;
          }
          if (c === Byte.Quote) {
            inString = false;
            const end = chunkAt + i;
            if (idState === Id.Digits) {
              if (idDigits > 0 && idDigits <= (Bound.IdDigits as number)) this.idQuotes.push(stringAt, end);
              idState = Id.None;
            } else if (lookForIds) {
              const length = end - stringAt - 1;
              if (
                length <= (Bound.KeyBytes as number) &&
                keyLength[length] === 1 &&
                this.isIdKey(stringAt + 1, length, bytes)
              )
                idState = Id.AfterKey;
            }
          } else if (c === Byte.Backslash) {
            idState = Id.None;
            if (i + 1 < n) i++;
            else this.escaped = true;
          } else if (c < Byte.Digit0 || c > Byte.Digit9 || (c === Byte.Digit0 && idDigits === 0))
            idState = Id.None;
          else idDigits++; // digits only, no leading zero: Number(s).toFixed(0) gives such an id back
          continue;
        }
        if (idState !== Id.None) {
          if (isSpace(c)) continue;
          if (idState === Id.AfterKey && c === Byte.Colon) {
            idState = Id.AfterColon;
            continue;
          }
          if (idState === Id.AfterColon && c === Byte.Quote) {
            inString = true;
            stringAt = chunkAt + i;
            idState = Id.Digits;
            idDigits = 0;
            continue;
          }
          // An id that already holds a number: this item's numbers under those keys are left alone.
          if (idState === Id.AfterColon && (c === Byte.Minus || (c >= Byte.Digit0 && c <= Byte.Digit9)))
            this.idNumber = true;
          idState = Id.None;
        }
        if (c === Byte.Quote) {
          inString = true;
          stringAt = chunkAt + i;
        } else if (c === Byte.OpenBrace || c === Byte.OpenBracket) depth++;
        else if (depth > 0 && (c === Byte.CloseBrace || c === Byte.CloseBracket)) depth--;
        else if (depth === 0 && (c === Byte.Comma || c === Byte.CloseBracket)) {
          batch.push(this.parseItem(bytes, itemStart, i));
          state = c === Byte.Comma ? Scan.Next : Scan.Done;
          if (state === Scan.Done && this.endsInside) break;
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (state === Scan.Start && c === Byte.OpenBracket) state = Scan.First;
      else if (state === Scan.First && c === Byte.CloseBracket) {
        state = Scan.Done;
        if (this.endsInside) break;
      } else if (state === Scan.First || state === Scan.Next) {
        state = Scan.Item;
        itemStart = i;
        this.itemAt = chunkAt + i;
        i--; // read this byte again as the item's first
      } else throw new JsonArrayError(`unexpected byte ${c} outside the array's items`);
    }
    this.state = state;
    this.depth = depth;
    this.inString = inString;
    this.idState = idState;
    this.idDigits = idDigits;
    this.stringAt = stringAt;
    if (state === Scan.Item) {
      const rest = bytes.subarray(itemStart);
      this.carriedBytes += rest.length;
      if (this.carriedBytes > this.maxItemBytes)
        throw new JsonArrayError(`an item exceeds ${this.maxItemBytes} bytes`);
      // Copied: the chunk's memory may be reused by the stream once this loop moves on.
      this.carried.push(Buffer.from(rest));
    }
    this.chunkAt += n;
    return batch;
  }

  /** Whether the string of `length` bytes from body offset `from` is one of the digit id keys. */
  private isIdKey(from: number, length: number, bytes: Buffer): boolean {
    for (const key of this.idKeyBytes) {
      if (key.length !== length) continue;
      let same = true;
      for (let k = 0; same && k < length; k++) same = this.itemByte(from + k, bytes) === key[k];
      if (same) return true;
    }
    return false;
  }

  /** The byte at a body offset of the current item (in this chunk, or carried from an earlier one). */
  private itemByte(at: number, bytes: Buffer): number | undefined {
    if (at >= this.chunkAt) return bytes[at - this.chunkAt];
    let offset = at - this.itemAt;
    for (const part of this.carried) {
      if (offset < part.length) return part[offset];
      offset -= part.length;
    }
    return undefined;
  }

  /** The item ending before `end`, parsed, its digit ids through numbers and back. */
  private parseItem(bytes: Buffer, itemStart: number, end: number): unknown {
    const tail = bytes.subarray(itemStart, end);
    const item = this.carriedBytes === 0 ? tail : Buffer.concat([...this.carried, tail]);
    this.carried = [];
    this.carriedBytes = 0;
    const ids = this.idNumber ? 0 : this.idQuotes.length / 2;
    if (ids > 0) for (const at of this.idQuotes) item[at - this.itemAt] = Byte.Space;
    if (this.idQuotes.length > 0) this.idQuotes = [];
    this.idNumber = false;
    const value = JSON.parse(item.toString('utf8')) as unknown;
    if (ids > 0) requoteDigitIds(value, this.idKeys, ids, this.idPaths);
    return value;
  }

  get done(): boolean {
    return this.state === Scan.Done;
  }
}

/** Yields the parsed items of each chunk's completed items, one batch per chunk (possibly empty batches are skipped). */
export async function* jsonArrayBatches(
  body: AsyncIterable<Uint8Array>,
  options: JsonArrayOptions = {},
): AsyncGenerator<unknown[]> {
  const splitter = new ItemSplitter(options);
  for await (const chunk of body) {
    const batch = splitter.read(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    if (batch.length > 0) yield batch;
    if (splitter.done && options.endsInside) return;
  }
  if (!splitter.done) throw new JsonArrayError('the array ends before its closing bracket');
}
