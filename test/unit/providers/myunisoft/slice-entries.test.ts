/**
 * Entries assembled from a movement slice (slice-entries.ts): which slices prove an entry whole, the
 * record `/mad/entry` would give, one scan per slice, and never from a slice still downloading.
 */
import { ListingSnapshots, type SnapshotWriter } from '../../../../src/cache/listing-snapshots';
import { movementRowFormat } from '../../../../src/cache/list-record-schemas';
import type { SnapshotRow } from '../../../../src/cache/snapshot-rows';
import type { MovementRecord } from '../../../../src/domain/model';
import { entryFromMad, movementsOfMadEntry } from '../../../../src/providers/myunisoft/map';
import type { MadEntry } from '../../../../src/providers/myunisoft/schemas';
import type { MovementFilter } from '../../../../src/providers/types';
import {
  entryOfMovements,
  holdsWholeEntries,
  SliceEntries,
  type SliceSource,
} from '../../../../src/providers/myunisoft/slice-entries';
import { MemoryStore } from '../../../../src/store/memory-store';

const COMPANY = '2101';
const WINDOW = { from: '2025-01-01', to: '2025-01-10' };

function madEntry(id: string, lines: number, source = 'O'): MadEntry {
  return {
    producerId: id,
    date: '2025-01-05',
    currency: { code: 'EUR' },
    journal: { customerReferenceCode: 'AC', name: 'ACHATS', type: 'Achat' },
    additionalProducerProperties: { source: { name: source }, accountedAt: '2025-01-06' },
    movements: Array.from({ length: lines }, (_, n) => ({
      producerId: `${id}${n}`,
      description: n === 1 ? '' : `line ${n}`,
      dueDate: n === 0 ? '2025-02-05' : null,
      freeNumber: n === 0 ? 'P-12' : null,
      invoiceNumber: n === 2 ? 'F-7' : null,
      value: { credit: n === 0 ? 12.34 : 0, debit: n === 0 ? 0 : 6.17, amount: n === 0 ? 12.34 : -6.17 },
      account: { number: n === 0 ? '401000' : '606000', name: n === 0 ? null : 'Achats' },
      analytics: [],
      lettering: null,
    })),
  };
}

const movementsOf = (entry: MadEntry) => movementsOfMadEntry(COMPANY, entry);

describe('which slices hold whole entries', () => {
  it('those narrowed by dates and draft state only', () => {
    expect(holdsWholeEntries({ ...WINDOW })).toBe(true);
    expect(holdsWholeEntries({ ...WINDOW, dateFilter: 'ACCOUNTING', draft: false })).toBe(true);
    expect(holdsWholeEntries({ ...WINDOW, dateFilter: 'DOCUMENT', draft: true })).toBe(true);
    expect(holdsWholeEntries({ ...WINDOW, accountClasses: [] })).toBe(true);
    expect(holdsWholeEntries({ ...WINDOW, accountClasses: ['6'] })).toBe(false);
    expect(holdsWholeEntries({ ...WINDOW, lettering: 'NONE' })).toBe(false);
    expect(holdsWholeEntries({ ...WINDOW, source: 'FEC' })).toBe(false);
    expect(holdsWholeEntries({ ...WINDOW, dateFilter: 'MYUNISOFT' })).toBe(false);
  });

  it('not those with a filter it does not know: a new filter narrows lines until shown otherwise', () => {
    const later = { ...WINDOW, journalCodes: ['VT'] } as MovementFilter;
    expect(holdsWholeEntries(later)).toBe(false);
  });
});

describe('an entry from its movements', () => {
  it('is the record entryFromMad gives for /mad/entry: type, journal, date, lines in order', () => {
    for (const source of ['O', 'FEC', 'EXT']) {
      const entry = madEntry('77', 3, source);
      expect(entryOfMovements(COMPANY, '77', movementsOf(entry))).toEqual(entryFromMad(COMPANY, entry));
    }
  });

  it('is not made when a movement lost what /mad/entry gives', () => {
    const movements = movementsOf(madEntry('77', 3));
    const without = (n: number, change: Partial<MovementRecord>) =>
      movements.map((m, i) => (i === n ? { ...m, ...change } : m));
    // MAD's account name is gone with a movement's account-less record.
    expect(entryOfMovements(COMPANY, '77', without(1, { account: null }))).toBeNull();
    // A movement without its entry's type.
    expect(entryOfMovements(COMPANY, '77', without(0, { entryType: null }))).toBeNull();
    expect(entryOfMovements(COMPANY, '77', without(2, { entryType: 'MANUAL' }))).toBeNull();
    expect(entryOfMovements(COMPANY, '77', without(2, { date: '2025-01-04' }))).toBeNull();
    expect(entryOfMovements(COMPANY, '77', [])).toBeNull();
  });
});

