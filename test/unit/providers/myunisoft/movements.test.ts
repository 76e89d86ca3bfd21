import { periodWindows } from '../../../../src/providers/myunisoft/movement-windows';
import { pageMovements, type WindowSnapshots } from '../../../../src/providers/myunisoft/movements';
import { ListingSnapshots } from '../../../../src/cache/listing-snapshots';
import { movementRecordSchema } from '../../../../src/cache/list-record-schemas';
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
});

/** Windows over `data` as snapshots on a memory store with a test clock; `loads` lists the windows downloaded. */
function windowSnapshots(data: MovementRecord[][]) {
  const clock = { at: 1_000_000 };
  const now = () => clock.at;
  const snapshots = new ListingSnapshots({ store: new MemoryStore(now), tenantId: 't', ttlMs: 60_000, now });
  const loads: number[] = [];
  const windows: WindowSnapshots = {
    count: data.length,
    open: (i, id) => snapshots.open(`w${i}`, id, movementRecordSchema),
    load: (i) =>
      snapshots.load(`w${i}`, movementRecordSchema, async (write) => {
        loads.push(i);
        await write(data[i]!);
      }),
  };
  return { windows, loads, clock };
}

describe('MyUnisoft movement paging', () => {
  it('cuts a period into thirds of calendar months, aligned on days 1, 11 and 21', () => {
    expect(periodWindows('2024-01-15', '2024-03-10')).toEqual([
      { start: '2024-01-15', end: '2024-01-20' },
      { start: '2024-01-21', end: '2024-01-31' },
      { start: '2024-02-01', end: '2024-02-10' },
      { start: '2024-02-11', end: '2024-02-20' },
      { start: '2024-02-21', end: '2024-02-29' },
      { start: '2024-03-01', end: '2024-03-10' },
    ]);
    expect(periodWindows('2025-12-01', '2025-12-31')).toHaveLength(3);
    expect(periodWindows('2025-12-31', '2026-01-01')).toEqual([
      { start: '2025-12-31', end: '2025-12-31' },
      { start: '2026-01-01', end: '2026-01-01' },
    ]);
    // A whole year: 36 windows, contiguous, none empty or overlapping.
    const year = periodWindows('2025-01-01', '2025-12-31');
    expect(year).toHaveLength(36);
    year.slice(1).forEach((w, i) => {
      const previousEnd = Date.parse(`${year[i]!.end}T00:00:00Z`);
      expect(Date.parse(`${w.start}T00:00:00Z`) - previousEnd).toBe(86_400_000);
      expect(w.start <= w.end).toBe(true);
    });
  });

  it('refuses resume tokens of another listing (m1 and m2 tokens included)', async () => {
    const windows = windowSnapshots([[fake('a')]]).windows;
    for (const after of ['m1.0.1', 'garbage', 'm2.0.1', 'm3.x.1.abc.1@2'])
      await expect(pageMovements(windows, { first: 1, after })).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      });
  });

  it('pages across windows, skipping empty ones, with an exact hasNextPage; later pages download nothing', async () => {
    const { windows, loads } = windowSnapshots([[fake('a'), fake('b')], [], [fake('c')], []]);
    const first = await pageMovements(windows, { first: 2, after: null });
    expect(first.items.map((i) => i.node.providerId)).toEqual(['a', 'b']);
    expect(first.hasNextPage).toBe(true);
    // Page 1 read window 0 and looked ahead through the empty window 1 to window 2.
    expect(loads).toEqual([0, 1, 2]);
    const second = await pageMovements(windows, { first: 2, after: first.items[1]!.resumeToken });
    expect(second.items.map((i) => i.node.providerId)).toEqual(['c']);
    expect(second.hasNextPage).toBe(false);
    expect(loads).toEqual([0, 1, 2, 3]);
    expect(second.fetchedAt).toBe(first.fetchedAt);
  });

  it('resumes after the cursor movement in a fresh download once its snapshot expired', async () => {
    const data = [[fake('a'), fake('b'), fake('c')]];
    const { windows, loads, clock } = windowSnapshots(data);
    const first = await pageMovements(windows, { first: 2, after: null });
    clock.at += 60_000; // past the TTL
    data[0] = [fake('new'), fake('a'), fake('b'), fake('c')]; // a movement booked before the cursor
    const second = await pageMovements(windows, { first: 2, after: first.items[1]!.resumeToken });
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
      expect.objectContaining({ code: 'UPSTREAM_INVALID_RESPONSE' }),
    );
    const fixed = movementFromMad('1', { ...movement, value: { credit: 0, debit: 264.44, amount: -264.44 } });
    expect(fixed).toMatchObject({ debit: 26444, credit: 0, amount: -26444 });
  });
});
