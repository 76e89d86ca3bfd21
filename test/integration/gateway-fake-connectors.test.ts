/**
 * The gateway over HTTP with fake connectors: authentication, companies across providers with
 * partial failure, pagination with signed cursors, capabilities, node/nodes, batching, validation.
 */
import { companyGlobalId, encodeGlobalId } from '../../src/domain/ids';
import { UpstreamBadDataError, UpstreamError } from '../../src/errors';
import { request } from 'undici';
import { fakeConnector } from '../unit/server/fake-connector';
import {
  company,
  entry,
  startFakeConnectorGateway,
  type FakeConnectorGateway,
} from '../support/fake-connector-gateway';

const balancedLines = [
  {
    account: { number: '411000', name: null },
    label: null,
    debit: 26444,
    credit: 0,
    currency: 'EUR',
    piece: null,
    invoiceNumber: null,
    dueDate: null,
  },
  {
    account: { number: '706000', name: null },
    label: null,
    debit: 0,
    credit: 26444,
    currency: 'EUR',
    piece: null,
    invoiceNumber: null,
    dueDate: null,
  },
];

const myunisoft = fakeConnector('MYUNISOFT', {
  companies: ['1', '2', '3', '4'].map((id) => company('MYUNISOFT', id)), // 4 is outside acme's allowlist
  entries: [entry('e1', balancedLines), entry('e2', balancedLines)],
  capabilities: ['ENTRIES', 'MOVEMENTS'],
  entryRowErrors: {
    '3': [new UpstreamBadDataError('MYUNISOFT', 'entry 77', 'amount is not credit − debit')],
  },
});
const pleo = fakeConnector('PLEO', { companies: [company('PLEO', 'p1')], capabilities: ['EXPORT_JOBS'] });
const inqom = fakeConnector('INQOM', {
  companies: [],
  listCompaniesError: new UpstreamError('INQOM', 'UPSTREAM_ERROR', 'HTTP 503 on GET /companies', 503),
});
const other = fakeConnector('MYUNISOFT', { companies: [company('MYUNISOFT', '9')] });

let gateway: FakeConnectorGateway;
let baseUrl: string;
beforeAll(async () => {
  gateway = await startFakeConnectorGateway({
    tenants: [
      {
        id: 'acme',
        apiKey: 'acme-key',
        companies: { MYUNISOFT: ['1', '2', '3'], PLEO: '*', INQOM: '*' },
        connectors: { MYUNISOFT: myunisoft.connector, PLEO: pleo.connector, INQOM: inqom.connector },
      },
      {
        id: 'other',
        apiKey: 'other-key',
        companies: { MYUNISOFT: ['9'] },
        connectors: { MYUNISOFT: other.connector },
      },
    ],
  });
  baseUrl = gateway.baseUrl;
});
afterAll(() => gateway.close());

const gql = (query: string, variables: Record<string, unknown> = {}, key: string | null = 'acme-key') =>
  gateway.gql(query, variables, key);

const COMPANIES =
  'query($first: Int, $after: String, $provider: Provider) { companies(first: $first, after: $after, provider: $provider) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id provider providerId name capabilities } } } }';

