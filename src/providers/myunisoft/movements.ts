/**
 * Pages through movements slice by slice (movement-slices.ts: date windows, or an exercise's validated
 * then draft windows), each slice a listing snapshot on the shared store (src/cache/listing-snapshots.ts).
 * A resume token is `m5.<v|d>.<period start>.<window start>.<window end>.<period end>.<offset>.<snapshot>.<movement>`
 * (older tokens are refused; the period spares later pages the exercise lookup): a page reads the slices
 * it needs and, when it ends on a slice's last row, looks ahead to the next non-empty slice so
 * `hasNextPage` is exact — that slice is stored, so the next page does not download it again. Once a
 * token's snapshot expired, its slice is downloaded afresh and the page resumes after the token's
 * movement (at its offset if that movement is gone). A bad row stays in its snapshot as a marker and is
 * reported (UPSTREAM_BAD_DATA) by the page that passes over it, downloaded or served from the snapshot.
 * A first page does not wait for its whole first slice: it is served from the slice's first rows (`head`).
 * No page waits for a whole slice either: one still downloading serves a page once it stored the page's
 * rows and one more (a growing snapshot), and the look-ahead waits for one row only.
 */
import type { IsoDate, MovementRecord } from '../../domain/model';
import { BadUserInputError, type UpstreamError } from '../../errors';
import type { Snapshot, SnapshotHead } from '../../cache/listing-snapshots';
import { isStoredBadRow, rowError, type SnapshotRow } from '../../cache/snapshot-rows';
import type { MovementFilter, Page } from '../types';
import type { MovementSlice, SlicePlan } from './movement-slices';

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const TOKEN = new RegExp(
  String.raw`^m5\.([vd])\.(${DATE})\.(${DATE})\.(${DATE})\.(${DATE})\.(\d+)\.([\w-]+)\.([\w@]+)$`,
);

export interface MovementToken {
  slice: MovementSlice;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  offset: number;
  snapshot: string;
  movementId: string;
}

export type MovementSnapshot = Snapshot<SnapshotRow<MovementRecord>>;

const tokenOf = (
  plan: SlicePlan,
  slice: MovementSlice,
  offset: number,
  snapshot: string,
  movementId: string,
) =>
  `m5.${slice.drafts ? 'd' : 'v'}.${plan.from}.${slice.window.start}.${slice.window.end}.${plan.to}.${offset}.${snapshot}.${movementId}`;

/** Where a page's rows come from: their token names the plan, slice and snapshot, then the row. */
interface TokenPlace {
  plan: SlicePlan;
  slice: MovementSlice;
  snapshot: string;
}

/**
 * A page's movement whose resume token is built only when read: a page signs one or two cursors
 * (pageInfo), and 500 token strings per page were garbage that outlived scavenges (bench/notes.md).
 */
class MovementItem {
  constructor(
    readonly node: MovementRecord,
    private readonly place: TokenPlace,
    private readonly offset: number,
  ) {}

  get resumeToken(): string {
    const { plan, slice, snapshot } = this.place;
    return tokenOf(plan, slice, this.offset, snapshot, this.node.providerId);
  }
}

export function parseMovementToken(after: string | null): MovementToken | null {
  if (after === null) return null;
  const match = TOKEN.exec(after);
  if (!match || match[2]! > match[3]! || match[3]! > match[4]! || match[4]! > match[5]!)
    throw new BadUserInputError('This cursor does not belong to this movement listing.', 'after');
  return {
    slice: { window: { start: match[3]!, end: match[4]! }, drafts: match[1] === 'd' },
    periodStart: match[2]!,
    periodEnd: match[5]!,
    offset: Number(match[6]),
    snapshot: match[7]!,
    movementId: match[8]!,
  };
}

/** A stable key for what one upstream call downloads (a slice's filter, see movement-slices.ts). */
export function filterKey(companyId: string, filter: MovementFilter): string {
  const classes = [...(filter.accountClasses ?? [])].sort().join(',');
  return [
    companyId,
    filter.exerciseId ?? '',
    filter.from ?? '',
    filter.to ?? '',
    filter.dateFilter ?? 'DOCUMENT',
    filter.source ?? '',
    classes,
    filter.lettering ?? '',
    filter.draft === undefined ? '' : String(filter.draft),
  ].join('|');
}

/** The slices of one listing and their snapshots. */
export interface SliceSnapshots {
  plan: SlicePlan;
  /** The listing's first slice; null when the period is empty. */
  first: MovementSlice | null;
  /** The slice after one that held `count` rows; null at the listing's end. */
  next(slice: MovementSlice, count: number): MovementSlice | null;
  /**
   * The slice's live snapshot, downloaded when there is none (`ownId`: the one a cursor named). `need`:
   * one still downloading is handed over growing once it stored `need` rows (listing-snapshots.ts).
   */
  load(slice: MovementSlice, ownId?: string, need?: number): Promise<MovementSnapshot>;
  /** The snapshot a token named, or null once expired; `need` as for `load`. */
  open(slice: MovementSlice, snapshot: string, need?: number): Promise<MovementSnapshot | null>;
  /** As `load`, or the first `rows` rows of the slice while it is still downloading. */
  head?(
    slice: MovementSlice,
    rows: number,
  ): Promise<MovementSnapshot | SnapshotHead<SnapshotRow<MovementRecord>>>;
  /** Told which rows a page took from which snapshot of a slice (Movement.entry may read it). */
  served?(slice: MovementSlice, snapshot: string, rows: readonly SnapshotRow<MovementRecord>[]): void;
}

