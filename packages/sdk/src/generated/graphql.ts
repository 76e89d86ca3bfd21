/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What an access token may run. */
export type AccessScope =
  /** createExportJob and startBulkExport. */
  | 'EXPORT'
  /** Queries. */
  | 'READ'
  /** uploadDocument and createExpenseBill. */
  | 'UPLOAD';

/** The file format of a bulk export. */
export type BulkExportFormat =
  /** RFC 4180 CSV with a header row, UTF-8. */
  | 'CSV'
  /** The legal Fichier des Écritures Comptables (art. A47 A-1 LPF) of kind ENTRIES, from any provider with entries or movements, named <SIREN>FEC<closing date>.txt, with a conformance report once complete. */
  | 'FEC'
  /** One JSON object per line, shaped like the GraphQL type, amounts as Decimal strings. */
  | 'JSONL';

/** What a bulk export holds. */
export type BulkExportKind =
  /** Entries with their lines (in CSV, one row per line). */
  | 'ENTRIES'
  /** Movements (entry lines with lettering and analytics), one row each. */
  | 'MOVEMENTS';

/** Where a bulk export stands. */
export type BulkExportStatus =
  /** The file is ready (see downloadUrl); totals are final. */
  | 'COMPLETED'
  /** Accepted, waiting for a slot. */
  | 'CREATED'
  /** It had completed, but its file is gone (past its lifetime or deleted). */
  | 'EXPIRED'
  /** Stopped (see errorCode: GATEWAY_RESTARTED when its instances kept dying); no file. */
  | 'FAILED'
  /** Streaming rows from the provider to the file. */
  | 'RUNNING';

/** Something a company's provider can do; asking for anything else is UNSUPPORTED_BY_PROVIDER. */
export type Capability =
  /** Lists accounting documents. */
  | 'DOCUMENTS'
  /** Gives temporary download URLs for documents. */
  | 'DOCUMENT_DOWNLOAD'
  /** Lists accounting entries. */
  | 'ENTRIES'
  /** Lists accounting exercises (fiscal years). */
  | 'EXERCISES'
  /** Accepts expense bills. */
  | 'EXPENSE_BILLS'
  /** Exports in the ACD format. */
  | 'EXPORT_ACD'
  /** Exports in the FEC format (Fichier des Écritures Comptables). */
  | 'EXPORT_FEC'
  /** Creates and lists export jobs. */
  | 'EXPORT_JOBS'
  /** Takes an accounting integration's reports on export jobs: status events and item statuses. */
  | 'EXPORT_JOB_LIFECYCLE'
  /** Lists movements (entry lines with lettering and analytics). */
  | 'MOVEMENTS'
  /** Accepts uploaded documents. */
  | 'UPLOAD_DOCUMENT';

/** What a new access token may see and run, and for how long. */
export type CreateAccessTokenInput = {
  /** Global ids of the only companies the token may see (others answer like unknown ids); default every company of your tenant. */
  companyIds?: Array<string | number> | null | undefined;
  /** What the token may run; at least one. */
  scopes: Array<AccessScope>;
  /** Lifetime in seconds: default 900 (15 minutes), at most 86400 (24 hours). */
  ttlSeconds?: number | null | undefined;
};

/** An expense bill to file with the company’s provider (Inqom). */
export type CreateExpenseBillInput = {
  /** Full name of the person to reimburse (1–255 characters). */
  beneficiaryFullName: string;
  /** Global id of the company. */
  companyId: string | number;
  /** The receipt (multipart request). */
  file: unknown;
  /** Retries with the same key and input return the first outcome without a second upload. */
  idempotencyKey?: string | null | undefined;
  /** Your reference for the bill (1–255 characters). */
  reference: string;
};

