/**
 * The gateway's upstream budget against simulators that enforce MyUnisoft's quota (their default):
 * a request that cannot get budget before its deadline fails with UPSTREAM_RATE_LIMITED and
 * `retryAfterSeconds` without any 429 reaching the provider; a 429 caused by someone else spending the
 * token is waited out; and two gateways on one Redis spend one budget per credential.
 */
import { startSimulators, type RunningSimulators } from '../../../src/simulators/harness';
import { demoCredentials } from '../../../src/simulators/credentials';
import { startRedisServer, type RunningRedis } from '../../support/redis-server';
import { startStack, type Stack } from '../../support/stack';
import { activate, call } from '../simulators/myunisoft-client';
import type { ConfigInput } from '../../../src/config';

const EVERY_EXERCISE = `query { companies(provider: MYUNISOFT, first: 100) { edges { node { id exercises { id } } } } }`;
const EXERCISES = `query ($id: ID!) { company(id: $id) { exercises { id } } }`;

interface Usage {
  calls: Record<string, number>;
  budgetLeft: Record<string, number>;
}
const usageOf = (body: unknown) => (body as { extensions: { upstream: Usage } }).extensions.upstream;
const codesOf = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  new Set((body.errors ?? []).map((e) => e.extensions?.code));

/** A short wait for budget, so that a request past the quota fails rather than waits (and no list cache). */
const shortWait = (config: ConfigInput): ConfigInput => ({
  ...config,
  logLevel: 'silent',
  cache: { listTtlMs: 0 },
  upstream: { waitMs: 500 },
});

describe('one gateway', () => {
  let sims: RunningSimulators;
  beforeAll(async () => {
    sims = await startSimulators({ extraFirmCompanies: 25 });
  });
  afterAll(() => sims.close());

  it('fails what cannot be sent before the deadline with UPSTREAM_RATE_LIMITED, sending no call past the quota', async () => {
    const stack = await startStack({ sims, configure: shortWait });
    try {
      sims.resetRequests();
      const { body } = await stack.gql(EVERY_EXERCISE);
      const limited = (body.errors ?? []).filter((e) => e.extensions?.code === 'UPSTREAM_RATE_LIMITED');
      expect(limited.length).toBeGreaterThan(0);
      for (const error of limited) {
        expect(error.extensions).toMatchObject({
          provider: 'MYUNISOFT',
          retryAfterSeconds: expect.any(Number),
        });
        expect(error.extensions!.retryAfterSeconds as number).toBeGreaterThanOrEqual(1);
      }
      const upstream = sims.simulators.myunisoft.requests;
      expect(upstream.filter((r) => r.status === 429)).toEqual([]);
      expect(upstream.length).toBe(20);
      expect(usageOf(body)).toEqual({ calls: { MYUNISOFT: 20 }, budgetLeft: { MYUNISOFT: 0 } });
    } finally {
      await stack.close();
    }
  });
});

it('waits out a 429 caused by another client of the same token, then answers', async () => {
  const sims = await startSimulators();
  const stack = await startStack({ sims, configure: (config) => ({ ...config, logLevel: 'silent' }) });
  try {
    const token = demoCredentials.myunisoft.demo.apiToken;
    await activate(sims.urls.myunisoft, token);
    // Someone else spends the token's whole window behind the gateway's back.
    for (let i = 0; i < 19; i++) await call(sims.urls.myunisoft, '/api/v1/society', { token });
    sims.resetRequests();
    const id = (
      await stack.gql<{ companies: { edges: { node: { id: string } }[] } }>(
        `query { companies(provider: MYUNISOFT) { edges { node { id } } } }`,
      )
    ).body;
    expect(id.errors).toBeUndefined();
    const statuses = sims.simulators.myunisoft.requests.map((r) => r.status);
    expect(statuses[0]).toBe(429);
    expect(statuses.slice(1).every((status) => status === 200)).toBe(true);
    expect(usageOf(id).calls.MYUNISOFT).toBe(statuses.length);
    // The 429 opened no circuit: the next request is answered.
    const companyId = id.data!.companies.edges[0]!.node.id;
    const next = await stack.gql(EXERCISES, { id: companyId });
    expect(next.body.errors).toBeUndefined();
  } finally {
    await stack.close();
    await sims.close();
  }
}, 60_000);

describe('two gateways on one Redis', () => {
  let redis: RunningRedis;
  let sims: RunningSimulators;
  let first: Stack;
  let second: Stack;
  beforeAll(async () => {
    [redis, sims] = await Promise.all([startRedisServer(), startSimulators({ extraFirmCompanies: 25 })]);
    const shared = (config: ConfigInput) => ({ ...shortWait(config), redisUrl: redis.url });
    first = await startStack({ sims, configure: shared });
    second = await startStack({ sims, configure: shared });
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    await sims.close();
    await redis.stop();
  });

  it('spend one budget per credential: the second is refused what the first spent, the provider sees no 429', async () => {
    sims.resetRequests();
    const spent = await first.gql(EVERY_EXERCISE);
    expect(usageOf(spent.body).calls.MYUNISOFT).toBe(20);
    const refused = await second.gql(`query { companies(provider: MYUNISOFT) { edges { node { id } } } }`);
    expect(codesOf(refused.body)).toEqual(new Set(['UPSTREAM_RATE_LIMITED']));
    expect(usageOf(refused.body)).toEqual({ calls: {}, budgetLeft: { MYUNISOFT: 0 } });
    const upstream = sims.simulators.myunisoft.requests;
    expect(upstream.filter((r) => r.status === 429)).toEqual([]);
    expect(upstream.length).toBe(20);
  });
});
