import { entryRowFormat } from '../../../src/cache/entry-row-format';
import { WindowCache } from '../../../src/cache/window-cache';
import type { SnapshotRow } from '../../../src/cache/snapshot-rows';
import type { EntryLineRecord, EntryRecord } from '../../../src/domain/model';
import { memorySnapshots } from '../../support/memory-snapshots';

const line = (n: number, k: number): EntryLineRecord => ({
  account: { number: `4110${k}0`, name: (n + k) % 3 ? 'Clients' : null },
  label: k % 2 ? null : `Facture ${n} "A\\B"`,
  debit: k % 2 ? 0 : 1234 * n,
  credit: k % 2 ? 1234 * n : 0,
  currency: n % 4 ? 'EUR' : null,
  piece: n % 2 ? null : `P${n}`,
  invoiceNumber: n % 3 ? `FV${n}` : null,
  dueDate: n % 2 ? '2025-04-04' : null,
});
const entry = (n: number): EntryRecord => ({
  provider: 'MYUNISOFT',
  companyId: '2101',
  providerId: String(40000000 + n),
  type: n % 2 ? 'ENTRY' : 'BANK_INTEGRATION',
  journal: { code: 'VT', label: 'Ventes', type: n % 2 ? null : 'Vente' },
  date: `2025-03-${String((n % 28) + 1).padStart(2, '0')}`,
  lines: Array.from({ length: n % 4 }, (_, k) => line(n, k)),
  documentIds: n % 5 ? [] : [`d${n}`],
});
const bad = {
  badRow: 'entry 7',
  reason: 'unexpected shape at entry_list.0.piece',
  provider: 'MYUNISOFT' as const,
};
const listing: SnapshotRow<EntryRecord>[] = [bad, ...Array.from({ length: 9 }, (_, n) => entry(n + 1))];

describe('entry snapshot rows as arrays of values', () => {
  it('reads back every entry and bad row as written, from the store and from the window cache', async () => {
    for (const windows of [undefined, new WindowCache({ maxBytes: 1 << 20 })]) {
      const { store, snapshots } = memorySnapshots(windows);
      const set = jest.spyOn(store, 'set');
      const snapshot = await snapshots.load('l', entryRowFormat, (write) => write(listing));
      expect(await snapshot.read(0, 20)).toEqual(listing);
      expect(await snapshot.read(3, 4)).toEqual(listing.slice(3, 7));
      expect(await snapshot.findIndex((row) => (row as EntryRecord).providerId === '40000006')).toBe(6);
      const chunk = set.mock.calls.find(([key]) => key.endsWith(':1'))?.[1] ?? '';
      // Values, not keyed objects: under half the characters of the same rows as JSON objects.
      expect(JSON.parse(chunk)[0]).toEqual(expect.any(Array));
      expect(chunk.length).toBeLessThan(JSON.stringify(listing.slice(4, 8)).length * 0.5);
    }
  });

  it('stores the values its version names: a change to them must come with a new entryRowFormat.version', () => {
    // Rows are kept in a store that outlives a deploy; the version in their key keeps two builds apart.
    expect(entryRowFormat.version).toBe('entry-1');
    expect(entryRowFormat.toValues?.(entry(2))).toEqual([
      'MYUNISOFT',
      '2101',
      '40000002',
      'BANK_INTEGRATION',
      'VT',
      'Ventes',
      'Vente',
      '2025-03-03',
      [
        ['411000', 'Clients', 'Facture 2 "A\\B"', 2468, 0, 'EUR', 'P2', 'FV2', null],
        ['411010', null, null, 0, 2468, 'EUR', 'P2', 'FV2', null],
      ],
      [],
    ]);
  });

  it('refuses stored values that are not an entry, as it refuses a malformed record', async () => {
    const { store, snapshots } = memorySnapshots();
    const snapshot = await snapshots.load('l', entryRowFormat, (write) => write(listing));
    const chunkKey = `tenant:t1:snapshot-chunk:${snapshot.id}:0`;
    const values = (JSON.parse((await store.get(chunkKey)) ?? '[]') as unknown[][])[3]!;
    await store.set(chunkKey, JSON.stringify([['MYUNISOFT', '2101', '1']]));
    await expect(snapshot.read(0, 1)).rejects.toThrow();
    // A line's debit that is not whole cents, a line that is not an array of values, lines that are no list.
    const lines = values[8] as unknown[][];
    for (const badLines of [[lines[0]!.map((v, i) => (i === 3 ? 12.5 : v))], [['411000']], [42], 'x']) {
      await store.set(chunkKey, JSON.stringify([values.map((v, i) => (i === 8 ? badLines : v))]));
      await expect(snapshot.read(0, 1)).rejects.toThrow();
    }
    await store.set(chunkKey, JSON.stringify([values.map((v, i) => (i === 3 ? 'OTHER' : v))]));
    await expect(snapshot.read(0, 1)).rejects.toThrow();
    // A chunk of keyed records still reads: the schema judges what toValues did not make.
    await store.set(chunkKey, JSON.stringify([entry(12)]));
    expect(await snapshot.read(0, 1)).toEqual([entry(12)]);
    await store.set(chunkKey, JSON.stringify([values]));
    expect(await snapshot.read(0, 1)).toEqual([listing[3]]);
  });
});
