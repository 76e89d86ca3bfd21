/**
 * Download links by one rule, over real HTTP: an export file, a document and a bulk export each give
 * a gateway link with its expiry; a plain GET (no header) streams the bytes on any gateway instance
 * sharing the config until the injected clock reaches `downloadUrlExpiresAt`, and a 404 from then on,
 * with nothing asked upstream. A token's links never outlive the token; rotating the tenant's
 * `tokenSigningKey` kills them all.
 */
import { request } from 'undici';
import type { ConfigInput } from '../../../src/config';
import { recordGlobalId } from '../../../src/domain/ids';
import { MemoryStore } from '../../../src/store/memory-store';
import { startStack, type Stack } from '../../support/stack';
import { startAndFinish } from '../bulk/bulk-support';
import { demoCompany } from '../operations/fixtures';

interface Link {
  downloadUrl: string;
  downloadUrlExpiresAt: string;
}

const SIGNING_SECRET = 'download-links-test-signing-secret-0123456789';
const shared = (config: ConfigInput): ConfigInput => ({
  ...config,
  logLevel: 'silent',
  signingSecret: SIGNING_SECRET,
});
const DOCUMENT = `query ($id: ID!) { node(id: $id) { ... on Document { downloadUrl downloadUrlExpiresAt } } }`;
const EXPORT = `mutation ($input: CreateExportJobInput!) { createExportJob(input: $input) { file { downloadUrl downloadUrlExpiresAt } } }`;
const MINT = `mutation ($input: CreateAccessTokenInput!) { createAccessToken(input: $input) { token expiresAt } }`;

let clock = Date.parse('2026-12-01T10:02:00.000Z');
const now = () => clock;
const store = new MemoryStore();
let first: Stack;
let second: Stack;

beforeAll(async () => {
  first = await startStack({ now, store, configure: shared });
  second = await startStack({ now, store, sims: first.sims, configure: shared });
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, { headers });
  const bytes = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, headers: response.headers, bytes };
}
const on = (stack: Stack, url: string) => url.replace(/^http:\/\/[^/]+/, stack.url);

type TenantInput = ConfigInput['tenants'][number];
/** Another instance on the same store and simulators, whose config edits tenant `demo`. */
const withDemoTenant = (edit: (tenant: TenantInput) => TenantInput) =>
  startStack({
    now,
    store,
    sims: first.sims,
    configure: (config) => ({
      ...shared(config),
      tenants: config.tenants.map((t) => (t.id === 'demo' ? edit(t) : t)),
    }),
  });

function documentOf(stack: Stack) {
  const { gen } = demoCompany(stack.sims, 'inqom');
  const doc = gen.documents[0];
  if (!doc) throw new Error('no Inqom document in the dataset');
  return {
    doc,
    id: recordGlobalId('Document', { provider: 'INQOM', companyId: gen.id, providerId: doc.id }),
  };
}

async function documentLink(stack: Stack, key = 'demo'): Promise<Link> {
  const { body } = await stack.gql<{ node: Link }>(DOCUMENT, { id: documentOf(stack).id }, key);
  if (!body.data?.node) throw new Error(JSON.stringify(body.errors));
  return body.data.node;
}

async function exportLink(stack: Stack): Promise<Link> {
  const input = {
    companyId: demoCompany(stack.sims, 'jepilote').id,
    format: 'FEC',
    includeAlreadyExported: true,
  };
  const { body } = await stack.gql<{ createExportJob: { file: Link } }>(EXPORT, { input });
  if (!body.data?.createExportJob.file) throw new Error(JSON.stringify(body.errors));
  return body.data.createExportJob.file;
}

async function bulkLink(stack: Stack): Promise<Link> {
  const done = await startAndFinish(stack, {
    companyId: demoCompany(stack.sims, 'myunisoft').id,
    kind: 'ENTRIES',
    from: '2026-01-01',
    to: '2026-01-31',
    format: 'CSV',
  });
  const { downloadUrl, downloadUrlExpiresAt } = done as typeof done & Partial<Link>;
  if (!downloadUrl || !downloadUrlExpiresAt) throw new Error(`bulk export ${done.status} without a link`);
  return { downloadUrl, downloadUrlExpiresAt };
}

