/**
 * `/graphiql` over HTTP: the page and every file it names answer 200 from this gateway with no API
 * key, the page names no URL outside loopback (it must work without internet egress), and it opens
 * with the demo key only when the config says so.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { startStack, type Stack } from '../../support/stack';

const DEMO_HEADERS = { Authorization: 'Bearer demo' };
const OPERATION_FILES = readdirSync(join(__dirname, '../../../schema/operations')).filter((f) =>
  f.endsWith('.graphql'),
);
// The two uploads need a multipart file part, which GraphiQL cannot send, and the export job lifecycle
// a job just created: they get no tab.
const NO_TAB_FILES = [
  'upload-document.graphql',
  'create-expense-bill.graphql',
  'update-export-job-status.graphql',
  'update-export-job-items.graphql',
];
const TAB_COUNT = 1 + OPERATION_FILES.length - NO_TAB_FILES.length;

interface PageOptions {
  endpoint: string;
  defaultQuery: string;
  defaultHeaders?: string;
  tabs: { query: string; variables?: string; headers?: string }[];
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, { headers });
  const body = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, headers: response.headers, body };
}

function pageOptions(html: string): PageOptions {
  const json = /<script id="graphiql-options" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
  if (!json) throw new Error('no options block in the page');
  return JSON.parse(json) as PageOptions;
}

function referencedPaths(html: string): string[] {
  // `data:` URLs (the empty icon) are inline, not fetched from anywhere.
  return [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((p) => !p.startsWith('data:'));
}

let demo: Stack;
let plain: Stack;
let disabled: Stack;

beforeAll(async () => {
  const quiet = { logLevel: 'silent' as const };
  demo = await startStack({
    configure: (c) => ({ ...c, ...quiet, graphiql: { defaultHeaders: DEMO_HEADERS } }),
  });
  plain = await startStack({ sims: demo.sims, configure: (c) => ({ ...c, ...quiet }) });
  disabled = await startStack({
    sims: demo.sims,
    configure: (c) => ({ ...c, ...quiet, graphiql: { enabled: false } }),
  });
}, 60_000);

afterAll(async () => {
  await disabled?.close();
  await plain?.close();
  await demo?.close();
});

describe('GET /graphiql', () => {
  it('serves the page without an API key, with a CSP allowing scripts from this origin only', async () => {
    const page = await get(`${demo.url}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('names no http(s) URL outside loopback, and no inline script', async () => {
    const html = (await get(`${demo.url}/graphiql`)).body.toString('utf8');
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/gi)].map((m) => m[0]);
    const external = urls.filter(
      (u) => !/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i.test(u),
    );
    expect(external).toEqual([]);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    for (const [, attributes, body] of scripts) {
      // Only the inert JSON block has a body; code comes from files, as the CSP demands.
      if (body!.trim()) expect(attributes).toContain('type="application/json"');
    }
  });

  it('serves every file the page names: 200, its content type, cacheable forever, gzip when asked', async () => {
    const html = (await get(`${demo.url}/graphiql`)).body.toString('utf8');
    const paths = referencedPaths(html);
    expect(paths.filter((p) => p.endsWith('.js'))).toHaveLength(4); // react, react-dom, graphiql, boot
    expect(paths.filter((p) => p.endsWith('.css'))).toHaveLength(2);
    for (const path of paths) {
      expect(path).toMatch(/^\/graphiql\/assets\/[\w.-]+\.[0-9a-f]{12}\.(js|css)$/);
      const plainBody = await get(`${demo.url}${path}`);
      expect({ path, status: plainBody.status }).toEqual({ path, status: 200 });
      expect(plainBody.headers['content-type']).toBe(
        path.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
      );
      expect(plainBody.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(plainBody.body.length).toBeGreaterThan(50);
      const gzipped = await get(`${demo.url}${path}`, { 'accept-encoding': 'gzip' });
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzipped.body).equals(plainBody.body)).toBe(true);
    }
  });

  it('bundles GraphiQL 3 and React 18 from node_modules, without a source map reference', async () => {
    const paths = referencedPaths((await get(`${demo.url}/graphiql`)).body.toString('utf8'));
    const graphiql = paths.find((p) => /\/graphiql\.min\.\w+\.js$/.test(p))!;
    const react = paths.find((p) => /\/react\.production\.min\.\w+\.js$/.test(p))!;
    const graphiqlText = (await get(`${demo.url}${graphiql}`)).body.toString('utf8');
    // Booleans, not toContain: a failure would print a megabyte of minified code.
    expect(graphiqlText.includes('.GraphiQL=')).toBe(true);
    expect(graphiqlText.includes('sourceMappingURL')).toBe(false);
    expect((await get(`${demo.url}${react}`)).body.toString('utf8').includes('18.3.1')).toBe(true);
  });

  it('answers 404 for a file it does not serve', async () => {
    expect((await get(`${demo.url}/graphiql/assets/graphiql.min.000000000000.js`)).status).toBe(404);
    expect((await get(`${demo.url}/graphiql/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
  });
});

describe('the page options', () => {
  it('in demo mode: the demo key header, the companies query, then one tab per example operation', async () => {
    const options = pageOptions((await get(`${demo.url}/graphiql`)).body.toString('utf8'));
    expect(options.endpoint).toBe('/graphql');
    expect(JSON.parse(options.defaultHeaders!)).toEqual(DEMO_HEADERS);
    expect(options.defaultQuery).toMatch(/companies\(/);
    expect(options.tabs).toHaveLength(TAB_COUNT);
    expect(options.tabs[0]!.query).toBe(options.defaultQuery);
    expect(options.tabs.map((t) => t.query)).toContainEqual(expect.stringContaining('query ListCompanies('));
    for (const tab of options.tabs) expect(JSON.parse(tab.headers!)).toEqual(DEMO_HEADERS);
  });

  it('outside demo mode: no key anywhere in the page', async () => {
    const html = (await get(`${plain.url}/graphiql`)).body.toString('utf8');
    const options = pageOptions(html);
    expect(options.defaultHeaders).toBeUndefined();
    expect(options.tabs).toHaveLength(TAB_COUNT);
    for (const tab of options.tabs) expect(tab.headers).toBeUndefined();
    for (const tab of options.tabs) expect(tab.variables).toBeUndefined();
    expect(html).not.toMatch(/Bearer/i);
  });

  it('is not served when graphiql.enabled is false', async () => {
    expect((await get(`${disabled.url}/graphiql`)).status).toBe(404);
  });
});

describe('the query the page sends', () => {
  it('in demo mode: every tab runs as opened, its variables naming ids that exist', async () => {
    const { tabs } = pageOptions((await get(`${demo.url}/graphiql`)).body.toString('utf8'));
    expect(tabs.filter((tab) => tab.variables !== undefined)).toHaveLength(tabs.length - 1);
    for (const tab of tabs) {
      const response = await request(`${demo.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...DEMO_HEADERS },
        body: JSON.stringify({ query: tab.query, variables: JSON.parse(tab.variables ?? '{}') }),
      });
      const body = (await response.body.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      const name = /(?:query|mutation) (\w+)/.exec(tab.query)?.[1];
      expect({ name, status: response.statusCode, errors: body.errors }).toEqual({
        name,
        status: 200,
        errors: undefined,
      });
      // Lookups by id find their object (jobs and bulk exports excepted: none exists before one is started).
      if (!['GetBulkExport', 'GetExportJob', 'FecBulkExport', 'ExportFileConformance'].includes(name!))
        expect(Object.values(body.data ?? {})).not.toContain(null);
    }
  });

  it('passes CSRF prevention: a JSON POST with only the key header answers the companies', async () => {
    const response = await request(`${demo.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...DEMO_HEADERS },
      body: JSON.stringify({
        query: pageOptions((await get(`${demo.url}/graphiql`)).body.toString()).defaultQuery,
      }),
    });
    const body = (await response.body.json()) as {
      data: { companies: { edges: { node: { provider: string } }[] } };
    };
    expect(response.statusCode).toBe(200);
    const providers = new Set(body.data.companies.edges.map((e) => e.node.provider));
    expect([...providers].sort()).toEqual(['INQOM', 'JEPILOTE', 'MYUNISOFT', 'PLEO']);
  });
});
