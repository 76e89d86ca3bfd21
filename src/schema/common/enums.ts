/** The public enums. Their values are the unified model's literals, so records pass through as-is. */
import { registerEnumType } from 'type-graphql';
import type {
  Capability,
  DocumentStatus,
  DocumentType,
  EntryType,
  ExportFailureReasonType,
  ExportFormat,
  ExportJobEvent,
  ExportJobItemErrorCode,
  ExportJobItemStatus,
  ExportJobStatus,
  LetteringState,
  ProviderName,
} from '../../domain/model';
import type { MovementDateFilter } from '../../providers/types';

/** Builds a TS enum-like object `{ A: 'A' }` from literals, typed so a missing member fails to compile. */
function literals<T extends string>(values: Record<T, string>): { [K in T]: K } {
  return Object.fromEntries(Object.keys(values).map((k) => [k, k])) as { [K in T]: K };
}

function register<T extends string>(name: string, description: string, values: Record<T, string>) {
  const enumObject = literals(values);
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      Object.entries(values).map(([k, d]) => [k, { description: d as string }]),
    ) as never,
  });
  return enumObject;
}

export const ProviderEnum = register<ProviderName>('Provider', 'The accounting SaaS a company lives in.', {
  JEPILOTE: 'Jepilote: FEC and ACD exports.',
  MYUNISOFT: 'MyUnisoft: societies, exercises, entries and the MAD movements export.',
  INQOM: 'Inqom: accounting documents and expense bills.',
  PLEO: 'Pleo: expense export jobs.',
});

export const CapabilityEnum = register<Capability>(
  'Capability',
  "Something a company's provider can do; asking for anything else is UNSUPPORTED_BY_PROVIDER.",
  {
    EXERCISES: 'Lists accounting exercises (fiscal years).',
    ENTRIES: 'Lists accounting entries.',
    MOVEMENTS: 'Lists movements (entry lines with lettering and analytics).',
    DOCUMENTS: 'Lists accounting documents.',
    DOCUMENT_DOWNLOAD: 'Gives temporary download URLs for documents.',
    UPLOAD_DOCUMENT: 'Accepts uploaded documents.',
    EXPENSE_BILLS: 'Accepts expense bills.',
    EXPORT_JOBS: 'Creates and lists export jobs.',
    EXPORT_JOB_LIFECYCLE:
      "Takes an accounting integration's reports on export jobs: status events and item statuses.",
    EXPORT_FEC: 'Exports in the FEC format (Fichier des Écritures Comptables).',
    EXPORT_ACD: 'Exports in the ACD format.',
  },
);

export const ExportFormatEnum = register<ExportFormat>('ExportFormat', 'The file format of an export.', {
  FEC: "Fichier des Écritures Comptables: the French tax administration's ledger text file.",
  ACD: 'ACD import zip (the .in file and the list of documents).',
});

export const ExportJobStatusEnum = register<ExportJobStatus>(
  'ExportJobStatus',
  'Where an export job stands.',
  {
    PENDING: 'Accepted, not started.',
    IN_PROGRESS: 'Running.',
    COMPLETED: 'Finished; the file is ready.',
    COMPLETED_WITH_ERRORS: 'Finished, but some items failed (see errors).',
    FAILED: 'Failed (see failureReason).',
  },
);

export const ExportJobEventEnum = register<ExportJobEvent>(
  'ExportJobEvent',
  'What an accounting integration reports of an export job it runs.',
  {
    STARTED: 'The integration started the job: PENDING → IN_PROGRESS.',
    COMPLETED: 'Every item went through: IN_PROGRESS → COMPLETED.',
    COMPLETED_WITH_ERRORS: 'Done, some items failed: IN_PROGRESS → COMPLETED_WITH_ERRORS.',
    FAILED: 'The job failed (give failureReasonType): PENDING or IN_PROGRESS → FAILED.',
  },
);

