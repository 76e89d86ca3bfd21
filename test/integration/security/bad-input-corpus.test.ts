/**
 * The bad-input corpus (issue 4): every hostile or malformed request of bad-input-rows.ts gets its
 * HTTP status, `extensions.code` and field (or limit) at fault, no request reaches any simulator,
 * and the gateway keeps answering normal queries afterwards.
 */
import { startStack, type Stack } from '../../support/stack';
import { CORPUS, type CorpusIds } from './bad-input-rows';
import { sendRaw } from './hostile-request';
import { demoCompanyIds } from './demo-objects';

let stack: Stack;
let ids: CorpusIds;

/** A query as `demo` (or `apiKey`) that must succeed: fixture material only. */
async function data<T>(query: string, variables: Record<string, unknown> = {}, apiKey = 'demo'): Promise<T> {
  const { status, body } = await stack.gql<T>(query, variables, apiKey);
  if (status !== 200 || body.errors?.length || !body.data)
    throw new Error(`fixture query failed (HTTP ${status}): ${JSON.stringify(body.errors)}`);
  return body.data;
}

beforeAll(async () => {
  // List caches off: every query that passed the checks would reach a simulator.
  stack = await startStack({
    configure: (config) => ({ ...config, logLevel: 'silent', cache: { ...config.cache, listTtlMs: 0 } }),
  });
  const companies = demoCompanyIds(stack, 'demo');
  type Page = { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } };
  const mu = await data<{ company: { exercises: { id: string }[]; entries: Page } }>(
    'query($id: ID!) { company(id: $id) { exercises { id } entries(first: 2) { edges { node { id } } pageInfo { endCursor } } } }',
    { id: companies.myunisoft },
  );
  const pleo = await data<{ company: { entries: Page } }>(
    'query($id: ID!) { company(id: $id) { entries(first: 2) { edges { node { id } } pageInfo { endCursor } } } }',
    { id: companies.pleo },
  );
  const list = await data<{ companies: Page }>(
    '{ companies(first: 1) { edges { node { id } } pageInfo { endCursor } } }',
  );
  const exercise = mu.company.exercises[0]?.id;
  if (!exercise) throw new Error('demo’s MyUnisoft company has no exercise');
  ids = {
    ...companies,
    exercise,
    entriesCursor: mu.company.entries.pageInfo.endCursor,
    companiesCursor: list.companies.pageInfo.endCursor,
    pleoEntries: pleo.company.entries.edges.map((e) => e.node.id),
    otherPleo: demoCompanyIds(stack, 'demo-other').pleo,
  };
});
afterAll(() => stack.close());

describe('bad-input corpus', () => {
  it('holds at least 60 requests with distinct names', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CORPUS.map((row) => row.name)).size).toBe(CORPUS.length);
  });

  it.each(CORPUS.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    stack.sims.resetRequests();
    const response = await sendRaw(stack.url, row.request(ids));
    const error = response.body?.errors?.[0];
    const seen = {
      status: response.status,
      code: error?.extensions?.code ?? null,
      text: response.text.slice(0, 300),
    };
    expect(seen).toMatchObject({ status: row.status, code: row.code });
    if (row.code === null) expect(Object.values(response.body?.data ?? { missing: true })).toEqual([null]);
    if (row.field) expect(error?.extensions?.field).toBe(row.field);
    if (row.limit) expect(error?.extensions).toMatchObject({ limit: row.limit, max: expect.any(Number) });
    // docs/api.md "Argument errors": a refused argument refuses the whole operation and names field and path
    // (an uploaded file's bytes are judged as they are read, during execution: `data` is null there).
    if (row.code === 'BAD_USER_INPUT' && row.status === 400 && !row.limit && row.field !== 'input.file') {
      expect(response.body).not.toHaveProperty('data');
      expect(error).toMatchObject({ path: expect.any(Array), extensions: { field: expect.any(String) } });
    }
    expect(error?.message ?? 'no error').not.toMatch(/\bat (?:\S+\.(?:js|ts)|Object\.)/);
    expect(stack.sims.totalRequests()).toBe(0);
  });

  it('still answers a normal query afterwards', async () => {
    const after = await data<{ companies: { totalCount: number; edges: unknown[] } }>(
      '{ companies { totalCount edges { node { id name } } } }',
    );
    expect(after.companies.totalCount).toBeGreaterThan(0);
    expect(after.companies.edges).toHaveLength(after.companies.totalCount);
  });
});
