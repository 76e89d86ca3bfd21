/**
 * The configuration keys of reliability and scale-out: `redisUrl` checked without echoing it,
 * the `http` tuning left to the client defaults unless set, and the shutdown drain bound.
 */
import { parseConfig, type ConfigInput } from '../../../src/config';

const base: ConfigInput = {
  signingSecret: 'a-test-signing-secret-of-at-least-32-chars',
  tenants: [{ id: 't', name: 'T', apiKeySha256: ['0'.repeat(64)], providers: {} }],
};

describe('reliability configuration', () => {
  it('defaults: no Redis, client defaults for http, a 10 s drain', () => {
    const config = parseConfig(base);
    expect(config.redisUrl).toBeUndefined();
    expect(config.http).toEqual({});
    expect(config.shutdown).toEqual({ drainTimeoutMs: 10_000 });
  });

  it('takes redis:// and rediss:// URLs, refuses others without echoing them', () => {
    expect(parseConfig({ ...base, redisUrl: 'rediss://:pw@cache.internal:6380/2' }).redisUrl).toBe(
      'rediss://:pw@cache.internal:6380/2',
    );
    const refuse = (redisUrl: string) => () => parseConfig({ ...base, redisUrl });
    expect(refuse('http://:hunter2@cache.internal')).toThrow(
      /^redisUrl: expected redis:\/\/ or rediss:\/\/$/,
    );
    expect(refuse('redis://:hunter2@[bad')).toThrow(/^redisUrl: not a valid URL/);
    expect(refuse('redis://:hunter2@[bad')).not.toThrow(/hunter2/);
  });

  it('takes http tuning and refuses unknown or negative values', () => {
    const http = { headersTimeoutMs: 250, maxRetries: 0, breaker: { failureThreshold: 3 } };
    expect(parseConfig({ ...base, http }).http).toEqual(http);
    expect(() => parseConfig({ ...base, http: { retries: 1 } as never })).toThrow(/http/);
    expect(() => parseConfig({ ...base, http: { bodyTimeoutMs: -1 } })).toThrow(/http\.bodyTimeoutMs/);
    expect(() => parseConfig({ ...base, shutdown: { drainTimeoutMs: -5 } })).toThrow(
      /shutdown\.drainTimeoutMs/,
    );
  });
});
