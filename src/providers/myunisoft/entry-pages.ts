/**
 * Pages of the legacy entries listing (`POST /entries`, one full list per entry type, no paging) from a
 * listing snapshot: page 1 downloads the types the filter names and stores them merged in date order;
 * later pages read the snapshot their cursor names. A resume token is `s1.<snapshot>.<offset>.<date>.<id>`:
 * once that snapshot expired, the page comes from a fresh download, resuming after the token's entry.
 */
import type { EntryRecord } from '../../domain/model';
import { BadUserInputError } from '../../errors';
import { entryRecordSchema } from '../../cache/list-record-schemas';
import type { ListingSnapshots, Snapshot, SnapshotWriter } from '../../cache/listing-snapshots';
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

export async function pageEntries(
  snapshots: ListingSnapshots,
  listing: string,
  download: (write: SnapshotWriter<EntryRecord>) => Promise<void>,
  page: PageRequest,
): Promise<Page<EntryRecord>> {
  const token = parseToken(page.after);
  const fresh = () => snapshots.load(listing, entryRecordSchema, download);
  let snapshot: Snapshot<EntryRecord> | null = token
    ? await snapshots.open(listing, token.id, entryRecordSchema)
    : null;
  let offset = token?.offset ?? 0;
  let rows = snapshot ? await snapshot.read(offset, page.first) : null;
  if (!snapshot || !rows) {
    snapshot = await fresh();
    if (token) {
      const next = await snapshot.findIndex((entry) => byDateThenId(entry, token.last) > 0);
      offset = next < 0 ? snapshot.count : next;
    }
    rows = (await snapshot.read(offset, page.first)) ?? [];
  }
  const id = snapshot.id;
  return {
    items: rows.map((node, i) => ({
      node,
      resumeToken: `s1.${id}.${offset + i + 1}.${node.date}.${node.providerId}`,
    })),
    hasNextPage: offset + rows.length < snapshot.count,
    totalCount: snapshot.count,
    fetchedAt: snapshot.fetchedAt,
  };
}
