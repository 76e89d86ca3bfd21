/** The general ledger's own records: one booked line in a period, a trial balance, a ledger page. */
import type {
  AccountRecord,
  EntryRecord,
  ExerciseRecord,
  IsoDate,
  JournalRecord,
  MovementRecord,
} from '../domain/model';
import type { Cents } from '../domain/money';

export type { BalancePeriod, ProviderBalance, ProviderBalanceLine } from '../providers/types';

/** One line booked on one account, read from a provider's movements or entry lines. */
export interface LedgerMovement {
  /** Native id of the entry holding the line (lines of one entry share it). */
  entryId: string;
  /** The document's date (FEC PieceDate). */
  date: IsoDate;
  /** The booking date (FEC EcritureDate): the provider's accounting date, else the document's. */
  accountedOn: IsoDate;
  journal: JournalRecord;
  account: AccountRecord;
  label: string | null;
  debit: Cents;
  credit: Cents;
  currency: string | null;
  /** The supporting document's reference (invoice number), when the provider gives one. */
  pieceRef: string | null;
  /** Code of a complete lettering, null when unlettered or only partly lettered. */
  lettering: string | null;
  /** The source record, for the ledger's `movement` / `entry` fields. */
  movement: MovementRecord | null;
  entry: EntryRecord | null;
}

/** A validated period: an exercise (with its dates) or a window; classes narrow the accounts. */
export interface LedgerPeriod {
  from: IsoDate;
  to: IsoDate;
  /** Native id of the exercise when the period is one. */
  exerciseId: string | null;
  /** The exercise holding the period, when the provider has exercises and one holds it. */
  exercise: ExerciseRecord | null;
  accountClasses: string[];
}

export interface TrialBalanceLineRecord {
  account: AccountRecord;
  debit: Cents;
  credit: Cents;
  /** debit − credit. */
  balance: Cents;
}

export interface AccountDifferenceRecord {
  accountNumber: string;
  ours: Cents;
  provider: Cents;
}

export interface ReconciliationRecord {
  source: string;
  matches: boolean;
  differences: AccountDifferenceRecord[];
}

export interface TrialBalanceRecord {
  from: IsoDate;
  to: IsoDate;
  lines: TrialBalanceLineRecord[];
  debitTotal: Cents;
  creditTotal: Cents;
  balanced: boolean;
  /** Entries whose lines in the period do not sum to zero (empty when classes filter): global ids. */
  unbalancedEntryIds: string[];
  /** Pending while the provider's balance is read; its failure fails this field alone. */
  reconciliation: Promise<ReconciliationRecord> | null;
}
