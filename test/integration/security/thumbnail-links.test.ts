/**
 * `Document.thumbnailUrl` over real HTTP: a gateway link of the download-link kind, never Inqom's
 * `ThumbUrl`. Following it makes the gateway read the document again and stream the thumbnail from
 * the simulator; expired, edited or foreign links are 404 with nothing asked upstream. A `ThumbUrl` on
 * a host off the fetch allowlist (a stand-in storage host) gives null, a warning, and no request to
 * that host; once the host is configured its bytes are served, typed as an image only when they are one.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { recordGlobalId } from '../../../src/domain/ids';
import { createLogger } from '../../../src/logger';
import { startSimulators, type RunningSimulators } from '../../../src/simulators/harness';
import { thumbnailPng } from '../../../src/simulators/inqom/thumbnails';
import { startStack, type Stack } from '../../support/stack';
import { demoCompany } from '../operations/fixtures';
import { LogCapture } from './secret-haystack';

const QUERY = `query ($id: ID!) { node(id: $id) { ... on Document { thumbnailUrl thumbnailUrlExpiresAt } } }`;
const LIST = `query ($id: ID!) { company(id: $id) { documents(first: 20) { edges { node { thumbnailUrl thumbnailUrlExpiresAt } } } } }`;

const SIGNING_SECRET = 'thumbnail-links-test-signing-secret-0123456789';
let clock = Date.parse('2026-12-01T10:02:00.000Z');
const now = () => clock;

/** A storage host the gateway is not told about: it would serve HTML to anyone asking. */
interface ForeignHost {
  url: string;
  paths: string[];
  server: Server;
}
async function startForeignHost(): Promise<ForeignHost> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html' }).end('<script>alert("thumb")</script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths, server };
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, { headers });
  const bytes = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, headers: response.headers, bytes };
}

function documentOf(sims: RunningSimulators) {
  const { gen, id: companyId } = demoCompany(sims, 'inqom');
  const doc = gen.documents[0];
  if (!doc) throw new Error('no Inqom document in the dataset');
  const id = recordGlobalId('Document', { provider: 'INQOM', companyId: gen.id, providerId: doc.id });
  return { doc, id, companyId };
}

async function thumbnailOf(stack: Stack, apiKey = 'demo') {
  const { body } = await stack.gql<{
    node: { thumbnailUrl: string | null; thumbnailUrlExpiresAt: string | null };
  }>(QUERY, { id: documentOf(stack.sims).id }, apiKey);
  if (!body.data?.node) throw new Error(JSON.stringify(body.errors));
  return body.data.node;
}

const inqomCalls = (stack: Stack, pattern: RegExp) =>
  stack.sims.simulators.inqom.requests.filter((r) => pattern.test(r.path)).length;

