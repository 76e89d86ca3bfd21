/**
 * Movement.entry from the movement slice a page came from, instead of one `/mad/entry` call per entry
 * (MyUnisoft allows 20 calls per 10 s). Every MAD movement carries its entry, and an entry's movements
 * share its document date, accounting date and draft state; so a slice narrowed by nothing else holds,
 * once downloaded, every line of every entry it names. Anything short of that proof answers null and
 * the caller asks `/mad/entry`: a slice filtered by account class, lettering or source (they drop
 * lines of an entry), on the `myunisoft` timestamp (the docs do not say it is the entry's), holding a
 * bad row (any entry's line, for all we know), expired, downloading on another instance, or an entry
 * whose movements disagree on what `/mad/entry` gives once (date, journal, currency, type).
 * Lines keep the slice's order: a guess that `/mad/entry` lists an entry's movements in the order
 * `/mad/movements` does (README, simulator guesses).
 */
import DataLoader from 'dataloader';
import type { EntryLineRecord, EntryRecord, MovementRecord } from '../../domain/model';
import type { Snapshot } from '../../cache/listing-snapshots';
import { isStoredBadRow, type SnapshotRow } from '../../cache/snapshot-rows';
import type { MovementFilter } from '../types';

/** Rows read at a time while scanning a slice: a few chunks, not the slice's ~30,000 records at once. */
const SCAN_ROWS = 1_000;

/** A slice's snapshot as a page named it: the listing (its upstream filter) and the download's id. */
export interface SliceSource {
  listing: string;
  snapshot: string;
}

/** Filter keys that narrow a slice by its entries' own dates or draft state only (never by line). */
const WHOLE_ENTRY_KEYS: ReadonlySet<string> = new Set(['from', 'to', 'dateFilter', 'draft', 'booked']);

/**
 * Whether a slice with this upstream filter holds every movement of the entries it holds: an allowlist,
 * so a filter added later counts as dropping lines until shown otherwise.
 */
export function holdsWholeEntries(upstream: MovementFilter): boolean {
  for (const [key, value] of Object.entries(upstream)) {
    const narrows = value !== undefined && !(Array.isArray(value) && value.length === 0);
    if (narrows && !WHOLE_ENTRY_KEYS.has(key)) return false;
  }
  return upstream.dateFilter !== 'MYUNISOFT';
}

const sameJournal = (a: MovementRecord['journal'], b: MovementRecord['journal']) =>
  a.code === b.code && a.label === b.label && a.type === b.type;

/**
 * An entry as `entryFromMad` maps `/mad/entry`, from all its movements in slice order; null when they
 * cannot give it exactly: a movement without an account (MAD's account name is then lost) or without
 * its entry's type, or movements disagreeing on their entry's fields.
 */
export function entryOfMovements(
  companyId: string,
  entryId: string,
  movements: readonly MovementRecord[],
): EntryRecord | null {
  const first = movements[0];
  if (!first?.entryType) return null;
  const lines: EntryLineRecord[] = [];
  for (const m of movements) {
    if (!m.account || m.entryType !== first.entryType || m.date !== first.date) return null;
    if (m.currency !== first.currency || !sameJournal(m.journal, first.journal)) return null;
    lines.push({
      account: { number: m.account.number, name: m.account.name },
      label: m.description,
      debit: m.debit,
      credit: m.credit,
      currency: m.currency,
      piece: m.piece,
      invoiceNumber: m.invoiceNumber,
      dueDate: m.dueDate,
    });
  }
  return {
    provider: 'MYUNISOFT',
    companyId,
    providerId: entryId,
    type: first.entryType,
    journal: first.journal,
    date: first.date,
    lines,
    documentIds: [],
  };
}

/** The movements of `wanted` entries in a whole slice, in its order; null when it cannot prove them whole. */
async function movementsOfEntries(
  snapshot: Snapshot<SnapshotRow<MovementRecord>>,
  wanted: ReadonlySet<string>,
): Promise<Map<string, MovementRecord[]> | null> {
  const found = new Map<string, MovementRecord[]>();
  for (let offset = 0; offset < snapshot.count; offset += SCAN_ROWS) {
    const rows = await snapshot.read(offset, SCAN_ROWS);
    if (!rows) return null;
    for (const row of rows) {
      if (isStoredBadRow(row)) return null;
      if (row.entryId === null || !wanted.has(row.entryId)) continue;
      const lines = found.get(row.entryId);
      if (lines) lines.push(row);
      else found.set(row.entryId, [row]);
    }
  }
  return found;
}

