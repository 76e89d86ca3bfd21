/**
 * One account's general ledger over a period: the balance brought forward (its lines booked in the
 * exercise before the period, and the opening entries at its start), each line with its running
 * balance, the closing balance. The whole
 * span is walked for every page (closing balance and running balances need it) while only the
 * asked page is kept, so memory stays at one page whatever the account's size.
 */
import type { IsoDate } from '../domain/model';
import type { Cents } from '../domain/money';
import { isOpeningJournal } from './account-classes';
import type { LedgerMovement } from './ledger.model';

export interface LedgerLineRecord {
  date: IsoDate;
  debit: Cents;
  credit: Cents;
  runningBalance: Cents;
  label: string | null;
  journal: LedgerMovement['journal'];
  movement: LedgerMovement['movement'];
  entry: LedgerMovement['entry'];
  entryId: string;
}

export interface AccountLedgerPage {
  openingBalance: Cents;
  closingBalance: Cents;
  /** resumeToken: the line's 1-based position in the period. */
  items: { node: LedgerLineRecord; resumeToken: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

export async function accountLedgerPage(
  batches: AsyncIterable<LedgerMovement[]>,
  accountNumber: string,
  from: IsoDate,
  page: { first: number; after: number },
): Promise<AccountLedgerPage> {
  let opening = 0;
  let running = 0;
  let position = 0;
  const items: AccountLedgerPage['items'] = [];
  for await (const batch of batches) {
    for (const m of batch) {
      if (m.account.number !== accountNumber) continue;
      const signed = m.debit - m.credit;
      // By booking date: a line dated before the period but booked in it is one of its lines.
      const before = m.accountedOn < from;
      if (isOpeningJournal(m.journal)) {
        // A later exercise's opening entries restate balances the walk already holds: not twice.
        if (m.accountedOn <= from) {
          opening += signed;
          running += signed;
        }
        continue;
      }
      if (before) {
        opening += signed;
        running += signed;
        continue;
      }
      running += signed;
      position++;
      if (position > page.after && items.length < page.first) {
        const { date, debit, credit, label, journal, movement, entry, entryId } = m;
        const node = {
          date,
          debit,
          credit,
          runningBalance: running,
          label,
          journal,
          movement,
          entry,
          entryId,
        };
        items.push({ node, resumeToken: String(position) });
      }
    }
  }
  return {
    openingBalance: opening,
    closingBalance: running,
    items,
    hasNextPage: position > page.after + items.length,
    totalCount: position,
  };
}
