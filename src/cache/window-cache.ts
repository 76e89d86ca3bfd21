/**
 * The instance's cache of listing-snapshot chunks' JSON (movement windows, entry listings), shared by
 * every tenant and bounded in bytes (config `cache.windowBytes`): least recently used first out. A page
 * reads its rows from here instead of reading and checking the stored chunk again. Keys are the chunk's
 * store key, which starts with the tenant and names a random snapshot id, so one tenant never reaches
 * another's rows. Entries expire with their stored chunk, on the injected clock.
 *
 * The bytes live in fixed slabs the cache allocates once and reuses itself: an evicted or deleted chunk
 * frees its slabs for the next one, so a walk's churn of chunks leaves no buffer for the GC to free (a
 * `Buffer` per chunk held ~23 MB of malloc'd backing stores awaiting a full GC at the walk's peak).
 */

export interface WindowCacheOptions {
  /** Most bytes of slabs ever allocated (config `cache.windowBytes`); 0 keeps nothing. */
  maxBytes: number;
  /** Bytes per slab (default: maxBytes ÷ 256, between 1 byte and 16 KiB); a chunk takes whole slabs. */
  slabBytes?: number;
  now?: () => number;
}

/** Called with an entry's text dropped to stay under the bound (or never kept), and the ms it had left. */
export type OnEvict = (text: string, ttlLeftMs: number) => void;

interface Entry {
  /** Slab numbers holding the text's UTF-8 bytes, in order. */
  slabs: number[];
  byteLength: number;
  expiresAt: number;
  onEvict: OnEvict | undefined;
}

const MAX_SLAB_BYTES = 16 * 1024;
/** Slabs are allocated in blocks of about this size (below it when the bound is smaller). */
const BLOCK_BYTES = 1024 * 1024;

export class WindowCache {
  readonly maxBytes: number;
  readonly slabBytes: number;
  private readonly now: () => number;
  private readonly maxSlabs: number;
  private readonly slabsPerBlock: number;
  /** Least recently used first (a Map iterates in insertion order; a hit re-inserts). */
  private readonly entries = new Map<string, Entry>();
  private readonly blocks: Buffer[] = [];
  /** Slabs made so far (held or free); the next new one is number `madeSlabs`. */
  private madeSlabs = 0;
  /** Slabs made and free again, reused before any new one is made. */
  private readonly free: number[] = [];
  private heldSlabs = 0;
  private evicted = 0;
  /** Where a text spanning slabs is joined (read) or encoded (written): grows to the largest entry. */
  private scratch = Buffer.alloc(0);

  constructor(options: WindowCacheOptions) {
    this.maxBytes = Math.max(0, options.maxBytes);
    this.slabBytes = Math.max(
      1,
      Math.floor(options.slabBytes ?? Math.min(MAX_SLAB_BYTES, this.maxBytes / 256)),
    );
    this.maxSlabs = Math.floor(this.maxBytes / this.slabBytes);
    this.slabsPerBlock = Math.max(1, Math.floor(BLOCK_BYTES / this.slabBytes));
    this.now = options.now ?? Date.now;
  }

  /** Bytes of the slabs held by entries now. */
  get bytes(): number {
    return this.heldSlabs * this.slabBytes;
  }

  /** Bytes of slabs allocated so far, held or free for reuse: never above `maxBytes`. */
  get allocatedBytes(): number {
    return this.madeSlabs * this.slabBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Entries dropped to stay under `maxBytes` since start (expiries and deletions not counted). */
  get evictions(): number {
    return this.evicted;
  }

  /** The text kept under `key`, or undefined (never kept, evicted, deleted or expired). */
  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      this.release(entry);
      return undefined;
    }
    this.entries.set(key, entry);
    return this.read(entry);
  }

  /**
   * Keeps `text` for `ttlMs` in slabs; one larger than the whole bound is handed to `onEvict` at once,
   * as is any live entry evicted later (so its owner can keep it elsewhere).
   */
  set(key: string, text: string, ttlMs: number, onEvict?: OnEvict): void {
    this.delete(key);
    const byteLength = Buffer.byteLength(text);
    const wanted = Math.ceil(byteLength / this.slabBytes);
    if (wanted > this.maxSlabs) {
      onEvict?.(text, ttlMs);
      return;
    }
    const now = this.now();
    // Room first: an evicted entry's text is read out (through `scratch`) before its slabs are reused.
    for (const [oldKey, old] of this.entries) {
      if (this.free.length + this.maxSlabs - this.madeSlabs >= wanted) break;
      this.entries.delete(oldKey);
      const ttlLeft = old.expiresAt - now;
      const evictedText = ttlLeft > 0 && old.onEvict ? this.read(old) : undefined;
      this.release(old);
      if (ttlLeft <= 0) continue;
      this.evicted++;
      if (evictedText !== undefined) old.onEvict?.(evictedText, ttlLeft);
    }
    const slabs = Array.from({ length: wanted }, () => this.takeSlab());
    this.write(slabs, text, byteLength);
    this.entries.set(key, { slabs, byteLength, expiresAt: now + ttlMs, onEvict });
  }

  /** Forgets `key` without calling its `onEvict` (its owner deleted it). */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.release(entry);
  }

  private takeSlab(): number {
    this.heldSlabs++;
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    const slab = this.madeSlabs++;
    if (slab % this.slabsPerBlock === 0) {
      const slabs = Math.min(this.slabsPerBlock, this.maxSlabs - slab);
      this.blocks.push(Buffer.allocUnsafeSlow(slabs * this.slabBytes));
    }
    return slab;
  }

  private release(entry: Entry): void {
    this.heldSlabs -= entry.slabs.length;
    for (const slab of entry.slabs) this.free.push(slab);
  }

  /** The block holding `slab`, and the slab's offset in it. */
  private where(slab: number): [Buffer, number] {
    const block = this.blocks[Math.floor(slab / this.slabsPerBlock)] as Buffer;
    return [block, (slab % this.slabsPerBlock) * this.slabBytes];
  }

  private scratchOf(byteLength: number): Buffer {
    if (this.scratch.byteLength < byteLength) this.scratch = Buffer.allocUnsafeSlow(byteLength);
    return this.scratch;
  }

  private write(slabs: number[], text: string, byteLength: number): void {
    if (slabs.length === 1) {
      const [block, at] = this.where(slabs[0] as number);
      block.write(text, at, byteLength);
      return;
    }
    const scratch = this.scratchOf(byteLength);
    scratch.write(text, 0, byteLength);
    slabs.forEach((slab, n) => {
      const [block, at] = this.where(slab);
      const from = n * this.slabBytes;
      scratch.copy(block, at, from, Math.min(byteLength, from + this.slabBytes));
    });
  }

  private read(entry: Entry): string {
    const { slabs, byteLength } = entry;
    if (slabs.length === 1) {
      const [block, at] = this.where(slabs[0] as number);
      return block.toString('utf8', at, at + byteLength);
    }
    if (slabs.length === 0) return '';
    const scratch = this.scratchOf(byteLength);
    slabs.forEach((slab, n) => {
      const [block, at] = this.where(slab);
      const from = n * this.slabBytes;
      block.copy(scratch, from, at, at + Math.min(this.slabBytes, byteLength - from));
    });
    return scratch.toString('utf8', 0, byteLength);
  }
}
