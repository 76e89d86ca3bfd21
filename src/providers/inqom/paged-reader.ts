/**
 * Reads a 1-based paged upstream listing from an absolute position, lazily, page by page. Callers
 * stop when they have enough; the position of each item becomes the resume token after it.
 */
export interface UpstreamPage<T> {
  items: T[];
  /** True when no page follows this one. */
  last: boolean;
}

export async function* readFrom<T>(
  start: number,
  pageSize: number,
  fetchPage: (pageNumber: number) => Promise<UpstreamPage<T>>,
): AsyncGenerator<{ item: T; position: number }> {
  let pageNumber = Math.floor(start / pageSize) + 1;
  let offset = start % pageSize;
  for (;;) {
    const page = await fetchPage(pageNumber);
    for (let i = offset; i < page.items.length; i++) {
      yield { item: page.items[i]!, position: (pageNumber - 1) * pageSize + i };
    }
    if (page.last || page.items.length < pageSize) return;
    pageNumber += 1;
    offset = 0;
  }
}
