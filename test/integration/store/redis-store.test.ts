/**
 * What only the Redis backend has: the key prefix, state shared by two instances (two gateways),
 * and typed failures that never reveal the URL's password.
 */
import Redis from 'ioredis';
import { createStore } from '../../../src/store/create-store';
import { StoreUnavailableError } from '../../../src/store/errors';
import { RedisStore } from '../../../src/store/redis-store';
import { startRedisServer, type RunningRedis } from '../../support/redis-server';

const PASSWORD = 'S3cr3t+p@ss/word';

describe('RedisStore on a real redis-server', () => {
  let redis: RunningRedis;
  let raw: Redis;

  beforeAll(async () => {
    redis = await startRedisServer();
    raw = new Redis(redis.url);
  });

  afterAll(async () => {
    await raw.quit();
    await redis.stop();
  });

  it('prefixes every key with gl: by default, and with the given prefix otherwise', async () => {
    const plain = new RedisStore({ url: redis.url });
    const custom = new RedisStore({ url: redis.url, keyPrefix: 'tenantA:' });
    await plain.set('token', 'one');
    await plain.increment('counter', 3, 60_000);
    await plain.listAppend('log', 'x');
    await custom.set('token', 'two');
    expect(await raw.get('gl:token')).toBe('one');
    expect(await raw.get('gl:counter')).toBe('3');
    expect(await raw.lrange('gl:log', 0, -1)).toEqual(['x']);
    expect(await raw.get('tenantA:token')).toBe('two');
    expect(await plain.get('token')).toBe('one');
    await Promise.all([plain.close(), custom.close()]);
  });

  it('stores ttls as Redis expiries (PX), set only when increment creates the key', async () => {
    const store = new RedisStore({ url: redis.url, keyPrefix: 'ttl:' });
    await store.set('k', 'v', 30_000);
    await store.setIfAbsent('lock', 'v', 20_000);
    await store.increment('n', 1, 10_000);
    await raw.pexpire('ttl:n', 50_000);
    await store.increment('n', 1, 10_000);
    expect(await raw.pttl('ttl:k')).toBeGreaterThan(29_000);
    expect(await raw.pttl('ttl:lock')).toBeGreaterThan(19_000);
    expect(await raw.pttl('ttl:n')).toBeGreaterThan(40_000);
    await store.set('k', 'v');
    expect(await raw.pttl('ttl:k')).toBe(-1);
    await store.close();
  });

  it('shares state between two instances: one winner across both, increments add up', async () => {
    const first = createStore({ redisUrl: redis.url, keyPrefix: 'shared:' });
    const second = createStore({ redisUrl: redis.url, keyPrefix: 'shared:' });
    const wins = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? first : second).setIfAbsent('token-lock', `i${i}`, 5_000),
      ),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? first : second).increment('calls')));
    expect(await first.get('calls')).toBe('60');
    await second.listAppend('audit', 'from-second');
    expect(await first.listRange('audit', 0, -1)).toEqual(['from-second']);
    await Promise.all([first.close(), second.close()]);
  });

  it('fails with StoreUnavailableError once Redis goes away, and close still returns', async () => {
    const dying = await startRedisServer();
    const store = new RedisStore({ url: dying.url, connectTimeoutMs: 300, commandTimeoutMs: 500 });
    await store.set('k', 'v');
    await dying.stop();
    await expect(store.get('k')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.ping()).rejects.toThrow(/Redis PING failed/);
    await store.close();
  });
});

describe('RedisStore failures never reveal the password', () => {
  let secured: RunningRedis;

  beforeAll(async () => {
    secured = await startRedisServer({ password: PASSWORD });
  });

  afterAll(() => secured.stop());

  it('works with the right password in the URL', async () => {
    const store = createStore({ redisUrl: secured.url });
    await store.set('k', 'v');
    expect(await store.get('k')).toBe('v');
    await store.close();
  });

  it('refuses a wrong password with a typed error that does not echo it', async () => {
    const wrong = secured.url.replace(encodeURIComponent(PASSWORD), encodeURIComponent('wrong-Pa55'));
    const store = createStore({ redisUrl: wrong });
    const error = await store.ping().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(String((error as Error).message)).not.toMatch(/wrong-Pa55|S3cr3t/);
    expect((error as StoreUnavailableError).code).toBe('STORE_UNAVAILABLE');
    await store.close();
  });

  it('reports an unreachable server as StoreUnavailableError without the password', async () => {
    const closedPort = secured.port === 1 ? 2 : 1;
    const url = `redis://:${encodeURIComponent(PASSWORD)}@127.0.0.1:${closedPort}`;
    const store = new RedisStore({ url, connectTimeoutMs: 200, commandTimeoutMs: 500 });
    const error = await store.get('k').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    const message = (error as Error).message;
    expect(message).not.toContain(PASSWORD);
    expect(message).not.toContain(encodeURIComponent(PASSWORD));
    await store.close();
  });
});