/** An export to start. Jepilote needs format (FEC or ACD); Pleo needs entryIds. */
export type CreateExportJobInput = {
  /** Global id of the company. */
  companyId: string | number;
  /** Pleo only: the Pleo user (UUID) starting the export; read back as the job's createdBy. */
  employeeId?: string | number | null | undefined;
  /** Global ids of entries of the company to export (required by Pleo). */
  entryIds?: Array<string | number> | null | undefined;
  /** File format (required by Jepilote). */
  format?: ExportFormat | null | undefined;
  /** First day exported (provider default when absent). */
  from?: string | null | undefined;
  /** Retries with the same key and input return the first job instead of starting another. */
  idempotencyKey?: string | null | undefined;
  /** Include documents already exported. */
  includeAlreadyExported?: boolean | null | undefined;
  /** Pleo only: started by a user (default true) or in the background (false). */
  isInteractive?: boolean | null | undefined;
  /** Flag the exported documents so later exports skip them. */
  markAsExported?: boolean | null | undefined;
  /** E-mail address the provider notifies when the export is ready. */
  notifyEmail?: string | null | undefined;
  /** Last day exported (provider default when absent). */
  to?: string | null | undefined;
  /** Pleo only (its options.vendorBasedBookkeeping): items carry vendor and bookkeeping data (default false). */
  vendorBasedBookkeeping?: boolean | null | undefined;
};

/** Narrows a list of documents; every field is optional. */
export type DocumentFilter = {
  /** Created on or after this day. */
  createdFrom?: string | null | undefined;
  /** Created on or before this day. */
  createdTo?: string | null | undefined;
  /** Only documents in this status. */
  status?: DocumentStatus | null | undefined;
  /** Only documents of this type. */
  type?: DocumentType | null | undefined;
};

/** Where a document stands in the provider's processing (Inqom's seven statuses). */
export type DocumentStatus =
  /** Deleted. */
  | 'DELETED'
  /** Processed and booked. */
  | 'DONE'
  /** The same bytes as an earlier document (see duplicateOf). */
  | 'DUPLICATE'
  /** Handed over to manual processing. */
  | 'MANUAL_PROCESSING'
  /** Being processed (extraction). */
  | 'PROCESSING'
  /** Received, not yet processed. */
  | 'RECEIVED'
  /** Processed, waiting for a human review. */
  | 'TO_REVIEW';

/** What an accounting document is. */
export type DocumentType =
  /** Any other document. */
  | 'OTHER'
  /** An invoice the company received. */
  | 'PURCHASE_INVOICE'
  /** An invoice the company issued. */
  | 'SALES_INVOICE';

/** Narrows a list of entries; every field is optional. */
export type EntryFilter = {
  /** Entries dated on or after this day. */
  from?: string | null | undefined;
  /** Only entries of this journal code. */
  journalCode?: string | null | undefined;
  /** Entries dated on or before this day (not before from). */
  to?: string | null | undefined;
  /** Only entries of this type. */
  type?: EntryType | null | undefined;
};

/** An entry's origin (MyUnisoft's six entry types). */
export type EntryType =
  /** An entry created by bank integration. */
  | 'BANK_INTEGRATION'
  /** A regular accounting entry. */
  | 'ENTRY'
  /** An entry created by lettering. */
  | 'LETTERING'
  /** An entry typed in by hand. */
  | 'MANUAL'
  /** An entry waiting for OCR of its document. */
  | 'PENDING_OCR'
  /** A reversal (extourne) entry. */
  | 'REVERSAL';

