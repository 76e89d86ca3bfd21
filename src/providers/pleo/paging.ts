/**
 * Pleo cursor pages → the gateway's `Page` with one resume token per item. Pleo only hands out a
 * page's start and end cursors, so a token names the page an item came from (the `after` cursor and
 * limit that fetched it) and the item's index in it; resuming refetches that page and skips past
 * the item. The last item of a page points at the next page instead, which costs no refetch.
 */
import { z } from 'zod';
import { BadUserInputError } from '../../errors';
import type { Page, PageRequest } from '../types';
import { PLEO_MAX_LIMIT, type PleoPageQuery, type PleoPageResult } from './client';

const resumeToken = z.object({
  /** The `after` cursor of the page (null: the first page). */
  c: z.string().nullable(),
  /** The limit the page was fetched with (a page is only reproducible with the same limit). */
  l: z.number().int().min(1).max(PLEO_MAX_LIMIT),
  /** Index of the item in that page; -1: resume at the page's start. */
  i: z.number().int().min(-1),
});
type ResumeToken = z.infer<typeof resumeToken>;

const encode = (token: ResumeToken) => Buffer.from(JSON.stringify(token)).toString('base64url');

function decode(text: string): ResumeToken {
  try {
    return resumeToken.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw new BadUserInputError('Invalid cursor.', 'after');
  }
}

export async function collectPage<T>(
  fetchPage: (query: PleoPageQuery) => Promise<PleoPageResult<T>>,
  request: PageRequest,
): Promise<Page<T>> {
  const token = request.after ? decode(request.after) : null;
  const items: Page<T>['items'] = [];
  const freshLimit = () => Math.max(1, Math.min(PLEO_MAX_LIMIT, request.first - items.length));
  const resumeInPage = token !== null && token.i >= 0;
  let query: PleoPageQuery = resumeInPage
    ? { after: token.c, limit: token.l }
    : { after: token?.c ?? null, limit: freshLimit() };
  let skip = resumeInPage ? token.i + 1 : 0;
  for (;;) {
    const page = await fetchPage(query);
    const wanted = page.items.slice(skip, skip + (request.first - items.length));
    wanted.forEach((node, k) => {
      const index = skip + k;
      const isLast = index === page.items.length - 1 && page.endCursor !== null;
      const next: ResumeToken = isLast
        ? { c: page.endCursor, l: query.limit, i: -1 }
        : { c: query.after, l: query.limit, i: index };
      items.push({ node, resumeToken: encode(next) });
    });
    const leftInPage = page.items.length - skip - wanted.length > 0;
    if (items.length >= request.first)
      return { items, hasNextPage: leftInPage || page.hasNextPage, totalCount: page.total };
    if (!page.hasNextPage || page.endCursor === null)
      return { items, hasNextPage: false, totalCount: page.total };
    query = { after: page.endCursor, limit: freshLimit() };
    skip = 0;
  }
}
