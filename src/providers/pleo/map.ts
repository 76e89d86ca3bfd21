/** Pleo JSON → the unified model. Money arrives in minor units and stays integer cents. */
import { minorUnitsToCents } from '../../domain/money';
import type {
  EntryRecord,
  ExportFailureReasonType,
  ExportJobRecord,
  ExportJobStatus,
  JournalRecord,
} from '../../domain/model';
import { PLEO_FAILURE_REASON_TYPES, type PleoAccountingEntry, type PleoExportJob } from './schemas';

type PleoFailureReasonType = (typeof PLEO_FAILURE_REASON_TYPES)[number];

const JOB_STATUS: Record<PleoExportJob['status'], ExportJobStatus> = {
  pending: 'PENDING',
  in_progress: 'IN_PROGRESS',
  completed: 'COMPLETED',
  completed_with_errors: 'COMPLETED_WITH_ERRORS',
  failed: 'FAILED',
};

const FAILURE_REASON_TYPE = Object.fromEntries(
  PLEO_FAILURE_REASON_TYPES.map((type) => [type, type.toUpperCase()]),
) as Record<PleoFailureReasonType, ExportFailureReasonType>;

/**
 * Pleo has no journals. Every entry is put in one journal `PLEO`, whose `type` carries Pleo's
 * entry type (card_purchase, invoice …): the journal code stays stable for filters, the kind of
 * spend stays visible.
 */
export const PLEO_JOURNAL_CODE = 'PLEO';
const journalOf = (entry: PleoAccountingEntry): JournalRecord => ({
  code: PLEO_JOURNAL_CODE,
  label: 'Pleo',
  type: entry.type ?? null,
});

const toInstant = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);

/**
 * An accounting entry's lines carry signed amounts (debit positive, credit negative), so debit and
 * credit come from the sign. Every Pleo entry is an ordinary entry (`ENTRY`).
 */
export function mapEntry(entry: PleoAccountingEntry): EntryRecord {
  return {
    provider: 'PLEO',
    companyId: entry.companyId,
    providerId: entry.id,
    type: 'ENTRY',
    journal: journalOf(entry),
    date: entry.date.slice(0, 10),
    lines: entry.accountingEntryLines.map((line) => {
      const cents = minorUnitsToCents(line.lineAmount.value);
      return {
        // An uncategorised line has no account yet; it is shown with an empty number, never dropped.
        account: { number: line.account?.code ?? '', name: line.account?.name ?? null },
        label: line.description ?? entry.note ?? null,
        debit: cents > 0 ? cents : 0,
        credit: cents < 0 ? -cents : 0,
        currency: line.lineAmount.currency,
        piece: null,
        invoiceNumber: null,
        dueDate: null,
      };
    }),
    documentIds: [],
  };
}

/** `errors` are the failed items' reasons, fetched only for COMPLETED_WITH_ERRORS jobs. */
export function mapExportJob(job: PleoExportJob, errors: string[]): ExportJobRecord {
  return {
    provider: 'PLEO',
    companyId: job.companyId,
    providerId: job.id,
    // Pleo sends entries to an accounting system: there is no file, hence no format.
    format: null,
    status: JOB_STATUS[job.status],
    createdAt: toInstant(job.createdAt),
    startedAt: toInstant(job.startedAt),
    // A failed or expired job ends too; its end time is where Pleo recorded it.
    completedAt: toInstant(job.completedAt ?? job.expiredAt),
    numberOfItems: job.numberOfItems,
    failureReason: job.failureReason ?? null,
    failureReasonType: job.failureReasonType ? FAILURE_REASON_TYPE[job.failureReasonType] : null,
    isInteractive: job.isInteractive,
    vendorBasedBookkeeping: job.vendorBasedBookkeeping,
    createdBy: job.createdBy ?? null,
    expiredAt: toInstant(job.expiredAt),
    expiresIn: job.expiresIn,
    lastUpdatedAt: toInstant(job.lastUpdatedAt),
    file: null,
    errors,
  };
}

export const itemError = (item: { accountingEntryId: string; failureReason?: string | null | undefined }) =>
  `${item.accountingEntryId}: ${item.failureReason ?? 'failed'}`;
