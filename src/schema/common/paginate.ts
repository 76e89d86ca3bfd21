/** Turns a provider Page (or an in-memory list) into a Relay connection with signed cursors. */
import { decodeCursor, encodeCursor, type ConnectionKey } from '../../domain/cursor';
import type { Page, PageRequest } from '../../providers/types';
import { BadUserInputError } from '../../errors';
import type { Connection, Edge } from './connection.type';
import type { PageInfo } from './page-info.type';
import type { PageArgs } from './pagination.validation';

/** Cursor signing inputs of a request. */
export interface CursorScope {
  secret: string;
  key: ConnectionKey;
}

/** Verifies `after` (BAD_USER_INPUT on replay/tampering) and returns the provider page request. */
export function toPageRequest(scope: CursorScope, args: PageArgs): PageRequest {
  return {
    first: args.first,
    after: args.after === null ? null : decodeCursor(scope.secret, scope.key, args.after),
  };
}

/**
 * An edge whose cursor is signed (HMAC) only when selected: most clients page with pageInfo.endCursor.
 * A class, not a literal with a getter: one object per edge instead of four (closure, context, accessor).
 */
class LazyEdge<T> implements Edge<T> {
  private signed: string | undefined;

  constructor(
    private readonly item: Page<T>['items'][number],
    private readonly scope: CursorScope,
  ) {}

  get node(): T {
    return this.item.node;
  }

  get cursor(): string {
    return (this.signed ??= encodeCursor(this.scope.secret, this.scope.key, this.item.resumeToken));
  }
}

/** Page info whose two cursors are signed (through their edges) only when selected. */
class LazyPageInfo<T> implements PageInfo {
  constructor(
    private readonly edges: Edge<T>[],
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

export function toConnection<T>(scope: CursorScope, args: PageArgs, page: Page<T>): Connection<T> {
  // A provider may return more than asked; the gateway never serves more than `first`.
  const items = page.items.length > args.first ? page.items.slice(0, args.first) : page.items;
  const edges = items.map((item): Edge<T> => new LazyEdge(item, scope));
  return {
    edges,
    pageInfo: new LazyPageInfo(
      edges,
      page.hasNextPage || page.items.length > args.first,
      args.after !== null,
    ),
    totalCount: page.totalCount,
    fetchedAt: page.fetchedAt ?? new Date().toISOString(),
    ...(page.rowErrors?.length ? { rowErrors: page.rowErrors } : {}),
  };
}

/** Paginates a list held by the gateway (companies): the resume token is the next offset. */
export function paginateList<T>(scope: CursorScope, args: PageArgs, all: readonly T[]): Connection<T> {
  const request = toPageRequest(scope, args);
  const start = request.after === null ? 0 : Number(request.after);
  if (!Number.isSafeInteger(start) || start < 0)
    throw new BadUserInputError('after is not a valid cursor.', 'after');
  const slice = all.slice(start, start + args.first);
  const page: Page<T> = {
    items: slice.map((node, i) => ({ node, resumeToken: String(start + i + 1) })),
    hasNextPage: start + args.first < all.length,
    totalCount: all.length,
  };
  return toConnection(scope, args, page);
}
