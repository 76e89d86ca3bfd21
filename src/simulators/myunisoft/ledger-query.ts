/**
 * Selects a society's entries and movements for MAD's period rules without walking whole exercises:
 * generated entries are in date order by index, so a date window maps to an index range.
 */
import type { GenCompany, GenExercise, SimulatorDataset } from '../data/dataset';
import { documentDateSpan, entryAt, type GenEntry, type GenLine, type LedgerScope } from '../data/ledger';
import { addDays, daysBetween } from '../data/calendar';
import { accountedAt, createdDay, madSource } from './mad-shapes';

export type DateFilter = 'document' | 'myunisoft' | 'accounting';

/** Either a whole exercise, or a date window read on the `dateFilter` column. */
export type Period = { exercise: GenExercise } | { from: string; to: string; dateFilter: DateFilter };

export interface MovementFilters {
  source?: string;
  classAccounts: string[];
  lettering?: 'none' | 'partial' | 'complete';
  draft: boolean;
}

/** Entries keyed in later than their date: `createdAt` is at most three days after it. */
const CREATED_SLACK_DAYS = 3;

/** First index whose entry date is on or after `iso` (generator: date(i) = start + ⌊i·(span+1)/count⌋). */
function firstIndexFrom(scope: LedgerScope, iso: string): number {
  const day = daysBetween(scope.startDate, iso);
  if (day <= 0) return 0;
  const index = Math.ceil((day * scope.entryCount) / (daysBetween(scope.startDate, scope.endDate) + 1)) - 1;
  return Math.min(scope.entryCount, Math.max(0, index));
}

function dateColumn(entry: GenEntry, dateFilter: DateFilter): string | null {
  if (dateFilter === 'myunisoft') return createdDay(entry);
  if (dateFilter === 'accounting') return accountedAt(entry);
  return entry.date;
}

export function* entriesInPeriod(
  dataset: SimulatorDataset,
  company: GenCompany,
  period: Period,
): Generator<GenEntry> {
  if ('exercise' in period) {
    yield* dataset.entries(company, period.exercise);
    return;
  }
  const earliest =
    period.dateFilter === 'myunisoft' ? addDays(period.from, -CREATED_SLACK_DAYS) : period.from;
  for (const exercise of company.exercises) {
    const scope = exercise.ledger;
    const span = documentDateSpan(scope);
    if (span.first > period.to || addDays(span.last, CREATED_SLACK_DAYS) < earliest) continue;
    const to = firstIndexFrom(scope, addDays(period.to, 1)) + 2; // margin for float rounding; exact check below
    // A straddling last entry is dated after the exercise: the index formula would skip it.
    const from = Math.min(firstIndexFrom(scope, earliest), scope.entryCount - 1);
    for (let i = from; i < Math.min(to, scope.entryCount); i++) {
      const entry = entryAt(scope, i);
      const day = dateColumn(entry, period.dateFilter);
      if (day !== null && day >= period.from && day <= period.to) yield entry;
    }
  }
}

export function entryMatches(entry: GenEntry, filters: MovementFilters): boolean {
  if (filters.draft && !entry.draft) return false;
  return !filters.source || madSource(entry) === filters.source;
}

export function lineMatches(line: GenLine, filters: MovementFilters): boolean {
  if (filters.lettering && line.lettering.state !== filters.lettering) return false;
  return (
    filters.classAccounts.length === 0 ||
    filters.classAccounts.some((root) => line.account.number.startsWith(root))
  );
}

/** Every movement of the period that passes the filters, in ledger order. */
export function* movementsInPeriod(
  dataset: SimulatorDataset,
  company: GenCompany,
  period: Period,
  filters: MovementFilters,
): Generator<{ entry: GenEntry; line: GenLine }> {
  for (const entry of entriesInPeriod(dataset, company, period)) {
    if (!entryMatches(entry, filters)) continue;
    for (const line of entry.lines) if (lineMatches(line, filters)) yield { entry, line };
  }
}
