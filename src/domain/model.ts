/**
 * The unified model every provider maps into (`src/providers/<name>/map.ts`), and the schema serves.
 * Ids here are the providers' native ids as strings; the schema layer turns them into global ids.
 */
import type { Cents } from './money';
import type { ProviderName } from '../errors';

export type { ProviderName };
export const PROVIDERS: readonly ProviderName[] = ['JEPILOTE', 'MYUNISOFT', 'INQOM', 'PLEO'];

/** What a company's provider can do; asking for anything else is `UNSUPPORTED_BY_PROVIDER`. */
export type Capability =
  | 'EXERCISES'
  | 'ENTRIES'
  | 'MOVEMENTS'
  | 'DOCUMENTS'
  | 'DOCUMENT_DOWNLOAD'
  | 'UPLOAD_DOCUMENT'
  | 'EXPENSE_BILLS'
  | 'EXPORT_JOBS'
  | 'EXPORT_JOB_LIFECYCLE'
  | 'EXPORT_FEC'
  | 'EXPORT_ACD';
export const CAPABILITIES: readonly Capability[] = [
  'EXERCISES',
  'ENTRIES',
  'MOVEMENTS',
  'DOCUMENTS',
  'DOCUMENT_DOWNLOAD',
  'UPLOAD_DOCUMENT',
  'EXPENSE_BILLS',
  'EXPORT_JOBS',
  'EXPORT_JOB_LIFECYCLE',
  'EXPORT_FEC',
  'EXPORT_ACD',
];

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An instant, ISO 8601 in UTC (`2023-03-24T17:05:21.380Z`). */
export type IsoDateTime = string;

export interface CompanyRecord {
  provider: ProviderName;
  providerId: string;
  name: string;
  siren: string | null;
}

export interface ExerciseRecord {
  provider: ProviderName;
  companyId: string;
  providerId: string;
  label: string;
  startDate: IsoDate;
  endDate: IsoDate;
  closed: boolean;
}

/** MyUnisoft's six entry types, with readable names. */
export type EntryType = 'ENTRY' | 'PENDING_OCR' | 'BANK_INTEGRATION' | 'MANUAL' | 'REVERSAL' | 'LETTERING';
export const ENTRY_TYPES: readonly EntryType[] = [
  'ENTRY',
  'PENDING_OCR',
  'BANK_INTEGRATION',
  'MANUAL',
  'REVERSAL',
  'LETTERING',
];

export interface JournalRecord {
  code: string;
  label: string;
  type: string | null;
}

export interface AccountRecord {
  number: string;
  name: string | null;
}

export interface EntryLineRecord {
  account: AccountRecord;
  label: string | null;
  debit: Cents;
  credit: Cents;
  currency: string | null;
  piece: string | null;
  invoiceNumber: string | null;
  dueDate: IsoDate | null;
}

export interface EntryRecord {
  provider: ProviderName;
  companyId: string;
  providerId: string;
  type: EntryType;
  journal: JournalRecord;
  date: IsoDate;
  lines: EntryLineRecord[];
  /** Native ids of the documents attached to the entry, resolved through the documents loader. */
  documentIds: string[];
}

export type LetteringState = 'NONE' | 'PARTIAL' | 'COMPLETE';

export interface AnalyticSectionRecord {
  code: string;
  name: string | null;
  amount: Cents;
  /** Percentage as a decimal string, e.g. "100" or "33.33". */
  rate: string;
}

export interface AnalyticAllocationRecord {
  code: string;
  name: string | null;
  sections: AnalyticSectionRecord[];
}

export interface MovementRecord {
  provider: ProviderName;
  companyId: string;
  providerId: string;
  entryId: string | null;
  /** The document's date (MyUnisoft MAD `date`); may lie outside the exercise the line is booked in. */
  date: IsoDate;
  /** The accounting (booking) date the provider gives; null while MyUnisoft has not validated the entry. */
  accountedOn: IsoDate | null;
  journal: JournalRecord;
  account: AccountRecord | null;
  description: string | null;
  invoiceNumber: string | null;
  dueDate: IsoDate | null;
  debit: Cents;
  credit: Cents;
  /** credit − debit, as MyUnisoft defines it. */
  amount: Cents;
  currency: string | null;
  lettering: { state: LetteringState; value: string | null } | null;
  analytics: AnalyticAllocationRecord[];
  /** The piece (voucher) reference, as its entry's line gives it (EntryLineRecord.piece). */
  piece: string | null;
  /** Its entry's type, when the provider sends it with the movement; null when unknown. */
  entryType: EntryType | null;
}

export type DocumentType = 'SALES_INVOICE' | 'PURCHASE_INVOICE' | 'OTHER';
export type DocumentStatus =
  'RECEIVED' | 'TO_REVIEW' | 'PROCESSING' | 'DUPLICATE' | 'DONE' | 'MANUAL_PROCESSING' | 'DELETED';

/**
 * A document's thumbnail at the provider: fetchable through the gateway, or refused because its URL
 * is off the fetch allowlist (`refusedAt`: origin and path only, for a log line).
 */
export type DocumentThumbnail = { fetchable: true } | { fetchable: false; refusedAt: string };