describe('every downloadUrl', () => {
  it('streams with a plain GET on any instance until it expires, and never after', async () => {
    const links = { export: await exportLink(first), document: await documentLink(first) };
    const bulk = await bulkLink(first);
    for (const link of [...Object.values(links), bulk]) {
      const expiresAt = Date.parse(link.downloadUrlExpiresAt);
      expect(expiresAt - clock).toBeGreaterThanOrEqual(60 * 60_000);
      expect(expiresAt - clock).toBeLessThanOrEqual(65 * 60_000);
    }
    const saved = clock;
    try {
      clock = Date.parse(links.export.downloadUrlExpiresAt) - 1;
      for (const stack of [first, second]) {
        const fec = await get(on(stack, links.export.downloadUrl));
        expect(fec.status).toBe(200);
        expect(fec.bytes.toString('utf8')).toMatch(/^JournalCode\tJournalLib/);
        expect(fec.headers['content-disposition']).toMatch(/^attachment; filename=/);
        const pdf = await get(on(stack, links.document.downloadUrl));
        expect(pdf.status).toBe(200);
        expect(pdf.bytes.equals(documentOf(stack).doc.bytes)).toBe(true);
      }
      // Bulk files are served from the instance that wrote them until the shared blob store lands.
      const csv = await get(bulk.downloadUrl);
      expect(csv.status).toBe(200);
      expect(csv.bytes.toString('utf8').split('\n').length).toBeGreaterThan(2);

      clock = Date.parse(links.export.downloadUrlExpiresAt);
      first.sims.resetRequests();
      for (const stack of [first, second])
        for (const link of [...Object.values(links), bulk]) {
          const expired = await get(on(stack, link.downloadUrl));
          expect(expired.status).toBe(404);
          expect(JSON.parse(expired.bytes.toString()).errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
        }
      expect(first.sims.totalRequests()).toBe(0);
    } finally {
      clock = saved;
    }
  });

  it('asks Inqom for the document only when the link is followed, and streams it from there', async () => {
    const inqomCalls = (pattern: RegExp) =>
      first.sims.simulators.inqom.requests.filter((r) => pattern.test(r.path)).length;
    first.sims.resetRequests();
    const link = await documentLink(first);
    expect(inqomCalls(/\/public-url$/)).toBe(0);
    expect(new URL(link.downloadUrl).origin).toBe(first.url);
    expect((await get(link.downloadUrl)).status).toBe(200);
    expect(inqomCalls(/\/public-url$/)).toBe(1);
    expect(inqomCalls(/^\/public-files\//)).toBe(1);
  });

  it('is refused when another tenant’s key comes with it, or when it is edited', async () => {
    const link = await documentLink(first);
    const foreign = await get(link.downloadUrl, { authorization: 'Bearer demo-other' });
    expect(foreign.status).toBe(404);
    const edited = link.downloadUrl.replace('/documents/demo.', '/documents/demo-other.');
    expect((await get(edited)).status).toBe(404);
    expect((await get(link.downloadUrl.replace('/documents/', '/exports/'))).status).toBe(404);
  });

  it('never outlives the access token that asked for it', async () => {
    const { body } = await first.gql<{ createAccessToken: { token: string; expiresAt: string } }>(MINT, {
      input: { scopes: ['READ'], ttlSeconds: 120 },
    });
    const token = body.data!.createAccessToken;
    const link = await documentLink(first, token.token);
    expect(link.downloadUrlExpiresAt).toBe(token.expiresAt);
    expect((await get(link.downloadUrl)).status).toBe(200);
    const saved = clock;
    clock = Date.parse(token.expiresAt);
    try {
      expect((await get(link.downloadUrl)).status).toBe(404);
    } finally {
      clock = saved;
    }
  });

  it('is refused once its company leaves the tenant’s allowlist, whatever the kind of file', async () => {
    const links = [await exportLink(first), await documentLink(first), await bulkLink(first)];
    const narrowed = await withDemoTenant((t) => ({ ...t, companies: {} }));
    try {
      const statuses = async (stack: Stack) =>
        Promise.all(links.map(async (link) => (await get(on(stack, link.downloadUrl))).status));
      expect(await statuses(narrowed)).toEqual([404, 404, 404]);
      expect(await statuses(second)).toEqual([200, 200, 200]);
    } finally {
      await narrowed.close();
    }
  });

  it('dies with a rotation of the tenant’s tokenSigningKey, as do access tokens', async () => {
    const link = await documentLink(first);
    const { body } = await first.gql<{ createAccessToken: { token: string } }>(MINT, {
      input: { scopes: ['READ'] },
    });
    const rotated = await withDemoTenant((t) => ({
      ...t,
      tokenSigningKey: 'rotated-key-0123456789-0123456789-0123',
    }));
    try {
      expect((await get(on(rotated, link.downloadUrl))).status).toBe(404);
      expect(
        (await rotated.gql('{ companies { totalCount } }', {}, body.data!.createAccessToken.token)).status,
      ).toBe(401);
      expect((await get((await documentLink(rotated)).downloadUrl)).status).toBe(200);
    } finally {
      await rotated.close();
    }
  });
});