export const ExportJobItemStatusEnum = register<ExportJobItemStatus>(
  'ExportJobItemStatus',
  'Where one entry of an export job stands.',
  {
    PENDING: 'Not picked up yet.',
    IN_PROGRESS: 'Being sent to the accounting system.',
    SUCCESSFUL: 'In the accounting system.',
    FAILED: 'Refused or not sent (see failureReason).',
    ABANDONED: 'Left unsent because the job failed.',
  },
);

export const ExportJobItemErrorCodeEnum = register<ExportJobItemErrorCode>(
  'ExportJobItemErrorCode',
  'Why one item update was not applied.',
  {
    ENTRY_NOT_IN_JOB: 'The entry is not one of the export job.',
    REFUSED: 'The provider refused this item for another reason.',
  },
);

export const ExportFailureReasonTypeEnum = register<ExportFailureReasonType>(
  'ExportFailureReasonType',
  "Why an export job failed (Pleo's failureReasonType).",
  {
    INVALID_CONFIGURATION: 'The accounting integration is configured wrongly.',
    MISSING_CONFIGURATION: 'The accounting integration is not configured.',
    AUTHENTICATION_FAILURE: 'Authentication with Pleo failed.',
    ACCOUNTING_SYSTEM_AUTHENTICATION_FAILURE: 'Authentication with the accounting system failed.',
    PLEO_RATE_LIMIT: "Pleo's rate limit was hit.",
    ACCOUNTING_SYSTEM_RATE_LIMIT: "The accounting system's rate limit was hit.",
    SERVICE_UNREACHABLE: 'The export service could not be reached.',
    ACCOUNTING_SYSTEM_UNREACHABLE: 'The accounting system could not be reached.',
    VALIDATION_FAILURE: 'The exported data was refused as invalid.',
    AUTHORIZATION_FAILURE: 'The user may not export this data.',
    INTEGRATION_UNUSABLE: 'The accounting integration cannot be used.',
    JOB_EXPIRED: 'The job had no action for longer than expiresIn.',
    SERVICE_TIMEOUT: 'The export service timed out.',
    ACCOUNTING_SYSTEM_TIMEOUT: 'The accounting system timed out.',
    CANCELED_BY_USER: 'A user canceled the job.',
  },
);

export const LetteringStateEnum = register<LetteringState>(
  'LetteringState',
  'How far a movement is lettered (matched).',
  {
    NONE: 'Not lettered.',
    PARTIAL: 'Partially lettered.',
    COMPLETE: 'Fully lettered.',
  },
);

export const DocumentTypeEnum = register<DocumentType>('DocumentType', 'What an accounting document is.', {
  SALES_INVOICE: 'An invoice the company issued.',
  PURCHASE_INVOICE: 'An invoice the company received.',
  OTHER: 'Any other document.',
});

export const DocumentStatusEnum = register<DocumentStatus>(
  'DocumentStatus',
  "Where a document stands in the provider's processing (Inqom's seven statuses).",
  {
    RECEIVED: 'Received, not yet processed.',
    TO_REVIEW: 'Processed, waiting for a human review.',
    PROCESSING: 'Being processed (extraction).',
    DUPLICATE: 'The same bytes as an earlier document (see duplicateOf).',
    DONE: 'Processed and booked.',
    MANUAL_PROCESSING: 'Handed over to manual processing.',
    DELETED: 'Deleted.',
  },
);

export const EntryTypeEnum = register<EntryType>(
  'EntryType',
  "An entry's origin (MyUnisoft's six entry types).",
  {
    ENTRY: 'A regular accounting entry.',
    PENDING_OCR: 'An entry waiting for OCR of its document.',
    BANK_INTEGRATION: 'An entry created by bank integration.',
    MANUAL: 'An entry typed in by hand.',
    REVERSAL: 'A reversal (extourne) entry.',
    LETTERING: 'An entry created by lettering.',
  },
);

export const MovementDateFilterEnum = register<MovementDateFilter>(
  'MovementDateFilter',
  'Which date the from/to window of a movement filter applies to.',
  {
    DOCUMENT: 'The date of the underlying document.',
    MYUNISOFT: 'The date the movement was recorded in MyUnisoft.',
    ACCOUNTING: 'The accounting date of the entry.',
  },
);
