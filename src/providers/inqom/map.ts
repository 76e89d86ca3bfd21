/** Inqom JSON → the unified model. Amounts become integer cents here and nowhere later. */
import type {
  CompanyRecord,
  DocumentRecord,
  DocumentStatus,
  DocumentThumbnail,
  DocumentType,
  EntryRecord,
  ExerciseRecord,
  MovementRecord,
} from '../../domain/model';
import { urlForLog, type FetchAllowlist } from '../fetch-allowlist';
import { rowName, upstreamCents } from '../upstream-amount';
import { datedId } from './ids';
import type { InqomDocument, InqomEntryLine, InqomFolder, InqomPeriod } from './schemas';

type InqomType = InqomDocument['Type'];
type InqomStatus = InqomDocument['Status'];

const TYPES: Record<InqomType, DocumentType> = {
  Client: 'SALES_INVOICE',
  Supplier: 'PURCHASE_INVOICE',
  Others: 'OTHER',
};
/** `TypeScan` of an upload, and the `type` filter of the listing. */
export const TYPE_SCAN: Record<DocumentType, InqomType> = {
  SALES_INVOICE: 'Client',
  PURCHASE_INVOICE: 'Supplier',
  OTHER: 'Others',
};

const STATUSES: Record<InqomStatus, DocumentStatus> = {
  Received: 'RECEIVED',
  ToReview: 'TO_REVIEW',
  Processing: 'PROCESSING',
  Duplicate: 'DUPLICATE',
  Done: 'DONE',
  ManualProcessing: 'MANUAL_PROCESSING',
  Deleted: 'DELETED',
};
export const INQOM_STATUS: Record<DocumentStatus, InqomStatus> = Object.fromEntries(
  Object.entries(STATUSES).map(([inqom, status]) => [status, inqom]),
) as Record<DocumentStatus, InqomStatus>;

export const mapFolder = (folder: InqomFolder): CompanyRecord => ({
  provider: 'INQOM',
  providerId: String(folder.Id),
  name: folder.Name,
  siren: folder.Siren?.slice(0, 9) || null,
});

export const mapPeriod = (companyId: string, period: InqomPeriod): ExerciseRecord => ({
  provider: 'INQOM',
  companyId,
  providerId: String(period.Id),
  label: period.Label ?? `${period.StartDate} – ${period.EndDate}`,
  startDate: period.StartDate,
  endDate: period.EndDate,
  closed: period.IsClosed,
});

/** Whether the gateway may fetch the document's `ThumbUrl` (the URL itself stays in this provider). */
function thumbnailOf(doc: InqomDocument, thumbnails: FetchAllowlist): DocumentThumbnail | null {
  if (!doc.ThumbUrl) return null;
  return thumbnails.allows(doc.ThumbUrl)
    ? { fetchable: true }
    : { fetchable: false, refusedAt: urlForLog(doc.ThumbUrl) };
}

export function mapDocument(
  companyId: string,
  doc: InqomDocument,
  thumbnails: FetchAllowlist,
): DocumentRecord {
  const originId = doc.OriginId ?? doc.OrigineId ?? null;
  return {
    provider: 'INQOM',
    companyId,
    providerId: String(doc.Id),
    name: doc.Name,
    type: TYPES[doc.Type],
    status: STATUSES[doc.Status],
    sizeKb: doc.Size ?? null,
    createdAt: doc.CreatedAt,
    checksum: doc.Checksum ?? null,
    amount:
      doc.Amount === null || doc.Amount === undefined
        ? null
        : upstreamCents('INQOM', doc.Amount, rowName('document', doc.Id)),
    counterParty: doc.CounterParty ?? null,
    effectiveDate: doc.EffectifDate ?? null,
    thumbnail: thumbnailOf(doc, thumbnails),
    duplicateOfId: originId === null ? null : String(originId),
    reference: doc.DocRef || null,
    sourceId: doc.SourceId || null,
    originalName: doc.OriginalName || null,
    statusReason: doc.StatusReason || null,
  };
}

const journalOf = (line: InqomEntryLine) => ({
  code: line.JournalCode,
  label: line.JournalLabel ?? line.JournalCode,
  type: null,
});
const accountOf = (line: InqomEntryLine) => ({ number: line.AccountNumber, name: line.AccountLabel ?? null });

/** A line's amounts in cents; one that is not a two-decimal amount is bad data of that line. */
function lineCents(line: InqomEntryLine) {
  const row = rowName('movement', line.Id);
  return { debit: upstreamCents('INQOM', line.Debit, row), credit: upstreamCents('INQOM', line.Credit, row) };
}

export function mapMovement(companyId: string, line: InqomEntryLine): MovementRecord {
  const { debit, credit } = lineCents(line);
  return {
    provider: 'INQOM',
    companyId,
    providerId: datedId(line.Id, line.Date),
    entryId: datedId(line.EntryId, line.Date),
    date: line.Date,
    // Inqom's line date is its booking date: it keeps no document date apart.
    accountedOn: line.Date,
    journal: journalOf(line),
    account: accountOf(line),
    description: line.Label ?? null,
    invoiceNumber: line.PieceRef ?? null,
    dueDate: line.DueDate ?? null,
    debit,
    credit,
    amount: credit - debit,
    currency: line.Currency ?? null,
    // Inqom knows a letter id per lettering group, not partial lettering.
    lettering:
      line.LetterId === null || line.LetterId === undefined
        ? { state: 'NONE', value: null }
        : { state: 'COMPLETE', value: String(line.LetterId) },
    analytics: [],
    // As mapEntry gives its line and type.
    piece: line.PieceRef ?? null,
    entryType: 'ENTRY',
  };
}

/** One entry from its lines (all sharing `EntryId`). Inqom entries have none of MyUnisoft's types. */
export function mapEntry(companyId: string, lines: InqomEntryLine[]): EntryRecord {
  const first = lines[0];
  if (!first) throw new RangeError('an entry has at least one line');
  const documentIds = new Set(
    lines.flatMap((l) => (l.DocumentId === null || l.DocumentId === undefined ? [] : [String(l.DocumentId)])),
  );
  return {
    provider: 'INQOM',
    companyId,
    providerId: datedId(first.EntryId, first.Date),
    type: 'ENTRY',
    journal: journalOf(first),
    date: first.Date,
    lines: lines.map((line) => ({
      account: accountOf(line),
      label: line.Label ?? null,
      ...lineCents(line),
      currency: line.Currency ?? null,
      piece: line.PieceRef ?? null,
      invoiceNumber: null,
      dueDate: line.DueDate ?? null,
    })),
    documentIds: [...documentIds],
  };
}
