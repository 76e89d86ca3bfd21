/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
/**
 * Mutations over HTTP with fake connectors: idempotent export jobs, the gateway download link,
 * multipart uploads streamed to the provider, GET refusing mutations, masking of unexpected errors.
 */
import { createHash } from 'node:crypto';
import { request } from 'undici';
import { parseConfig } from '../../src/config';
import { companyGlobalId } from '../../src/domain/ids';
import type { DocumentRecord, ProviderName } from '../../src/domain/model';
import type { ProviderConnector } from '../../src/providers/types';
import { createGateway, type Gateway } from '../../src/gateway';
import { createLogger } from '../../src/logger';
import { fakeConnector } from '../unit/server/fake-connector';

const sha = (key: string) => createHash('sha256').update(key).digest('hex');
const doc: DocumentRecord = {
  provider: 'INQOM',
  companyId: 'i1',
  providerId: 'd1',
  name: 'x.pdf',
  type: 'PURCHASE_INVOICE',
  status: 'RECEIVED',
  sizeKb: 1,
  createdAt: '2024-01-01T00:00:00.000Z',
  checksum: null,
  amount: null,
  counterParty: null,
  effectiveDate: null,
  thumbnail: null,
  duplicateOfId: null,
  reference: null,
  sourceId: null,
  originalName: null,
  statusReason: null,
};
const config = parseConfig({
  signingSecret: 'a-test-signing-secret-of-at-least-32-chars',
  logLevel: 'silent',
  port: 0,
  tenants: [
    {
      id: 'acme',
      name: 'Acme',
      apiKeySha256: [sha('acme-key')],
      providers: {},
      companies: { PLEO: '*', INQOM: '*', JEPILOTE: '*' },
    },
    { id: 'other', name: 'Other', apiKeySha256: [sha('other-key')], providers: {}, companies: { PLEO: '*' } },
  ],
});
const jepilote = fakeConnector('JEPILOTE', {
  companies: [{ provider: 'JEPILOTE', providerId: 'j1', name: 'J', siren: null }],
  capabilities: ['EXPORT_JOBS', 'EXPORT_FEC'],
});
const inqom = fakeConnector('INQOM', {
  companies: [],
  documents: [doc],
  capabilities: ['DOCUMENTS', 'UPLOAD_DOCUMENT'],
});
const broken = fakeConnector('PLEO', {
  companies: [],
  listCompaniesError: new Error('secret internal detail'),
});

let gateway: Gateway;
let baseUrl: string;
beforeAll(async () => {
  gateway = await createGateway({
    config,
    logger: createLogger('silent'),
    connectors: (tenantId, provider) => {
      const fakes: Partial<Record<ProviderName, { connector: ProviderConnector }>> = {
        JEPILOTE: jepilote,
        INQOM: inqom,
        PLEO: broken,
      };
      return tenantId === 'acme' ? fakes[provider]?.connector : undefined;
    },
  });
  baseUrl = await gateway.listen();
});
afterAll(() => gateway.close());

async function gql(query: string, variables: Record<string, unknown> = {}, key = 'acme-key') {
  const response = await request(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.statusCode, body: (await response.body.json()) as any };
}

const CREATE =
  'mutation($input: CreateExportJobInput!) { createExportJob(input: $input) { id status format file { name downloadUrl } } }';
const j1 = companyGlobalId('JEPILOTE', 'j1');

describe('createExportJob', () => {
  it('needs a format for Jepilote and a valid e-mail', async () => {
    expect((await gql(CREATE, { input: { companyId: j1 } })).body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.format',
    });
    const email = await gql(CREATE, { input: { companyId: j1, format: 'FEC', notifyEmail: 'nope' } });
    expect(email.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.notifyEmail',
    });
    const acd = await gql(CREATE, { input: { companyId: j1, format: 'ACD' } });
    expect(acd.body.errors[0].extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER' });
  });

  it('replays the recorded outcome for the same key and input, refuses another input', async () => {
    const calls = jepilote.calls.createExportJob ?? 0;
    const input = { companyId: j1, format: 'FEC', idempotencyKey: 'k-1' };
    const first = await gql(CREATE, { input });
    const again = await gql(CREATE, { input });
    expect(again.body.data).toEqual(first.body.data);
    expect(jepilote.calls.createExportJob).toBe(calls + 1);
    const changed = await gql(CREATE, { input: { ...input, from: '2024-01-01' } });
    expect(changed.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.idempotencyKey',
    });
  });

  it('streams the export file with a plain GET, never to another tenant’s key', async () => {
    const { body } = await gql(CREATE, { input: { companyId: j1, format: 'FEC' } });
    const url: string = body.data.createExportJob.file.downloadUrl;
    expect(url.startsWith(`${baseUrl}/exports/`)).toBe(true);
    const ok = await request(url, { headers: { authorization: 'Bearer acme-key' } });
    expect(ok.statusCode).toBe(200);
    expect(await ok.body.text()).toMatch(/^bytes of ref-/);
    const foreign = await request(url, { headers: { authorization: 'Bearer other-key' } });
    await foreign.body.dump();
    expect(foreign.statusCode).toBe(404);
    const anonymous = await request(url);
    expect(anonymous.statusCode).toBe(200);
    expect(await anonymous.body.text()).toMatch(/^bytes of ref-/);
    const tampered = await request(
      url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      { headers: { authorization: 'Bearer acme-key' } },
    );
    await tampered.body.dump();
    expect(tampered.statusCode).toBe(404);
  });
});

describe('uploadDocument (GraphQL multipart request)', () => {
  const operations = JSON.stringify({
    query: 'mutation($input: UploadDocumentInput!) { uploadDocument(input: $input) { name type status } }',
    variables: { input: { companyId: companyGlobalId('INQOM', 'i1'), type: 'PURCHASE_INVOICE', file: null } },
  });

  function multipart(headers: Record<string, string>) {
    const form = new FormData();
    form.append('operations', operations);
    form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
    form.append('0', new Blob(['%PDF-1.4 hello'], { type: 'application/pdf' }), 'invoice.pdf');
    return fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { authorization: 'Bearer acme-key', ...headers },
      body: form,
    });
  }

  it('streams the file to the provider', async () => {
    const response = await multipart({ 'apollo-require-preflight': 'true' });
    const body = (await response.json()) as any;
    expect(body).toEqual({
      data: { uploadDocument: { name: 'invoice.pdf', type: 'PURCHASE_INVOICE', status: 'RECEIVED' } },
    });
    expect(inqom.uploads.at(-1)).toBe('%PDF-1.4 hello');
  });

  it('needs no preflight header beside the key: Authorization already forces a preflight', async () => {
    const response = await multipart({});
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.uploadDocument.name).toBe('invoice.pdf');
  });
});

describe('HTTP semantics and masking', () => {
  it('refuses mutations over GET', async () => {
    const query = encodeURIComponent('mutation { createExportJob(input: { companyId: "x" }) { id } }');
    const response = await request(`${baseUrl}/graphql?query=${query}`, {
      headers: { authorization: 'Bearer acme-key', 'apollo-require-preflight': 'true' },
    });
    await response.body.dump();
    expect(response.statusCode).toBe(405);
  });

  it('masks unexpected errors', async () => {
    const { body } = await gql('{ companies(provider: PLEO) { totalCount } }');
    expect(body.data.companies.totalCount).toBe(0);
    expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(body)).not.toContain('secret internal detail');
  });
});
