import { createStore } from '../../../src/store/create-store';
import { StoreConfigError, redact } from '../../../src/store/errors';
import { MemoryStore } from '../../../src/store/memory-store';
import { RedisStore } from '../../../src/store/redis-store';

describe('createStore', () => {
  it('is in memory without a Redis URL (unset or empty REDIS_URL)', () => {
    expect(createStore()).toBeInstanceOf(MemoryStore);
    expect(createStore({ redisUrl: '' })).toBeInstanceOf(MemoryStore);
    expect(createStore({ redisUrl: undefined })).toBeInstanceOf(MemoryStore);
  });

  it('is on Redis with a URL', async () => {
    // Port 9 (discard) on loopback refuses at once; nothing is sent before close.
    const store = createStore({ redisUrl: 'redis://127.0.0.1:9' });
    expect(store).toBeInstanceOf(RedisStore);
    await store.close();
  });

  it('rejects a malformed URL with a typed error that does not echo it', () => {
    const attempt = () => createStore({ redisUrl: 'not a url :hunter2@' });
    expect(attempt).toThrow(StoreConfigError);
    expect(attempt).toThrow(/^((?!hunter2).)*$/);
  });

  it('rejects a URL that is not redis:// or rediss://', () => {
    expect(() => createStore({ redisUrl: 'http://user:hunter2@localhost:6379' })).toThrow(
      /REDIS_URL must use redis:\/\/ or rediss:\/\/, not http:\/\/$/,
    );
  });
});

describe('redact', () => {
  it('removes raw, encoded and decoded spellings of each secret', () => {
    expect(redact('auth p@ss/1 and p%40ss%2F1', ['p%40ss%2F1'])).toBe('auth *** and ***');
    expect(redact('nothing to hide', ['', 'absent'])).toBe('nothing to hide');
  });
});
