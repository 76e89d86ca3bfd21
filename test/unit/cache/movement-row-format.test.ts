import { movementRowFormat } from '../../../src/cache/list-record-schemas';
import { WindowCache } from '../../../src/cache/window-cache';
import type { SnapshotRow } from '../../../src/cache/snapshot-rows';
import type { MovementRecord } from '../../../src/domain/model';
import { memorySnapshots } from '../../support/memory-snapshots';

const movement = (n: number): MovementRecord => ({
  provider: 'MYUNISOFT',
  companyId: '2199',
  providerId: `${n}@e${n}`,
  entryId: `e${n}`,
  date: '2025-03-04',
  accountedOn: n % 2 ? null : '2025-03-05',
  journal: { code: 'VT', label: 'Ventes', type: n % 2 ? null : 'Vente' },
  account: n % 3 ? { number: '411000', name: n % 2 ? null : 'Clients' } : null,
  description: 'Facture 12 "A\\B"',
  invoiceNumber: null,
  dueDate: '2025-04-04',
  debit: 1234,
  credit: 0,
  amount: -1234,
  currency: 'EUR',
  lettering: n % 2 ? { state: 'PARTIAL', value: '*AB' } : null,
  analytics:
    n % 2
      ? []
      : [{ code: 'AX', name: null, sections: [{ code: 'S1', name: 'Un', amount: 1234, rate: '100' }] }],
  piece: n % 2 ? null : `P${n}`,
  entryType: n % 2 ? 'ENTRY' : n % 4 ? 'MANUAL' : null,
});
const bad = { badRow: 'movement 7', reason: 'unexpected shape at value', provider: 'MYUNISOFT' as const };
const listing: SnapshotRow<MovementRecord>[] = [
  movement(1),
  movement(2),
  bad,
  movement(3),
  movement(4),
  movement(5),
];