export interface DocumentRecord {
  provider: ProviderName;
  companyId: string;
  providerId: string;
  name: string;
  type: DocumentType;
  status: DocumentStatus;
  sizeKb: number | null;
  createdAt: IsoDateTime;
  checksum: string | null;
  amount: Cents | null;
  counterParty: string | null;
  effectiveDate: IsoDate | null;
  /** The provider's thumbnail, never its URL: the gateway serves it through a signed link. */
  thumbnail: DocumentThumbnail | null;
  /** Native id of the original when this document is a duplicate. */
  duplicateOfId: string | null;
  /** The caller's own reference given at upload (Inqom `DocRef`). */
  reference: string | null;
  /** The document's id in the system it came from, given at upload (Inqom `SourceId`). */
  sourceId: string | null;
  /** The file name when it was dropped (Inqom `OriginalName`). */
  originalName: string | null;
  /** Why the document is in its status, in the provider's words (Inqom `StatusReason`). */
  statusReason: string | null;
}

export type ExportFormat = 'FEC' | 'ACD';
export type ExportJobStatus = 'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'COMPLETED_WITH_ERRORS' | 'FAILED';

/** Why an export job failed: Pleo's 15 `failureReasonType` values, upper-cased. */
export type ExportFailureReasonType =
  | 'INVALID_CONFIGURATION'
  | 'MISSING_CONFIGURATION'
  | 'AUTHENTICATION_FAILURE'
  | 'ACCOUNTING_SYSTEM_AUTHENTICATION_FAILURE'
  | 'PLEO_RATE_LIMIT'
  | 'ACCOUNTING_SYSTEM_RATE_LIMIT'
  | 'SERVICE_UNREACHABLE'
  | 'ACCOUNTING_SYSTEM_UNREACHABLE'
  | 'VALIDATION_FAILURE'
  | 'AUTHORIZATION_FAILURE'
  | 'INTEGRATION_UNUSABLE'
  | 'JOB_EXPIRED'
  | 'SERVICE_TIMEOUT'
  | 'ACCOUNTING_SYSTEM_TIMEOUT'
  | 'CANCELED_BY_USER';

/** What an accounting integration reports of a job it runs (Pleo's export-job events). */
export type ExportJobEvent = 'STARTED' | 'COMPLETED' | 'COMPLETED_WITH_ERRORS' | 'FAILED';

/** Where one exported entry (an export job item) stands. */
export type ExportJobItemStatus = 'PENDING' | 'IN_PROGRESS' | 'SUCCESSFUL' | 'FAILED' | 'ABANDONED';

/** One item of an export job: an entry of the job and how its transmission went. */
export interface ExportJobItemRecord {
  provider: ProviderName;
  companyId: string;
  /** The provider's id of the exported entry. */
  entryId: string;
  status: ExportJobItemStatus;
  failureReason: string | null;
  externalId: string | null;
  externalUrl: string | null;
  updatedAt: IsoDateTime | null;
}

/** Why an item update was not applied: the entry is not one of the job's (Pleo's ACCOUNTING_ENTRY_DOES_NOT_EXIST). */
export type ExportJobItemErrorCode = 'ENTRY_NOT_IN_JOB' | 'REFUSED';

export interface ExportJobItemErrorRecord {
  provider: ProviderName;
  companyId: string;
  entryId: string;
  code: ExportJobItemErrorCode;
}

export interface ExportJobItemsUpdateRecord {
  items: ExportJobItemRecord[];
  errors: ExportJobItemErrorRecord[];
}

/** The job details only Pleo's export jobs have, for providers whose jobs have none. */
export const NO_JOB_LIFECYCLE_DETAILS = {
  isInteractive: null,
  vendorBasedBookkeeping: null,
  createdBy: null,
  expiredAt: null,
  expiresIn: null,
  lastUpdatedAt: null,
} as const;

export interface ExportFileRecord {
  name: string;
  /** The provider's own page for the file (may need a web session there). */
  url: string | null;
  /** Opaque reference the provider session can stream bytes from (never shown to callers). */
  downloadRef: string | null;
}

export interface ExportJobRecord {
  provider: ProviderName;
  companyId: string;
  providerId: string;
  format: ExportFormat | null;
  status: ExportJobStatus;
  createdAt: IsoDateTime | null;
  startedAt: IsoDateTime | null;
  completedAt: IsoDateTime | null;
  numberOfItems: number | null;
  failureReason: string | null;
  failureReasonType: ExportFailureReasonType | null;
  /** Started by a user (true) or in the background (false); null where the provider has no such notion. */
  isInteractive: boolean | null;
  /** Pleo: the export items carry vendor and bookkeeping data. */
  vendorBasedBookkeeping: boolean | null;
  /** The provider's id of the user who started the job (Pleo's `createdBy`, from `employeeId`). */
  createdBy: string | null;
  /** When the job expired (Pleo), null if it did not. */
  expiredAt: IsoDateTime | null;
  /** Seconds the job lives after its last update before it expires (Pleo). */
  expiresIn: number | null;
  /** The job's last update or action (Pleo). */
  lastUpdatedAt: IsoDateTime | null;
  file: ExportFileRecord | null;
  errors: string[];
  /** The errors are the failed items, read only when `errors` is selected (the session's `exportJobErrors`). */
  errorsUnread?: true;
}
