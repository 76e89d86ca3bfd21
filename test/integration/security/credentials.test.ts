/**
 * Credentials end to end, over HTTP through the gateway to the simulators (counting their requests):
 * callers' API keys (rotation, malformed headers, the 401 answer) and each provider's authentication
 * — Inqom's token fetched once, refreshed once after the provider expired it even for many parallel
 * queries, MyUnisoft's three headers, Pleo bearer and basic, Jepilote's login. The connector-level
 * tests (test/integration/providers, test/unit/providers/inqom/token-cache.test.ts) cover the rest.
 */
import { createHash } from 'node:crypto';
import { request } from 'undici';
import type { ConfigInput } from '../../../src/config';
import { companyGlobalId } from '../../../src/domain/ids';
import type { SimulatorName } from '../../../src/simulators/harness';
import { startStack, type Stack } from '../../support/stack';

type TenantInput = ConfigInput['tenants'][number];
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const ROTATED_KEY = 'demo-rotated-key-2026';

let clock = Date.now();
let stack: Stack;

/** Tenant `demo` under another id and key, with `edit` applied to its provider accounts. */
function variant(
  base: TenantInput,
  id: string,
  edit: (p: TenantInput['providers']) => TenantInput['providers'],
) {
  return { ...base, id, name: id, apiKeySha256: [sha256(id)], providers: edit(base.providers) };
}

beforeAll(async () => {
  stack = await startStack({
    now: () => clock,
    // The simulators' clock jumps hours to expire tokens: their per-second quota windows mean nothing here.
    enforceRateLimits: false,
    configure: (config) => {
      const [demo, other] = config.tenants as [TenantInput, TenantInput];
      return {
        ...config,
        logLevel: 'silent',
        cache: { listTtlMs: 0 },
        http: { maxRetries: 0 },
        tenants: [
          // Two keys, as during a rotation: the old one and its successor.
          { ...demo, apiKeySha256: [...demo.apiKeySha256, sha256(ROTATED_KEY)] },
          other,
          variant(demo, 'wrong-mu-secret', (p) => ({
            ...p,
            myunisoft: { ...p.myunisoft!, thirdPartySecret: 'not-the-partner-secret' },
          })),
          variant(demo, 'wrong-mu-token', (p) => ({
            ...p,
            myunisoft: { ...p.myunisoft!, apiToken: 'not-a-myunisoft-token' },
          })),
          variant(demo, 'wrong-pleo-basic', (p) => ({
            ...p,
            pleo: { ...p.pleo!, auth: { type: 'basic', apiKey: 'not-a-pleo-api-key' } },
          })),
          variant(other, 'wrong-pleo-bearer', (p) => ({
            ...p,
            pleo: { ...p.pleo!, auth: { type: 'bearer', token: 'not-a-pleo-token' } },
          })),
          variant(demo, 'wrong-jepilote', (p) => ({
            ...p,
            jepilote: { ...p.jepilote!, password: 'not-the-jepilote-password' },
          })),
        ],
      };
    },
  });
});
afterAll(() => stack.close());
beforeEach(() => stack.sims.resetRequests());

const requestsTo = (simulator: SimulatorName, method: string, path: RegExp) =>
  stack.sims.simulators[simulator].requests.filter((r) => r.method === method && path.test(r.path)).length;
const companyOf = (simulator: SimulatorName, owner: 'demo' | 'demo-other' = 'demo') => {
  const gen = stack.sims.dataset.companiesOf(simulator, owner)[0]!;
  return companyGlobalId(simulator.toUpperCase() as 'PLEO', gen.id);
};