interface SliceScan {
  /** The entry ids the scan looked for: an entry shown later needs a scan of its own. */
  asked: ReadonlySet<string>;
  entries: ReadonlyMap<string, EntryRecord>;
}

/** The entries a request's pages showed from one slice (a listing, and so a slice, is one company's). */
interface ShownEntries {
  companyId: string;
  ids: Set<string>;
}

const sourceKey = (source: SliceSource) => `${source.listing}\u0000${source.snapshot}`;
const entryKey = (companyId: string, entryId: string) => `${companyId}\u0000${entryId}`;

/**
 * One request's entries from its pages' slices. A slice is scanned once for every entry the request's
 * pages showed from it (a DataLoader keyed by slice), not once per entry asked.
 */
export class SliceEntries {
  /** Entry ids of pages served since an entry was last asked: indexed only when one is. */
  private unindexed: { companyId: string; source: SliceSource; ids: string[] }[] = [];
  /** Per slice (sourceKey), the entries shown from it. */
  private readonly shown = new Map<string, ShownEntries>();
  /** Per entry (entryKey), the first slice a page showed it from. */
  private readonly sourceOf = new Map<string, SliceSource>();
  private readonly scans: DataLoader<SliceSource, SliceScan, string>;

  /**
   * `settled`: the snapshot once its download has ended, or null (ListingSnapshots.settled). It waits
   * for a slice still downloading: at most ~30,000 movements of one MAD answer already under way, where
   * falling back costs one `/mad/entry` per entry against MyUnisoft's 20 calls per 10 s.
   */
  constructor(
    private readonly settled: (source: SliceSource) => Promise<Snapshot<SnapshotRow<MovementRecord>> | null>,
  ) {
    this.scans = new DataLoader((sources) => Promise.all(sources.map((s) => this.scan(s))), {
      cacheKeyFn: sourceKey,
    });
  }

  /**
   * Remembers the entries of a page's rows from a slice whose filter is `upstream`, if it holds whole
   * entries. Only their ids: holding the page's records here took bench part 3's walk (no entries asked)
   * from ~170 MB to 215 MB peak RSS.
   */
  served(
    companyId: string,
    upstream: MovementFilter,
    source: SliceSource,
    rows: readonly SnapshotRow<MovementRecord>[],
  ): void {
    if (!holdsWholeEntries(upstream)) return;
    const ids: string[] = [];
    for (const row of rows) {
      // An entry's movements usually come one after another: its id once, not per movement.
      if (!isStoredBadRow(row) && row.entryId !== null && row.entryId !== ids.at(-1)) ids.push(row.entryId);
    }
    if (ids.length > 0) this.unindexed.push({ companyId, source, ids });
  }

  private index(companyId: string, source: SliceSource, ids: readonly string[]): void {
    const key = sourceKey(source);
    let shown = this.shown.get(key);
    if (!shown) this.shown.set(key, (shown = { companyId, ids: new Set() }));
    for (const entryId of ids) {
      shown.ids.add(entryId);
      const entry = entryKey(companyId, entryId);
      if (!this.sourceOf.has(entry)) this.sourceOf.set(entry, source);
    }
  }

  /** The entry from a slice a page of this request showed it from; null when none proves it whole. */
  async entry(companyId: string, entryId: string): Promise<EntryRecord | null> {
    for (const page of this.unindexed) this.index(page.companyId, page.source, page.ids);
    this.unindexed = [];
    const source = this.sourceOf.get(entryKey(companyId, entryId));
    if (!source) return null;
    let scan = await this.scans.load(source);
    if (!scan.asked.has(entryId)) {
      // Shown by a page served after the slice was scanned: scanned again, with it.
      this.scans.clear(source);
      scan = await this.scans.load(source);
    }
    return scan.entries.get(entryId) ?? null;
  }

  private async scan(source: SliceSource): Promise<SliceScan> {
    const shown = this.shown.get(sourceKey(source))!;
    const asked = new Set(shown.ids);
    const entries = new Map<string, EntryRecord>();
    // A failed read proves nothing: its entries are asked of `/mad/entry`, which reports what is wrong.
    const found = await this.settled(source)
      .then((snapshot) => (snapshot ? movementsOfEntries(snapshot, asked) : null))
      .catch(() => null);
    for (const [entryId, movements] of found ?? []) {
      const entry = entryOfMovements(shown.companyId, entryId, movements);
      if (entry) entries.set(entryId, entry);
    }
    return { asked, entries };
  }
}
