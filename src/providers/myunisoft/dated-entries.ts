/**
 * Entries a caller named with their document dates (a general-ledger page's lines) from one
 * `/mad/entries` call per cluster of dates, instead of one `/mad/entry` call per entry (MyUnisoft allows
 * 20 calls per 10 s): a ledger page of 50 lines selecting `entry` costs one call, not up to 50. A cluster
 * ends where the next date is more than MAX_GAP_DAYS away (a call downloads little beyond what is asked)
 * or past MAD's 12 months. What this does not prove is left to `/mad/entry`: a cluster of fewer than
 * MIN_WINDOW_ENTRIES entries (cheaper one by one), an entry its window did not return or did not reach
 * within SCAN_PER_ASKED (that `/mad/entries` filters by document date is a guess, docs/providers.md),
 * and every entry of a window whose call failed (`/mad/entry` then reports, per entry, what is wrong).
 */
import DataLoader from 'dataloader';
import type { EntryRecord, IsoDate } from '../../domain/model';
import { dayNumber, lastDayWithin12Months } from './movement-windows';

/** A gap of more than a month between two asked dates starts another call. */
export const MAX_GAP_DAYS = 31;
/** Fewer entries than this in a cluster cost less as `/mad/entry` calls than as a window's download. */
export const MIN_WINDOW_ENTRIES = 3;
/**
 * Entries a window reads per entry asked before it gives up on the rest: a sparse account's page in a
 * large company spans months of everyone's entries. A page of 50 reads at most 10,000 entries (about one
 * movement window's 30,000 movements, movement-windows.ts); what it did not reach goes to `/mad/entry`.
 */
export const SCAN_PER_ASKED = 200;

export interface DatedEntry {
  entryId: string;
  date: IsoDate;
}

/** Whether `entry` (dated on or after the cluster's last) joins the cluster: near enough, within MAD's 12 months. */
const joins = (cluster: DatedEntry[], entry: DatedEntry) =>
  dayNumber(entry.date) - dayNumber(cluster.at(-1)!.date) <= MAX_GAP_DAYS &&
  entry.date <= lastDayWithin12Months(cluster[0]!.date);

/** The asked entries in date order, cut into the clusters one `/mad/entries` call each would serve. */
export function dateClusters(entries: readonly DatedEntry[]): DatedEntry[][] {
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const clusters: DatedEntry[][] = [];
  let current: DatedEntry[] | undefined;
  for (const entry of sorted) {
    if (current && joins(current, entry)) current.push(entry);
    else clusters.push((current = [entry]));
  }
  return clusters;
}

type EntryKey = { companyId: string; entryId: string };
const keyOf = ({ companyId, entryId }: EntryKey) => `${companyId}\u0000${entryId}`;

/** One request's expected entries (per session), fetched by date windows when one is asked. */
export class DatedEntries {
  /** Document date per expected entry (keyOf): only a page's worth per ledger call. */
  private readonly dates = new Map<string, IsoDate>();
  private readonly loader: DataLoader<EntryKey, EntryRecord | null, string>;

  /** `window`: every entry of the company with a document date in `from … to` (`/mad/entries`). */
  constructor(
    private readonly window: (companyId: string, from: IsoDate, to: IsoDate) => AsyncIterable<EntryRecord[]>,
  ) {
    this.loader = new DataLoader((keys) => this.fetch(keys), { cacheKeyFn: keyOf });
  }

  expect(companyId: string, entries: readonly DatedEntry[]): void {
    for (const { entryId, date } of entries) this.dates.set(keyOf({ companyId, entryId }), date);
  }

  /** The entry from its date's window, when it was expected and its window proves it; else null. */
  entry(companyId: string, entryId: string): Promise<EntryRecord | null> {
    const key = { companyId, entryId };
    return this.dates.has(keyOf(key)) ? this.loader.load(key) : Promise.resolve(null);
  }

  private async fetch(keys: readonly EntryKey[]): Promise<(EntryRecord | null)[]> {
    const byCompany = new Map<string, DatedEntry[]>();
    for (const key of keys) {
      const asked = byCompany.get(key.companyId) ?? [];
      asked.push({ entryId: key.entryId, date: this.dates.get(keyOf(key))! });
      byCompany.set(key.companyId, asked);
    }
    const found = new Map<string, EntryRecord>();
    const windows = [...byCompany].flatMap(([companyId, asked]) =>
      dateClusters(asked)
        .filter((cluster) => cluster.length >= MIN_WINDOW_ENTRIES)
        .map((cluster) => ({ companyId, cluster })),
    );
    await Promise.all(windows.map(({ companyId, cluster }) => this.read(companyId, cluster, found)));
    return keys.map((key) => found.get(keyOf(key)) ?? null);
  }

  /** Keeps the cluster's entries from its window; stops once all are found or its budget is read. */
  private async read(companyId: string, cluster: DatedEntry[], found: Map<string, EntryRecord>) {
    const wanted = new Set(cluster.map((e) => e.entryId));
    let budget = SCAN_PER_ASKED * cluster.length;
    try {
      for await (const batch of this.window(companyId, cluster[0]!.date, cluster.at(-1)!.date)) {
        for (const entry of batch) {
          if (!wanted.delete(entry.providerId)) continue;
          found.set(keyOf({ companyId, entryId: entry.providerId }), entry);
        }
        budget -= batch.length;
        if (wanted.size === 0 || budget <= 0) return;
      }
    } catch {
      // Entries this window did not give are left to `/mad/entry`, which reports what is wrong.
    }
  }
}