describe('API keys', () => {
  const COMPANIES = `{ companies(first: 500) { edges { node { id } } } }`;

  it('accepts both keys of a tenant being rotated, with the same view', async () => {
    const [old, rotated] = await Promise.all([
      stack.gql(COMPANIES, {}, 'demo'),
      stack.gql(COMPANIES, {}, ROTATED_KEY),
    ]);
    expect(old.status).toBe(200);
    expect(old.body.errors).toBeUndefined();
    // The same data; the upstream tally differs, since whichever came second shares the first's calls.
    expect({ ...rotated.body, extensions: null }).toEqual({ ...old.body, extensions: null });
  });

  const UNAUTHENTICATED_BODY = {
    errors: [
      {
        message: 'A valid API key or access token is required: send "Authorization: Bearer <key or token>".',
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ],
  };
  const headers: [string, string | undefined][] = [
    ['no header', undefined],
    ['an unknown key', 'Bearer not-a-key-of-anyone'],
    ['a scheme without a key', 'Bearer'],
    ['a scheme and blanks', 'Bearer    '],
    ['the key without a scheme', 'demo'],
    ['the key under Basic', 'Basic demo'],
    ['the key as Basic credentials', `Basic ${Buffer.from('demo:').toString('base64')}`],
    ['two words after Bearer', 'Bearer demo demo-other'],
    ['a key longer than 512 characters', `Bearer ${'d'.repeat(600)}`],
    ['a key with a trailing NUL-like suffix', 'Bearer demo%00'],
    ['the SHA-256 of the key instead of the key', `Bearer ${sha256('demo')}`],
  ];

  it.each(headers)('answers %s with 401 UNAUTHENTICATED and calls nothing', async (_label, authorization) => {
    const response = await request(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: COMPANIES }),
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(await response.body.json()).toEqual(UNAUTHENTICATED_BODY);
    expect(stack.sims.totalRequests()).toBe(0);
  });

  it('answers 401 the same way on GET /graphql, uploads and a download link sent with a bad key', async () => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation { __typename }' }));
    form.append('map', '{}');
    const attempts = [
      request(`${stack.graphqlUrl}?query=${encodeURIComponent(COMPANIES)}`),
      fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: { 'apollo-require-preflight': 'true' },
        body: form,
      }),
      request(`${stack.url}/exports/anything`, { headers: { authorization: 'Bearer nope' } }),
      request(`${stack.url}/documents/anything`, { headers: { authorization: 'Bearer nope' } }),
    ];
    for (const response of await Promise.all(attempts)) {
      if (response instanceof Response) {
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual(UNAUTHENTICATED_BODY);
      } else {
        expect(response.statusCode).toBe(401);
        expect(await response.body.json()).toEqual(UNAUTHENTICATED_BODY);
      }
    }
    expect(stack.sims.totalRequests()).toBe(0);
  });
});

describe('Inqom token', () => {
  const EXERCISES = `query ($id: ID!) { company(id: $id) { exercises { id } } }`;
  const tokenCalls = () => requestsTo('inqom', 'POST', /^\/identity\/connect\/token$/);

  it('is fetched once for many queries, then refreshed once for many parallel queries after it expired', async () => {
    const id = companyOf('inqom');
    for (let i = 0; i < 5; i++) expect((await stack.gql(EXERCISES, { id })).body.errors).toBeUndefined();
    const fetched = tokenCalls();
    expect(fetched).toBeLessThanOrEqual(1); // 0 when an earlier test already holds demo's token
    stack.sims.resetRequests();
    clock += 2 * 3600_000; // the simulator's clock passes the token's expiry; the gateway's does not
    const results = await Promise.all(Array.from({ length: 12 }, () => stack.gql(EXERCISES, { id })));
    expect(results.map((r) => r.body.errors)).toEqual(results.map(() => undefined));
    expect(tokenCalls()).toBe(1);
    // Each query met one 403 (Inqom's failed authentication) at most, then was retried once with the
    // shared fresh token.
    const refused = stack.sims.simulators.inqom.requests.filter((r) => r.status === 403).length;
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(12);
    stack.sims.resetRequests();
    await Promise.all(Array.from({ length: 4 }, () => stack.gql(EXERCISES, { id })));
    expect(tokenCalls()).toBe(0);
  });
});

describe('MyUnisoft headers', () => {
  const ENTRIES = `query ($id: ID!) { company(id: $id) { entries(first: 1) { totalCount } } }`;

  it('sends the bearer token, X-Third-Party-Secret and society-id: a firm token reads a society’s entries', async () => {
    // The simulator refuses a firm token's company-scoped call without society-id, and any call
    // without either of the other two headers: an answer proves all three were sent.
    const { body } = await stack.gql(ENTRIES, { id: companyOf('myunisoft') });
    expect(body.errors).toBeUndefined();
    expect(stack.sims.simulators.myunisoft.requests.length).toBeGreaterThan(0);
    expect(stack.sims.simulators.myunisoft.requests.every((r) => r.status === 200)).toBe(true);
  });

  it.each([
    ['a wrong X-Third-Party-Secret', 'wrong-mu-secret'],
    ['a wrong bearer token', 'wrong-mu-token'],
  ])('is refused by MyUnisoft with %s: one UPSTREAM_ERROR, no retry', async (_label, apiKey) => {
    const { body } = await stack.gql(ENTRIES, { id: companyOf('myunisoft') }, apiKey);
    expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.upstreamStatus])).toEqual([
      ['UPSTREAM_ERROR', 401],
    ]);
    // The token's activation, which every other call awaits, is refused once and not retried.
    const calls = stack.sims.simulators.myunisoft.requests;
    expect(calls.map((r) => [r.path, r.status])).toEqual([['/api/v1/key/info', 401]]);
  });
});