describe('authentication', () => {
  it('answers 401 UNAUTHENTICATED without a key or with an unknown one', async () => {
    for (const key of [null, 'wrong-key']) {
      const { status, body } = await gql('{ companies { totalCount } }', {}, key);
      expect(status).toBe(401);
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('echoes the request id', async () => {
    const response = await request(`${baseUrl}/healthz`, { headers: { 'x-request-id': 'trace-123' } });
    await response.body.dump();
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-request-id']).toBe('trace-123');
  });
});

describe('companies', () => {
  it('lists allowed companies of every provider and reports the failing one without losing data', async () => {
    const { status, body } = await gql(COMPANIES);
    expect(status).toBe(200);
    const ids = body.data.companies.edges.map((e: { node: { providerId: string } }) => e.node.providerId);
    expect(ids).toEqual(['1', '2', '3', 'p1']);
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['companies'],
        extensions: expect.objectContaining({ code: 'UPSTREAM_ERROR', provider: 'INQOM' }),
      }),
    ]);
  });

  it('paginates with signed cursors bound to the tenant and connection', async () => {
    const first = await gql(COMPANIES, { first: 2, provider: 'MYUNISOFT' });
    expect(first.body.data.companies.pageInfo.hasNextPage).toBe(true);
    const after = first.body.data.companies.pageInfo.endCursor;
    const second = await gql(COMPANIES, { first: 2, after, provider: 'MYUNISOFT' });
    expect(
      second.body.data.companies.edges.map((e: { node: { providerId: string } }) => e.node.providerId),
    ).toEqual(['3']);
    expect(second.body.data.companies.pageInfo.hasNextPage).toBe(false);

    const replayed = await gql(COMPANIES, { first: 2, after, provider: 'MYUNISOFT' }, 'other-key');
    expect(replayed.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const otherConnection = await gql(COMPANIES, { first: 2, after, provider: 'PLEO' });
    expect(otherConnection.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('refuses first above 500 or negative', async () => {
    for (const first of [501, -1]) {
      const { body } = await gql(COMPANIES, { first });
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });
});

describe('companies, entries and capabilities', () => {
  const mu1 = companyGlobalId('MYUNISOFT', '1');

  it('batches the same company asked through three aliases into one provider call', async () => {
    myunisoft.calls.getCompany = 0;
    const { body } = await gql(
      'query($id: ID!) { a: company(id: $id) { name } b: company(id: $id) { name } c: company(id: $id) { providerId } }',
      { id: mu1 },
    );
    expect(body.data).toEqual({
      a: { name: 'MYUNISOFT 1' },
      b: { name: 'MYUNISOFT 1' },
      c: { providerId: '1' },
    });
    expect(myunisoft.calls.getCompany).toBe(1);
  });

  it('serves entries with exact totals computed from the lines', async () => {
    const { body } = await gql(
      'query($id: ID!) { company(id: $id) { entries(first: 1) { totalCount edges { node { id debitTotal creditTotal balanced } } } } }',
      { id: mu1 },
    );
    expect(body.data.company.entries.totalCount).toBe(2);
    expect(body.data.company.entries.edges[0].node).toMatchObject({
      debitTotal: '264.44',
      creditTotal: '264.44',
      balanced: true,
    });
  });

  it('keeps a page whose provider sent a malformed row and reports the row as UPSTREAM_BAD_DATA at its field', async () => {
    // Asked twice (aliases) the page is fetched once, and its bad row reported once, at the first field.
    const { body } = await gql(
      'query($id: ID!) { company(id: $id) { entries(first: 5) { totalCount } again: entries(first: 5) { totalCount } } }',
      { id: companyGlobalId('MYUNISOFT', '3') },
    );
    expect(body.data.company).toEqual({ entries: { totalCount: 0 }, again: { totalCount: 0 } });
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['company', 'entries'],
        message: 'MYUNISOFT: entry 77: amount is not credit − debit',
        extensions: {
          code: 'UPSTREAM_BAD_DATA',
          provider: 'MYUNISOFT',
          row: 'entry 77',
          reason: 'amount is not credit − debit',
        },
      }),
    ]);
  });

  it('answers UNSUPPORTED_BY_PROVIDER for what a provider cannot do', async () => {
    const { body } = await gql('query($id: ID!) { company(id: $id) { documents { totalCount } } }', {
      id: companyGlobalId('PLEO', 'p1'),
    });
    expect(body.data.company).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({
      code: 'UNSUPPORTED_BY_PROVIDER',
      provider: 'PLEO',
      capability: 'DOCUMENTS',
    });
  });

  it('rejects a broken movement filter before any upstream call', async () => {
    const { body } = await gql(
      'query($id: ID!) { company(id: $id) { movements(filter: { from: "2024-01-01", to: "2025-06-30" }) { totalCount } } }',
      { id: mu1 },
    );
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
  });

  it('treats a company outside the allowlist exactly like a missing one', async () => {
    const outside = await gql('query($id: ID!) { company(id: $id) { name } }', {
      id: companyGlobalId('MYUNISOFT', '4'),
    });
    const missing = await gql('query($id: ID!) { company(id: $id) { name } }', {
      id: companyGlobalId('MYUNISOFT', '404'),
    });
    expect(outside.body).toEqual(missing.body);
    expect(outside.body).toEqual({ data: { company: null } });
  });
});

describe('node and nodes', () => {
  it('fetches any type by global id; a malformed id refuses the whole operation (an argument error)', async () => {
    const entryId = encodeGlobalId({ type: 'Entry', provider: 'MYUNISOFT', companyId: '1', nativeId: 'e2' });
    const { body } = await gql('query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', {
      ids: [entryId, companyGlobalId('PLEO', 'p1'), companyGlobalId('MYUNISOFT', '9')],
    });
    expect(body.data.nodes).toEqual([
      { __typename: 'Entry', id: entryId },
      { __typename: 'Company', id: companyGlobalId('PLEO', 'p1') },
      null,
    ]);
    expect(body.errors).toBeUndefined();
    const malformed = await gql('query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', {
      ids: [entryId, 'not-an-id'],
    });
    expect(malformed.body.data).toBeUndefined();
    expect(malformed.body.errors).toEqual([
      expect.objectContaining({
        path: ['nodes'],
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'ids.1' }),
      }),
    ]);

    const single = await gql('query($id: ID!) { node(id: $id) { ... on Entry { balanced } } }', {
      id: entryId,
    });
    expect(single.body.data.node).toEqual({ balanced: true });
  });
});
