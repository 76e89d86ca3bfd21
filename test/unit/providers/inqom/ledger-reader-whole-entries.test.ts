/**
 * A movements page keeps the entries it read whole, so `getEntry` after it reads no day of lines; an
 * entry cut by the upstream page's edge is not kept (its other lines are on the next page).
 */
import { InqomLedgerReader } from '../../../../src/providers/inqom/ledger-reader';
import type { InqomLoaders } from '../../../../src/providers/inqom/loaders';
import { ENTRY_LINES_PAGE_SIZE } from '../../../../src/providers/inqom/paths';
import type { InqomEntryLine } from '../../../../src/providers/inqom/schemas';

const line = (id: number, entryId: number): InqomEntryLine => ({
  Id: id,
  EntryId: entryId,
  Date: '2026-01-05',
  JournalCode: 'OD',
  AccountNumber: '401000',
  Debit: 1,
  Credit: 0,
});

it('serves entries a page read whole, and reads the day for one cut by the page edge', async () => {
  // Page 1 ends inside entry 999 (lines 998, 999), whose last line opens page 2.
  const all = [...Array.from({ length: ENTRY_LINES_PAGE_SIZE - 2 }, (_, i) => line(i, i)), line(998, 998)];
  all.push(line(999, 999), line(1000, 999), line(1001, 1001));
  const asked: string[] = [];
  const loaders = {
    entryLinesCount: { load: async () => ({ TotalLinesCount: all.length, TotalPagesCount: 2 }) },
    entryLinesPage: {
      load: async (key: { from: string; to: string; pageNumber: number }) => {
        asked.push(`${key.from}..${key.to}#${key.pageNumber}`);
        return all
          .filter((l) => l.Date >= key.from && l.Date <= key.to)
          .slice((key.pageNumber - 1) * ENTRY_LINES_PAGE_SIZE, key.pageNumber * ENTRY_LINES_PAGE_SIZE);
      },
    },
  } as unknown as InqomLoaders;
  const reader = new InqomLedgerReader(loaders);
  await reader.listMovements('7', { from: '2026-01-01', to: '2026-01-31' }, { first: 10, after: null });
  expect(asked).toEqual(['2026-01-01..2026-01-31#1']);

  expect((await reader.getEntry('7', '5@2026-01-05'))?.lines).toHaveLength(1);
  expect(asked).toHaveLength(1);
  // Entry 999 runs onto page 2: its day is read for its two lines.
  expect((await reader.getEntry('7', '999@2026-01-05'))?.lines).toHaveLength(2);
  expect(asked).toEqual(['2026-01-01..2026-01-31#1', '2026-01-05..2026-01-05#1', '2026-01-05..2026-01-05#2']);
});