/** Why an export job failed (Pleo's failureReasonType). */
export type ExportFailureReasonType =
  /** Authentication with the accounting system failed. */
  | 'ACCOUNTING_SYSTEM_AUTHENTICATION_FAILURE'
  /** The accounting system's rate limit was hit. */
  | 'ACCOUNTING_SYSTEM_RATE_LIMIT'
  /** The accounting system timed out. */
  | 'ACCOUNTING_SYSTEM_TIMEOUT'
  /** The accounting system could not be reached. */
  | 'ACCOUNTING_SYSTEM_UNREACHABLE'
  /** Authentication with Pleo failed. */
  | 'AUTHENTICATION_FAILURE'
  /** The user may not export this data. */
  | 'AUTHORIZATION_FAILURE'
  /** A user canceled the job. */
  | 'CANCELED_BY_USER'
  /** The accounting integration cannot be used. */
  | 'INTEGRATION_UNUSABLE'
  /** The accounting integration is configured wrongly. */
  | 'INVALID_CONFIGURATION'
  /** The job had no action for longer than expiresIn. */
  | 'JOB_EXPIRED'
  /** The accounting integration is not configured. */
  | 'MISSING_CONFIGURATION'
  /** Pleo's rate limit was hit. */
  | 'PLEO_RATE_LIMIT'
  /** The export service timed out. */
  | 'SERVICE_TIMEOUT'
  /** The export service could not be reached. */
  | 'SERVICE_UNREACHABLE'
  /** The exported data was refused as invalid. */
  | 'VALIDATION_FAILURE';

/** The file format of an export. */
export type ExportFormat =
  /** ACD import zip (the .in file and the list of documents). */
  | 'ACD'
  /** Fichier des Écritures Comptables: the French tax administration's ledger text file. */
  | 'FEC';

/** What an accounting integration reports of an export job it runs. */
export type ExportJobEvent =
  /** Every item went through: IN_PROGRESS → COMPLETED. */
  | 'COMPLETED'
  /** Done, some items failed: IN_PROGRESS → COMPLETED_WITH_ERRORS. */
  | 'COMPLETED_WITH_ERRORS'
  /** The job failed (give failureReasonType): PENDING or IN_PROGRESS → FAILED. */
  | 'FAILED'
  /** The integration started the job: PENDING → IN_PROGRESS. */
  | 'STARTED';

/** Why one item update was not applied. */
export type ExportJobItemErrorCode =
  /** The entry is not one of the export job. */
  | 'ENTRY_NOT_IN_JOB'
  /** The provider refused this item for another reason. */
  | 'REFUSED';

/** Where one entry of an export job stands. */
export type ExportJobItemStatus =
  /** Left unsent because the job failed. */
  | 'ABANDONED'
  /** Refused or not sent (see failureReason). */
  | 'FAILED'
  /** Being sent to the accounting system. */
  | 'IN_PROGRESS'
  /** Not picked up yet. */
  | 'PENDING'
  /** In the accounting system. */
  | 'SUCCESSFUL';

/** The new status of one entry of an export job. */
export type ExportJobItemUpdateInput = {
  /** Global id of an entry of the job. */
  entryId: string | number;
  /** The entry's id in the accounting system (at most 255 characters). */
  externalId?: string | null | undefined;
  /** The entry's page in the accounting system (an http(s) URL). */
  externalUrl?: string | null | undefined;
  /** FAILED only: why, e.g. account_unknown (at most 1,000 characters). */
  failureReason?: string | null | undefined;
  /** IN_PROGRESS, SUCCESSFUL or FAILED. */
  status: ExportJobItemStatus;
};

/** Where an export job stands. */
export type ExportJobStatus =
  /** Finished; the file is ready. */
  | 'COMPLETED'
  /** Finished, but some items failed (see errors). */
  | 'COMPLETED_WITH_ERRORS'
  /** Failed (see failureReason). */
  | 'FAILED'
  /** Running. */
  | 'IN_PROGRESS'
  /** Accepted, not started. */
  | 'PENDING';

/** How far a movement is lettered (matched). */
export type LetteringState =
  /** Fully lettered. */
  | 'COMPLETE'
  /** Not lettered. */
  | 'NONE'
  /** Partially lettered. */
  | 'PARTIAL';

/** Which date the from/to window of a movement filter applies to. */
export type MovementDateFilter =
  /** The accounting date of the entry. */
  | 'ACCOUNTING'
  /** The date of the underlying document. */
  | 'DOCUMENT'
  /** The date the movement was recorded in MyUnisoft. */
  | 'MYUNISOFT';

