/** Pleo JSON → the unified model. Money arrives in minor units and stays integer cents. */
import { minorUnitsToCents } from '../../domain/money';
import type {
  EntryRecord,
  ExportFailureReasonType,
  ExportJobEvent,
  ExportJobItemRecord,
  ExportJobItemStatus,
  ExportJobItemsUpdateRecord,
  ExportJobRecord,
  ExportJobStatus,
  JournalRecord,
} from '../../domain/model';
import type { ExportJobItemUpdate } from '../types';
import type { PleoItemUpdate } from './client';
import {
  PLEO_FAILURE_REASON_TYPES,
  PLEO_ITEM_STATUSES,
  type PleoAccountingEntry,
  type PleoExportJob,
  type PleoExportJobItem,
  type PleoItemsUpdate,
  type PleoJobEvent,
} from './schemas';

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

/** The gateway's event → Pleo's `event`, and the job status that shows it took effect. */
const JOB_EVENT: Record<ExportJobEvent, PleoJobEvent> = {
  STARTED: 'started',
  COMPLETED: 'completed',
  COMPLETED_WITH_ERRORS: 'completed_with_errors',
  FAILED: 'failed',
};
export const pleoJobEvent = (event: ExportJobEvent): PleoJobEvent => JOB_EVENT[event];

/** Statuses only a started job reaches (a job failed from pending never started). */
const STARTED_STATUSES: readonly PleoExportJob['status'][] = [
  'in_progress',
  'completed',
  'completed_with_errors',
];

/**
 * True when the job shows `event` already applied: STARTED once it has a start time or a status only a
 * started job has (it may have finished since), the others once the job is in their status.
 */
export function eventApplied(job: PleoExportJob, event: ExportJobEvent): boolean {
  if (event === 'STARTED') return Boolean(job.startedAt) || STARTED_STATUSES.includes(job.status);
  return job.status === JOB_EVENT[event];
}

/** The Pleo failure reason type of the gateway's value (same words, lower-cased). */
export const pleoFailureReasonType = (type: ExportFailureReasonType) => type.toLowerCase();

export const toPleoItemUpdate = (item: ExportJobItemUpdate): PleoItemUpdate => ({
  accountingEntryId: item.entryId,
  status: item.status.toLowerCase() as PleoItemUpdate['status'],
  ...(item.failureReason !== undefined ? { failureReason: item.failureReason } : {}),
  ...(item.externalId !== undefined ? { externalId: item.externalId } : {}),
  ...(item.externalUrl !== undefined ? { externalUrl: item.externalUrl } : {}),
});

const isItemStatus = (status: string): status is (typeof PLEO_ITEM_STATUSES)[number] =>
  (PLEO_ITEM_STATUSES as readonly string[]).includes(status);

export function mapExportJobItem(companyId: string, item: PleoExportJobItem): ExportJobItemRecord {
  return {
    provider: 'PLEO',
    companyId,
    entryId: item.accountingEntryId.toLowerCase(),
    // An unknown status (Pleo added one) reads as still running rather than failing the answer.
    status: (isItemStatus(item.status) ? item.status.toUpperCase() : 'IN_PROGRESS') as ExportJobItemStatus,
    failureReason: item.failureReason ?? null,
    externalId: item.externalId ?? null,
    externalUrl: item.externalUrl ?? null,
    updatedAt: toInstant(item.updatedAt),
  };
}

/** True when the item already stands as `update` asks (a retried update has nothing left to do). */
export const itemMatches = (item: PleoExportJobItem, update: ExportJobItemUpdate) =>
  item.status === update.status.toLowerCase() &&
  (update.failureReason === undefined || item.failureReason === update.failureReason) &&
  (update.externalId === undefined || item.externalId === update.externalId) &&
  (update.externalUrl === undefined || item.externalUrl === update.externalUrl);

export const itemEntryId = (item: PleoExportJobItem) => item.accountingEntryId.toLowerCase();

/** Pleo's answer to an item update: typed per-item errors, never its message text. */
export function mapItemsUpdate(
  companyId: string,
  answer: { data: PleoExportJobItem[]; errors?: PleoItemsUpdate['errors'] },
): ExportJobItemsUpdateRecord {
  return {
    items: answer.data.map((item) => mapExportJobItem(companyId, item)),
    errors: (answer.errors ?? []).map((error) => ({
      provider: 'PLEO',
      companyId,
      entryId: error.accountingEntryId.toLowerCase(),
      code: error.type === 'ACCOUNTING_ENTRY_DOES_NOT_EXIST' ? 'ENTRY_NOT_IN_JOB' : 'REFUSED',
    })),
  };
}