/**
 * A first page served from the rows of its first slice downloaded so far (the rest is still being
 * stored): only when they hold a full page of good rows and one more, so hasNextPage is known.
 */
function pageFromHead(
  slices: SliceSnapshots,
  slice: MovementSlice,
  head: SnapshotHead<SnapshotRow<MovementRecord>>,
  first: number,
): Page<MovementRecord> | null {
  if (head.rows.length <= first || head.rows.slice(0, first + 1).some(isStoredBadRow)) return null;
  const rows = head.rows.slice(0, first) as MovementRecord[];
  const place = { plan: slices.plan, slice, snapshot: head.id };
  slices.served?.(slice, head.id, rows);
  return {
    items: rows.map((node, i) => new MovementItem(node, place, i + 1)),
    hasNextPage: true,
    totalCount: null,
    fetchedAt: head.fetchedAt,
  };
}

/** Where a page of `first` starts: the token's snapshot, else a fresh one resumed after the token's movement. */
async function resume(slices: SliceSnapshots, token: MovementToken | null, first: number) {
  if (!token) return { slice: slices.first, offset: 0, snapshot: undefined };
  const named = await slices.open(token.slice, token.snapshot, token.offset + first + 1);
  if (named) return { slice: token.slice, offset: token.offset, snapshot: named };
  const snapshot = await slices.load(token.slice, token.snapshot);
  const at = await snapshot.findIndex((m) => !isStoredBadRow(m) && m.providerId === token.movementId);
  return {
    slice: token.slice,
    offset: at >= 0 ? at + 1 : Math.min(token.offset, snapshot.count),
    snapshot,
  };
}

/** A page of `first` movements after `token` (parsed from the page request's `after`). */
export async function pageMovements(
  slices: SliceSnapshots,
  token: MovementToken | null,
  first: number,
): Promise<Page<MovementRecord>> {
  const start = await resume(slices, token, first);
  let { slice, offset } = start;
  let snapshot: MovementSnapshot | undefined = start.snapshot;
  if (!token && slice && first > 0 && slices.head) {
    const head = await slices.head(slice, first + 1);
    if (!('read' in head)) {
      const page = pageFromHead(slices, slice, head, first);
      if (page) return page;
    } else snapshot = head;
  }
  const items: Page<MovementRecord>['items'] = [];
  const rowErrors: UpstreamError[] = [];
  let fetchedAt: string | undefined;
  const use = (s: MovementSnapshot) => {
    if (!fetchedAt || s.fetchedAt < fetchedAt) fetchedAt = s.fetchedAt;
    return s;
  };
  const done = (hasNextPage: boolean): Page<MovementRecord> => ({
    items,
    hasNextPage,
    totalCount: null,
    ...(fetchedAt ? { fetchedAt } : {}),
    ...(rowErrors.length > 0 ? { rowErrors } : {}),
  });
  // Rows a page still needs from `offset` on, and one more: a growing snapshot then tells hasNextPage.
  const need = () => offset + first - items.length + 1;
  while (slice) {
    snapshot = use(snapshot ?? (await slices.load(slice, undefined, need())));
    const take = Math.min(first - items.length, snapshot.count - offset);
    if (take > 0) {
      const rows = await snapshot.read(offset, take);
      // Expired between two reads: the same slice again, downloaded afresh.
      if (!rows) {
        snapshot = undefined;
        continue;
      }
      const place = { plan: slices.plan, slice, snapshot: snapshot.id };
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        // A bad row is reported by the page that passes over it, and takes no place in it.
        if (isStoredBadRow(row)) rowErrors.push(rowError(row));
        else items.push(new MovementItem(row, place, offset + i + 1));
      }
      slices.served?.(slice, snapshot.id, rows);
      offset += rows.length;
      if (items.length < first && offset < snapshot.count) continue;
    }
    if (offset < snapshot.count) return done(true);
    // Read up to what a growing snapshot had stored: the same download, once it stored more (or ended).
    if (snapshot.growing) {
      snapshot = (await slices.open(slice, snapshot.id, need())) ?? undefined;
      continue;
    }
    slice = slices.next(slice, snapshot.count);
    offset = 0;
    snapshot = undefined;
    // Page full and this slice done: the look-ahead below decides hasNextPage.
    if (items.length >= first) break;
  }
  while (slice) {
    const ahead = use(await slices.load(slice, undefined, 1));
    if (ahead.count > 0) return done(true);
    slice = slices.next(slice, 0);
  }
  return done(false);
}
