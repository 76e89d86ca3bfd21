/**
 * Every booked line of a period, in the provider's ledger order, in batches and bounded memory: the
 * connector's movement stream (one upstream download for the period) or movement pages, else its
 * entries' lines (Pleo). Nothing here holds more than one batch.
 */
import { pages } from '../providers/read-all-pages';
import type { EntryRecord, MovementRecord } from '../domain/model';
import { UnsupportedByProviderError } from '../errors';
import type { MovementFilter, ProviderSession } from '../providers/types';
import { matchesClasses } from './account-classes';
import type { LedgerMovement, LedgerPeriod } from './ledger.model';

function fromMovement(m: MovementRecord): LedgerMovement {
  return {
    entryId: m.entryId ?? m.providerId,
    date: m.date,
    // A MyUnisoft draft has no accounting date yet: it is booked on its document's date.
    accountedOn: m.accountedOn ?? m.date,
    journal: m.journal,
    account: m.account ?? { number: '', name: null },
    label: m.description,
    debit: m.debit,
    credit: m.credit,
    currency: m.currency,
    pieceRef: m.invoiceNumber,
    lettering: m.lettering?.state === 'COMPLETE' ? m.lettering.value : null,
    movement: m,
    entry: null,
  };
}

/** A line of an entry still awaiting validation: a MyUnisoft draft, whose movement has no accounting date yet. */
export const isDraftLine = (line: LedgerMovement): boolean => line.movement?.accountedOn === null;

const fromEntry = (e: EntryRecord): LedgerMovement[] =>
  e.lines.map((line) => ({
    entryId: e.providerId,
    date: e.date,
    accountedOn: e.date,
    journal: e.journal,
    account: line.account,
    label: line.label,
    debit: line.debit,
    credit: line.credit,
    currency: line.currency,
    pieceRef: line.invoiceNumber ?? line.piece,
    lettering: null,
    movement: null,
    entry: e,
  }));

/** True when the session can read a period's lines (movements or entries). */
export function keepsBooks(session: ProviderSession): boolean {
  const can = (capability: 'MOVEMENTS' | 'ENTRIES') => session.capabilities.includes(capability);
  return (
    (can('MOVEMENTS') && (session.streamMovements !== undefined || session.listMovements !== undefined)) ||
    (can('ENTRIES') && (session.streamEntries !== undefined || session.listEntries !== undefined))
  );
}

function rawBatches(
  session: ProviderSession,
  companyId: string,
  period: LedgerPeriod,
  signal: AbortSignal,
): AsyncIterable<LedgerMovement[]> {
  const filter: MovementFilter = {
    ...(period.exerciseId !== null
      ? { exerciseId: period.exerciseId }
      : { from: period.from, to: period.to, booked: true }),
    ...(period.accountClasses.length > 0 ? { accountClasses: period.accountClasses } : {}),
  };
  const map = async function* <T>(source: AsyncIterable<T[]>, one: (item: T) => LedgerMovement[]) {
    for await (const batch of source) yield batch.flatMap(one);
  };
  if (session.capabilities.includes('MOVEMENTS')) {
    const list = session.listMovements?.bind(session);
    const stream = session.streamMovements
      ? session.streamMovements(companyId, filter, signal)
      : list && pages((page) => list(companyId, filter, page), signal);
    if (stream) return map(stream, (m) => [fromMovement(m)]);
  }
  if (session.capabilities.includes('ENTRIES')) {
    const dates = { from: period.from, to: period.to };
    const list = session.listEntries?.bind(session);
    const stream = session.streamEntries
      ? session.streamEntries(companyId, dates, signal)
      : list && pages((page) => list(companyId, dates, page), signal);
    if (stream) return map(stream, fromEntry);
  }
  throw new UnsupportedByProviderError(session.provider, 'MOVEMENTS');
}

/** The period's lines (only those of `period.accountClasses`, when given), batch by batch. */
export async function* ledgerMovements(
  session: ProviderSession,
  companyId: string,
  period: LedgerPeriod,
  signal: AbortSignal,
): AsyncGenerator<LedgerMovement[]> {
  // An exercise is what the provider books in it (MAD's idExercice), whatever a document's own date:
  // an invoice dated in December may be booked in January's exercise. A window is by booking date too
  // (`booked`), as the providers' balances and the FEC's EcritureDate are.
  const inPeriod =
    period.exerciseId !== null
      ? () => true
      : (m: LedgerMovement) => m.accountedOn >= period.from && m.accountedOn <= period.to;
  for await (const batch of rawBatches(session, companyId, period, signal)) {
    const kept = batch.filter((m) => inPeriod(m) && matchesClasses(m.account.number, period.accountClasses));
    if (kept.length > 0) yield kept;
  }
}