/** Selects movements: an exercise, or a from/to window of at most 12 months (not both). */
export type MovementFilter = {
  /** Only accounts of these classes (leading digits, e.g. "4", "41"). */
  accountClasses?: Array<string> | null | undefined;
  /** Which date the window applies to. */
  dateFilter?: MovementDateFilter | null | undefined;
  /** True: only draft movements; false: only validated ones. */
  draft?: boolean | null | undefined;
  /** Global id of an exercise of the company. */
  exerciseId?: string | number | null | undefined;
  /** Window start (with to; at most 12 months). */
  from?: string | null | undefined;
  /** Only movements in this lettering state. */
  lettering?: LetteringState | null | undefined;
  /** Only movements of this source (provider-defined code). */
  source?: string | null | undefined;
  /** Window end (with from; not before from). */
  to?: string | null | undefined;
};

/** The accounting SaaS a company lives in. */
export type Provider =
  /** Inqom: accounting documents and expense bills. */
  | 'INQOM'
  /** Jepilote: FEC and ACD exports. */
  | 'JEPILOTE'
  /** MyUnisoft: societies, exercises, entries and the MAD movements export. */
  | 'MYUNISOFT'
  /** Pleo: expense export jobs. */
  | 'PLEO';

/** A bulk export to start: an exercise, or a from/to window of at most 12 months (not both). */
export type StartBulkExportInput = {
  /** Global id of the company. */
  companyId: string | number;
  /** Global id of an exercise of the company. */
  exerciseId?: string | number | null | undefined;
  /** The file format. */
  format: BulkExportFormat;
  /** Window start (with to; at most 12 months). */
  from?: string | null | undefined;
  /** Retries with the same key and input return the first export instead of starting another. */
  idempotencyKey?: string | null | undefined;
  /** What to export. */
  kind: BulkExportKind;
  /** Window end (with from; not before from). */
  to?: string | null | undefined;
};

/** The period of a trial balance or ledger: an exercise, or a from/to window of at most 12 months (not both); accountClasses narrows the accounts. */
export type TrialBalanceFilter = {
  /** Only accounts whose number starts with one of these digit roots, e.g. ["4", "512"]. */
  accountClasses?: Array<string> | null | undefined;
  /** Global id of an exercise of the company. */
  exerciseId?: string | number | null | undefined;
  /** Window start (with to; at most 12 months). */
  from?: string | null | undefined;
  /** Window end (with from; not before from). */
  to?: string | null | undefined;
};

/** Item statuses an accounting integration reports on an export job's entries. */
export type UpdateExportJobItemsInput = {
  /** Global id of the export job. */
  exportJobId: string | number;
  /** Retries with the same key and input return the first answer instead of updating again. */
  idempotencyKey?: string | null | undefined;
  /** At most 100 updates, one per entry. */
  items: Array<ExportJobItemUpdateInput>;
};

/** An accounting integration's report on an export job it runs (Pleo's export-job events); moves the job. */
export type UpdateExportJobStatusInput = {
  /** What happened to the job. */
  event: ExportJobEvent;
  /** Global id of the export job. */
  exportJobId: string | number;
  /** FAILED only: why the job failed, in words (at most 1,000 characters). */
  failureReason?: string | null | undefined;
  /** FAILED only: the failure's category. */
  failureReasonType?: ExportFailureReasonType | null | undefined;
  /** Retries with the same key and input return the job as the first attempt left it, never posting the event twice. */
  idempotencyKey?: string | null | undefined;
};

