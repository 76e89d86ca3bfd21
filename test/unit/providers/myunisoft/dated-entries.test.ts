import type { EntryRecord } from '../../../../src/domain/model';
import {
  DatedEntries,
  MAX_GAP_DAYS,
  MIN_WINDOW_ENTRIES,
  SCAN_PER_ASKED,
  dateClusters,
} from '../../../../src/providers/myunisoft/dated-entries';

const dated = (entryId: string, date: string) => ({ entryId, date });
const ids = (clusters: { entryId: string }[][]) => clusters.map((c) => c.map((e) => e.entryId));

const entry = (providerId: string, date: string): EntryRecord => ({
  provider: 'MYUNISOFT',
  companyId: 'c1',
  providerId,
  type: 'ENTRY',
  journal: { code: 'BQ', label: 'BANQUE', type: null },
  date,
  lines: [],
  documentIds: [],
});

describe('dateClusters', () => {
  it('sorts by date and cuts where the gap passes MAX_GAP_DAYS', () => {
    expect(MAX_GAP_DAYS).toBe(31);
    const clusters = dateClusters([
      dated('c', '2024-03-03'), // 31 days after b (2024 is a leap year)
      dated('a', '2024-01-01'),
      dated('b', '2024-02-01'), // 31 days after a: joins
      dated('d', '2024-04-04'), // 32 days after c: a new cluster
    ]);
    expect(ids(clusters)).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it("never lets a cluster pass MAD's 12 months from its first date", () => {
    const monthly = Array.from({ length: 14 }, (_, i) =>
      dated(String(i), `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`),
    );
    const clusters = dateClusters(monthly);
    expect(clusters.map((c) => [c[0]!.date, c.at(-1)!.date])).toEqual([
      ['2024-01-15', '2024-12-15'],
      ['2025-01-15', '2025-02-15'],
    ]);
  });

  it('gives nothing for nothing', () => expect(dateClusters([])).toEqual([]));
});

describe('DatedEntries', () => {
  function harness(batches: (from: string, to: string) => EntryRecord[][], fail = false) {
    const windows: [string, string][] = [];
    let batchesRead = 0;
    const source = new DatedEntries(async function* (_company, from, to) {
      windows.push([from, to]);
      for (const batch of batches(from, to)) {
        batchesRead++;
        yield batch;
      }
      if (fail) throw new Error('upstream failed');
    });
    return { source, windows, batchesRead: () => batchesRead };
  }

  it('answers null, with no call, for an entry nobody expected', async () => {
    const { source, windows } = harness(() => [[entry('1', '2024-01-02')]]);
    expect(await source.entry('c1', '1')).toBeNull();
    expect(windows).toEqual([]);
  });

  it('reads one window for the entries asked together, and stops once all are found', async () => {
    const { source, windows, batchesRead } = harness(() => [
      [entry('1', '2024-01-02'), entry('9', '2024-01-03')],
      [entry('2', '2024-01-05'), entry('3', '2024-01-09')],
      [entry('4', '2024-01-20')],
    ]);
    source.expect('c1', [dated('1', '2024-01-02'), dated('2', '2024-01-05'), dated('3', '2024-01-09')]);
    const found = await Promise.all(['1', '2', '3'].map((id) => source.entry('c1', id)));
    expect(found.map((e) => e?.providerId)).toEqual(['1', '2', '3']);
    expect(windows).toEqual([['2024-01-02', '2024-01-09']]);
    expect(batchesRead()).toBe(2);
  });

  it(`leaves a cluster of fewer than ${MIN_WINDOW_ENTRIES} entries, and one its window did not give, to /mad/entry`, async () => {
    const { source, windows } = harness((from) =>
      from === '2024-01-02' ? [[entry('1', '2024-01-02'), entry('2', '2024-01-05')]] : [],
    );
    source.expect('c1', [
      dated('1', '2024-01-02'),
      dated('2', '2024-01-05'),
      dated('3', '2024-01-09'), // not in its window's answer
      dated('4', '2024-06-01'), // alone in its cluster
    ]);
    const found = await Promise.all(['1', '2', '3', '4'].map((id) => source.entry('c1', id)));
    expect(found.map((e) => e?.providerId ?? null)).toEqual(['1', '2', null, null]);
    expect(windows).toEqual([['2024-01-02', '2024-01-09']]);
  });

  it('keeps what a failing window gave before it failed, and leaves the rest to /mad/entry', async () => {
    const { source } = harness(() => [[entry('1', '2024-01-02')]], true);
    source.expect('c1', [dated('1', '2024-01-02'), dated('2', '2024-01-05'), dated('3', '2024-01-09')]);
    const found = await Promise.all(['1', '2', '3'].map((id) => source.entry('c1', id)));
    expect(found.map((e) => e?.providerId ?? null)).toEqual(['1', null, null]);
  });
});

describe('DatedEntries on a sparse page of a large company', () => {
  it(`stops a window after ${SCAN_PER_ASKED} entries read per entry asked, leaving the rest to /mad/entry`, async () => {
    let read = 0;
    const source = new DatedEntries(async function* () {
      // Everyone's entries, 100 a batch: the 1st and 600th asked are within the budget, the 10,000th past it.
      for (let batch = 0; batch < 100; batch++) {
        const entries = Array.from({ length: 100 }, (_, i) => entry(String(batch * 100 + i), '2024-01-02'));
        read += entries.length;
        yield entries;
      }
    });
    source.expect('c1', [dated('0', '2024-01-02'), dated('599', '2024-01-20'), dated('9999', '2024-02-01')]);
    const found = await Promise.all(['0', '599', '9999'].map((id) => source.entry('c1', id)));
    expect(found.map((e) => e?.providerId ?? null)).toEqual(['0', '599', null]);
    expect(read).toBe(SCAN_PER_ASKED * 3);
  });
});
