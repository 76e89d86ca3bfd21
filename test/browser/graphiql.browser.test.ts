/**
 * GraphiQL in a real browser (Debian's Chromium, headless, through playwright-core) against the
 * gateway and the four simulators: the page loads with no failed request and nothing fetched from
 * another origin, the default companies query runs with the demo key the page opens with, and the
 * result pane shows companies of all four providers; then every example tab runs as opened (its
 * variables prefilled with ids that exist) and answers no error. Saves a screenshot to
 * test/artifacts/graphiql.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startStack, type Stack } from '../support/stack';
const PROVIDERS = ['INQOM', 'JEPILOTE', 'MYUNISOFT', 'PLEO'];
const ARTIFACTS = join(__dirname, '../artifacts');
// A loaded 2-core CI machine parses a megabyte of GraphiQL slowly: bounds are generous on purpose.
const UI_TIMEOUT_MS = 60_000;

jest.setTimeout(180_000);

interface CompaniesResult {
  data?: { companies?: { totalCount: number; edges: { node: { provider: string; name: string } }[] } };
  errors?: unknown[];
}

let stack: Stack;
let browser: Browser;
let page: Page;
const failedRequests: string[] = [];
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

/**
 * Evaluated in the page: the response pane's whole text (CodeMirror renders only the visible lines
 * into the DOM). A string, not a function, so no DOM typings are needed and nothing is serialized.
 */
const RESPONSE_PANE_TEXT = `document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror?.getValue() ?? ''`;

/**
 * The response pane's text once `ready` holds, polled from the test: the page's CSP forbids the
 * string evaluation waitForFunction would do there while it polls.
 */
async function responsePane(ready: (text: string) => boolean): Promise<string> {
  for (let attempt = 0; attempt < UI_TIMEOUT_MS / 100; attempt++) {
    const text = await page.evaluate<string>(RESPONSE_PANE_TEXT);
    if (ready(text)) return text;
    await sleep(100);
  }
  throw new Error(`the response pane never got ready: ${await page.evaluate<string>(RESPONSE_PANE_TEXT)}`);
}

beforeAll(async () => {
  stack = await startStack({
    configure: (c) => ({
      ...c,
      logLevel: 'silent',
      graphiql: { defaultHeaders: { Authorization: 'Bearer demo' } },
    }),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${stack.url}/`) && !url.startsWith('data:')) foreignRequests.push(url);
  });
  page.on('requestfailed', (request) =>
    failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400)
      failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('GraphiQL in Chromium', () => {
  it('loads from this gateway only, with no failed request', async () => {
    const response = await page.goto(`${stack.url}/graphiql`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.locator('.graphiql-execute-button').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    expect(await page.title()).toContain('GraphiQL');
  });

  it('opens with the demo key in the headers editor and the companies query', async () => {
    const headers = page.locator('.graphiql-editor-tool .graphiql-editor').last();
    await headers.getByText('Bearer demo').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.graphiql-query-editor').getByText('companies').first().waitFor();
  });

  it('runs the companies query and shows companies of the four providers', async () => {
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(RESPONSE_PANE_TEXT, undefined, { timeout: UI_TIMEOUT_MS });
    const result = JSON.parse(await page.evaluate<string>(RESPONSE_PANE_TEXT)) as CompaniesResult;
    expect(result.errors).toBeUndefined();
    const providers = new Set(result.data!.companies!.edges.map((edge) => edge.node.provider));
    expect([...providers].sort()).toEqual(PROVIDERS);
    // What a person sees: the pane's rendered lines name providers too.
    const visible = await page.locator('.graphiql-response').innerText();
    expect(PROVIDERS.some((provider) => visible.includes(provider))).toBe(true);
  });

  it('runs every example tab as opened, with no error in any response', async () => {
    const tabs = page.locator('.graphiql-tab');
    const count = await tabs.count();
    expect(count).toBeGreaterThan(10);
    const answers: { tab: string; errors: unknown }[] = [];
    for (let i = 1; i < count; i++) {
      await tabs.nth(i).locator('.graphiql-tab-button').click();
      await page.locator('.graphiql-tab-active').nth(0).waitFor();
      // A tab not yet run shows an empty response pane; run it and wait for its own answer.
      await responsePane((text) => text === '');
      await page.locator('.graphiql-execute-button').click();
      const result = JSON.parse(await responsePane((text) => text !== '')) as CompaniesResult;
      answers.push({ tab: (await tabs.nth(i).innerText()).trim(), errors: result.errors ?? result.data });
    }
    // `errors` holds the data when there are none: every answer must have data and no errors.
    expect(answers.filter((answer) => Array.isArray(answer.errors) || !answer.errors)).toEqual([]);
    expect(answers.map((answer) => answer.tab)).toContainEqual(expect.stringContaining('CompanyEntries'));
    await tabs.nth(0).locator('.graphiql-tab-button').click();
  });

  it('shows the schema descriptions in the docs explorer', async () => {
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().click({ timeout: UI_TIMEOUT_MS });
    await docs.getByText('Read the accounting data', { exact: false }).waitFor({ timeout: UI_TIMEOUT_MS });
    await docs.getByText('companies', { exact: true }).first().click();
    await docs.getByText('Every company the caller may see', { exact: false }).waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'graphiql.png') });
  });

  it('made no failed request, fetched nothing from another origin, logged no error', () => {
    expect(failedRequests).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