/** A document to upload to the company’s provider (Inqom). */
export type UploadDocumentInput = {
  /** Global id of the company. */
  companyId: string | number;
  /** The file (multipart request). */
  file: unknown;
  /** Retries with the same key and input return the first outcome without a second upload. */
  idempotencyKey?: string | null | undefined;
  /** Your reference for the document. */
  reference?: string | null | undefined;
  /** True to skip data extraction (OCR). */
  skipExtraction?: boolean | null | undefined;
  /** Id of the document in your system. */
  sourceId?: string | null | undefined;
  /** What the document is. */
  type: DocumentType;
};

export type AccountLedgerQueryVariables = Exact<{
  companyId: string | number;
  account: string;
  filter: TrialBalanceFilter;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AccountLedgerQuery = { company: { id: string, ledger: { openingBalance: string, closingBalance: string, totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { date: string, debit: string, credit: string, runningBalance: string, label: string | null, journal: { code: string } } }> } } | null };

export type GetBulkExportQueryVariables = Exact<{
  id: string | number;
}>;


export type GetBulkExportQuery = { bulkExport: { id: string, provider: Provider, kind: BulkExportKind, format: BulkExportFormat, status: BulkExportStatus, rowCount: number, debitTotal: string, creditTotal: string, createdAt: string, completedAt: string | null, errorCode: string | null, downloadUrl: string | null, downloadUrlExpiresAt: string | null } | null };

export type ListCompaniesQueryVariables = Exact<{
  provider?: Provider | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ListCompaniesQuery = { companies: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, provider: Provider, providerId: string, name: string, siren: string | null, capabilities: Array<Capability> } | null }> } };

export type CompanyChartQueryVariables = Exact<{
  companyId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CompanyChartQuery = { company: { id: string, provider: Provider, journals: Array<{ code: string, label: string, type: string | null }>, accounts: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { number: string, name: string | null } }> } } | null };

export type GetCompanyQueryVariables = Exact<{
  id: string | number;
}>;


export type GetCompanyQuery = { company: { id: string, provider: Provider, providerId: string, name: string, siren: string | null, capabilities: Array<Capability>, exercises: Array<{ id: string, label: string, startDate: string, endDate: string, closed: boolean }> } | null };

export type CreateAccessTokenMutationVariables = Exact<{
  input: CreateAccessTokenInput;
}>;


export type CreateAccessTokenMutation = { createAccessToken: { token: string, expiresAt: string, scopes: Array<AccessScope> } };

export type CreateExpenseBillMutationVariables = Exact<{
  input: CreateExpenseBillInput;
}>;


export type CreateExpenseBillMutation = { createExpenseBill: { id: string, name: string, type: DocumentType, status: DocumentStatus } };

export type CreateExportJobMutationVariables = Exact<{
  input: CreateExportJobInput;
}>;


export type CreateExportJobMutation = { createExportJob: { id: string, provider: Provider, format: ExportFormat | null, status: ExportJobStatus, numberOfItems: number | null, errors: Array<string>, file: { name: string, url: string | null, downloadUrl: string | null, downloadUrlExpiresAt: string | null } | null } };

export type GetDocumentQueryVariables = Exact<{
  id: string | number;
}>;


export type GetDocumentQuery = { node:
    | { __typename: 'BulkExport', id: string }
    | { __typename: 'Company', id: string }
    | { __typename: 'Document', name: string, type: DocumentType, status: DocumentStatus, checksum: string | null, downloadUrl: string | null, downloadUrlExpiresAt: string | null, id: string }
    | { __typename: 'Entry', id: string }
    | { __typename: 'Exercise', id: string }
    | { __typename: 'ExportJob', id: string }
    | { __typename: 'Movement', id: string }
   | null };

export type CompanyDocumentsQueryVariables = Exact<{
  companyId: string | number;
  filter?: DocumentFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CompanyDocumentsQuery = { company: { id: string, documents: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, type: DocumentType, status: DocumentStatus, sizeKb: number | null, createdAt: string, checksum: string | null, amount: string | null, counterParty: string | null, effectiveDate: string | null, thumbnailUrl: string | null, thumbnailUrlExpiresAt: string | null, duplicateOf: { id: string } | null } }> } } | null };

