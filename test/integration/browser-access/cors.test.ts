/**
 * CORS over real HTTP, demo config (tenant `demo` allows http://127.0.0.1:5173 and
 * http://localhost:5173, `demo-other` allows none): preflights are answered 204 with the methods and
 * headers for a listed origin and with no Access-Control-* header at all for any other; the actual
 * request is refused (403) when the caller's own tenant does not list its origin.
 */
import { request } from 'undici';
import { startStack, type Stack } from '../../support/stack';

const ALLOWED = 'http://127.0.0.1:5173';
const QUERY = JSON.stringify({ query: '{ companies(first: 1) { totalCount } }' });

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ configure: (c) => ({ ...c, logLevel: 'silent' }) });
});
afterAll(() => stack.close());

interface Answer {
  data?: { companies: { totalCount: number } };
  errors: { extensions: { code: string } }[];
}

const corsHeaders = (headers: Record<string, unknown>) =>
  Object.keys(headers).filter((name) => name.startsWith('access-control-'));

async function preflight(path: string, origin: string) {
  const response = await request(`${stack.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });
  await response.body.dump();
  return response;
}

async function post(origin: string | undefined, key: string) {
  const response = await request(stack.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${key}`,
      ...(origin ? { origin } : {}),
    },
    body: QUERY,
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: (await response.body.json()) as Answer,
  };
}

describe('preflight', () => {
  it.each(['/graphql', '/exports/x', '/documents/x', '/bulk-exports/x'])(
    'is answered 204 with the allowed method and headers for a listed origin (%s)',
    async (path) => {
      const response = await preflight(path, ALLOWED);
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(String(response.headers['access-control-allow-methods'])).toContain('POST');
      expect(String(response.headers['access-control-allow-headers'])).toContain('authorization');
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
      expect(String(response.headers.vary)).toContain('Origin');
    },
  );

  it.each(['http://127.0.0.1:5174', 'https://127.0.0.1:5173', 'http://evil.example', 'null'])(
    'carries no Access-Control-* header for an origin no tenant lists (%s)',
    async (origin) => {
      const response = await preflight('/graphql', origin);
      expect(response.statusCode).not.toBe(204);
      expect(corsHeaders(response.headers)).toEqual([]);
    },
  );
});

describe('actual requests', () => {
  it("answer a listed origin's page with its CORS headers", async () => {
    const answer = await post(ALLOWED, 'demo');
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(String(answer.headers['access-control-expose-headers'])).toContain('x-request-id');
    expect(answer.body.data?.companies.totalCount).toBeGreaterThan(0);
  });

  it('are refused (403) when the caller’s tenant does not list the origin, before anything runs', async () => {
    stack.sims.resetRequests();
    const answer = await post(ALLOWED, 'demo-other');
    expect(answer.status).toBe(403);
    expect(answer.body.errors[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(stack.sims.totalRequests()).toBe(0);
  });

  it('carry no CORS header for an unlisted origin, and are refused', async () => {
    const answer = await post('http://evil.example', 'demo');
    expect(answer.status).toBe(403);
    expect(corsHeaders(answer.headers)).toEqual([]);
  });

  it('pass without Origin (servers, curl) and from the gateway’s own origin (GraphiQL)', async () => {
    expect((await post(undefined, 'demo-other')).status).toBe(200);
    expect((await post(stack.url, 'demo')).status).toBe(200);
  });

  it('let a listed page read a 401, so it knows to fetch a new token', async () => {
    const answer = await post(ALLOWED, 'expired-or-unknown');
    expect(answer.status).toBe(401);
    expect(answer.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(answer.body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});
