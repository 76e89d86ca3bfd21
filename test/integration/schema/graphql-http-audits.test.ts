/**
 * graphql-http's own conformance audits of the GraphQL-over-HTTP spec, run against the real gateway
 * (simulators behind it): every MUST and every SHOULD passes. Each request carries the demo key, as
 * every caller's must; the audits' GET requests thus also prove a GET with `Authorization` is not
 * refused as CSRF (the header forces a preflight).
 */
import { serverAudits } from 'graphql-http';
import { startStack, type Stack } from '../../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    configure: (config) => ({ ...config, logLevel: 'silent', cache: { ...config.cache, listTtlMs: 0 } }),
  });
});
afterAll(() => stack.close());

const withKey: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('authorization', 'Bearer demo');
  return fetch(input, { ...init, headers });
};

const audits = serverAudits({ url: () => stack.graphqlUrl, fetchFn: withKey });

it('runs the MUST and SHOULD audits', () => {
  expect(audits.filter((a) => /^(MUST|SHOULD)\b/.test(a.name)).length).toBeGreaterThan(20);
});

describe.each(
  audits.filter((a) => /^(MUST|SHOULD)\b/.test(a.name)).map((a) => [`${a.id} ${a.name}`, a] as const),
)('%s', (_name, audit) => {
  it('passes', async () => {
    const result = await audit.fn();
    expect({ status: result.status, reason: 'reason' in result ? result.reason : undefined }).toEqual({
      status: 'ok',
      reason: undefined,
    });
  });
});
