import { periodWindows } from '../../../../src/providers/myunisoft/movement-windows';
import { MovementWindowCache } from '../../../../src/providers/myunisoft/movement-cache';
import { pageMovements } from '../../../../src/providers/myunisoft/movements';
import { movementFromMad } from '../../../../src/providers/myunisoft/map';
import type { MovementRecord } from '../../../../src/domain/model';
import type { MadMovement } from '../../../../src/providers/myunisoft/schemas';

const fake = (id: string) => ({ providerId: id }) as MovementRecord;

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

  it('refuses resume tokens of another listing (m1 month tokens included)', async () => {
    const load = async () => [fake('a')];
    const windows = [{ start: '2024-01-01', end: '2024-01-10' }];
    for (const after of ['m1.0.1', 'garbage', 'm2.x.1'])
      await expect(pageMovements(windows, load, { first: 1, after })).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      });
  });

  it('pages across windows, skipping empty ones, with an exact hasNextPage', async () => {
    const data = [[fake('a'), fake('b')], [], [fake('c')], []];
    const windows = data.map((_, i) => ({ start: `w${i}`, end: `w${i}` }));
    const load = async (w: { start: string }) => data[Number(w.start.slice(1))]!;
    const first = await pageMovements(windows, load, { first: 2, after: null });
    expect(first.items.map((i) => i.node.providerId)).toEqual(['a', 'b']);
    expect(first.hasNextPage).toBe(true);
    const second = await pageMovements(windows, load, { first: 2, after: first.items[1]!.resumeToken });
    expect(second.items.map((i) => i.node.providerId)).toEqual(['c']);
    expect(second.hasNextPage).toBe(false);
  });

  it('bounds the window cache by movement count and evicts the least recently used', async () => {
    let clock = 0;
    const cache = new MovementWindowCache({ maxMovements: 3, ttlMs: 100, now: () => clock });
    let loads = 0;
    const load = (n: number) => async () => (loads++, Array.from({ length: n }, (_, i) => fake(String(i))));
    await cache.get('a', load(2));
    await cache.get('b', load(1));
    await cache.get('a', load(2)); // hit: a becomes the most recent
    await cache.get('c', load(1)); // over the bound: b (least recent) goes
    expect(loads).toBe(3);
    expect(cache.size).toBe(3);
    await cache.get('b', load(1));
    expect(loads).toBe(4);
    clock += 100;
    await cache.get('a', load(2)); // stale
    expect(loads).toBe(5);
    const [x, y] = await Promise.all([cache.get('z', load(1)), cache.get('z', load(1))]);
    expect(x).toBe(y);
    expect(loads).toBe(6);
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
