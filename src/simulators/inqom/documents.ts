/**
 * The simulator's documents: the dataset's generated ones (statuses spread deterministically over
 * the seven, most `Done`) plus those uploaded while it runs. Duplicates are found by SHA-1 checksum
 * within a folder, as Inqom does: they get status `Duplicate` and the original's `OriginId`.
 */
import type { GenCompany } from '../data/dataset';
import { sha1Upper, type GenDocumentType } from '../data/documents';
import {
  BLOB,
  STATUS_BY_SLOT,
  generatedJson,
  kb,
  thumbnailUrl,
  type InqomDocumentJson,
} from './document-json';

export { INQOM_STATUSES, INQOM_TYPES, type InqomDocumentJson, type InqomStatus } from './document-json';

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

export class InqomDocumentStore {
  private readonly folders = new Map<string, StoredDocument[]>();
  private nextId = 9_900_001;

  constructor(
    private readonly now: () => number,
    /** Origin `ThumbUrl`s point at (read when a document is first made: after the server listens). */
    private readonly storageUrl: () => string,
  ) {}

  list(company: GenCompany): StoredDocument[] {
    let docs = this.folders.get(company.id);
    if (!docs) {
      const first = company.documents[0];
      docs = company.documents.map((doc) => {
        const original = STATUS_BY_SLOT[doc.index % 12] === 'Duplicate' && first ? first : doc;
        return {
          json: generatedJson(company, doc, first ?? doc, this.storageUrl()),
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
        ThumbUrl: thumbnailUrl(this.storageUrl(), company.id, id),
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