describe('entries from a slice snapshot', () => {
  type Row = SnapshotRow<MovementRecord>;
  const LISTING = 'movements|slice';

  /** A slice download handing over `first`, then `rest` once `release` is called. */
  function gatedSlice(first: Row[], rest: Row[]) {
    const snapshots = new ListingSnapshots({ store: new MemoryStore(), tenantId: 't', chunkSize: 2 });
    let release!: (error?: Error) => void;
    const gate = new Promise<void>((resolve, reject) => {
      release = (error) => (error ? reject(error) : resolve());
    });
    const download = async (write: SnapshotWriter<Row>) => {
      await write(first);
      await gate;
      await write(rest);
    };
    let settledCalls = 0;
    const entries = new SliceEntries(({ listing, snapshot }) => {
      settledCalls++;
      return snapshots.settled(listing, snapshot, movementRowFormat);
    });
    /** The head a first page is served from, told to `entries` as the connector does. */
    const servedHead = async (rows: number) => {
      const head = await snapshots.loadHead(LISTING, movementRowFormat, download, rows);
      const shown = ('rows' in head ? head.rows : ((await head.read(0, rows)) ?? [])) as MovementRecord[];
      const source: SliceSource = { listing: LISTING, snapshot: head.id };
      entries.served(COMPANY, WINDOW, source, shown);
      return { shown, source };
    };
    return { release, servedHead, entries, settledCalls: () => settledCalls };
  }

  const turns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
  };

  it('waits for a slice still downloading: lines stored after the page are part of its entry', async () => {
    const a = movementsOf(madEntry('10', 3));
    const b = movementsOf(madEntry('20', 2));
    // Entry 10's movements are not one after another: its last one arrives after the page was served.
    const slice = gatedSlice([a[0]!, b[0]!, a[1]!, b[1]!], [a[2]!]);
    const { shown } = await slice.servedHead(2);
    expect(shown.map((m) => m.entryId)).toEqual(['10', '20']);
    let answered = false;
    const asked = slice.entries.entry(COMPANY, '10').then((entry) => {
      answered = true;
      return entry;
    });
    await turns(20);
    // From the four rows stored so far it would have had two lines.
    expect(answered).toBe(false);
    slice.release();
    expect(await asked).toEqual(entryFromMad(COMPANY, madEntry('10', 3)));
    expect(await slice.entries.entry(COMPANY, '20')).toEqual(entryFromMad(COMPANY, madEntry('20', 2)));
  });

  it('scans a slice once for all the entries a page showed from it', async () => {
    const a = movementsOf(madEntry('10', 3));
    const b = movementsOf(madEntry('20', 2));
    const slice = gatedSlice([...a, ...b], []);
    slice.release();
    await slice.servedHead(5);
    const [ea, eb] = await Promise.all([
      slice.entries.entry(COMPANY, '10'),
      slice.entries.entry(COMPANY, '20'),
    ]);
    expect(await slice.entries.entry(COMPANY, '10')).toBe(ea);
    expect([ea?.lines.length, eb?.lines.length]).toEqual([3, 2]);
    expect(slice.settledCalls()).toBe(1);
    // An entry no page of the request showed is left to /mad/entry.
    expect(await slice.entries.entry(COMPANY, '30')).toBeNull();
  });

  it('proves nothing from a slice whose download failed, or that holds a bad row', async () => {
    const a = movementsOf(madEntry('10', 3));
    const failed = gatedSlice(a.slice(0, 2), a.slice(2));
    await failed.servedHead(1);
    const asked = failed.entries.entry(COMPANY, '10');
    failed.release(new Error('connection reset'));
    expect(await asked).toBeNull();

    const bad = { badRow: 'movement 9', reason: 'unexpected shape at value', provider: 'MYUNISOFT' as const };
    const withBad = gatedSlice([...a, bad], []);
    withBad.release();
    await withBad.servedHead(2);
    expect(await withBad.entries.entry(COMPANY, '10')).toBeNull();
  });

  it('remembers nothing of a slice filtered by account class', async () => {
    const entries = new SliceEntries(() => Promise.reject(new Error('never read')));
    const source = { listing: LISTING, snapshot: 's1' };
    entries.served(COMPANY, { ...WINDOW, accountClasses: ['6'] }, source, movementsOf(madEntry('10', 3)));
    expect(await entries.entry(COMPANY, '10')).toBeNull();
  });
});
