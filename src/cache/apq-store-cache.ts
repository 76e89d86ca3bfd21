/**
 * Apollo's KeyValueCache on the SharedStore, for automatic persisted queries: a query registered on
 * one instance is found by its hash on every other instance sharing Redis. Apollo prefixes its keys
 * (`apq:`) and stores only queries that parsed and validated; entries expire (default a day) so the
 * store cannot grow without bound. The cache holds query text only — never variables or results — so
 * sharing it across tenants reveals nothing a caller could not compute from a query it already has.
 */
import type { SharedStore } from '../store/types';

/** Structurally Apollo's `KeyValueCache<string>` (`@apollo/utils.keyvaluecache`), without the dependency. */
export interface StringKeyValueCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

export interface ApqStoreCacheOptions {
  /** Key prefix in the store (default `gateway:`; Apollo adds its own `apq:`). */
  prefix?: string;
  /** Lifetime of an entry when Apollo gives none, in seconds (default 86,400). */
  defaultTtlSeconds?: number;
}

export class ApqStoreCache implements StringKeyValueCache {
  private readonly prefix: string;
  private readonly defaultTtlSeconds: number;

  constructor(
    private readonly store: SharedStore,
    options: ApqStoreCacheOptions = {},
  ) {
    this.prefix = options.prefix ?? 'gateway:';
    this.defaultTtlSeconds = options.defaultTtlSeconds ?? 86_400;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.store.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttlSeconds = options?.ttl ?? this.defaultTtlSeconds;
    await this.store.set(this.prefix + key, value, ttlSeconds * 1000);
  }

  async delete(key: string): Promise<void> {
    await this.store.delete(this.prefix + key);
  }
}
