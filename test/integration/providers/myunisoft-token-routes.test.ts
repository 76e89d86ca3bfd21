/**
 * A MyUnisoft token limited to some routes, through the gateway: the connector learns the token's
 * routes from the activation call it makes anyway (`key/info?mode=extended`, once), and a field
 * needing another route is UNSUPPORTED_BY_PROVIDER naming the field and the route, before any call
 * to that route, while the other fields of the query keep their data.
 */
import { MYUNISOFT_ROUTES } from '../../../src/simulators/myunisoft/server';
import { demoCredentials } from '../../../src/simulators/credentials';
import { startStack, type Stack } from '../../support/stack';
import { demoCompany } from '../operations/fixtures';

const LIMITED_TOKEN = 'mu-demo-firm-token-without-movements';

const QUERY = /* GraphQL */ `
  query ($id: ID!) {
    companies(provider: MYUNISOFT) {
      edges {
        node {
          name
        }
      }
    }
    refused: company(id: $id) {
      name
      movements(filter: { from: "2025-01-01", to: "2025-01-31" }, first: 5) {
        edges {
          node {
            id
          }
        }
      }
    }
    served: company(id: $id) {
      name
      exercises {
        startDate
      }
    }
  }
`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    myunisoftTokens: [
      {
        token: LIMITED_TOKEN,
        kind: 'firm',
        owner: 'demo',
        routes: MYUNISOFT_ROUTES.filter((r) => r.path !== '/api/v1/mad/movements'),
      },
    ],
    configure: (config) => ({
      ...config,
      logLevel: 'silent',
      tenants: config.tenants.map((tenant) =>
        tenant.providers.myunisoft?.apiToken === demoCredentials.myunisoft.demo.apiToken
          ? {
              ...tenant,
              providers: {
                ...tenant.providers,
                myunisoft: { ...tenant.providers.myunisoft, apiToken: LIMITED_TOKEN },
              },
            }
          : tenant,
      ),
    }),
  });
});
afterAll(() => stack.close());

const myunisoftCalls = (path: string) =>
  stack.sims.simulators.myunisoft.requests.filter((r) => r.path === path).length;

it('refuses a field whose route the token may not call before calling it, and keeps the rest', async () => {
  const company = demoCompany(stack.sims, 'myunisoft');
  stack.sims.resetRequests();
  for (let round = 0; round < 2; round++) {
    const answer = await stack.gql<{
      companies: { edges: { node: { name: string } }[] };
      refused: unknown;
      served: { name: string; exercises: { startDate: string }[] } | null;
    }>(QUERY, { id: company.id });
    expect(answer.body.errors).toEqual([
      {
        message: expect.stringMatching(/may not call GET \/api\/v1\/mad\/movements/),
        locations: expect.any(Array),
        path: ['refused', 'movements'],
        extensions: {
          code: 'UNSUPPORTED_BY_PROVIDER',
          provider: 'MYUNISOFT',
          route: 'GET /api/v1/mad/movements',
          field: 'movements',
        },
      },
    ]);
    expect(answer.body.data?.refused).toBeNull();
    expect(answer.body.data?.served?.name).toBe(company.gen.name);
    expect(answer.body.data?.served?.exercises).toHaveLength(company.gen.exercises.length);
    expect(answer.body.data?.companies.edges.map((e) => e.node.name)).toContain(company.gen.name);
  }
  expect(myunisoftCalls('/api/v1/mad/movements')).toBe(0);
  // The route list came from the one activation call, shared by both requests.
  expect(myunisoftCalls('/api/v1/key/info')).toBe(1);
});
