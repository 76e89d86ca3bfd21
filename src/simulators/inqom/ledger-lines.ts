/**
 * Entry lines of a folder between two dates, in ledger order (date, entry, line), read lazily from
 * the generator. Entry dates never decrease with the entry index, so each exercise's range is found
 * by binary search instead of walking the whole ledger.
 */
import type { GenCompany, GenExercise, SimulatorDataset } from '../data/dataset';
import { entryAt, type GenEntry, type GenLine } from '../data/ledger';

export interface LedgerLine {
  entry: GenEntry;
  line: GenLine;
}

/** First entry index of `exercise` whose date is after `date` (or on it, when `inclusive`). */
function boundary(exercise: GenExercise, date: string, inclusive: boolean): number {
  let lo = 0;
  let hi = exercise.ledger.entryCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const entryDate = entryAt(exercise.ledger, mid).date;
    if (inclusive ? entryDate < date : entryDate <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function* linesBetween(
  dataset: SimulatorDataset,
  company: GenCompany,
  from: string,
  to: string,
): Generator<LedgerLine> {
  for (const exercise of company.exercises) {
    if (exercise.ledger.endDate < from || exercise.ledger.startDate > to) continue;
    const first = boundary(exercise, from, true);
    const end = boundary(exercise, to, false);
    for (const entry of dataset.entries(company, exercise, first, end)) {
      for (const line of entry.lines) yield { entry, line };
    }
  }
}

/** Inqom's entry-line JSON. Amounts are decimals in euros, as .NET serialises `decimal`. */
export function lineJson(company: GenCompany, { entry, line }: LedgerLine) {
  const document = entry.documentIndex === null ? undefined : company.documents[entry.documentIndex];
  return {
    Id: Number(line.id),
    EntryId: Number(entry.id),
    DocumentId: document ? Number(document.id) : null,
    Date: `${entry.date}T00:00:00`,
    JournalId: Number(entry.journal.id),
    JournalCode: entry.journal.code,
    JournalLabel: entry.journal.label,
    AccountNumber: line.account.number,
    AccountLabel: line.account.name,
    Label: line.label,
    PieceRef: line.piece,
    Debit: line.debit / 100,
    Credit: line.credit / 100,
    Currency: line.currency,
    DueDate: line.dueDate ? `${line.dueDate}T00:00:00` : null,
    // Inqom has one letter id per lettering group and no notion of partial lettering.
    LetterId: line.lettering.state === 'none' ? null : Number(entry.id),
  };
}
