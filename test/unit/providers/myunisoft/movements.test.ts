import {
  TARGET_MOVEMENTS,
  firstWindow,
  nextWindow,
  windowsWithin12Months,
  type DateWindow,
} from '../../../../src/providers/myunisoft/movement-windows';
import {
  pageMovements,
  parseMovementToken,
  type SliceSnapshots,
} from '../../../../src/providers/myunisoft/movements';
import { nextSlice, slicePlan } from '../../../../src/providers/myunisoft/movement-slices';
import { ListingSnapshots } from '../../../../src/cache/listing-snapshots';
import { movementRecordSchema } from '../../../../src/cache/list-record-schemas';
import { snapshotRowSchema, type SnapshotRow } from '../../../../src/cache/snapshot-rows';
import { MemoryStore } from '../../../../src/store/memory-store';
import { movementFromMad } from '../../../../src/providers/myunisoft/map';
import type { MovementRecord } from '../../../../src/domain/model';
import type { MadMovement } from '../../../../src/providers/myunisoft/schemas';

const fake = (id: string): MovementRecord => ({
  provider: 'MYUNISOFT',
  companyId: '1',
  providerId: id,
  entryId: null,
  date: '2024-01-01',
  accountedOn: '2024-01-01',
  journal: { code: 'AC', label: 'ACHATS', type: null },
  account: null,
  description: id,
  invoiceNumber: null,
  dueDate: null,
  debit: 0,
  credit: 0,
  amount: 0,
  currency: null,
  lettering: null,
  analytics: [],
  piece: null,
  entryType: 'ENTRY',
});

/**
 * Windows over `data` as snapshots on a memory store with a test clock; `loads` lists the windows
 * downloaded. `batch`: each download hands over `batch` rows at a time, a macrotask apart, into chunks of
 * `batch` rows, and `ended` lists the windows whose download ended; pages may then read windows still
 * downloading (`need`, as the connector passes it).
 */
function windowSnapshots(data: SnapshotRow<MovementRecord>[][], batch?: number) {
  const clock = { at: 1_000_000 };
  const now = () => clock.at;
  const snapshots = new ListingSnapshots({
    store: new MemoryStore(now),
    tenantId: 't',
    ttlMs: 60_000,
    now,
    ...(batch ? { chunkSize: batch } : {}),
  });
  const loads: number[] = [];
  const ended: number[] = [];
  // Window i is the one day 2024-01-<i+1>.
  const day = (i: number) => `2024-01-${String(i + 1).padStart(2, '0')}`;
  const index = (w: DateWindow) => Number(w.start.slice(8)) - 1;
  const slice = (i: number) => ({ window: { start: day(i), end: day(i) }, drafts: false });
  const schema = snapshotRowSchema(movementRecordSchema);
  const windows: SliceSnapshots = {
    plan: { from: day(0), to: day(data.length - 1), phases: [false] },
    first: slice(0),
    next: (s) => (index(s.window) + 1 < data.length ? slice(index(s.window) + 1) : null),
    open: (s, id, need) => snapshots.open(s.window.start, id, schema, batch ? need : undefined),
    load: (s, ownId, need) =>
      snapshots.load(
        s.window.start,
        schema,
        async (write) => {
          const rows = data[index(s.window)]!;
          loads.push(index(s.window));
          if (!batch) await write(rows);
          for (let at = 0; batch && at < rows.length; at += batch) {
            await new Promise((resolve) => setImmediate(resolve));
            await write(rows.slice(at, at + batch));
          }
          ended.push(index(s.window));
        },
        ownId,
        batch ? need : undefined,
      ),
  };
  return { windows, loads, ended, clock };
}

/** Every page of `first` by cursor: each page's ids, row errors and hasNextPage. */
async function walk(windows: SliceSnapshots, first: number) {
  const pages: { ids: string[]; errors: string[]; hasNextPage: boolean }[] = [];
  for (let after: string | null = null; ;) {
    const page = await pageMovements(windows, parseMovementToken(after), first);
    const ids = page.items.map((i) => i.node.providerId);
    pages.push({ ids, errors: (page.rowErrors ?? []).map((e) => e.message), hasNextPage: page.hasNextPage });
    if (!page.hasNextPage) return pages;
    after = page.items.at(-1)!.resumeToken;
  }
}

