/**
 * Automatic persisted queries on the shared store: a hash alone is unknown until the query is sent
 * once with it; then the hash alone works — on another gateway instance sharing the store too.
 */
import { createHash } from 'node:crypto';
import { request } from 'undici';
import type { ConfigInput } from '../../../src/config';
import { MemoryStore } from '../../../src/store/memory-store';
import { startStack, type Stack } from '../../support/stack';

const query = '{ companies(provider: MYUNISOFT) { totalCount } }';
const sha256Hash = createHash('sha256').update(query).digest('hex');
const persistedQuery = { version: 1, sha256Hash };

async function post(stack: Stack, body: object) {
  const response = await request(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo' },
    body: JSON.stringify(body),
  });
  type Body = { data?: unknown; errors?: { extensions: { code: string } }[] };
  return { status: response.statusCode, body: (await response.body.json()) as Body };
}

describe('automatic persisted queries', () => {
  const store = new MemoryStore();
  let first: Stack;
  let second: Stack;
  beforeAll(async () => {
    const silent = {
      configure: (config: ConfigInput) => ({ ...config, logLevel: 'silent' as const }),
      store,
    };
    first = await startStack(silent);
    second = await startStack({ ...silent, sims: first.sims });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('registers a query by hash and runs it by hash alone, on every instance', async () => {
    const unknown = await post(first, { extensions: { persistedQuery } });
    expect(unknown.body.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(first, { query, extensions: { persistedQuery } });
    expect(registered.body.data).toEqual({ companies: { totalCount: 2 } });
    expect(await store.get(`gateway:apq:${sha256Hash}`)).toBe(query);
    // The data only: `extensions.upstream` tallies each request's own provider calls.
    expect((await post(first, { extensions: { persistedQuery } })).body.data).toEqual(registered.body.data);
    expect((await post(second, { extensions: { persistedQuery } })).body.data).toEqual(registered.body.data);
  });

  it('refuses a query whose hash does not match', async () => {
    const wrong = await post(first, {
      query: '{ companies { totalCount } }',
      extensions: { persistedQuery },
    });
    expect(wrong.status).toBe(400);
    expect(
      await store.get(
        `gateway:apq:${createHash('sha256').update('{ companies { totalCount } }').digest('hex')}`,
      ),
    ).toBeNull();
  });
});