describe('thumbnailUrl, with Inqom serving its thumbnails', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ now, configure: (config) => ({ ...config, logLevel: 'silent' }) });
  });
  afterAll(() => stack.close());

  it('is a gateway link, not an Inqom host, and costs no thumbnail fetch to hand out', async () => {
    stack.sims.resetRequests();
    const { thumbnailUrl } = await thumbnailOf(stack);
    if (!thumbnailUrl) throw new Error('no thumbnailUrl');
    expect(new URL(thumbnailUrl).origin).toBe(stack.url);
    expect(new URL(thumbnailUrl).pathname).toMatch(/^\/thumbnails\/demo\.[^/]+$/);
    expect(thumbnailUrl).not.toContain(new URL(stack.sims.urls.inqom).host);
    expect(thumbnailUrl).not.toContain('enterprisespublic');
    expect(inqomCalls(stack, /^\/enterprisespublic\//)).toBe(0);
  });

  it("streams the simulator's thumbnail bytes, reading the document again when followed", async () => {
    const { doc } = documentOf(stack.sims);
    const { thumbnailUrl } = await thumbnailOf(stack);
    stack.sims.resetRequests();
    const thumb = await get(thumbnailUrl ?? 'missing');
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/png');
    expect(thumb.headers['x-content-type-options']).toBe('nosniff');
    expect(thumb.bytes.equals(thumbnailPng(Number(doc.id)))).toBe(true);
    expect(inqomCalls(stack, new RegExp(`/Documents/${doc.id}$`))).toBe(1);
    expect(inqomCalls(stack, /^\/enterprisespublic\//)).toBe(1);
  });

  it('is a 404 NOT_FOUND once expired, with nothing asked upstream', async () => {
    const { thumbnailUrl, thumbnailUrlExpiresAt } = await thumbnailOf(stack);
    // An hour after it was handed out, rounded up to 5 minutes (the clock reads 10:02).
    expect(thumbnailUrlExpiresAt).toBe('2026-12-01T11:05:00.000Z');
    const saved = clock;
    try {
      clock = Date.parse(thumbnailUrlExpiresAt ?? 'missing') - 1;
      expect((await get(thumbnailUrl ?? 'missing')).status).toBe(200);
      clock = Date.parse(thumbnailUrlExpiresAt ?? 'missing');
      stack.sims.resetRequests();
      const expired = await get(thumbnailUrl ?? 'missing');
      expect(expired.status).toBe(404);
      expect(JSON.parse(expired.bytes.toString()).errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
      expect(stack.sims.totalRequests()).toBe(0);
    } finally {
      clock = saved;
    }
  });

  it('is a 404 NOT_FOUND when edited, used as another kind of link, or sent with another tenant’s key', async () => {
    const { thumbnailUrl } = await thumbnailOf(stack);
    if (!thumbnailUrl) throw new Error('no thumbnailUrl');
    stack.sims.resetRequests();
    const refused = [
      await get(thumbnailUrl.replace('/thumbnails/demo.', '/thumbnails/demo-other.')),
      await get(thumbnailUrl.slice(0, -2) + (thumbnailUrl.endsWith('AA') ? 'BB' : 'AA')),
      await get(thumbnailUrl.replace('/thumbnails/', '/documents/')),
      await get(thumbnailUrl, { authorization: 'Bearer demo-other' }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(404);
      expect(JSON.parse(response.bytes.toString()).errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
    }
    expect(stack.sims.totalRequests()).toBe(0);
  });
});

describe('thumbnailUrl, with ThumbUrls on another storage host', () => {
  let foreign: ForeignHost;
  let sims: RunningSimulators;
  const logs = new LogCapture();
  beforeAll(async () => {
    foreign = await startForeignHost();
    sims = await startSimulators({ inqomStorageUrl: foreign.url });
  });
  afterAll(async () => {
    await sims.close();
    await new Promise((resolve) => foreign.server.close(resolve));
  });

  it('is null off the allowlist, warns with its origin and path, and never asks that host', async () => {
    const stack = await startStack({ sims, logger: createLogger('warn', logs) });
    try {
      type Thumbnail = { thumbnailUrl: string | null; thumbnailUrlExpiresAt: string | null };
      type Listing = { company: { documents: { edges: { node: Thumbnail }[] } } };
      const { body } = await stack.gql<Listing>(LIST, { id: documentOf(sims).companyId });
      const nodes = (body.data?.company.documents.edges ?? []).map((e) => e.node);
      expect(nodes.length).toBeGreaterThan(0);
      expect(nodes.every((n) => n.thumbnailUrl === null && n.thumbnailUrlExpiresAt === null)).toBe(true);
      expect(foreign.paths).toEqual([]);
      // One warning per document, though both of its thumbnail fields were asked for.
      const warnings = logs.lines.map((l) => JSON.parse(l)).filter((l) => l.thumbnailAt);
      expect(warnings.length).toBe(nodes.length);
      expect(warnings[0]).toMatchObject({ level: 40, tenant: 'demo', provider: 'INQOM' });
      expect(warnings[0].thumbnailAt).toMatch(
        new RegExp(`^${foreign.url}/enterprisespublic/\\d+/\\d+-thumb\\.png$`),
      );
    } finally {
      await stack.close();
    }
  });

  /** A gateway on the shared simulators, its links signed alike, allowing `thumbnailOrigins`. */
  const gateway = (thumbnailOrigins: string[]) =>
    startStack({
      sims,
      configure: (config) => ({
        ...config,
        logLevel: 'silent',
        signingSecret: SIGNING_SECRET,
        tenants: config.tenants.map((t) => ({
          ...t,
          providers: { ...t.providers, inqom: { ...t.providers.inqom!, thumbnailOrigins } },
        })),
      }),
    });

  it('is served once the host is configured, typed application/octet-stream when not an image', async () => {
    const stack = await gateway([foreign.url]);
    try {
      const { thumbnailUrl } = await thumbnailOf(stack);
      if (!thumbnailUrl) throw new Error('no thumbnailUrl');
      expect(new URL(thumbnailUrl).origin).toBe(stack.url);
      foreign.paths.length = 0;
      const thumb = await get(thumbnailUrl);
      expect(thumb.status).toBe(200);
      expect(thumb.headers['content-type']).toBe('application/octet-stream');
      expect(thumb.bytes.toString()).toBe('<script>alert("thumb")</script>');
      const { doc } = documentOf(sims);
      const folder = demoCompany(sims, 'inqom').gen.id;
      expect(foreign.paths).toEqual([`/enterprisespublic/${folder}/${doc.id}-thumb.png`]);
    } finally {
      await stack.close();
    }
  });

  it('refuses a link made while the host was allowed once it no longer is, without asking the host', async () => {
    const allowing = await gateway([foreign.url]);
    const { thumbnailUrl } = await thumbnailOf(allowing).finally(() => allowing.close());
    const stack = await gateway([]);
    try {
      foreign.paths.length = 0;
      const refused = await get((thumbnailUrl ?? 'missing').replace(/^http:\/\/[^/]+/, stack.url));
      expect(refused.status).toBe(404);
      expect(JSON.parse(refused.bytes.toString()).errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
      expect(foreign.paths).toEqual([]);
    } finally {
      await stack.close();
    }
  });
});