describe('Pleo authentication', () => {
  const ENTRIES = `query ($id: ID!) { company(id: $id) { entries(first: 2) { edges { node { id } } } } }`;

  it.each([
    ['basic (tenant demo)', 'demo', 'demo'],
    ['bearer (tenant demo-other)', 'demo-other', 'demo-other'],
  ] as const)('works with %s', async (_label, apiKey, owner) => {
    const { body } = await stack.gql<{ company: { entries: { edges: unknown[] } } }>(
      ENTRIES,
      { id: companyOf('pleo', owner) },
      apiKey,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.company.entries.edges.length).toBe(2);
  });

  it.each([
    ['basic', 'wrong-pleo-basic', 'demo'],
    ['bearer', 'wrong-pleo-bearer', 'demo-other'],
  ] as const)('reports a wrong %s credential as UPSTREAM_ERROR 401', async (_label, apiKey, owner) => {
    const { body } = await stack.gql(ENTRIES, { id: companyOf('pleo', owner) }, apiKey);
    expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.upstreamStatus])).toEqual([
      ['UPSTREAM_ERROR', 401],
    ]);
  });
});

describe('Jepilote login', () => {
  const COMPANIES = `{ companies(provider: JEPILOTE) { totalCount } }`;
  const logins = () => requestsTo('jepilote', 'POST', /^\/login_check$/);

  it('logs in once per account for many queries of its tenant', async () => {
    for (let i = 0; i < 3; i++) {
      await Promise.all([stack.gql(COMPANIES, {}, 'demo'), stack.gql(COMPANIES, {}, 'demo-other')]);
    }
    expect(logins()).toBeLessThanOrEqual(2); // 0 or 1 per tenant, whatever earlier tests did
    stack.sims.resetRequests();
    await Promise.all(Array.from({ length: 5 }, () => stack.gql(COMPANIES, {}, 'demo')));
    expect(logins()).toBe(0);
    expect(requestsTo('jepilote', 'GET', /^\/companies$/)).toBe(5);
  });

  it('reports a refused password as a deferred UPSTREAM_ERROR, other providers unaffected', async () => {
    const { body } = await stack.gql<{ companies: { totalCount: number } }>(
      `{ companies { totalCount } }`,
      {},
      'wrong-jepilote',
    );
    expect(body.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.provider])).toEqual([
      [['companies'], 'UPSTREAM_ERROR', 'JEPILOTE'],
    ]);
    expect(body.data?.companies.totalCount).toBeGreaterThan(0);
    expect(requestsTo('jepilote', 'GET', /^\/companies$/)).toBe(0);
  });
});

describe('CSRF prevention (docs/security.md, CSRF)', () => {
  it('refuses a keyless multipart or GET request (all a cross-origin page can send) with 401, sending nothing upstream', async () => {
    stack.sims.resetRequests();
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: '{ companies { totalCount } }' }));
    form.append('map', '{}');
    const multipart = await fetch(stack.graphqlUrl, { method: 'POST', body: form });
    await multipart.text();
    const get = await request(
      `${stack.graphqlUrl}?query=${encodeURIComponent('{ companies { totalCount } }')}`,
    );
    await get.body.text();
    expect([multipart.status, get.statusCode]).toEqual([401, 401]);
    expect(stack.sims.totalRequests()).toBe(0);
  });

  it('accepts a valid key’s GET without a preflight header: Authorization already forces a preflight', async () => {
    const get = await request(
      `${stack.graphqlUrl}?query=${encodeURIComponent('{ companies { totalCount } }')}`,
      {
        headers: { authorization: 'Bearer demo' },
      },
    );
    expect(get.statusCode).toBe(200);
    expect(
      ((await get.body.json()) as { data: { companies: { totalCount: number } } }).data.companies.totalCount,
    ).toBeGreaterThan(0);
  });
});
