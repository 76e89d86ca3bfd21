/** collectPage against an in-memory cursor listing that behaves like Pleo's (fixed page boundaries). */
import { collectPage } from '../../../../src/providers/pleo/paging';
import type { PleoPageQuery, PleoPageResult } from '../../../../src/providers/pleo/client';
import type { Page } from '../../../../src/providers/types';

const ITEMS = Array.from({ length: 250 }, (_, i) => `item-${i}`);

function fakePleo() {
  const queries: PleoPageQuery[] = [];
  const fetchPage = async (query: PleoPageQuery): Promise<PleoPageResult<string>> => {
    queries.push(query);
    const start = query.after === null ? 0 : Number(query.after.slice(1)) + 1;
    const items = ITEMS.slice(start, start + query.limit);
    const end = start + items.length - 1;
    return {
      items,
      hasNextPage: end < ITEMS.length - 1,
      endCursor: items.length ? `@${end}` : null,
      total: ITEMS.length,
    };
  };
  return { queries, fetchPage };
}

const ids = (page: { items: { node: string }[] }) => page.items.map((i) => i.node);

describe('collectPage', () => {
  it('walks the whole listing with each page’s last token, never refetching', async () => {
    const pleo = fakePleo();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page<string> = await collectPage(pleo.fetchPage, { first: 40, after });
      expect(page.totalCount).toBe(250);
      seen.push(...ids(page));
      if (!page.hasNextPage) break;
      after = page.items[page.items.length - 1]!.resumeToken;
    }
    expect(seen).toEqual(ITEMS);
    expect(pleo.queries).toHaveLength(7);
  });

  it('resumes after any item, refetching that item’s page with the same limit', async () => {
    const pleo = fakePleo();
    const first = await collectPage(pleo.fetchPage, { first: 40, after: null });
    const resumed = await collectPage(pleo.fetchPage, { first: 3, after: first.items[16]!.resumeToken });
    expect(ids(resumed)).toEqual(['item-17', 'item-18', 'item-19']);
    expect(pleo.queries[1]).toEqual({ after: null, limit: 40 });
  });

  it('spans several upstream pages above the limit of 100', async () => {
    const pleo = fakePleo();
    const page = await collectPage(pleo.fetchPage, { first: 230, after: null });
    expect(ids(page)).toEqual(ITEMS.slice(0, 230));
    expect(page.hasNextPage).toBe(true);
    expect(pleo.queries.map((q) => q.limit)).toEqual([100, 100, 30]);
  });

  it('knows there is no next page at the end without another call', async () => {
    const pleo = fakePleo();
    const page = await collectPage(pleo.fetchPage, { first: 300, after: null });
    expect(page.items).toHaveLength(250);
    expect(page.hasNextPage).toBe(false);
    expect(pleo.queries).toHaveLength(3);
  });

  it.each([
    'not-base64!',
    Buffer.from('{"c":null}').toString('base64url'),
    Buffer.from('{"c":null,"l":500,"i":0}').toString('base64url'),
  ])('refuses the token %s as BAD_USER_INPUT on after', async (after) => {
    await expect(collectPage(fakePleo().fetchPage, { first: 5, after })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });
});
