/**
 * Pleo's pagination: `before` | `after` (opaque cursors) or `offset`, with `limit`, answered as
 * `{ data, pagination: { hasNextPage, hasPreviousPage, startCursor, endCursor, total,
 * currentRequestPagination } }`. A cursor encodes the item's sort key (not its position), so a page
 * resumes correctly even when items were added or left a filter meanwhile.
 */
import { z } from 'zod';

export interface PaginationRequest {
  before: string | null;
  after: string | null;
  offset: number | null;
  limit: number;
}

export interface PaginationInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
  total: number;
  currentRequestPagination: PaginationRequest;
}

export const LIMIT_MIN = 1;
export const LIMIT_MAX = 100;
export const LIMIT_DEFAULT = 20;

const first = (value: unknown): unknown => (Array.isArray(value) ? (value[0] as unknown) : value);
const paginationQuery = z.object({
  before: z.preprocess(first, z.string().min(1).optional()),
  after: z.preprocess(first, z.string().min(1).optional()),
  offset: z.preprocess(first, z.coerce.number().int().min(0).optional()),
  limit: z.preprocess(first, z.coerce.number().int().min(LIMIT_MIN).max(LIMIT_MAX).default(LIMIT_DEFAULT)),
});

/** Reads the pagination parameters of a query string; a string is the reason it is refused (→ 400). */
export function parsePagination(query: unknown): PaginationRequest | string {
  const parsed = paginationQuery.safeParse(query ?? {});
  if (!parsed.success)
    return `limit must be an integer from ${LIMIT_MIN} to ${LIMIT_MAX}; offset a non-negative integer.`;
  const { before, after, offset, limit } = parsed.data;
  if ([before, after, offset].filter((v) => v !== undefined).length > 1)
    return 'Use one of before, after or offset.';
  for (const cursor of [before, after])
    if (cursor !== undefined && decodeCursor(cursor) === null) return 'Invalid cursor.';
  return { before: before ?? null, after: after ?? null, offset: offset ?? null, limit };
}

const encodeCursor = (key: string) => Buffer.from(`k:${key}`).toString('base64url');
function decodeCursor(cursor: string): string | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  return text.startsWith('k:') ? text.slice(2) : null;
}

/**
 * One page of `items`, which are sorted by `keyOf` in `order` (string comparison of the keys:
 * callers zero-pad numeric keys).
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  request: PaginationRequest,
  order: 'asc' | 'desc' = 'asc',
): { data: T[]; pagination: PaginationInfo } {
  const sign = order === 'asc' ? 1 : -1;
  const cmp = (key: string, cursorKey: string) => sign * (key < cursorKey ? -1 : key > cursorKey ? 1 : 0);
  let start: number;
  let end: number;
  if (request.after !== null) {
    const key = decodeCursor(request.after) ?? '';
    start = indexWhere(items, (item) => cmp(keyOf(item), key) > 0);
    end = Math.min(items.length, start + request.limit);
  } else if (request.before !== null) {
    const key = decodeCursor(request.before) ?? '';
    end = indexWhere(items, (item) => cmp(keyOf(item), key) >= 0);
    start = Math.max(0, end - request.limit);
  } else {
    start = Math.min(items.length, request.offset ?? 0);
    end = Math.min(items.length, start + request.limit);
  }
  const data = items.slice(start, end);
  const firstItem = data[0];
  const lastItem = data[data.length - 1];
  return {
    data,
    pagination: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: firstItem === undefined ? null : encodeCursor(keyOf(firstItem)),
      endCursor: lastItem === undefined ? null : encodeCursor(keyOf(lastItem)),
      total: items.length,
      currentRequestPagination: request,
    },
  };
}

function indexWhere<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  const index = items.findIndex(predicate);
  return index < 0 ? items.length : index;
}
