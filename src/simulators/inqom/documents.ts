/**
 * The simulator's documents: the dataset's generated ones (statuses spread deterministically over
 * the seven, most `Done`) plus those uploaded while it runs. Duplicates are found by SHA-1 checksum
 * within a folder, as Inqom does: they get status `Duplicate` and the original's `OriginId`.
 */
import type { GenCompany } from '../data/dataset';
import { sha1Upper, type GenDocument, type GenDocumentType } from '../data/documents';

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

export interface StoredDocument {
  json: InqomDocumentJson;
  bytes: Buffer;
  contentType: string;
  /** `WithoutWorkflow` as uploaded (not part of the JSON): tests read it here. */
  withoutWorkflow: boolean;
}

export interface NewDocument {
  type: GenDocumentType;
  bytes: Buffer;
  contentType: string;
  name: string;
  originalName: string;
  docRef: string | null;
  sourceId: string | null;
  withoutWorkflow: boolean;
  beneficiary: string | null;
  contentSource: 'DocData' | 'Invoice';
}

/** Index in a folder → status: six of every twelve documents are Done, one of each other status. */
const STATUS_BY_SLOT: Partial<Record<number, InqomStatus>> = {
  2: 'Received',
  4: 'ToReview',
  6: 'Processing',
  8: 'Duplicate',
  10: 'ManualProcessing',
  11: 'Deleted',
};
const BLOB = 'https://sim-inqom-storage.blob.core.windows.net';
const kb = (bytes: Buffer) => Math.max(1, Math.ceil(bytes.length / 1024));

function generatedJson(company: GenCompany, doc: GenDocument, first: GenDocument): InqomDocumentJson {
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
    ThumbUrl: `${BLOB}/enterprisespublic/${company.id}/${doc.id}-thumb.png`,
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

export class InqomDocumentStore {
  private readonly folders = new Map<string, StoredDocument[]>();
  private nextId = 9_900_001;

  constructor(private readonly now: () => number) {}

  list(company: GenCompany): StoredDocument[] {
    let docs = this.folders.get(company.id);
    if (!docs) {
      const first = company.documents[0];
      docs = company.documents.map((doc) => {
        const original = STATUS_BY_SLOT[doc.index % 12] === 'Duplicate' && first ? first : doc;
        return {
          json: generatedJson(company, doc, first ?? doc),
          bytes: original.bytes,
          contentType: 'application/pdf',
          withoutWorkflow: false,
        };
      });
      this.folders.set(company.id, docs);
    }
    return docs;
  }

  find(company: GenCompany, id: string): StoredDocument | undefined {
    return this.list(company).find((d) => String(d.json.Id) === id);
  }

  add(company: GenCompany, input: NewDocument): StoredDocument {
    const checksum = sha1Upper(input.bytes);
    const original = this.list(company).find(
      (d) => d.json.Checksum === checksum && d.json.Status !== 'Duplicate',
    );
    const at = new Date(this.now()).toISOString();
    const id = this.nextId++;
    const stored: StoredDocument = {
      json: {
        Id: id,
        AccountingFolderId: Number(company.id),
        Name: input.name,
        Type: input.type,
        Size: kb(input.bytes),
        OriginId: original ? original.json.Id : null,
        DeletedAt: null,
        CreatedAt: at,
        Source: 'Api',
        SourceId: input.sourceId,
        ClientSource: 'Api',
        DocRef: input.docRef,
        Checksum: checksum,
        Status: original ? 'Duplicate' : 'Received',
        StatusReason: null,
        StatusUpdatedAt: at,
        StatusResponsibleUserId: null,
        FileUrl: `${BLOB}/enterprises/${company.id}/${id}`,
        ThumbUrl: `${BLOB}/enterprisespublic/${company.id}/${id}-thumb.png`,
        GoogleJsonUrl: null,
        OwnerId: 7498,
        FolderItemId: null,
        OriginalName: input.originalName,
        ContentSource: input.contentSource,
        StatusReasons: 'None',
        CounterParty: null,
        Amount: null,
        EffectifDate: null,
        UserDefinedThirdPartyName: input.beneficiary,
      },
      bytes: input.bytes,
      contentType: input.contentType,
      withoutWorkflow: input.withoutWorkflow,
    };
    this.list(company).push(stored);
    return stored;
  }
}
