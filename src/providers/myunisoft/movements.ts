/**
 * Pages through movements window by window (movement-windows.ts), each window a listing snapshot on the
 * shared store (src/cache/listing-snapshots.ts). A resume token is `m3.<window>.<offset>.<snapshot>.<movement>`
 * (m1/m2 tokens are refused): a page reads the windows it needs and, when it ends on a window's last
 * movement, looks ahead to the next non-empty window so `hasNextPage` is exact — that window is stored,
 * so the next page does not download it again. Once a token's snapshot expired, the window is downloaded
 * afresh and the page resumes after the token's movement (at its offset if that movement is gone).
 */
import type { MovementRecord } from '../../domain/model';
import { BadUserInputError } from '../../errors';
import type { Snapshot } from '../../cache/listing-snapshots';
import type { MovementFilter, Page, PageRequest } from '../types';

const TOKEN = /^m3\.(\d+)\.(\d+)\.([\w-]+)\.([\w@]+)$/;

export const movementToken = (window: number, offset: number, snapshot: string, movementId: string) =>
  `m3.${window}.${offset}.${snapshot}.${movementId}`;

interface MovementToken {
  window: number;
  offset: number;
  snapshot: string;
  movementId: string;
}

export function parseMovementToken(after: string | null): MovementToken | null {
  if (after === null) return null;
  const match = TOKEN.exec(after);
  if (!match) throw new BadUserInputError('This cursor does not belong to this movement listing.', 'after');
  return { window: Number(match[1]), offset: Number(match[2]), snapshot: match[3]!, movementId: match[4]! };
}

/** A stable key for the filter part of a listing (the window is appended per window). */
export function filterKey(companyId: string, filter: MovementFilter): string {
  const classes = [...(filter.accountClasses ?? [])].sort().join(',');
  return [
    companyId,
    filter.dateFilter ?? 'DOCUMENT',
    filter.source ?? '',
    classes,
    filter.lettering ?? '',
    filter.draft ? 1 : 0,
  ].join('|');
}

/** The snapshots of a listing's windows, by window index. */
export interface WindowSnapshots {
  count: number;
  /** The window's live snapshot, downloaded when there is none. */
  load(window: number): Promise<Snapshot<MovementRecord>>;
  /** The snapshot a token named, or null once expired. */
  open(window: number, snapshot: string): Promise<Snapshot<MovementRecord> | null>;
}

/** Where a page starts: the token's snapshot, else a fresh one resumed after the token's movement. */
async function resume(windows: WindowSnapshots, token: MovementToken | null) {
  if (!token) return { window: 0, offset: 0, snapshot: undefined };
  const named = await windows.open(token.window, token.snapshot);
  if (named) return { window: token.window, offset: token.offset, snapshot: named };
  if (token.window >= windows.count) return { window: token.window, offset: 0, snapshot: undefined };
  const snapshot = await windows.load(token.window);
  const at = await snapshot.findIndex((m) => m.providerId === token.movementId);
  return {
    window: token.window,
    offset: at >= 0 ? at + 1 : Math.min(token.offset, snapshot.count),
    snapshot,
  };
}

export async function pageMovements(
  windows: WindowSnapshots,
  page: PageRequest,
): Promise<Page<MovementRecord>> {
  const start = await resume(windows, parseMovementToken(page.after));
  let { window, offset } = start;
  let snapshot: Snapshot<MovementRecord> | undefined = start.snapshot;
  const items: Page<MovementRecord>['items'] = [];
  let fetchedAt: string | undefined;
  const use = (s: Snapshot<MovementRecord>) => {
    if (!fetchedAt || s.fetchedAt < fetchedAt) fetchedAt = s.fetchedAt;
    return s;
  };
  const done = (hasNextPage: boolean): Page<MovementRecord> => ({
    items,
    hasNextPage,
    totalCount: null,
    ...(fetchedAt ? { fetchedAt } : {}),
  });
  while (window < windows.count) {
    snapshot = use(snapshot ?? (await windows.load(window)));
    const take = Math.min(page.first - items.length, snapshot.count - offset);
    if (take > 0) {
      const rows = await snapshot.read(offset, take);
      // Expired between two reads: the same window again, downloaded afresh.
      if (!rows) {
        snapshot = undefined;
        continue;
      }
      const id = snapshot.id;
      rows.forEach((node, i) =>
        items.push({ node, resumeToken: movementToken(window, offset + i + 1, id, node.providerId) }),
      );
      offset += rows.length;
    }
    if (offset < snapshot.count) return done(true);
    window++;
    offset = 0;
    snapshot = undefined;
    // Page full and this window done: the look-ahead below decides hasNextPage.
    if (items.length >= page.first) break;
  }
  for (; window < windows.count; window++) {
    if (use(await windows.load(window)).count > 0) return done(true);
  }
  return done(false);
}
