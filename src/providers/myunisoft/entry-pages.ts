/**
 * Pages of the legacy entries listing (`POST /entries`, one full list per entry type, no paging) from a
 * listing snapshot: page 1 downloads the types the filter names and stores them merged in date order;
 * later pages read the snapshot their cursor names. A resume token is `s1.<snapshot>.<offset>.<date>.<id>`:
 * once that snapshot expired, the page comes from a fresh download, resuming after the token's entry.
 * Bad entries (UPSTREAM_BAD_DATA) have no date: they are stored first, and every page names them.
 */
import type { EntryRecord } from '../../domain/model';
import type { z } from 'zod';
import { BadUserInputError } from '../../errors';
import type { ListingSnapshots, Snapshot, SnapshotWriter } from '../../cache/listing-snapshots';
import { isStoredBadRow, rowError, type SnapshotRow } from '../../cache/snapshot-rows';
import type { Page, PageRequest } from '../types';

const TOKEN = /^s1\.([\w-]+)\.(\d+)\.(\d{4}-\d{2}-\d{2})\.(\d+)$/;

/** MyUnisoft's listing order: by date, then by numeric entry id. */
export const byDateThenId = (a: Pick<EntryRecord, 'date' | 'providerId'>, b: typeof a): number =>
  a.date.localeCompare(b.date) || Number(a.providerId) - Number(b.providerId);

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

export async function pageEntries(
  snapshots: ListingSnapshots,
  listing: string,
  schema: z.ZodType<SnapshotRow<EntryRecord>>,
  download: (write: SnapshotWriter<SnapshotRow<EntryRecord>>) => Promise<void>,
  page: PageRequest,
): Promise<Page<EntryRecord>> {
  const token = parseToken(page.after);
  const fresh = () => snapshots.load(listing, schema, download, token?.id);
  let snapshot: EntrySnapshot | null = token ? await snapshots.open(listing, token.id, schema) : null;
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
