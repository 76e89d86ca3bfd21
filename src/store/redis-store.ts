/**
 * SharedStore on Redis (ioredis), so that several gateway instances share tokens, idempotency
 * records, caches and rate-limit state. Every key gets `keyPrefix` (default `gl:`), so one Redis can
 * serve other applications. Commands fail fast with StoreUnavailableError while Redis is unreachable
 * instead of queueing forever; ioredis keeps reconnecting in the background.
 */
import Redis from 'ioredis';
import type { SharedStore } from './types';
import { StoreConfigError, StoreUnavailableError, redact } from './errors';

export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). */
  url: string;
  /** Prepended to every key (default `gl:`). */
  keyPrefix?: string;
  /** Connect timeout in ms (default 2,000). */
  connectTimeoutMs?: number;
  /** Longest wait for one command's answer in ms (default 2,000). */
  commandTimeoutMs?: number;
}

// INCRBY and PEXPIRE in one atomic step, the expiry set only when this call created the key.
const INCREMENT_SCRIPT = `
local created = redis.call('EXISTS', KEYS[1]) == 0
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if created and ARGV[2] ~= '' then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return value`;

type IncrementingRedis = Redis & {
  glIncrement(key: string, by: number, ttlMs: string): Promise<number>;
};

/** Redis wants a positive integer expiry; a sub-millisecond or zero TTL still expires (almost) at once. */
const expiryMs = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs));

export class RedisStore implements SharedStore {
  private readonly redis: IncrementingRedis;
  private readonly secrets: string[];

  constructor(options: RedisStoreOptions) {
    const url = parseRedisUrl(options.url);
    this.secrets = [url.password, options.url].filter(Boolean);
    this.redis = new Redis(options.url, {
      keyPrefix: options.keyPrefix ?? 'gl:',
      connectTimeout: options.connectTimeoutMs ?? 2_000,
      commandTimeout: options.commandTimeoutMs ?? 2_000,
      // Fail pending commands after two reconnect attempts rather than hanging the request.
      maxRetriesPerRequest: 2,
      retryStrategy: (times) => Math.min(times * 100, 2_000),
      // How long close() lets a dead socket linger before destroying it (ioredis default 2,000).
      disconnectTimeout: 200,
      lazyConnect: false,
    }) as IncrementingRedis;
    // Connection errors reach callers through their commands; the listener keeps ioredis from logging them.
    this.redis.on('error', () => undefined);
    this.redis.defineCommand('glIncrement', { numberOfKeys: 1, lua: INCREMENT_SCRIPT });
  }

  get(key: string): Promise<string | null> {
    return this.run('GET', () => this.redis.get(key));
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    await this.run('SET', () =>
      ttlMs === undefined ? this.redis.set(key, value) : this.redis.set(key, value, 'PX', expiryMs(ttlMs)),
    );
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    const reply = await this.run('SET NX', () =>
      ttlMs === undefined
        ? this.redis.set(key, value, 'NX')
        : this.redis.set(key, value, 'PX', expiryMs(ttlMs), 'NX'),
    );
    return reply === 'OK';
  }

  async delete(key: string): Promise<void> {
    await this.run('DEL', () => this.redis.del(key));
  }

  increment(key: string, by = 1, ttlMs?: number): Promise<number> {
    const ttl = ttlMs === undefined ? '' : String(expiryMs(ttlMs));
    return this.run('INCRBY', () => this.redis.glIncrement(key, by, ttl));
  }

  async listAppend(key: string, value: string): Promise<void> {
    await this.run('RPUSH', () => this.redis.rpush(key, value));
  }

  listRange(key: string, start: number, stopInclusive: number): Promise<string[]> {
    return this.run('LRANGE', () => this.redis.lrange(key, start, stopInclusive));
  }

  listLength(key: string): Promise<number> {
    return this.run('LLEN', () => this.redis.llen(key));
  }

  async ping(): Promise<void> {
    await this.run('PING', () => this.redis.ping());
  }

  async close(): Promise<void> {
    // QUIT waits for pending replies; when not connected there is nothing to wait for.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }

  private async run<T>(command: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreUnavailableError(`Redis ${command} failed: ${redact(reason, this.secrets)}`);
    }
  }
}

/** Checks the URL without ever echoing it (it may hold a password). */
export function parseRedisUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new StoreConfigError('REDIS_URL is not a valid URL (expected redis://host:port)');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new StoreConfigError(`REDIS_URL must use redis:// or rediss://, not ${url.protocol}//`);
  }
  return url;
}