export type EntriesWithDocumentsQueryVariables = Exact<{
  companyId: string | number;
  filter?: EntryFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type EntriesWithDocumentsQuery = { company: { id: string, entries: { edges: Array<{ node: { id: string, date: string, documents: Array<{ id: string, name: string, checksum: string | null, downloadUrl: string | null, downloadUrlExpiresAt: string | null }> } }> } } | null };

export type CompanyEntriesQueryVariables = Exact<{
  companyId: string | number;
  filter?: EntryFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CompanyEntriesQuery = { company: { id: string, entries: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, type: EntryType, date: string, debitTotal: string, creditTotal: string, balanced: boolean, journal: { code: string, label: string, type: string | null }, lines: Array<{ label: string | null, debit: string, credit: string, currency: string | null, piece: string | null, invoiceNumber: string | null, dueDate: string | null, account: { number: string, name: string | null } }> } }> } } | null };

export type ExerciseMovementsQueryVariables = Exact<{
  exerciseId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ExerciseMovementsQuery = { node:
    | { __typename: 'BulkExport', id: string }
    | { __typename: 'Company', id: string }
    | { __typename: 'Document', id: string }
    | { __typename: 'Entry', id: string }
    | { __typename: 'Exercise', label: string, startDate: string, endDate: string, closed: boolean, id: string, movements: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, date: string, debit: string, credit: string, amount: string } }> } }
    | { __typename: 'ExportJob', id: string }
    | { __typename: 'Movement', id: string }
   | null };

export type ExportFileConformanceQueryVariables = Exact<{
  id: string | number;
}>;


export type ExportFileConformanceQuery = { exportJob: { id: string, format: ExportFormat | null, file: { name: string, conformance: { valid: boolean, checks: Array<{ name: string, passed: boolean, count: number, examples: Array<string> }> } | null } | null } | null };

export type GetExportJobQueryVariables = Exact<{
  id: string | number;
}>;


export type GetExportJobQuery = { exportJob: { id: string, provider: Provider, format: ExportFormat | null, status: ExportJobStatus, createdAt: string | null, startedAt: string | null, completedAt: string | null, numberOfItems: number | null, failureReason: string | null, failureReasonType: ExportFailureReasonType | null, isInteractive: boolean | null, vendorBasedBookkeeping: boolean | null, createdBy: string | null, expiredAt: string | null, expiresIn: number | null, lastUpdatedAt: string | null, errors: Array<string>, file: { name: string, url: string | null, downloadUrl: string | null, downloadUrlExpiresAt: string | null } | null } | null };

export type CompanyExportJobsQueryVariables = Exact<{
  companyId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CompanyExportJobsQuery = { company: { id: string, exportJobs: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, provider: Provider, format: ExportFormat | null, status: ExportJobStatus, createdAt: string | null, completedAt: string | null, numberOfItems: number | null } }> } } | null };

export type FecBulkExportQueryVariables = Exact<{
  id: string | number;
}>;


export type FecBulkExportQuery = { bulkExport: { id: string, format: BulkExportFormat, status: BulkExportStatus, rowCount: number, debitTotal: string, creditTotal: string, fileName: string | null, draftLinesLeftOut: number | null, downloadUrl: string | null, conformance: { valid: boolean, checks: Array<{ name: string, passed: boolean, count: number, examples: Array<string> }> } | null } | null };

export type CompanyMovementsQueryVariables = Exact<{
  companyId: string | number;
  filter?: MovementFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CompanyMovementsQuery = { company: { id: string, movements: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, date: string, description: string | null, invoiceNumber: string | null, dueDate: string | null, debit: string, credit: string, amount: string, currency: string | null, journal: { code: string, label: string, type: string | null }, account: { number: string, name: string | null } | null, lettering: { state: LetteringState, value: string | null } | null, analytics: Array<{ code: string, name: string | null, sections: Array<{ code: string, name: string | null, amount: string, rate: string }> }>, entry: { id: string } | null } }> } } | null };

