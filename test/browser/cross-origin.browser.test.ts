/**
 * A browser frontend in real Chromium (Debian's, headless, through playwright-core): a page served
 * from http://127.0.0.1:5173 (demo mode's allowed origin) asks its own tiny backend for an access
 * token (the backend mints it with the tenant's API key, which never reaches the browser), queries the
 * gateway cross-origin, follows every page of `companies`, and downloads a document and a FEC export
 * by clicking `<a href>` links. The same page served from another origin is blocked by CORS.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { request } from 'undici';
import { launchChromium } from '../support/chromium';
import { startStack, type Stack } from '../support/stack';

jest.setTimeout(180_000);

const FRONTEND_PORT = 5173;
const MINT = `mutation { createAccessToken(input: { scopes: [READ, EXPORT], ttlSeconds: 600 }) { token expiresAt } }`;

/** The frontend's code, as a bundler would serve it: plain browser JavaScript. */
const APP_JS = `
const PAGE = 'query ($after: String) { companies(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id provider name } } } }';
const DOCUMENTS = 'query ($id: ID!) { company(id: $id) { documents(first: 1) { edges { node { name downloadUrl downloadUrlExpiresAt } } } } }';
const EXPORT = 'mutation ($input: CreateExportJobInput!) { createExportJob(input: $input) { file { name downloadUrl } } }';

async function gql(gateway, token, query, variables) {
  const response = await fetch(gateway + '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

function addLink(id, href) {
  const a = document.createElement('a');
  a.id = id;
  a.href = href;
  a.textContent = id;
  document.body.appendChild(a);
}

window.run = async function run() {
  try {
    const { token, gateway } = await (await fetch('/token', { method: 'POST' })).json();
    const companies = [];
    let after = null;
    let pages = 0;
    let totalCount = 0;
    do {
      const { companies: page } = await gql(gateway, token, PAGE, { after });
      companies.push(...page.edges.map((edge) => edge.node));
      totalCount = page.totalCount;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    const inqom = companies.find((c) => c.provider === 'INQOM');
    const jepilote = companies.find((c) => c.provider === 'JEPILOTE');
    const doc = (await gql(gateway, token, DOCUMENTS, { id: inqom.id })).company.documents.edges[0].node;
    const input = { companyId: jepilote.id, format: 'FEC', includeAlreadyExported: true };
    const file = (await gql(gateway, token, EXPORT, { input })).createExportJob.file;
    addLink('document', doc.downloadUrl);
    addLink('export', file.downloadUrl);
    return { ok: true, pages, totalCount, companies: companies.length, document: doc.name, origin: location.origin };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
};
`;
const INDEX_HTML = `<!doctype html><html><head><title>Frontend</title><script src="/app.js"></script></head><body></body></html>`;

interface RunResult {
  ok: boolean;
  error?: string;
  pages?: number;
  totalCount?: number;
  companies?: number;
  document?: string;
  origin?: string;
}

let stack: Stack;
let browser: Browser;
const servers: Server[] = [];

/** The frontend's dev server: the page, its script, and the backend route minting a token with the API key. */
async function startFrontend(port: number): Promise<string> {
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/token') {
      void (async () => {
        const response = await request(stack.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer demo' },
          body: JSON.stringify({ query: MINT }),
        });
        const body = (await response.body.json()) as { data: { createAccessToken: { token: string } } };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ token: body.data.createAccessToken.token, gateway: stack.url }));
      })();
      return;
    }
    const [type, text] = req.url === '/app.js' ? ['text/javascript', APP_JS] : ['text/html', INDEX_HTML];
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
    res.end(text);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function openPage(url: string): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await browser.newPage({ acceptDownloads: true });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, consoleErrors };
}

async function clickDownload(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

beforeAll(async () => {
  stack = await startStack({ configure: (c) => ({ ...c, logLevel: 'silent' }) });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await stack?.close();
});

describe('a frontend on http://127.0.0.1:5173', () => {
  let page: Page;
  let result: RunResult;

  beforeAll(async () => {
    const opened = await openPage(await startFrontend(FRONTEND_PORT));
    page = opened.page;
    result = await page.evaluate<RunResult>('window.run()');
  });

  it('gets a token from its backend and follows every page of companies cross-origin', () => {
    expect(result).toMatchObject({ ok: true, origin: 'http://127.0.0.1:5173' });
    const demoCompanies = (['jepilote', 'myunisoft', 'inqom', 'pleo'] as const).reduce(
      (n, provider) => n + stack.sims.dataset.companiesOf(provider, 'demo').length,
      0,
    );
    expect(result.totalCount).toBe(demoCompanies);
    expect(result.companies).toBe(demoCompanies);
    expect(result.pages).toBe(Math.ceil(demoCompanies / 2));
  });

  it('downloads a document by <a href>, the bytes Inqom holds', async () => {
    const documents = stack.sims.dataset.companiesOf('inqom', 'demo').flatMap((c) => c.documents);
    const expected = documents.find((doc) => doc.name === result.document);
    if (!expected) throw new Error(`no document named ${result.document}`);
    const file = await clickDownload(page, '#document');
    expect(file.bytes.equals(expected.bytes)).toBe(true);
    expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('downloads the FEC export by <a href>', async () => {
    const file = await clickDownload(page, '#export');
    expect(file.bytes.toString('utf8')).toMatch(/^JournalCode\tJournalLib/);
    expect(file.name).toMatch(/\.txt$/);
  });
});

describe('the same page from another origin', () => {
  it('is blocked by CORS before any upstream call', async () => {
    const { page, consoleErrors } = await openPage(await startFrontend(0));
    stack.sims.resetRequests();
    const result = await page.evaluate<RunResult>('window.run()');
    expect(result.ok).toBe(false);
    expect(result.error).toContain('Failed to fetch');
    expect(consoleErrors.join('\n')).toMatch(/CORS policy/);
    expect(stack.sims.totalRequests()).toBe(0);
  });
});
