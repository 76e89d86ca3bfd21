import { MemoryStore } from './memory-store';
import type { SharedStore } from './types';

export interface CreateStoreOptions {
  /** Redis URL (from `REDIS_URL`); without it the store is in memory, for a single instance. */
  redisUrl?: string | undefined;
  /** Key prefix on Redis (default `gl:`). */
  keyPrefix?: string;
  /** Longest wait for one Redis command, in ms (default 200). */
  commandTimeoutMs?: number;
}

/**
 * The shared store for this process: Redis when a URL is given, else memory. Does not wait for Redis:
 * an unreachable one surfaces as StoreUnavailableError on use and on `ping()` (what /readyz calls).
 * Throws StoreConfigError, without the URL, when the URL is malformed.
 */
export function createStore(options: CreateStoreOptions = {}): SharedStore {
  if (!options.redisUrl) return new MemoryStore();
  // Required here, not at the top: ioredis costs ~50 ms of start-up that in-memory deployments skip.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RedisStore } = require('./redis-store') as typeof import('./redis-store');
  return new RedisStore({
    url: options.redisUrl,
    ...(options.keyPrefix !== undefined ? { keyPrefix: options.keyPrefix } : {}),
    ...(options.commandTimeoutMs !== undefined ? { commandTimeoutMs: options.commandTimeoutMs } : {}),
  });
}
