/**
 * Pages through movements window by window (movement-windows.ts), each window a listing snapshot on the
 * shared store (src/cache/listing-snapshots.ts). A resume token is
 * `m4.<window start>.<window end>.<period end>.<offset>.<snapshot>.<movement>` (older tokens are refused;
 * the period's end spares later pages the exercise lookup): a page reads
 * the windows it needs and, when it ends on a window's last movement, looks ahead to the next non-empty
 * window so `hasNextPage` is exact — that window is stored, so the next page does not download it again.
 * Once a token's snapshot expired, its window is downloaded afresh and the page resumes after the token's
 * movement (at its offset if that movement is gone).
 */
import type { IsoDate, MovementRecord } from '../../domain/model';
import { BadUserInputError } from '../../errors';
import type { Snapshot } from '../../cache/listing-snapshots';
import type { MovementFilter, Page } from '../types';
import type { DateWindow } from './movement-windows';

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const TOKEN = new RegExp(String.raw`^m4\.(${DATE})\.(${DATE})\.(${DATE})\.(\d+)\.([\w-]+)\.([\w@]+)$`);

export interface MovementToken {
  window: DateWindow;
  periodEnd: IsoDate;
  offset: number;
  snapshot: string;
  movementId: string;
}

const tokenOf = (
  window: DateWindow,
  periodEnd: IsoDate,
  offset: number,
  snapshot: string,
  movementId: string,
) => `m4.${window.start}.${window.end}.${periodEnd}.${offset}.${snapshot}.${movementId}`;

export function parseMovementToken(after: string | null): MovementToken | null {
  if (after === null) return null;
  const match = TOKEN.exec(after);
  if (!match || match[1]! > match[2]! || match[2]! > match[3]!)
    throw new BadUserInputError('This cursor does not belong to this movement listing.', 'after');
  return {
    window: { start: match[1]!, end: match[2]! },
    periodEnd: match[3]!,
    offset: Number(match[4]),
    snapshot: match[5]!,
    movementId: match[6]!,
  };
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

/** The windows of one listing and their snapshots. */
export interface WindowSnapshots {
  /** The last day of the listing's period. */
  periodEnd: IsoDate;
  /** The period's first window; null when the period is empty. */
  first: DateWindow | null;
  /** The window after one that held `count` movements; null at the period's end. */
  next(window: DateWindow, count: number): DateWindow | null;
  /** The window's live snapshot, downloaded when there is none. */
  load(window: DateWindow): Promise<Snapshot<MovementRecord>>;
  /** The snapshot a token named, or null once expired. */
  open(window: DateWindow, snapshot: string): Promise<Snapshot<MovementRecord> | null>;
}

/** Where a page starts: the token's snapshot, else a fresh one resumed after the token's movement. */
async function resume(windows: WindowSnapshots, token: MovementToken | null) {
  if (!token) return { window: windows.first, offset: 0, snapshot: undefined };
  const named = await windows.open(token.window, token.snapshot);
  if (named) return { window: token.window, offset: token.offset, snapshot: named };
  const snapshot = await windows.load(token.window);
  const at = await snapshot.findIndex((m) => m.providerId === token.movementId);
  return {
    window: token.window,
    offset: at >= 0 ? at + 1 : Math.min(token.offset, snapshot.count),
    snapshot,
  };
}

/** A page of `first` movements after `token` (parsed from the page request's `after`). */
export async function pageMovements(
  windows: WindowSnapshots,
  token: MovementToken | null,
  first: number,
): Promise<Page<MovementRecord>> {
  const page = { first };
  const start = await resume(windows, token);
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
  while (window) {
    snapshot = use(snapshot ?? (await windows.load(window)));
    const take = Math.min(page.first - items.length, snapshot.count - offset);
    if (take > 0) {
      const rows = await snapshot.read(offset, take);
      // Expired between two reads: the same window again, downloaded afresh.
      if (!rows) {
        snapshot = undefined;
        continue;
      }
      const current = window;
      const id = snapshot.id;
      rows.forEach((node, i) =>
        items.push({
          node,
          resumeToken: tokenOf(current, windows.periodEnd, offset + i + 1, id, node.providerId),
        }),
      );
      offset += rows.length;
    }
    if (offset < snapshot.count) return done(true);
    window = windows.next(window, snapshot.count);
    offset = 0;
    snapshot = undefined;
    // Page full and this window done: the look-ahead below decides hasNextPage.
    if (items.length >= page.first) break;
  }
  while (window) {
    const ahead = use(await windows.load(window));
    if (ahead.count > 0) return done(true);
    window = windows.next(window, 0);
  }
  return done(false);
}
