/**
 * The instance's cache of decoded listing-snapshot chunks (movement windows, entry listings), shared by
 * every tenant and bounded in bytes (config `cache.windowBytes`): least recently used first out. A page
 * reads its rows from here instead of parsing and checking the stored chunk again. Keys are the chunk's
 * store key, which starts with the tenant and names a random snapshot id, so one tenant never reaches
 * another's rows. Entries expire with their stored chunk, on the injected clock.
 */

export interface WindowCacheOptions {
  /** Most estimated bytes held (config `cache.windowBytes`); 0 keeps nothing. */
  maxBytes: number;
  now?: () => number;
}

/** Called with an entry dropped to stay under the bound (or never kept), and the ms it had left. */
export type OnEvict = (value: unknown, ttlLeftMs: number) => void;

interface Entry {
  value: unknown;
  bytes: number;
  expiresAt: number;
  onEvict: OnEvict | undefined;
}

export class WindowCache {
  readonly maxBytes: number;
  private readonly now: () => number;
  /** Least recently used first (a Map iterates in insertion order; a hit re-inserts). */
  private readonly entries = new Map<string, Entry>();
  private heldBytes = 0;
  private evicted = 0;

  constructor(options: WindowCacheOptions) {
    this.maxBytes = options.maxBytes;
    this.now = options.now ?? Date.now;
  }

  /** Estimated bytes held now. */
  get bytes(): number {
    return this.heldBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Entries dropped to stay under `maxBytes` since start (expiries and deletions not counted). */
  get evictions(): number {
    return this.evicted;
  }

  get<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      this.heldBytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.value as T;
  }

  /**
   * Keeps `value` for `ttlMs`, counted as `bytes`; one larger than the whole bound is handed to
   * `onEvict` at once, as is any live entry evicted later (so its owner can keep it elsewhere).
   */
  set(key: string, value: unknown, bytes: number, ttlMs: number, onEvict?: OnEvict): void {
    this.delete(key);
    if (bytes > this.maxBytes) {
      onEvict?.(value, ttlMs);
      return;
    }
    const now = this.now();
    this.entries.set(key, { value, bytes, expiresAt: now + ttlMs, onEvict });
    this.heldBytes += bytes;
    for (const [oldKey, old] of this.entries) {
      if (this.heldBytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.heldBytes -= old.bytes;
      if (old.expiresAt <= now) continue;
      this.evicted++;
      old.onEvict?.(old.value, old.expiresAt - now);
    }
  }

  /** Forgets `key` without calling its `onEvict` (its owner deleted it). */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.heldBytes -= entry.bytes;
  }
}
