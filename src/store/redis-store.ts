/**
 * SharedStore on Redis (ioredis), so that several gateway instances share tokens, idempotency
 * records, caches and rate-limit state. Every key gets `keyPrefix` (default `gl:`), so one Redis can
 * serve other applications. Commands fail fast with StoreUnavailableError while Redis is unreachable
 * instead of queueing forever; ioredis keeps reconnecting in the background.
 */
import Redis from 'ioredis';
import { FENCES_KEPT_MS, type SharedStore } from './types';
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

// Each lock and fence operation is one script, so no other client's command runs between its read and write.
const COMPARE_AND_DELETE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const COMPARE_AND_EXTEND_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

// The counter only grows; it outlives the lock by FENCES_KEPT_MS so no later token repeats an older one.
const ACQUIRE_FENCED_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local fence = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('SET', KEYS[1], fence, 'PX', ARGV[1])
return fence`;

// KEYS: value, fence. ARGV: fence, value ('' with ARGV[4] = 'del' deletes), ttl ('' = none), mode.
const FENCED_WRITE_SCRIPT = `
local seen = tonumber(redis.call('GET', KEYS[2]) or '-1')
if seen > tonumber(ARGV[1]) then return 0 end
if ARGV[4] == 'del' then
  redis.call('DEL', KEYS[1])
  redis.call('SET', KEYS[2], ARGV[1], 'KEEPTTL')
elseif ARGV[3] == '' then
  redis.call('SET', KEYS[1], ARGV[2])
  redis.call('SET', KEYS[2], ARGV[1], 'KEEPTTL')
else
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[3])
end
return 1`;

// A sorted set of holders scored by when their lease lapses, on Redis's clock (one clock for every instance).
const LEASE_SLOT_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1`;

type IncrementingRedis = Redis & {
  glIncrement(key: string, by: number, ttlMs: string): Promise<number>;
  glCompareAndDelete(key: string, expected: string): Promise<number>;
  glCompareAndExtend(key: string, expected: string, ttlMs: number): Promise<number>;
  glLeaseSlot(key: string, holder: string, capacity: number, ttlMs: number): Promise<number>;
  glAcquireFenced(key: string, fences: string, ttlMs: number, keptMs: number): Promise<number>;
  glFencedWrite(
    key: string,
    fenceKey: string,
    fence: number,
    value: string,
    ttlMs: string,
    mode: string,
  ): Promise<number>;
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
    this.redis.defineCommand('glCompareAndDelete', { numberOfKeys: 1, lua: COMPARE_AND_DELETE_SCRIPT });
    this.redis.defineCommand('glCompareAndExtend', { numberOfKeys: 1, lua: COMPARE_AND_EXTEND_SCRIPT });
    this.redis.defineCommand('glLeaseSlot', { numberOfKeys: 1, lua: LEASE_SLOT_SCRIPT });
    this.redis.defineCommand('glAcquireFenced', { numberOfKeys: 2, lua: ACQUIRE_FENCED_SCRIPT });
    this.redis.defineCommand('glFencedWrite', { numberOfKeys: 2, lua: FENCED_WRITE_SCRIPT });
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

  async compareAndDelete(key: string, expected: string): Promise<boolean> {
    return (await this.run('CAD', () => this.redis.glCompareAndDelete(key, expected))) === 1;
  }

  async compareAndExtend(key: string, expected: string, ttlMs: number): Promise<boolean> {
    const reply = await this.run('CAE', () => this.redis.glCompareAndExtend(key, expected, expiryMs(ttlMs)));
    return reply === 1;
  }

  async leaseSlot(key: string, holder: string, capacity: number, ttlMs: number): Promise<boolean> {
    const reply = await this.run('lease', () =>
      this.redis.glLeaseSlot(key, holder, capacity, expiryMs(ttlMs)),
    );
    return reply === 1;
  }

  async releaseSlot(key: string, holder: string): Promise<void> {
    await this.run('ZREM', () => this.redis.zrem(key, holder));
  }

  async acquireFenced(key: string, ttlMs: number): Promise<number | null> {
    const fence = await this.run('acquire', () =>
      this.redis.glAcquireFenced(key, `${key}:fences`, expiryMs(ttlMs), FENCES_KEPT_MS),
    );
    return fence > 0 ? fence : null;
  }

  async setFenced(key: string, value: string, fence: number, ttlMs?: number): Promise<boolean> {
    const ttl = ttlMs === undefined ? '' : String(expiryMs(ttlMs));
    const reply = await this.run('fenced SET', () =>
      this.redis.glFencedWrite(key, `${key}:fence`, fence, value, ttl, 'set'),
    );
    return reply === 1;
  }

  async deleteFenced(key: string, fence: number): Promise<boolean> {
    const reply = await this.run('fenced DEL', () =>
      this.redis.glFencedWrite(key, `${key}:fence`, fence, '', '', 'del'),
    );
    return reply === 1;
  }

  increment(key: string, by = 1, ttlMs?: number): Promise<number> {
    const ttl = ttlMs === undefined ? '' : String(expiryMs(ttlMs));
    return this.run('INCRBY', () => this.redis.glIncrement(key, by, ttl));
  }

  async listAppend(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs === undefined) await this.run('RPUSH', () => this.redis.rpush(key, value));
    else
      await this.run('RPUSH', () =>
        this.redis.multi().rpush(key, value).pexpire(key, expiryMs(ttlMs)).exec(),
      );
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