export type GetNodesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type GetNodesQuery = { nodes: Array<
    | { __typename: 'BulkExport', id: string }
    | { __typename: 'Company', provider: Provider, name: string, id: string }
    | { __typename: 'Document', name: string, checksum: string | null, id: string }
    | { __typename: 'Entry', date: string, debitTotal: string, creditTotal: string, id: string }
    | { __typename: 'Exercise', label: string, startDate: string, id: string }
    | { __typename: 'ExportJob', provider: Provider, status: ExportJobStatus, id: string }
    | { __typename: 'Movement', date: string, amount: string, id: string }
   | null> };

export type StartBulkExportMutationVariables = Exact<{
  input: StartBulkExportInput;
}>;


export type StartBulkExportMutation = { startBulkExport: { id: string, kind: BulkExportKind, format: BulkExportFormat, status: BulkExportStatus, createdAt: string } };

export type TrialBalanceQueryVariables = Exact<{
  companyId: string | number;
  filter: TrialBalanceFilter;
}>;


export type TrialBalanceQuery = { company: { id: string, trialBalance: { from: string, to: string, debitTotal: string, creditTotal: string, balanced: boolean, unbalancedEntryIds: Array<string>, lines: Array<{ debit: string, credit: string, balance: string, account: { number: string, name: string | null } }>, reconciliation: { source: string, matches: boolean, differences: Array<{ accountNumber: string, ours: string, provider: string }> } | null } } | null };

export type UpdateExportJobItemsMutationVariables = Exact<{
  input: UpdateExportJobItemsInput;
}>;


export type UpdateExportJobItemsMutation = { updateExportJobItems: { items: Array<{ entryId: string, status: ExportJobItemStatus, failureReason: string | null, externalId: string | null, externalUrl: string | null, updatedAt: string | null }>, errors: Array<{ index: number | null, entryId: string, code: ExportJobItemErrorCode }> } };

export type UpdateExportJobStatusMutationVariables = Exact<{
  input: UpdateExportJobStatusInput;
}>;


export type UpdateExportJobStatusMutation = { updateExportJobStatus: { id: string, provider: Provider, status: ExportJobStatus, startedAt: string | null, completedAt: string | null, failureReason: string | null, failureReasonType: ExportFailureReasonType | null, lastUpdatedAt: string | null, errors: Array<string> } };

export type UploadDocumentMutationVariables = Exact<{
  input: UploadDocumentInput;
}>;


export type UploadDocumentMutation = { uploadDocument: { id: string, name: string, type: DocumentType, status: DocumentStatus, checksum: string | null, duplicateOf: { id: string } | null } };


