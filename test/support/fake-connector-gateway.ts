/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
/**
 * A gateway in this process over in-memory connectors (no simulators), on an ephemeral port, for
 * HTTP-level tests of the schema and the server: tenants named with their API keys and connectors,
 * and the record factories those tests build their fake data from.
 */
import { createHash } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { request } from 'undici';
import { parseConfig } from '../../src/config';
import type { CompanyRecord, EntryRecord, ProviderName } from '../../src/domain/model';
import { createGateway } from '../../src/gateway';
import { createLogger } from '../../src/logger';
import type { ProviderConnector } from '../../src/providers/types';

export interface FakeTenant {
  id: string;
  /** The API key its requests carry (`Bearer <apiKey>`). */
  apiKey: string;
  /** Company allowlist per provider (`'*'` for all). */
  companies: Partial<Record<ProviderName, string[] | '*'>>;
  connectors: Partial<Record<ProviderName, ProviderConnector>>;
}

export interface FakeConnectorGateway {
  baseUrl: string;
  /** Posts a GraphQL request with `key` (default: the first tenant's); null sends no key. */
  gql<Body = any>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string | null,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Body }>;
  close(): Promise<void>;
}

export const company = (provider: ProviderName, id: string): CompanyRecord => ({
  provider,
  providerId: id,
  name: `${provider} ${id}`,
  siren: null,
});

export const entry = (id: string, lines: EntryRecord['lines'] = []): EntryRecord => ({
  provider: 'MYUNISOFT',
  companyId: '1',
  providerId: id,
  type: 'ENTRY',
  journal: { code: 'VT', label: 'Ventes', type: null },
  date: '2024-01-31',
  lines,
  documentIds: [],
});

const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');

export async function startFakeConnectorGateway(options: {
  tenants: FakeTenant[];
  /** A schema built with extra resolvers (default: the gateway's own). */
  schema?: GraphQLSchema;
}): Promise<FakeConnectorGateway> {
  const { tenants } = options;
  const config = parseConfig({
    signingSecret: 'a-test-signing-secret-of-at-least-32-chars',
    logLevel: 'silent',
    port: 0,
    // Calls are counted at the connectors: the list cache (tested on its own) would answer some of them.
    cache: { listTtlMs: 0 },
    tenants: tenants.map(({ id, apiKey, companies }) => ({
      id,
      name: id,
      apiKeySha256: [sha256(apiKey)],
      providers: {},
      companies,
    })),
  });
  const gateway = await createGateway({
    config,
    logger: createLogger('silent'),
    ...(options.schema ? { schema: options.schema } : {}),
    connectors: (tenantId, provider) =>
      tenants.find((tenant) => tenant.id === tenantId)?.connectors[provider],
  });
  const baseUrl = await gateway.listen();
  return {
    baseUrl,
    async gql(query, variables = {}, key = tenants[0]!.apiKey) {
      const response = await request(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.statusCode,
        headers: response.headers,
        body: (await response.body.json()) as any,
      };
    },
    close: () => gateway.close(),
  };
}
