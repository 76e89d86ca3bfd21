/**
 * `client.paginate` against the real gateway on the simulators: it follows `endCursor` until
 * `hasNextPage` is false, yields every node once in order, stops fetching when the loop stops, and
 * the money helpers total the pages exactly.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { Agent } from 'undici';
import {
  CompanyEntriesDocument,
  createGrandLivreClient,
  decimalToCents,
  sumDecimals,
} from '@grand-livre/sdk';
import { demoCompany } from '../operations/fixtures';
import { startStack, type Stack } from '../../support/stack';

let stack: Stack;
const dispatcher = new Agent();
beforeAll(async () => {
  stack = await startStack({
    configure: (config) => ({ ...config, logLevel: 'silent', cache: { ...config.cache, listTtlMs: 0 } }),
  });
});
afterAll(async () => {
  await stack.close();
  await dispatcher.close();
});

const client = () => createGrandLivreClient({ url: stack.graphqlUrl, apiKey: 'demo', dispatcher });
const WINDOW = { from: '2025-01-01', to: '2025-12-31' };

it('yields every entry of every page, in order, as one page of 500 lists them', async () => {
  const companyId = demoCompany(stack.sims, 'myunisoft').id;
  const whole = await client().request(CompanyEntriesDocument, { companyId, filter: WINDOW, first: 500 });
  const expected = whole.company!.entries.edges.map((e) => e.node.id);
  expect(expected.length).toBeGreaterThan(14);
  expect(whole.company!.entries.pageInfo.hasNextPage).toBe(false);

  const ids: string[] = [];
  const debits: string[] = [];
  for await (const entry of client().paginate(
    CompanyEntriesDocument,
    { companyId, filter: WINDOW, first: 7 },
    ['company', 'entries'],
  )) {
    ids.push(entry.id);
    debits.push(entry.debitTotal);
  }
  expect(ids).toEqual(expected);
  // Exact money across pages: the total of the entries' debits is the total of their lines' debits.
  const lineDebits = whole.company!.entries.edges.flatMap((e) => e.node.lines.map((l) => l.debit));
  expect(sumDecimals(debits)).toBe(sumDecimals(lineDebits));
  expect(decimalToCents(sumDecimals(debits))).toBe(debits.reduce((t, d) => t + decimalToCents(d), 0));
});

it('asks one page per `first` nodes, and no more once the loop stops', async () => {
  const companyId = demoCompany(stack.sims, 'myunisoft').id;
  const pages: (string | null | undefined)[] = [];
  const counting = createGrandLivreClient({
    url: stack.graphqlUrl,
    apiKey: 'demo',
    dispatcher: dispatcher.compose((dispatch) => (options, handler) => {
      pages.push(JSON.parse(options.body as string).variables.after);
      return dispatch(options, handler);
    }),
  });
  let seen = 0;
  for await (const _entry of counting.paginate(
    CompanyEntriesDocument,
    { companyId, filter: WINDOW, first: 5 },
    ['company', 'entries'],
  )) {
    if (++seen === 12) break;
  }
  expect(seen).toBe(12);
  // Pages of 5: the 12th node is on the third page; the first page has no cursor, the next ones do.
  expect(pages).toHaveLength(3);
  expect(pages[0]).toBeNull();
  expect(pages.slice(1).every((after) => typeof after === 'string' && after.length > 0)).toBe(true);
});

it('refuses a document without $after before sending anything', async () => {
  const noAfter = parse('query { companies { totalCount } }') as TypedDocumentNode<
    { companies: { edges: { node: { id: string } }[] } },
    Record<string, never>
  >;
  const walk = client().paginate(noAfter, {}, ['companies']);
  await expect(walk.next()).rejects.toThrow(/\$after/);
});