describe('MyUnisoft movement paging', () => {
  it('cuts a span longer than MAD accepts into windows of twelve months minus a day', () => {
    expect(windowsWithin12Months('2024-07-01', '2026-01-15')).toEqual([
      { start: '2024-07-01', end: '2025-06-30' },
      { start: '2025-07-01', end: '2026-01-15' },
    ]);
    expect(windowsWithin12Months('2024-01-01', '2024-12-31')).toEqual([
      { start: '2024-01-01', end: '2024-12-31' },
    ]);
    expect(windowsWithin12Months('2024-02-01', '2024-01-31')).toEqual([]);
  });

  it('starts with the third of a month holding the start, then sizes windows from the density seen', () => {
    expect(firstWindow('2024-01-15', '2024-03-10')).toEqual({ start: '2024-01-15', end: '2024-01-20' });
    expect(firstWindow('2025-12-21', '2026-12-31')).toEqual({ start: '2025-12-21', end: '2025-12-31' });
    expect(firstWindow('2024-02-21', '2024-02-25')).toEqual({ start: '2024-02-21', end: '2024-02-25' });
    expect(firstWindow('2026-01-02', '2026-01-01')).toBeNull();
    // A dense window keeps the next one as long; a sparse one grows it, at most eightfold.
    expect(
      nextWindow({ start: '2024-01-15', end: '2024-01-20' }, TARGET_MOVEMENTS + 5_000, '2024-12-31'),
    ).toEqual({
      start: '2024-01-21',
      end: '2024-01-26',
    });
    expect(nextWindow({ start: '2025-01-01', end: '2025-01-10' }, 3, '2025-12-31')).toEqual({
      start: '2025-01-11',
      end: '2025-03-31',
    });
    expect(nextWindow({ start: '2025-01-01', end: '2025-12-31' }, 0, '2027-12-31')).toEqual({
      start: '2026-01-01',
      end: '2026-12-31',
    });
    expect(nextWindow({ start: '2025-01-01', end: '2025-12-31' }, 10, '2025-12-31')).toBeNull();
  });

  it("starts an exercise's drafts at the density its last validated window saw, not a third of a month", () => {
    const plan = slicePlan({ exerciseId: 'e1' }, '2025-01-01', '2025-12-31');
    const validated = (start: string, end: string) => ({ window: { start, end }, drafts: false });
    // Sparse (10 movements in a quarter): the drafts take the whole exercise in one download.
    expect(nextSlice(plan, validated('2025-10-01', '2025-12-31'), 10)).toEqual({
      window: { start: '2025-01-01', end: '2025-12-31' },
      drafts: true,
    });
    // Dense (more than a window's target in 12 days): the drafts' first window is as short.
    expect(nextSlice(plan, validated('2025-12-20', '2025-12-31'), TARGET_MOVEMENTS + 1)).toEqual({
      window: { start: '2025-01-01', end: '2025-01-12' },
      drafts: true,
    });
    // The drafts' last window ends the listing; a from/to listing has no draft phase.
    expect(
      nextSlice(plan, { window: { start: '2025-01-01', end: '2025-12-31' }, drafts: true }, 3),
    ).toBeNull();
    const dated = slicePlan({}, '2025-01-01', '2025-12-31');
    expect(nextSlice(dated, validated('2025-10-01', '2025-12-31'), 10)).toBeNull();
  });

  it.each([
    ['a small company (300 a month)', 10, 3],
    ['a 500k-movement exercise (1,400 a day)', 1_400, 40],
  ])('covers a year in contiguous windows of at most 12 months for %s', (_, perDay, atMost) => {
    const windows: DateWindow[] = [];
    const days = (w: DateWindow) => (Date.parse(w.end) - Date.parse(w.start)) / 86_400_000 + 1;
    for (
      let w = firstWindow('2025-01-01', '2025-12-31');
      w;
      w = nextWindow(w, days(w) * perDay, '2025-12-31')
    )
      windows.push(w);
    expect(windows[0]!.start).toBe('2025-01-01');
    expect(windows.at(-1)!.end).toBe('2025-12-31');
    windows.slice(1).forEach((w, i) => {
      expect(Date.parse(w.start) - Date.parse(windows[i]!.end)).toBe(86_400_000);
      expect(w.start <= w.end).toBe(true);
      expect(days(w) * perDay).toBeLessThanOrEqual(Math.max(TARGET_MOVEMENTS, days(windows[i]!) * perDay));
    });
    expect(windows.length).toBeLessThanOrEqual(atMost);
  });

  it('refuses resume tokens of another listing (m1–m4 tokens included)', async () => {
    const windows = windowSnapshots([[fake('a')]]).windows;
    for (const after of [
      'm1.0.1',
      'garbage',
      'm2.0.1',
      'm3.0.1.abc.1@2',
      'm4.2024-01-01.2024-01-01.2024-01-03.1.abc.a',
      'm5.v.2024-01-01.2024-01-02.2024-01-01.2024-01-03.1.abc.a',
      'm5.x.2024-01-01.2024-01-01.2024-01-01.2024-01-03.1.abc.a',
      'm5.v.2024-01-02.2024-01-01.2024-01-01.2024-01-03.1.abc.a',
    ])
      await expect(async () => pageMovements(windows, parseMovementToken(after), 1)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      });
  });

  it('pages across windows, skipping empty ones, with an exact hasNextPage; later pages download nothing', async () => {
    const { windows, loads } = windowSnapshots([[fake('a'), fake('b')], [], [fake('c')], []]);
    const first = await pageMovements(windows, null, 2);
    expect(first.items.map((i) => i.node.providerId)).toEqual(['a', 'b']);
    expect(first.hasNextPage).toBe(true);
    // Page 1 read window 0 and looked ahead through the empty window 1 to window 2.
    expect(loads).toEqual([0, 1, 2]);
    const second = await pageMovements(windows, parseMovementToken(first.items[1]!.resumeToken), 2);
    expect(second.items.map((i) => i.node.providerId)).toEqual(['c']);
    expect(second.hasNextPage).toBe(false);
    expect(loads).toEqual([0, 1, 2, 3]);
    expect(second.fetchedAt).toBe(first.fetchedAt);
  });

  it('serves pages from windows still downloading exactly as from stored ones, each window downloaded once', async () => {
    const bad = (n: number) =>
      ({ badRow: `movement ${n}`, reason: 'unexpected shape at value', provider: 'MYUNISOFT' }) as const;
    let n = 0;
    const rows = (count: number, badEvery = 0) =>
      Array.from({ length: count }, () => (++n, badEvery && n % badEvery === 0 ? bad(n) : fake(`m${n}`)));
    const data = [rows(7), [], rows(13, 5), rows(1), [], [], rows(9, 4), rows(2), []];
    for (const first of [1, 2, 3, 5, 8, 40]) {
      const stored = await walk(windowSnapshots(data).windows, first);
      const downloading = windowSnapshots(data, 2);
      expect(await walk(downloading.windows, first)).toEqual(stored);
      expect(downloading.loads).toEqual(data.map((_, i) => i));
    }
    expect(data.flat().length).toBeGreaterThan(30);
  });

  it("answers a page that ends a window once the next window's first rows are stored, not its whole download", async () => {
    const { windows, loads, ended } = windowSnapshots(
      [[fake('a'), fake('b')], Array.from({ length: 12 }, (_, i) => fake(`n${i}`))],
      2,
    );
    const first = await pageMovements(windows, null, 2);
    expect(first.items.map((i) => i.node.providerId)).toEqual(['a', 'b']);
    expect(first.hasNextPage).toBe(true);
    expect(loads).toEqual([0, 1]);
    expect(ended).toEqual([0]);
    // The next page reads the window still downloading: it waits for its rows and one more, no more.
    const second = await pageMovements(windows, parseMovementToken(first.items[1]!.resumeToken), 3);
    expect(second.items.map((i) => i.node.providerId)).toEqual(['n0', 'n1', 'n2']);
    expect(second.hasNextPage).toBe(true);
    expect(ended).toEqual([0]);
    const third = await pageMovements(windows, parseMovementToken(second.items[2]!.resumeToken), 20);
    expect(third.items.map((i) => i.node.providerId)).toEqual(
      Array.from({ length: 9 }, (_, i) => `n${i + 3}`),
    );
    expect(third.hasNextPage).toBe(false);
    expect(ended).toEqual([0, 1]);
    expect(loads).toEqual([0, 1]);
  });

  it('keeps a bad row in the snapshot: the page served from it reports UPSTREAM_BAD_DATA, without a download', async () => {
    const bad = {
      badRow: 'movement 102',
      reason: 'unexpected shape at value',
      provider: 'MYUNISOFT',
    } as const;
    const { windows, loads } = windowSnapshots([[fake('a'), bad, fake('b')]]);
    const first = await pageMovements(windows, null, 1);
    expect(first.items.map((i) => i.node.providerId)).toEqual(['a']);
    expect(first.rowErrors).toBeUndefined();
    const second = await pageMovements(windows, parseMovementToken(first.items[0]!.resumeToken), 1);
    expect(loads).toEqual([0]);
    expect(second.items.map((i) => i.node.providerId)).toEqual(['b']);
    expect(second.hasNextPage).toBe(false);
    expect(second.rowErrors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'UPSTREAM_BAD_DATA', provider: 'MYUNISOFT', row: 'movement 102' }),
    ]);
  });

  it('serves a first page from the rows downloaded so far; the next page resumes in the stored snapshot', async () => {
    const clock = { at: 1_000_000 };
    const now = () => clock.at;
    const snapshots = new ListingSnapshots({ store: new MemoryStore(now), tenantId: 't', chunkSize: 2, now });
    const schema = snapshotRowSchema(movementRecordSchema);
    let release!: () => void;
    const rest = new Promise<void>((resolve) => (release = resolve));
    let downloads = 0;
    const download = async (write: (batch: SnapshotRow<MovementRecord>[]) => Promise<void>) => {
      downloads++;
      await write([fake('a'), fake('b'), fake('c')]);
      await rest; // the rest of the window is still on its way
      await write([fake('d'), fake('e')]);
    };
    const slice = { window: { start: '2024-01-01', end: '2024-01-01' }, drafts: false };
    const windows: SliceSnapshots = {
      plan: { from: '2024-01-01', to: '2024-01-01', phases: [false] },
      first: slice,
      next: () => null,
      open: (s, id) => snapshots.open('w', id, schema),
      load: () => snapshots.load('w', schema, download),
      head: (s, rows) => snapshots.loadHead('w', schema, download, rows),
    };
    const first = await pageMovements(windows, null, 2);
    expect(first.items.map((i) => i.node.providerId)).toEqual(['a', 'b']);
    expect(first.hasNextPage).toBe(true);
    // Page 2 arrives before the download ends: it waits for the same download, never starts another.
    const second = pageMovements(windows, parseMovementToken(first.items[1]!.resumeToken), 2);
    release();
    const page = await second;
    expect(page.items.map((i) => i.node.providerId)).toEqual(['c', 'd']);
    expect(page.fetchedAt).toBe(first.fetchedAt);
    expect(page.items[1]!.resumeToken).toContain(first.items[0]!.resumeToken.split('.')[7]);
    expect(downloads).toBe(1);
  });

  it('waits for the whole first window when its head holds a bad row or too few rows', async () => {
    const bad = { badRow: 'movement 9', reason: 'unexpected shape at value', provider: 'MYUNISOFT' } as const;
    const { windows } = windowSnapshots([[fake('a'), bad, fake('b')]]);
    const withHead: SliceSnapshots = { ...windows, head: (s) => windows.load(s) };
    const page = await pageMovements(withHead, null, 2);
    expect(page.items.map((i) => i.node.providerId)).toEqual(['a', 'b']);
    expect(page.rowErrors).toHaveLength(1);
    expect(page.hasNextPage).toBe(false);
  });

  it('resumes after the cursor movement in a fresh download once its snapshot expired', async () => {
    const data = [[fake('a'), fake('b'), fake('c')]];
    const { windows, loads, clock } = windowSnapshots(data);
    const first = await pageMovements(windows, null, 2);
    clock.at += 60_000; // past the TTL
    data[0] = [fake('new'), fake('a'), fake('b'), fake('c')]; // a movement booked before the cursor
    const second = await pageMovements(windows, parseMovementToken(first.items[1]!.resumeToken), 2);
    expect(second.items.map((i) => i.node.providerId)).toEqual(['c']);
    expect(loads).toEqual([0, 0]);
    expect(Date.parse(second.fetchedAt!)).toBeGreaterThan(Date.parse(first.fetchedAt!));
  });

  it('refuses a movement whose amount is not credit − debit', () => {
    const movement = {
      producerId: '1',
      description: 'X',
      dueDate: null,
      freeNumber: null,
      invoiceNumber: null,
      value: { credit: 0, debit: 264.44, amount: 264.44 },
      account: null,
      analytics: [],
      lettering: null,
      entry: {
        producerId: '2',
        date: '2022-01-21',
        currency: { code: 'EUR' },
        journal: { customerReferenceCode: 'AC', name: 'ACHATS', type: 'Achat' },
      },
    } as MadMovement;
    expect(() => movementFromMad('1', movement)).toThrow(
      expect.objectContaining({ code: 'UPSTREAM_BAD_DATA', row: 'movement 1' }),
    );
    const fixed = movementFromMad('1', { ...movement, value: { credit: 0, debit: 264.44, amount: -264.44 } });
    expect(fixed).toMatchObject({ debit: 26444, credit: 0, amount: -26444 });
  });
});
