/**
 * Pages of the legacy entries listing (`POST /entries`, one full list per entry type, no paging) from a
 * listing snapshot: page 1 downloads the types the filter names and stores them merged in date order;
 * later pages read the snapshot their cursor names. A resume token is `s1.<snapshot>.<offset>.<date>.<id>`:
 * once that snapshot expired, the page comes from a fresh download, resuming after the token's entry.
 * Bad entries (UPSTREAM_BAD_DATA) have no date: they are stored first, and every page names them.
 */
import type { EntryRecord } from '../../domain/model';
import { BadUserInputError } from '../../errors';
import type {
  ListingSnapshots,
  Snapshot,
  SnapshotHead,
  SnapshotRows,
  SnapshotWriter,
} from '../../cache/listing-snapshots';
import { isStoredBadRow, rowError, type SnapshotRow, type StoredBadRow } from '../../cache/snapshot-rows';
import type { Page, PageRequest } from '../types';

const TOKEN = /^s1\.([\w-]+)\.(\d+)\.(\d{4}-\d{2}-\d{2})\.(\d+)$/;

/**
 * MyUnisoft's listing order: by date, then by numeric entry id. Dates are checked `YYYY-MM-DD`, so code
 * unit order is date order (`localeCompare` asks ICU to collate each pair).
 */
export const byDateThenId = (a: Pick<EntryRecord, 'date' | 'providerId'>, b: typeof a): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : Number(a.providerId) - Number(b.providerId);

function parseToken(after: string | null) {
  if (after === null) return null;
  const match = TOKEN.exec(after);
  if (!match) throw new BadUserInputError('This cursor does not belong to this entry listing.', 'after');
  return { id: match[1]!, offset: Number(match[2]), last: { date: match[3]!, providerId: match[4]! } };
}

type EntrySnapshot = Snapshot<SnapshotRow<EntryRecord>>;

/** The bad rows stored at the snapshot's start; null when the snapshot expired meanwhile. */
async function leadingBadRows(snapshot: EntrySnapshot) {
  const firstGood = await snapshot.findIndex((row) => !isStoredBadRow(row));
  const count = firstGood < 0 ? snapshot.count : firstGood;
  const rows = count > 0 ? await snapshot.read(0, count) : [];
  return rows && rows.filter(isStoredBadRow);
}

/** Most rows a first page is served from before the snapshot is stored (listing-snapshots.ts's head). */
const HEAD_ROWS = 501;

export async function pageEntries(
  snapshots: ListingSnapshots,
  listing: string,
  schema: SnapshotRows<SnapshotRow<EntryRecord>>,
  download: (write: SnapshotWriter<SnapshotRow<EntryRecord>>) => Promise<void>,
  page: PageRequest,
): Promise<Page<EntryRecord>> {
  const token = parseToken(page.after);
  let snapshot: EntrySnapshot | null = null;
  if (token) snapshot = await snapshots.open(listing, token.id, schema);
  else {
    // A first page is cut from the downloaded rows, not read back from chunks that are still being written.
    const found = await snapshots.loadHead(listing, schema, download, HEAD_ROWS, { whole: true });
    if ('read' in found) snapshot = found;
    else {
      const served = found.count === undefined ? null : pageOfHead(found, found.count, page.first);
      if (served) return served;
      snapshot = await snapshots.load(listing, schema, download, found.id);
    }
  }
  const fresh = () => snapshots.load(listing, schema, download, token?.id);
  let bad = snapshot ? await leadingBadRows(snapshot) : null;
  let offset = Math.max(token?.offset ?? 0, bad?.length ?? 0);
  let rows = snapshot && bad ? await snapshot.read(offset, page.first) : null;
  if (!snapshot || !bad || !rows) {
    snapshot = await fresh();
    bad = (await leadingBadRows(snapshot)) ?? [];
    offset = bad.length;
    if (token) {
      const next = await snapshot.findIndex(
        (entry) => !isStoredBadRow(entry) && byDateThenId(entry, token.last) > 0,
      );
      offset = next < 0 ? snapshot.count : next;
    }
    rows = (await snapshot.read(offset, page.first)) ?? [];
  }
  return pageOf(snapshot, bad, offset, rows);
}

/** The first page from a download's head, or null when the head is too short to hold it. */
function pageOfHead(head: SnapshotHead<SnapshotRow<EntryRecord>>, count: number, first: number) {
  const firstGood = head.rows.findIndex((row) => !isStoredBadRow(row));
  if (firstGood < 0 && head.rows.length < count) return null;
  const bad = head.rows.slice(0, firstGood < 0 ? head.rows.length : firstGood).filter(isStoredBadRow);
  const rows = head.rows.slice(bad.length, bad.length + first);
  if (rows.length < Math.min(first, count - bad.length)) return null;
  return pageOf({ id: head.id, fetchedAt: head.fetchedAt, count }, bad, bad.length, rows);
}

function pageOf(
  snapshot: Pick<EntrySnapshot, 'id' | 'fetchedAt' | 'count'>,
  bad: StoredBadRow[],
  offset: number,
  rows: SnapshotRow<EntryRecord>[],
): Page<EntryRecord> {
  const id = snapshot.id;
  const entries = rows.filter((row): row is EntryRecord => !isStoredBadRow(row));
  return {
    items: entries.map((node, i) => ({
      node,
      resumeToken: `s1.${id}.${offset + i + 1}.${node.date}.${node.providerId}`,
    })),
    hasNextPage: offset + rows.length < snapshot.count,
    totalCount: snapshot.count - bad.length,
    fetchedAt: snapshot.fetchedAt,
    ...(bad.length > 0 ? { rowErrors: bad.map(rowError) } : {}),
  };
}
