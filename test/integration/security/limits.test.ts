/**
 * Query limits over HTTP, on a gateway configured with small limits so that each one is seen to come
 * from the config: every refusal is BAD_USER_INPUT naming `limit` and `max` and calls no provider;
 * a request just within the limit runs. Also: the body size (413), CSRF prevention, and schema
 * exposure (introspection, field suggestions) in production.
 */
import type { ConfigInput } from '../../../src/config';
import { startStack, type Stack } from '../../support/stack';
import { json, multipartBody, sendRaw, type RawRequest } from './hostile-request';

const LIMITS = {
  maxDepth: 4,
  maxAliases: 3,
  maxDirectives: 3,
  maxCost: 60,
  maxTokens: 60,
  maxBatchOperations: 2,
  maxBodyBytes: 8_192,
};

const quiet = (config: ConfigInput): ConfigInput => ({
  ...config,
  logLevel: 'silent',
  cache: { ...config.cache, listTtlMs: 0 },
});

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ configure: (config) => ({ ...quiet(config), limits: LIMITS }) });
});
afterAll(() => stack.close());

async function send(raw: RawRequest) {
  stack.sims.resetRequests();
  const response = await sendRaw(stack.url, raw);
  return { ...response, upstream: stack.sims.totalRequests() };
}

const batch = (n: number): RawRequest => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(
    Array.from({ length: n }, () => ({ query: '{ companies(first: 1) { totalCount } }' })),
  ),
});

describe.each([
  // [limit, max, within the limit, over it]
  [
    'maxDepth',
    4,
    json('{ companies(first: 5) { edges { node { id } } } }'),
    json('{ companies(first: 5) { edges { node { exercises { id } } } } }'),
  ],
  [
    'maxAliases',
    3,
    json(
      '{ a: companies(first: 1) { totalCount } b: companies(first: 1) { totalCount } c: companies(first: 1) { totalCount } }',
    ),
    json(
      '{ a: companies(first: 1) { totalCount } b: companies(first: 1) { totalCount } c: companies(first: 1) { totalCount } d: companies(first: 1) { totalCount } }',
    ),
  ],
  [
    'maxDirectives',
    3,
    json(
      '{ companies(first: 1) @include(if: true) { totalCount @include(if: true) edges { cursor @include(if: true) } } }',
    ),
    json(
      '{ companies(first: 1) @include(if: true) { totalCount @include(if: true) edges { cursor @include(if: true) } __typename @include(if: true) } }',
    ),
  ],
  [
    'maxCost',
    60,
    json('{ companies(first: 19) { edges { node { id } } } }'),
    json('{ companies(first: 20) { edges { node { id } } } }'),
  ],
  [
    'maxCost',
    60,
    json('query($n: Int) { companies(first: $n) { edges { node { id } } } }', { n: 19 }),
    json('query($n: Int) { companies(first: $n) { edges { node { id } } } }', { n: 20 }),
  ],
  [
    'maxTokens',
    60,
    json(`{ companies(first: 1) { totalCount } ${'__typename '.repeat(49)}}`),
    json(`{ companies(first: 1) { totalCount } ${'__typename '.repeat(50)}}`),
  ],
  ['maxBatchOperations', 2, batch(2), batch(3)],
] as const)('%s (max %d)', (limit, max, within, over) => {
  it('refuses the request over the limit with its name and value, calling nothing', async () => {
    const refused = await send(over);
    expect(refused.status).toBe(400);
    expect(refused.body?.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', limit, max } }),
    ]);
    expect(refused.body?.errors?.[0]?.message).toContain(`limits.${limit}`);
    expect(refused.upstream).toBe(0);
  });

  it('runs the request within the limit', async () => {
    const accepted = await send(within);
    expect(accepted.status).toBe(200);
    const answers = Array.isArray(accepted.body) ? accepted.body : [accepted.body];
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(accepted.upstream).toBeGreaterThan(0);
  });
});

describe('limits through fragments', () => {
  it('counts a fragment’s depth where it is spread', async () => {
    const refused = await send(
      json(
        '{ companies { ...Deep } } fragment Deep on CompanyConnection { edges { node { exercises { id } } } }',
      ),
    );
    expect(refused.body?.errors?.[0]?.extensions).toMatchObject({ limit: 'maxDepth', max: 4 });
    expect(refused.upstream).toBe(0);
  });

  it('counts a fragment’s aliases once per place it is spread', async () => {
    const fragment = 'fragment T on CompanyConnection { n: totalCount m: totalCount }';
    const once = await send(json(`{ companies(first: 1) { ...T } } ${fragment}`));
    expect(once.status).toBe(200);
    expect(once.body?.errors).toBeUndefined();
    const twice = await send(
      json(`{ companies(first: 1) { ...T } x: companies(first: 1) { ...T } } ${fragment}`),
    );
    expect(twice.status).toBe(400);
    expect(twice.body?.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', limit: 'maxAliases', max: 3 } }),
    ]);
    expect(twice.body?.errors?.[0]?.message).toContain('found 5');
    expect(twice.upstream).toBe(0);
  });
});