describe('movement snapshot rows as arrays of values', () => {
  it('reads back every movement and bad row as written, from the store and from the window cache', async () => {
    for (const windows of [undefined, new WindowCache({ maxBytes: 1 << 20 })]) {
      const { store, snapshots } = memorySnapshots(windows);
      const set = jest.spyOn(store, 'set');
      const snapshot = await snapshots.load('l', movementRowFormat, (write) => write(listing));
      expect(await snapshot.read(0, 10)).toEqual(listing);
      const chunk = set.mock.calls.find(([key]) => key.includes('snapshot-chunk'))?.[1] ?? '';
      // Values, not keyed objects: about half the bytes of the same rows as JSON objects.
      expect(JSON.parse(chunk)[0]).toEqual(expect.any(Array));
      expect(chunk.length).toBeLessThan(JSON.stringify(listing.slice(0, 4)).length * 0.7);
    }
  });

  it('stores the values its version names: a change to them must come with a new movementRowFormat.version', () => {
    // Rows are kept in a store that outlives a deploy; the version in their key keeps two builds apart.
    expect(movementRowFormat.version).toBe('movement-2');
    expect(movementRowFormat.toValues?.(movement(2))).toEqual([
      'MYUNISOFT',
      '2199',
      '2@e2',
      'e2',
      '2025-03-04',
      '2025-03-05',
      'VT',
      'Ventes',
      'Vente',
      ['411000', 'Clients'],
      'Facture 12 "A\\B"',
      null,
      '2025-04-04',
      1234,
      0,
      -1234,
      'EUR',
      null,
      [{ code: 'AX', name: null, sections: [{ code: 'S1', name: 'Un', amount: 1234, rate: '100' }] }],
      'P2',
      // The entry type as its index in ENTRY_TYPES: reordering that list changes what is stored.
      3,
    ]);
    expect((movementRowFormat.toValues?.(movement(1)) as unknown[]).slice(17)).toEqual([
      ['PARTIAL', '*AB'],
      [],
      null,
      0,
    ]);
  });

  it('refuses stored values that are not a movement, as it refuses a malformed record', async () => {
    const { store, snapshots } = memorySnapshots();
    const snapshot = await snapshots.load('l', movementRowFormat, (write) => write(listing));
    const chunkKey = `tenant:t1:snapshot-chunk:${snapshot.id}:0`;
    await store.set(chunkKey, JSON.stringify([['MYUNISOFT', '2199', 'm1']]));
    await expect(snapshot.read(0, 1)).rejects.toThrow();
    await store.set(chunkKey, JSON.stringify([{ ...movement(1), debit: 'x' }]));
    await expect(snapshot.read(0, 1)).rejects.toThrow();
    // A chunk of keyed records still reads: the schema judges what toValues did not make.
    await store.set(chunkKey, JSON.stringify([movement(9)]));
    expect(await snapshot.read(0, 1)).toEqual([movement(9)]);
  });

  it('stores digit-only entry ids as JSON numbers and reads every id back as the same string', async () => {
    const ids = ['132035020', '1', '999999999999999', '0132', '1e3', 'e12', '1234567890123456', '12 ', null];
    const rows = ids.map((entryId, n) => ({ ...movement(n + 1), entryId }));
    // Read back from the store (checked) and from the window cache (trusted).
    for (const windows of [undefined, new WindowCache({ maxBytes: 1 << 20 })]) {
      const { store, snapshots } = memorySnapshots(windows);
      const set = jest.spyOn(store, 'set');
      const snapshot = await snapshots.load('l', movementRowFormat, (write) => write(rows));
      const stored = set.mock.calls
        .filter(([key]) => key.includes('snapshot-chunk'))
        .flatMap(([, text]) => JSON.parse(text) as unknown[][])
        .map((values) => values[3]);
      // Numbers only where String(Number(id)) gives the id back: no leading zero, ≤ 15 digits, no exponent.
      expect(stored).toEqual([
        132035020,
        1,
        999999999999999,
        '0132',
        '1e3',
        'e12',
        '1234567890123456',
        '12 ',
        null,
      ]);
      const read = await snapshot.read(0, rows.length);
      expect(read).toEqual(rows);
      expect(read?.map((row) => typeof (row as MovementRecord).entryId)).toEqual([
        ...Array(8).fill('string'),
        'object',
      ]);
    }
  });

  it('refuses a stored entry id that is a number but no positive whole id', async () => {
    const { store, snapshots } = memorySnapshots();
    const snapshot = await snapshots.load('l', movementRowFormat, (write) => write(listing));
    const chunkKey = `tenant:t1:snapshot-chunk:${snapshot.id}:0`;
    const values = (JSON.parse((await store.get(chunkKey)) ?? '[]') as unknown[][])[0]!;
    for (const entryId of [1.5, 0, -3, 1e300]) {
      await store.set(chunkKey, JSON.stringify([values.map((v, i) => (i === 3 ? entryId : v))]));
      await expect(snapshot.read(0, 1)).rejects.toThrow();
    }
    await store.set(chunkKey, JSON.stringify([values.map((v, i) => (i === 3 ? 42 : v))]));
    expect(await snapshot.read(0, 1)).toEqual([{ ...movement(1), entryId: '42' }]);
  });

  it('makes records only of the rows a page takes from the chunks it straddles', async () => {
    const windows = new WindowCache({ maxBytes: 1 << 20 });
    const { snapshots } = memorySnapshots(windows);
    const fromValues = jest.fn(movementRowFormat.fromValues);
    const format = { ...movementRowFormat, fromValues };
    const snapshot = await snapshots.load('l', format, (write) => write(listing));
    expect(await snapshot.read(3, 2)).toEqual(listing.slice(3, 5));
    expect(fromValues).toHaveBeenCalledTimes(2);
  });
  it("shares equal journals, accounts and letterings among one read's records, never unequal ones", async () => {
    const { snapshots } = memorySnapshots(new WindowCache({ maxBytes: 1 << 20 }));
    const rows = [8, 14, 20, 7, 5].map(movement); // 411000: "Clients" three times, then no name
    rows[1] = { ...rows[1]!, journal: { code: 'VT', label: 'Ventes export', type: 'Vente' } };
    rows[3] = { ...rows[3]!, lettering: { state: 'NONE', value: null } };
    rows[4] = { ...rows[4]!, lettering: { state: 'NONE', value: null } };
    const snapshot = await snapshots.load('l', movementRowFormat, (write) => write(rows));
    const read = (await snapshot.read(0, 5)) as MovementRecord[];
    expect(read).toEqual(rows);
    expect(read[2]!.journal).toBe(read[0]!.journal);
    expect(read[1]!.journal).not.toBe(read[0]!.journal);
    expect(read[2]!.account).toBe(read[0]!.account);
    expect(read[3]!.account).not.toBe(read[0]!.account);
    expect(read[4]!.lettering).toBe(read[3]!.lettering);
    // Another read makes its own: records of two pages share nothing.
    const again = (await snapshot.read(0, 1)) as MovementRecord[];
    expect(again[0]!.journal).not.toBe(read[0]!.journal);
  });
});
