/**
 * Declaring a list field once is enough: a Company field added in one fixture file
 * (test/fixtures/schema/recent-entries.field.ts) gets the pre-execution argument check, the
 * resolver's capability-then-validation order and the read-ahead beside `company(id)`; a list field
 * without a spec stops the schema build.
 */
import { companyGlobalId } from '../../../src/domain/ids';
import type { ProviderName } from '../../../src/domain/model';
import type { ProviderConnector, ProviderSession } from '../../../src/providers/types';
import { buildGrandLivreSchema } from '../../../src/schema/build-schema';
import { CompanyRecentEntriesResolver } from '../../fixtures/schema/recent-entries.field';
import { CompanyUnspecifiedResolver } from '../../fixtures/schema/unspecified.field';
import {
  company,
  entry,
  startFakeConnectorGateway,
  type FakeConnectorGateway,
} from '../../support/fake-connector-gateway';

/** Calls in order; `getCompany` waits (bounded) for `listEntries`, so a read-ahead shows in the order. */
const events: string[] = [];
function connector(provider: ProviderName, capabilities: ProviderSession['capabilities']): ProviderConnector {
  let entriesAsked: () => void = () => undefined;
  return {
    provider,
    openSession: () => {
      const asked = new Promise<void>((resolve) => (entriesAsked = resolve));
      return {
        provider,
        capabilities,
        listCompanies: async () => [company(provider, '1')],
        getCompany: async (id: string) => {
          events.push(`${provider} getCompany`);
          await Promise.race([asked, new Promise((resolve) => setTimeout(resolve, 1_000))]);
          events.push(`${provider} getCompany answered`);
          return company(provider, id);
        },
        ...(capabilities.includes('ENTRIES') && {
          listEntries: async (_companyId: string, _filter: unknown, page: { first: number }) => {
            events.push(`${provider} listEntries ${page.first}`);
            entriesAsked();
            return {
              items: ['e1', 'e2'].slice(0, page.first).map((id) => ({ node: entry(id), resumeToken: id })),
              hasNextPage: false,
            };
          },
        }),
      } as ProviderSession;
    },
    close: async () => undefined,
  } as unknown as ProviderConnector;
}

let gateway: FakeConnectorGateway;
beforeAll(async () => {
  gateway = await startFakeConnectorGateway({
    tenants: [
      {
        id: 'acme',
        apiKey: 'acme-key',
        companies: { MYUNISOFT: '*', PLEO: '*' },
        connectors: {
          MYUNISOFT: connector('MYUNISOFT', ['ENTRIES']),
          PLEO: connector('PLEO', ['EXPORT_JOBS']),
        },
      },
    ],
    schema: await buildGrandLivreSchema([CompanyRecentEntriesResolver]),
  });
});
afterAll(() => gateway.close());
beforeEach(() => events.splice(0));

type Body = { data?: any; errors?: { path?: unknown[]; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- checked field by field
const gql = (query: string, variables: Record<string, unknown>) => gateway.gql<Body>(query, variables);

const RECENT =
  'query ($id: ID!, $limit: Int!) { company(id: $id) { name recentEntries(limit: $limit) { id } } }';

it('checks the arguments before execution, with the field named, and calls nothing', async () => {
  const { status, body } = await gql(RECENT, { id: companyGlobalId('MYUNISOFT', '1'), limit: 50 });
  expect(status).toBe(400);
  expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  expect(body.errors?.[0]?.path).toEqual(['company', 'recentEntries']);
  expect(events).toEqual([]);
});

it('reads the field ahead, beside the company lookup, and calls the provider once for both', async () => {
  const { body } = await gql(RECENT, { id: companyGlobalId('MYUNISOFT', '1'), limit: 1 });
  expect(body.errors).toBeUndefined();
  expect(body.data.company.recentEntries).toHaveLength(1);
  // Started before the company's own lookup answers (even before its batch is sent), and only once.
  expect(events).toEqual([
    'MYUNISOFT listEntries 1',
    'MYUNISOFT getCompany',
    'MYUNISOFT getCompany answered',
  ]);
});

it('answers UNSUPPORTED_BY_PROVIDER before judging the arguments', async () => {
  const { body } = await gql(RECENT, { id: companyGlobalId('PLEO', '1'), limit: 50 });
  expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
    [['company', 'recentEntries'], 'UNSUPPORTED_BY_PROVIDER'],
  ]);
});

it('refuses to build a schema with a list field that has no spec', async () => {
  await expect(buildGrandLivreSchema([CompanyUnspecifiedResolver])).rejects.toThrow(
    /Company\.unspecified is a list field without a spec/,
  );
});
