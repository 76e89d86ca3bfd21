/**
 * Listing snapshots through the gateway, counted at the MyUnisoft simulator: an entries listing costs its
 * downloads on page 1 (six lists, or the one a type filter names) and nothing on later pages, which carry
 * page 1's `fetchedAt`; a movement page costs at most one window download; a cursor is refused to another
 * tenant; on Redis, a cursor read on one instance continues on another without a new download.
 */
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { companyGlobalId } from '../../../src/domain/ids';
import { startSimulators, type RunningSimulators } from '../../../src/simulators/harness';
import { startRedisServer, type RunningRedis } from '../../support/redis-server';
import { startStack, type Stack } from '../../support/stack';

interface Connection {
  fetchedAt: string;
  totalCount: number | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string } }[];
}

const ENTRIES = `query($id: ID!, $after: String, $filter: EntryFilter) { company(id: $id) {
  entries(first: 10, after: $after, filter: $filter) { fetchedAt totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`;
const MOVEMENTS = `query($id: ID!, $after: String) { company(id: $id) {
  movements(first: 50, after: $after, filter: { from: "2025-01-01", to: "2025-06-30" }) {
    fetchedAt totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`;
const companyId = companyGlobalId('MYUNISOFT', '2101');

let sims: RunningSimulators;
let redis: RunningRedis;
let memory: Stack;
let a: Stack;
let b: Stack;
beforeAll(async () => {
  [sims, redis] = await Promise.all([startSimulators(), startRedisServer()]);
  const signingSecret = randomBytes(32).toString('hex');
  const onRedis = () =>
    startStack({
      sims,
      configure: (config) => ({ ...config, signingSecret, redisUrl: redis.url, logLevel: 'silent' }),
    });
  [memory, a, b] = await Promise.all([
    startStack({ sims, configure: (config) => ({ ...config, logLevel: 'silent' }) }),
    onRedis(),
    onRedis(),
  ]);
});
afterAll(async () => {
  await Promise.all([memory?.close(), a?.close(), b?.close()]);
  await sims?.close();
  await redis?.stop();
});
beforeEach(() => sims.resetRequests());

// Answered calls: three gateways share one token here, so a call may meet a 429 (budgets are per store) and go again.
const calls = (path: string) =>
  sims.simulators.myunisoft.requests.filter((r) => r.path === path && r.status < 400).length;

/** Resolves once a snapshot record (not a chunk) is in Redis; a's write follows its answer. */
async function snapshotRecordStored() {
  const raw = new Redis(redis.url);
  try {
    for (let poll = 0; poll < 500; poll++) {
      if ((await raw.keys('*:snapshot:*')).length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('no snapshot record stored in Redis');
  } finally {
    raw.disconnect();
  }
}

async function page(stack: Stack, query: string, variables: Record<string, unknown>, apiKey = 'demo') {
  const { body } = await stack.gql<{ company: { entries?: Connection; movements?: Connection } }>(
    query,
    { id: companyId, ...variables },
    apiKey,
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return (body.data!.company.entries ?? body.data!.company.movements)!;
}

describe('listing snapshots', () => {
  // One year (the gateway's longest entries window) in pages of 10: several pages from one snapshot.
  it('entries: page 1 costs six lists, every later page none, all pages share its fetchedAt', async () => {
    const first = await page(memory, ENTRIES, { filter: { from: '2025-01-01', to: '2025-12-31' } });
    expect(calls('/api/v1/entries')).toBe(6);
    let after = first.pageInfo.endCursor;
    const ids = first.edges.map((e) => e.node.id);
    let pages = 1;
    while (after) {
      const next = await page(memory, ENTRIES, { filter: { from: '2025-01-01', to: '2025-12-31' }, after });
      expect(next.fetchedAt).toBe(first.fetchedAt);
      ids.push(...next.edges.map((e) => e.node.id));
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
      pages++;
    }
    expect(pages).toBeGreaterThan(2);
    expect(calls('/api/v1/entries')).toBe(6);
    expect(new Set(ids).size).toBe(first.totalCount);
  });

  it('entries filtered by type ask MyUnisoft for that type only', async () => {
    const reversals = await page(memory, ENTRIES, { filter: { type: 'REVERSAL', from: '2025-01-01' } });
    const asked = sims.simulators.myunisoft.requests.filter((r) => r.status < 400);
    expect(asked.map((r) => [r.path, r.query])).toEqual([['/api/v1/entries', 'type=ext']]);
    expect(reversals.edges.length).toBeGreaterThan(0);
  });

  it('movements: at most one window download per later page', async () => {
    let result = await page(memory, MOVEMENTS, {});
    const perPage: number[] = [];
    for (let n = 0; n < 10 && result.pageInfo.hasNextPage; n++) {
      const before = calls('/api/v1/mad/movements');
      result = await page(memory, MOVEMENTS, { after: result.pageInfo.endCursor });
      perPage.push(calls('/api/v1/mad/movements') - before);
    }
    expect(perPage.length).toBeGreaterThan(0);
    expect(Math.max(...perPage)).toBeLessThanOrEqual(1);
  });

  it("refuses one tenant's cursor to another", async () => {
    const first = await page(memory, ENTRIES, {});
    const { body } = await memory.gql(
      ENTRIES,
      { id: companyGlobalId('MYUNISOFT', '2103'), after: first.pageInfo.endCursor },
      'demo-other',
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('on Redis, a cursor read on one instance continues on another without a download', async () => {
    const first = await page(a, ENTRIES, { filter: { from: '2025-01-01' } });
    expect(calls('/api/v1/entries')).toBe(6);
    // A first page is answered before its snapshot is stored (its last chunk and record follow): the
    // cursor moves to b once a stored it, as a reader's next click does, not within the same milliseconds.
    await snapshotRecordStored();
    const second = await page(b, ENTRIES, {
      filter: { from: '2025-01-01' },
      after: first.pageInfo.endCursor,
    });
    expect(calls('/api/v1/entries')).toBe(6);
    expect(second.fetchedAt).toBe(first.fetchedAt);
    expect(second.edges[0]?.node.id).not.toBe(first.edges[0]?.node.id);
  });
});
