/**
 * A read-through TTL cache on the SharedStore (so every gateway instance shares it on Redis). Values
 * are JSON checked with zod on the way out; a store failure or an unreadable value is a miss, never
 * a failed request. Callers build tenant-scoped keys (see list-cache-keys.ts).
 */
import type { z } from 'zod';
import type { SharedStore } from '../store/types';

/** One lookup, for metrics: which cache, whether it hit. */
export interface CacheLookupEvent {
  /** The cached list, e.g. `companies` or `exercises`. */
  cache: string;
  hit: boolean;
}

export type CacheLookupListener = (event: CacheLookupEvent) => void;

export interface StoreTtlCacheOptions {
  store: SharedStore;
  /** How long a value stays fresh, in ms (default 300,000: five minutes). */
  ttlMs?: number;
  /** Called on every lookup (metrics); default none. */
  onLookup?: CacheLookupListener;
}

export class StoreTtlCache {
  private readonly store: SharedStore;
  private readonly ttlMs: number;
  private readonly onLookup: CacheLookupListener | undefined;
  private hitCount = 0;
  private missCount = 0;

  constructor(options: StoreTtlCacheOptions) {
    this.store = options.store;
    this.ttlMs = options.ttlMs ?? 300_000;
    this.onLookup = options.onLookup;
  }

  /** Hits and misses counted by this instance since it was built. */
  get stats(): { hits: number; misses: number } {
    return { hits: this.hitCount, misses: this.missCount };
  }

  /** The cached value under `key`, or `load()`'s result, stored for the TTL. */
  async getOrLoad<S extends z.ZodType>(
    cache: string,
    key: string,
    schema: S,
    load: () => Promise<z.infer<S>>,
  ): Promise<z.infer<S>> {
    const cached = await this.read(key, schema);
    this.count(cache, cached !== undefined);
    if (cached !== undefined) return cached;
    const value = await load();
    // A write failure only costs the next request a miss.
    await this.store.set(key, JSON.stringify(value), this.ttlMs).catch(() => undefined);
    return value;
  }

  /** Drops the given keys (after a mutation changed what they hold). */
  async invalidate(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.store.delete(key).catch(() => undefined)));
  }

  private async read<S extends z.ZodType>(key: string, schema: S): Promise<z.infer<S> | undefined> {
    try {
      const raw = await this.store.get(key);
      if (raw === null) return undefined;
      const parsed = schema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  private count(cache: string, hit: boolean): void {
    if (hit) this.hitCount++;
    else this.missCount++;
    this.onLookup?.({ cache, hit });
  }
}
