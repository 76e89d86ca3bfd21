/**
 * Redis stalled (SIGSTOP on the real redis-server) under a gateway on it: reads degrade to the
 * providers (list cache and token lock skipped after the bounded store timeout) and still answer;
 * a keyed mutation answers STORE_UNAVAILABLE, retryable, before anything reaches the provider; once
 * Redis runs again the same key goes through.
 */
import { randomUUID } from 'node:crypto';
import { companyGlobalId } from '../../../src/domain/ids';
import { startRedisServer, type RunningRedis } from '../../support/redis-server';
import { startStack, type Stack } from '../../support/stack';
import { createExportJob, firstCode } from '../idempotency/mutation-calls';

let redis: RunningRedis;
let stack: Stack;
beforeAll(async () => {
  redis = await startRedisServer();
  stack = await startStack({
    configure: (config) => ({ ...config, redisUrl: redis.url, logLevel: 'silent' }),
  });
});
afterAll(async () => {
  process.kill(redis.pid, 'SIGCONT');
  await stack?.close();
  await redis?.stop();
});

const READ = '{ companies(first: 50) { totalCount edges { node { id provider } } } }';

it('degrades reads and refuses keyed mutations with STORE_UNAVAILABLE while Redis is stalled', async () => {
  const warm = await stack.gql<{ companies: { totalCount: number } }>(READ);
  expect(warm.body.errors).toBeUndefined();
  const jepilote = companyGlobalId('JEPILOTE', stack.sims.dataset.companiesOf('jepilote', 'demo')[0]!.id);
  const input = { companyId: jepilote, format: 'FEC', idempotencyKey: randomUUID() };
  const exportPosts = () =>
    stack.sims.simulators.jepilote.requests.filter((r) => r.path === '/export_documents').length;
  const postsBefore = exportPosts();

  process.kill(redis.pid, 'SIGSTOP');
  try {
    const read = await stack.gql<{ companies: { totalCount: number } }>(READ);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.companies.totalCount).toBe(warm.body.data?.companies.totalCount);
    const refused = await createExportJob(stack, input);
    expect(firstCode(refused.body)).toBe('STORE_UNAVAILABLE');
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      retryable: true,
      retryAfterSeconds: expect.any(Number),
    });
    expect(exportPosts()).toBe(postsBefore);
  } finally {
    process.kill(redis.pid, 'SIGCONT');
  }
  const accepted = await createExportJob(stack, input);
  expect(accepted.body.errors).toBeUndefined();
  expect(exportPosts()).toBe(postsBefore + 1);
});
