/**
 * Declaring a list field once is enough: a Company field added in one fixture file
 * (test/fixtures/schema/recent-entries.field.ts) gets the pre-execution argument check, the
 * resolver's capability-then-validation order and the read-ahead beside `company(id)`; a list field
 * without a spec stops the schema build.
 */
import { createHash } from 'node:crypto';
import { request } from 'undici';
import { parseConfig } from '../../../src/config';
import { companyGlobalId } from '../../../src/domain/ids';
import type { CompanyRecord, EntryRecord, ProviderName } from '../../../src/domain/model';
import { createGateway, type Gateway } from '../../../src/gateway';
import { createLogger } from '../../../src/logger';
import type { ProviderConnector, ProviderSession } from '../../../src/providers/types';
import { buildGrandLivreSchema } from '../../../src/schema/build-schema';
import { CompanyRecentEntriesResolver } from '../../fixtures/schema/recent-entries.field';
import { CompanyUnspecifiedResolver } from '../../fixtures/schema/unspecified.field';

const sha = (key: string) => createHash('sha256').update(key).digest('hex');
const company = (provider: ProviderName, id: string): CompanyRecord => ({
  provider,
  providerId: id,
  name: `${provider} ${id}`,
  siren: null,
});
const entry = (id: string): EntryRecord => ({
  provider: 'MYUNISOFT',
  companyId: '1',
  providerId: id,
  type: 'ENTRY',
  journal: { code: 'VT', label: 'Ventes', type: null },
  date: '2024-01-31',
  lines: [],
  documentIds: [],
});

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

const connectors: Partial<Record<ProviderName, ProviderConnector>> = {
  MYUNISOFT: connector('MYUNISOFT', ['ENTRIES']),
  PLEO: connector('PLEO', ['EXPORT_JOBS']),
};

let gateway: Gateway;
let url: string;
beforeAll(async () => {
  const config = parseConfig({
    signingSecret: 'a-test-signing-secret-of-at-least-32-chars',
    logLevel: 'silent',
    port: 0,
    cache: { listTtlMs: 0 },
    tenants: [
      {
        id: 'acme',
        name: 'Acme',
        apiKeySha256: [sha('acme-key')],
        providers: {},
        companies: { MYUNISOFT: '*', PLEO: '*' },
      },
    ],
  });
  gateway = await createGateway({
    config,
    logger: createLogger('silent'),
    schema: await buildGrandLivreSchema([CompanyRecentEntriesResolver]),
    connectors: (_tenant, provider) => connectors[provider],
  });
  url = `${await gateway.listen()}/graphql`;
});
afterAll(() => gateway.close());
beforeEach(() => events.splice(0));

async function gql(query: string, variables: Record<string, unknown>) {
  const response = await request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      authorization: 'Bearer acme-key',
    },
    body: JSON.stringify({ query, variables }),
  });
  type Body = { data?: any; errors?: { path?: unknown[]; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- checked field by field
  return { status: response.statusCode, body: (await response.body.json()) as Body };
}

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
