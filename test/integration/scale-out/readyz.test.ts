/**
 * /readyz and /healthz: ready while Redis answers, 503 with a reason naming no secret once it stops
 * (while /healthz stays 200: the process is alive); always ready on the in-memory store.
 */
import { request } from 'undici';
import { startRedisServer, type RunningRedis } from '../../support/redis-server';
import { startStack, type Stack } from '../../support/stack';

const PASSWORD = 'readyz-secret-password';
let redis: RunningRedis;
let shared: Stack;
let single: Stack;
beforeAll(async () => {
  redis = await startRedisServer({ password: PASSWORD });
  shared = await startStack({
    configure: (config) => ({ ...config, redisUrl: redis.url, logLevel: 'silent' }),
  });
  single = await startStack({
    sims: shared.sims,
    configure: (config) => ({ ...config, logLevel: 'silent' }),
  });
});
afterAll(async () => {
  await single?.close();
  await shared?.close();
  await redis?.stop();
});

async function probe(stack: Stack, path: '/readyz' | '/healthz') {
  const response = await request(`${stack.url}${path}`);
  const text = await response.body.text();
  return { status: response.statusCode, text, body: JSON.parse(text) as Record<string, unknown> };
}

describe('/readyz', () => {
  it('is ready on the in-memory store', async () => {
    expect(await probe(single, '/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('follows Redis: ready, then 503 without secrets while it is down, /healthz staying 200', async () => {
    expect(await probe(shared, '/readyz')).toMatchObject({
      status: 200,
      body: { status: 'ready', checks: { config: 'ok', store: 'ok' } },
    });
    await redis.stop();
    const down = await probe(shared, '/readyz');
    expect(down).toMatchObject({
      status: 503,
      body: { status: 'unavailable', reason: 'shared store (Redis) unreachable' },
    });
    expect(down.text).not.toContain(PASSWORD);
    expect(down.text).not.toContain(String(redis.port));
    expect(await probe(shared, '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
