/** A session's paged listing read to its end, for streamed consumers (bulk exports, the ledger). */
import type { Page, PageRequest } from './types';

const PAGE_SIZE = 500;

/** Yields each page's nodes, one page of PAGE_SIZE at a time, until the listing ends. */
export async function* pages<T>(fetch: (page: PageRequest) => Promise<Page<T>>, signal: AbortSignal) {
  let after: string | null = null;
  for (;;) {
    signal.throwIfAborted();
    const page = await fetch({ first: PAGE_SIZE, after });
    yield page.items.map((item) => item.node);
    const last = page.items.at(-1);
    if (!page.hasNextPage || !last) return;
    after = last.resumeToken;
  }
}
