/**
 * Inqom's documents listing is read a page of 100 at a time, only as far as the page asked needs:
 * `first: 0` (a client asking only for `totalCount`) costs one upstream page, not the whole listing.
 */
import type { z } from 'zod';
import type { InqomClient } from '../../../../src/providers/inqom/client';
import { InqomSession } from '../../../../src/providers/inqom/session';

const TOTAL = 5_000;
const PAGE = 100;

/** A folder of TOTAL documents, counting the pages asked (the session parses through the schema it passes). */
function folderOfDocuments() {
  const pagesAsked: number[] = [];
  const document = (n: number) => ({
    Id: n,
    AccountingFolderId: 1,
    Name: `document-${n}.pdf`,
    Type: 'Supplier',
    CreatedAt: '2026-01-02T10:00:00Z',
    Status: 'Received',
  });
  const client = {
    async get(request: { query: { pageNumber: number } }, schema: z.ZodType) {
      const pageNumber = request.query.pageNumber;
      pagesAsked.push(pageNumber);
      const first = (pageNumber - 1) * PAGE + 1;
      return schema.parse({
        Items: Array.from({ length: PAGE }, (_, i) => document(first + i)),
        TotalCount: TOTAL,
        TotalPages: TOTAL / PAGE,
      });
    },
  } as unknown as InqomClient;
  return { session: new InqomSession(client, 'firm'), pagesAsked };
}

it('answers first: 0 from one upstream page, with the total and more to come', async () => {
  const { session, pagesAsked } = folderOfDocuments();
  const page = await session.listDocuments('1', {}, { first: 0, after: null });
  expect(page.items).toEqual([]);
  expect(page).toMatchObject({ hasNextPage: true, totalCount: TOTAL });
  expect(pagesAsked).toEqual([1]);
});

it('reads only the pages a page of 150 spans', async () => {
  const { session, pagesAsked } = folderOfDocuments();
  const page = await session.listDocuments('1', {}, { first: 150, after: null });
  expect(page.items).toHaveLength(150);
  expect(page.hasNextPage).toBe(true);
  expect(pagesAsked).toEqual([1, 2]);
});
