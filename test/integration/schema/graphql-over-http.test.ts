/**
 * The GraphQL-over-HTTP spec at `/graphql`: media type negotiation, GET for queries only (405 with
 * `Allow: POST` for a mutation), 400 for requests that never execute (parse, validation, bad JSON),
 * 415 for a body that is not JSON, and 200 with partial data when a field fails. Also the money and
 * capability rules a caller sees: `balanced` computed from the lines, UNSUPPORTED_BY_PROVIDER for a
 * Pleo company's movements, and the other providers' data when one provider fails.
 */
import { print } from 'graphql';
import { request } from 'undici';
import { CompanyEntriesDocument } from '../../../src/sdk/generated/graphql';
import { startStack, type Stack } from '../../support/stack';
import { demoCompany, sumCents } from '../operations/fixtures';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const JSON_TYPE = 'application/json';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    configure: (config) => ({ ...config, logLevel: 'silent', cache: { listTtlMs: 0 } }),
  });
});
afterAll(() => stack.close());
afterEach(() => Object.values(stack.sims.simulators).forEach((s) => s.faults.clear()));

interface HttpResult {
  status: number;
  contentType: string;
  allow: string | undefined;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { path?: unknown[]; extensions?: { code?: string } }[];
  };
}

async function send(
  method: 'GET' | 'POST' | 'PUT',
  options: { accept?: string; contentType?: string; body?: string; search?: Record<string, string> } = {},
): Promise<HttpResult> {
  const url = new URL(stack.graphqlUrl);
  Object.entries(options.search ?? {}).forEach(([k, v]) => url.searchParams.set(k, v));
  const response = await request(url, {
    method,
    headers: {
      authorization: 'Bearer demo',
      ...(options.accept ? { accept: options.accept } : {}),
      ...(options.contentType ? { 'content-type': options.contentType } : {}),
      // Apollo's CSRF prevention asks GET (a "simple" request) for a header browsers only send after a preflight.
      ...(method === 'GET' ? { 'apollo-require-preflight': 'true' } : {}),
    },
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    contentType: String(response.headers['content-type'] ?? ''),
    allow: response.headers.allow as string | undefined,
    body: text ? JSON.parse(text) : {},
  };
}

const post = (query: string, accept = GRAPHQL_RESPONSE, variables?: Record<string, unknown>) =>
  send('POST', { accept, contentType: JSON_TYPE, body: JSON.stringify({ query, variables }) });

const codes = (result: HttpResult) => (result.body.errors ?? []).map((e) => e.extensions?.code);

describe('media types', () => {
  it.each([
    [GRAPHQL_RESPONSE, GRAPHQL_RESPONSE],
    [JSON_TYPE, JSON_TYPE],
    [`${GRAPHQL_RESPONSE}, ${JSON_TYPE};q=0.9`, GRAPHQL_RESPONSE],
    [`${JSON_TYPE}, ${GRAPHQL_RESPONSE};q=0.5`, JSON_TYPE],
  ])('Accept %s answers %s', async (accept, expected) => {
    const result = await post('{ __typename }', accept);
    expect(result.status).toBe(200);
    expect(result.contentType.split(';')[0]).toBe(expected);
    expect(result.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers application/json when the client sends no Accept (the spec’s legacy default)', async () => {
    const result = await send('POST', {
      contentType: JSON_TYPE,
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(result.status).toBe(200);
    expect(result.contentType.split(';')[0]).toBe(JSON_TYPE);
  });
});

describe('GET', () => {
  it('runs a query from the query string, variables as JSON', async () => {
    const { gen, id } = demoCompany(stack.sims, 'myunisoft');
    const result = await send('GET', {
      accept: GRAPHQL_RESPONSE,
      search: { query: 'query ($id: ID!) { company(id: $id) { name } }', variables: JSON.stringify({ id }) },
    });
    expect(result.status).toBe(200);
    expect(result.contentType.split(';')[0]).toBe(GRAPHQL_RESPONSE);
    expect(result.body.data).toEqual({ company: { name: gen.name } });
    expect(result.body.errors).toBeUndefined();
  });

  it('refuses a mutation with 405 and Allow: POST, before any upstream call', async () => {
    stack.sims.resetRequests();
    const companyId = demoCompany(stack.sims, 'jepilote').id;
    const result = await send('GET', {
      accept: GRAPHQL_RESPONSE,
      search: {
        query: `mutation { createExportJob(input: { companyId: "${companyId}", format: FEC }) { id } }`,
      },
    });
    expect(result.status).toBe(405);
    expect(result.allow).toBe('POST');
    expect(result.body.data).toBeUndefined();
    expect(stack.sims.totalRequests()).toBe(0);
  });
});

describe('requests that never execute', () => {
  it('a parse error is 400 with graphql-response+json and no data', async () => {
    const result = await post('{ companies ');
    expect(result.status).toBe(400);
    expect(result.contentType.split(';')[0]).toBe(GRAPHQL_RESPONSE);
    expect(result.body.data).toBeUndefined();
    expect(codes(result)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('a validation error is 400 with graphql-response+json and no data', async () => {
    const result = await post('{ companies { edges { node { notAField } } } }');
    expect(result.status).toBe(400);
    expect(result.contentType.split(';')[0]).toBe(GRAPHQL_RESPONSE);
    expect(result.body.data).toBeUndefined();
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('a body that is not JSON is 400 in the negotiated media type', async () => {
    const result = await send('POST', {
      accept: GRAPHQL_RESPONSE,
      contentType: JSON_TYPE,
      body: '{"query":',
    });
    expect(result.status).toBe(400);
    expect(result.contentType.split(';')[0]).toBe(GRAPHQL_RESPONSE);
    expect(codes(result)).toEqual(['BAD_REQUEST']);
  });

  it.each([
    ['an unsupported media type', 'application/xml', 415],
    ['no Content-Type', undefined, 415],
    // text/plain is a "simple" content type: CSRF prevention refuses it before parsing.
    ['text/plain', 'text/plain', 400],
  ])('%s is refused with a 4xx (%s → %d)', async (_case, contentType, status) => {
    const result = await send('POST', {
      accept: GRAPHQL_RESPONSE,
      ...(contentType ? { contentType } : {}),
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(result.status).toBe(status);
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors?.length).toBe(1);
  });

  it('another method is 405 with Allow: GET, POST', async () => {
    const result = await send('PUT', {
      contentType: JSON_TYPE,
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(result.status).toBe(405);
    expect(result.allow).toBe('GET, POST');
  });
});

describe('field errors: 200 with partial data', () => {
  it("a Pleo company's movements are UNSUPPORTED_BY_PROVIDER while a MyUnisoft company's are served", async () => {
    const query = `query ($mu: ID!, $pleo: ID!) {
      mu: company(id: $mu) { name movements(filter: { from: "2025-03-01", to: "2025-03-31" }, first: 2) { edges { node { id } } } }
      pleo: company(id: $pleo) { name movements(filter: { from: "2025-03-01", to: "2025-03-31" }) { edges { node { id } } } }
    }`;
    const mu = demoCompany(stack.sims, 'myunisoft');
    const pleo = demoCompany(stack.sims, 'pleo');
    const result = await post(query, GRAPHQL_RESPONSE, { mu: mu.id, pleo: pleo.id });
    expect(result.status).toBe(200);
    expect(result.contentType.split(';')[0]).toBe(GRAPHQL_RESPONSE);
    const data = result.body.data as { mu: { name: string; movements: { edges: unknown[] } }; pleo: null };
    expect(data.mu.name).toBe(mu.gen.name);
    expect(data.mu.movements.edges).toHaveLength(2);
    expect(data.pleo).toBeNull();
    expect(result.body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['pleo', 'movements'], 'UNSUPPORTED_BY_PROVIDER'],
    ]);
  });

  it('when one provider fails, the other providers’ companies still come back', async () => {
    stack.sims.simulators.myunisoft.faults.add({ kind: 'status', status: 500, path: '^/api/v1/society' });
    const result = await post('{ companies { edges { node { provider name } } } }');
    expect(result.status).toBe(200);
    const edges = (result.body.data?.companies as { edges: { node: { provider: string } }[] }).edges;
    const providers = new Set(edges.map((e) => e.node.provider));
    expect(providers).toEqual(new Set(['JEPILOTE', 'INQOM', 'PLEO']));
    expect(edges).toHaveLength(
      (['jepilote', 'inqom', 'pleo'] as const).reduce(
        (n, p) => n + stack.sims.dataset.companiesOf(p, 'demo').length,
        0,
      ),
    );
    expect(result.body.errors?.map((e) => e.path)).toEqual([['companies']]);
    expect(codes(result)[0]).toMatch(/^UPSTREAM_/);
  });
});

describe('money', () => {
  it('balanced is computed from the lines: true exactly when the cents of debits and credits agree', async () => {
    const companyId = demoCompany(stack.sims, 'myunisoft').id;
    const result = await post(print(CompanyEntriesDocument), GRAPHQL_RESPONSE, {
      companyId,
      filter: { from: '2025-01-01', to: '2025-06-30' },
      first: 100,
    });
    expect(result.status).toBe(200);
    type Line = { debit: string; credit: string };
    type EntryNode = { debitTotal: string; creditTotal: string; balanced: boolean; lines: Line[] };
    const company = result.body.data?.company as { entries: { edges: { node: EntryNode }[] } };
    const entries = company.entries.edges.map((e) => e.node);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      const debit = sumCents(entry.lines.map((l) => l.debit));
      const credit = sumCents(entry.lines.map((l) => l.credit));
      expect(sumCents([entry.debitTotal])).toBe(debit);
      expect(sumCents([entry.creditTotal])).toBe(credit);
      expect(entry.balanced).toBe(debit === credit);
    }
  });
});
