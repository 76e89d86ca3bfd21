/**
 * Two gateway instances sharing one real redis-server (through `redisUrl`, as REDIS_URL sets it) and
 * one set of simulators: provider tokens are fetched once for both, and every idempotency scenario
 * holds when the retry goes to the other instance.
 */
import { randomBytes } from 'node:crypto';
import { startSimulators, type RunningSimulators } from '../../../src/simulators/harness';
import { startRedisServer, type RunningRedis } from '../../support/redis-server';
import { startStack, type Stack } from '../../support/stack';
import { PROBES, runProbe } from '../faults/provider-probes';
import { SHORT_UNCERTAINTY, lostResponseScenarios } from '../idempotency/lost-response-scenarios';

let redis: RunningRedis;
let sims: RunningSimulators;
let a: Stack;
let b: Stack;
beforeAll(async () => {
  [redis, sims] = await Promise.all([
    startRedisServer({ password: 'redis-test-password' }),
    startSimulators(),
  ]);
  // Instances of one deployment share their configuration, signing secret included.
  const signingSecret = randomBytes(32).toString('hex');
  const instance = () =>
    startStack({
      sims,
      configure: (config) => ({
        ...config,
        signingSecret,
        redisUrl: redis.url,
        logLevel: 'silent',
        idempotency: SHORT_UNCERTAINTY,
        store: { commandTimeoutMs: 2_000 },
      }),
    });
  [a, b] = await Promise.all([instance(), instance()]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await sims?.close();
  await redis?.stop();
});

const tokenCalls = (provider: 'inqom' | 'jepilote') => {
  const path = provider === 'inqom' ? '/identity/connect/token' : '/login_check';
  return sims.simulators[provider].requests.filter((r) => r.path === path).length;
};

describe('two instances on one Redis', () => {
  it('fetch each provider token once for both instances, even when asked at the same time', async () => {
    const answers = await Promise.all([runProbe(a), runProbe(b), runProbe(a), runProbe(b)]);
    answers.forEach(({ body }) => expect(body.errors).toBeUndefined());
    expect(tokenCalls('inqom')).toBe(1);
    expect(tokenCalls('jepilote')).toBe(1);
    // Both instances did call Inqom with it.
    const folders = new RegExp(PROBES.inqom.path);
    expect(sims.simulators.inqom.requests.filter((r) => folders.test(r.path)).length).toBe(4);
  });

  lostResponseScenarios(() => ({ first: a, retry: b }));
});