describe('request body size (limits.maxBodyBytes)', () => {
  it('answers 413 in the GraphQL error shape, calling nothing', async () => {
    const refused = await send(
      json('{ companies { totalCount } }', { pad: 'x'.repeat(LIMITS.maxBodyBytes) }),
    );
    expect(refused.status).toBe(413);
    expect(refused.body).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(refused.upstream).toBe(0);
  });
});

describe('CSRF prevention', () => {
  // Threat: a page on another origin making a browser send a "simple" request (no preflight). Such a
  // request cannot carry Authorization, which every call needs: it is refused before anything runs.
  const query = JSON.stringify({ query: '{ companies { totalCount } }' });
  const { headers: multipartHeaders, body: multipart } = multipartBody([
    ['operations', query],
    ['map', '{}'],
  ]);

  it.each<[string, RawRequest]>([
    ['a text/plain POST', { headers: { 'content-type': 'text/plain' }, body: query }],
    [
      'a text/plain with a charset POST',
      { headers: { 'content-type': 'text/plain; charset=utf-8' }, body: query },
    ],
    [
      'a multipart POST',
      { headers: { 'content-type': multipartHeaders['content-type'] ?? '' }, body: multipart },
    ],
    [
      'a GET',
      { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ companies { totalCount } }')}` },
    ],
  ])('refuses %s without Authorization (all a cross-origin page can send) with 401', async (_name, raw) => {
    const refused = await send({ ...raw, apiKey: null });
    expect(refused.status).toBe(401);
    expect(refused.upstream).toBe(0);
  });

  it('accepts a GET carrying Authorization without apollo-require-preflight: the header forces a preflight', async () => {
    const accepted = await send({
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('{ companies(first: 1) { totalCount } }')}`,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body?.errors).toBeUndefined();
    expect(accepted.body?.data).toEqual({ companies: { totalCount: expect.any(Number) } });
  });

  it('still refuses a text/plain body with a key: it is not a GraphQL request', async () => {
    const refused = await send({ headers: { 'content-type': 'text/plain' }, body: query });
    expect(refused.status).toBe(400);
    expect(refused.upstream).toBe(0);
  });
});

describe('schema exposure with NODE_ENV=production', () => {
  const INTROSPECTION = '{ __schema { queryType { name } } }';
  const TYPO = '{ companie { totalCount } }';
  const saved = process.env.NODE_ENV;
  async function productionStack(exposure: Partial<ConfigInput>) {
    process.env.NODE_ENV = 'production';
    try {
      return await startStack({
        sims: stack.sims,
        configure: (config) => ({ ...quiet(config), ...exposure }),
      });
    } finally {
      process.env.NODE_ENV = saved;
    }
  }

  it('turns introspection and field suggestions off by default', async () => {
    const production = await productionStack({});
    try {
      const introspection = await sendRaw(production.url, json(INTROSPECTION));
      expect(introspection.status).toBe(400);
      expect(introspection.body?.errors?.[0]?.message).toMatch(/introspection/i);
      const typo = await sendRaw(production.url, json(TYPO));
      expect(typo.body?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(typo.body?.errors?.[0]?.message).not.toMatch(/Did you mean/);
    } finally {
      await production.close();
    }
  });

  it('keeps them on when the config says so', async () => {
    const production = await productionStack({ introspection: true, fieldSuggestions: true });
    try {
      const introspection = await sendRaw(production.url, json(INTROSPECTION));
      expect(introspection.body?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const typo = await sendRaw(production.url, json(TYPO));
      expect(typo.body?.errors?.[0]?.message).toMatch(/Did you mean "companies"/);
    } finally {
      await production.close();
    }
  });

  it('keeps them on outside production', async () => {
    const introspection = await sendRaw(stack.url, json(INTROSPECTION));
    expect(introspection.body?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typo = await sendRaw(stack.url, json(TYPO));
    expect(typo.body?.errors?.[0]?.message).toMatch(/Did you mean "companies"/);
  });
});
