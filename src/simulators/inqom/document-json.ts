/**
 * The JSON of an Inqom document (the seed's PascalCase fields) and how a generated document looks:
 * statuses spread deterministically over the seven, most `Done`, a duplicate pointing at its original.
 */
import type { GenCompany } from '../data/dataset';
import type { GenDocument, GenDocumentType } from '../data/documents';

export type InqomStatus =
  'Received' | 'ToReview' | 'Processing' | 'Duplicate' | 'Done' | 'ManualProcessing' | 'Deleted';
export const INQOM_STATUSES: readonly InqomStatus[] = [
  'Received',
  'ToReview',
  'Processing',
  'Duplicate',
  'Done',
  'ManualProcessing',
  'Deleted',
];
export const INQOM_TYPES: readonly GenDocumentType[] = ['Client', 'Supplier', 'Others'];

/** The seed's document JSON (PascalCase). */
export interface InqomDocumentJson {
  Id: number;
  AccountingFolderId: number;
  Name: string;
  Type: GenDocumentType;
  Size: number;
  OriginId: number | null;
  DeletedAt: string | null;
  CreatedAt: string;
  Source: string;
  SourceId: string | null;
  ClientSource: string;
  DocRef: string | null;
  Checksum: string;
  Status: InqomStatus;
  StatusReason: string | null;
  StatusUpdatedAt: string;
  StatusResponsibleUserId: number | null;
  FileUrl: string;
  ThumbUrl: string;
  GoogleJsonUrl: string | null;
  OwnerId: number;
  FolderItemId: number | null;
  OriginalName: string;
  ContentSource: 'DocData' | 'Invoice';
  StatusReasons: string;
  CounterParty: string | null;
  Amount: number | null;
  EffectifDate: string | null;
  UserDefinedThirdPartyName: string | null;
}

/** Index in a folder → status: six of every twelve documents are Done, one of each other status. */
export const STATUS_BY_SLOT: Partial<Record<number, InqomStatus>> = {
  2: 'Received',
  4: 'ToReview',
  6: 'Processing',
  8: 'Duplicate',
  10: 'ManualProcessing',
  11: 'Deleted',
};
export const BLOB = 'https://sim-inqom-storage.blob.core.windows.net';
/** The public container of thumbnails (the seed's `enterprisespublic`), and a document's `ThumbUrl` in it. */
export const THUMBNAILS_PATH = '/enterprisespublic';
export const thumbnailUrl = (storageUrl: string, folderId: string, id: number | string) =>
  `${storageUrl}${THUMBNAILS_PATH}/${folderId}/${id}-thumb.png`;
export const kb = (bytes: Buffer) => Math.max(1, Math.ceil(bytes.length / 1024));

export function generatedJson(
  company: GenCompany,
  doc: GenDocument,
  first: GenDocument,
  storageUrl: string,
): InqomDocumentJson {
  const status = STATUS_BY_SLOT[doc.index % 12] ?? 'Done';
  const duplicate = status === 'Duplicate' && doc !== first;
  return {
    Id: Number(doc.id),
    AccountingFolderId: Number(company.id),
    Name: doc.name,
    Type: doc.type,
    Size: kb(doc.bytes),
    OriginId: duplicate ? Number(first.id) : null,
    DeletedAt: status === 'Deleted' ? doc.createdAt : null,
    CreatedAt: doc.createdAt,
    Source: 'Web',
    SourceId: null,
    ClientSource: 'Web',
    DocRef: null,
    Checksum: duplicate ? first.checksum : doc.checksum,
    Status: status,
    StatusReason: null,
    StatusUpdatedAt: doc.createdAt,
    StatusResponsibleUserId: 250,
    FileUrl: `${BLOB}/enterprises/${company.id}/${doc.name.toLowerCase()}`,
    ThumbUrl: thumbnailUrl(storageUrl, company.id, doc.id),
    GoogleJsonUrl: null,
    OwnerId: 7498,
    FolderItemId: null,
    OriginalName: doc.name,
    ContentSource: 'DocData',
    StatusReasons: 'None',
    CounterParty: doc.counterParty,
    Amount: doc.amount / 100,
    EffectifDate: `${doc.effectiveDate}T00:00:00`,
    UserDefinedThirdPartyName: null,
  };
}