export const AccountLedgerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountLedger"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"account"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TrialBalanceFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ledger"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"account"},"value":{"kind":"Variable","name":{"kind":"Name","value":"account"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"closingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"debit"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"runningBalance"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"journal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountLedgerQuery, AccountLedgerQueryVariables>;
export const GetBulkExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetBulkExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"debitTotal"}},{"kind":"Field","name":{"kind":"Name","value":"creditTotal"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrlExpiresAt"}}]}}]}}]} as unknown as DocumentNode<GetBulkExportQuery, GetBulkExportQueryVariables>;
export const ListCompaniesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListCompanies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"companies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ListCompaniesQuery, ListCompaniesQueryVariables>;
export const CompanyChartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyChart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"journals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompanyChartQuery, CompanyChartQueryVariables>;
export const GetCompanyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetCompany"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"exercises"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}}]}}]}}]}}]} as unknown as DocumentNode<GetCompanyQuery, GetCompanyQueryVariables>;
export const CreateAccessTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAccessToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAccessTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAccessToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}}]}}]} as unknown as DocumentNode<CreateAccessTokenMutation, CreateAccessTokenMutationVariables>;
export const CreateExpenseBillDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateExpenseBill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateExpenseBillInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createExpenseBill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CreateExpenseBillMutation, CreateExpenseBillMutationVariables>;
export const CreateExportJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateExportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateExportJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createExportJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"numberOfItems"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrlExpiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<CreateExportJobMutation, CreateExportJobMutationVariables>;
export const GetDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrlExpiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<GetDocumentQuery, GetDocumentQueryVariables>;
export const CompanyDocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DocumentFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKb"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"counterParty"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveDate"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrlExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompanyDocumentsQuery, CompanyDocumentsQueryVariables>;
export const EntriesWithDocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntriesWithDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EntryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrlExpiresAt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntriesWithDocumentsQuery, EntriesWithDocumentsQueryVariables>;
export const CompanyEntriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EntryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"journal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"debitTotal"}},{"kind":"Field","name":{"kind":"Name","value":"creditTotal"}},{"kind":"Field","name":{"kind":"Name","value":"balanced"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"debit"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"piece"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompanyEntriesQuery, CompanyEntriesQueryVariables>;
export const ExerciseMovementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExerciseMovements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"exerciseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"exerciseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Exercise"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"movements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"debit"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExerciseMovementsQuery, ExerciseMovementsQueryVariables>;
export const ExportFileConformanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportFileConformance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"conformance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"examples"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExportFileConformanceQuery, ExportFileConformanceQueryVariables>;
export const GetExportJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetExportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"numberOfItems"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"failureReasonType"}},{"kind":"Field","name":{"kind":"Name","value":"isInteractive"}},{"kind":"Field","name":{"kind":"Name","value":"vendorBasedBookkeeping"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"expiredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrlExpiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<GetExportJobQuery, GetExportJobQueryVariables>;
export const CompanyExportJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyExportJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"exportJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"numberOfItems"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompanyExportJobsQuery, CompanyExportJobsQueryVariables>;
export const FecBulkExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FecBulkExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"debitTotal"}},{"kind":"Field","name":{"kind":"Name","value":"creditTotal"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"draftLinesLeftOut"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"conformance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"examples"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FecBulkExportQuery, FecBulkExportQueryVariables>;
export const CompanyMovementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyMovements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MovementFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"movements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"journal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"debit"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"lettering"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompanyMovementsQuery, CompanyMovementsQueryVariables>;
export const GetNodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Company"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Exercise"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"debitTotal"}},{"kind":"Field","name":{"kind":"Name","value":"creditTotal"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Movement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<GetNodesQuery, GetNodesQueryVariables>;
export const StartBulkExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartBulkExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartBulkExportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startBulkExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<StartBulkExportMutation, StartBulkExportMutationVariables>;
export const TrialBalanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrialBalance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TrialBalanceFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trialBalance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"debitTotal"}},{"kind":"Field","name":{"kind":"Name","value":"creditTotal"}},{"kind":"Field","name":{"kind":"Name","value":"balanced"}},{"kind":"Field","name":{"kind":"Name","value":"unbalancedEntryIds"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"debit"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciliation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"matches"}},{"kind":"Field","name":{"kind":"Name","value":"differences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"ours"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TrialBalanceQuery, TrialBalanceQueryVariables>;
export const UpdateExportJobItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateExportJobItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateExportJobItemsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateExportJobItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entryId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"externalUrl"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"entryId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateExportJobItemsMutation, UpdateExportJobItemsMutationVariables>;
export const UpdateExportJobStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateExportJobStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateExportJobStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateExportJobStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"failureReasonType"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}}]}}]}}]} as unknown as DocumentNode<UpdateExportJobStatusMutation, UpdateExportJobStatusMutationVariables>;
export const UploadDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadDocumentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<UploadDocumentMutation, UploadDocumentMutationVariables>;