/** One GraphQL request's view of an Inqom account: its own loaders over the connector's shared client. */
import type { Capability, CompanyRecord, DocumentRecord, ExerciseRecord } from '../../domain/model';
import { ErrorCode, NotFoundError, UpstreamError } from '../../errors';
import type {
  BalancePeriod,
  CreateExpenseBillRequest,
  DocumentFilter,
  DownloadStream,
  MutationJournal,
  Page,
  PageRequest,
  ProviderSession,
  UploadDocumentRequest,
} from '../types';
import type { LoaderBatchListener } from '../observed-batch';
import type { InqomClient } from './client';
import { isNativeId, parseResumeToken } from './ids';
import { fetchAccounts, fetchBalance, fetchJournals } from './chart';
import { InqomLedgerReader } from './ledger-reader';
import { createInqomLoaders, type InqomLoaders } from './loaders';
import { TYPE_SCAN, mapDocument, mapFolder, mapPeriod } from './map';
import type { MultipartPart } from './multipart-body';
import { readFrom } from './paged-reader';
import { fetchPublicFile } from './public-file';
import { DOCUMENTS_PAGE_SIZE, inqomPaths, inqomRoutes } from './paths';
import { documentSchema, expenseBillCreatedSchema, type InqomDocument } from './schemas';
import {
  checkpointedBody,
  type SentUpload,
  isCommittedUpload,
  previousUpload,
  searchFrom,
} from './upload-recovery';

export const INQOM_CAPABILITIES: readonly Capability[] = [
  'EXERCISES',
  'ENTRIES',
  'MOVEMENTS',
  'DOCUMENTS',
  'DOCUMENT_DOWNLOAD',
  'UPLOAD_DOCUMENT',
  'EXPENSE_BILLS',
];

const text = (name: string, value: string | undefined): MultipartPart[] =>
  value === undefined ? [] : [{ name, value }];

export class InqomSession implements ProviderSession {
  readonly provider = 'INQOM' as const;
  readonly capabilities = INQOM_CAPABILITIES;
  private readonly loaders: InqomLoaders;
  private readonly ledger: InqomLedgerReader;

  constructor(
    private readonly client: InqomClient,
    firmId: string,
    private readonly signal?: AbortSignal,
    onLoaderBatch?: LoaderBatchListener,
  ) {
    this.loaders = createInqomLoaders(client, firmId, signal, onLoaderBatch);
    this.ledger = new InqomLedgerReader(this.loaders);
  }

  async listCompanies(): Promise<CompanyRecord[]> {
    return (await this.loaders.folders.load('all')).map(mapFolder);
  }

  async getCompany(companyId: string): Promise<CompanyRecord | null> {
    return (await this.listCompanies()).find((c) => c.providerId === companyId) ?? null;
  }

  async listExercises(companyId: string): Promise<ExerciseRecord[]> {
    return (await this.loaders.periods.load(companyId)).map((p) => mapPeriod(companyId, p));
  }

  async getExercise(companyId: string, exerciseId: string): Promise<ExerciseRecord | null> {
    return (await this.listExercises(companyId)).find((e) => e.providerId === exerciseId) ?? null;
  }

  listEntries: InqomLedgerReader['listEntries'] = (companyId, filter, page) =>
    this.ledger.listEntries(companyId, filter, page);
  getEntry: InqomLedgerReader['getEntry'] = (companyId, entryId) => this.ledger.getEntry(companyId, entryId);
  listMovements: InqomLedgerReader['listMovements'] = (companyId, filter, page) =>
    this.ledger.listMovements(companyId, filter, page);
  getMovement: InqomLedgerReader['getMovement'] = (companyId, id) => this.ledger.getMovement(companyId, id);
  streamMovements: InqomLedgerReader['streamMovements'] = (companyId, filter, signal) =>
    this.ledger.streamMovements(companyId, filter, signal ?? this.signal);

  listAccounts = (companyId: string) => fetchAccounts(this.client, companyId, this.signal);
  listJournals = (companyId: string) => fetchJournals(this.client, companyId, this.signal);
  providerBalance = (companyId: string, period: BalancePeriod) =>
    fetchBalance(this.client, companyId, period, this.signal);

  async listDocuments(
    companyId: string,
    filter: DocumentFilter,
    page: PageRequest,
  ): Promise<Page<DocumentRecord>> {
    let total = 0;
    const items: Page<DocumentRecord>['items'] = [];
    const fetchPage = async (pageNumber: number) => {
      const result = await this.loaders.documentsPage.load({ folderId: companyId, filter, pageNumber });
      total = result.TotalCount;
      return { items: result.Items, last: pageNumber >= result.TotalPages };
    };
    for await (const { item, position } of readFrom(
      parseResumeToken(page.after),
      DOCUMENTS_PAGE_SIZE,
      fetchPage,
    )) {
      // `first: 0` asks only for the count, which the first page read has brought.
      if (page.first === 0) break;
      this.loaders.document.prime(`${companyId}/${item.Id}`, item);
      items.push({
        node: mapDocument(companyId, item, this.client.thumbnails),
        resumeToken: String(position + 1),
      });
      if (items.length === page.first) break;
    }
    const lastPosition = Number(items[items.length - 1]?.resumeToken ?? parseResumeToken(page.after));
    return { items, hasNextPage: lastPosition < total, totalCount: total };
  }

  async getDocument(companyId: string, documentId: string): Promise<DocumentRecord | null> {
    if (!isNativeId(companyId) || !isNativeId(documentId)) return null;
    const doc = await this.loaders.document.load(`${companyId}/${documentId}`);
    return doc && mapDocument(companyId, doc, this.client.thumbnails);
  }

  async getDocumentDownloadUrl(companyId: string, documentId: string): Promise<string | null> {
    if (!isNativeId(companyId) || !isNativeId(documentId)) return null;
    return this.loaders.publicUrl.load(`${companyId}/${documentId}`);
  }

  async downloadDocument(companyId: string, documentId: string): Promise<DownloadStream> {
    const url = await this.getDocumentDownloadUrl(companyId, documentId);
    if (!url) throw new NotFoundError('Document');
    return fetchPublicFile(url, this.signal);
  }

  /**
   * Streams the document's thumbnail. The document is read again now, with this request's session,
   * as `downloadDocument` asks for a fresh public URL: the link carries no provider URL, and a
   * `ThumbUrl` that moved off the allowlist since the link was made is never fetched.
   */
  async downloadDocumentThumbnail(companyId: string, documentId: string): Promise<DownloadStream> {
    if (!isNativeId(companyId) || !isNativeId(documentId)) throw new NotFoundError('Document');
    const doc = await this.loaders.document.load(`${companyId}/${documentId}`);
    const url = doc?.ThumbUrl;
    if (!url || !this.client.thumbnails.allows(url)) throw new NotFoundError('Document');
    return fetchPublicFile(url, this.signal, 'thumbnail');
  }

  async uploadDocument(request: UploadDocumentRequest, journal?: MutationJournal): Promise<DocumentRecord> {
    const { companyId, file } = request;
    const committed = await this.findCommittedUpload(companyId, journal);
    if (committed) return this.remember(companyId, committed);
    // Without the caller's own SourceId, one derived from the idempotency key lets a retry find the upload.
    const sourceId = request.sourceId ?? journal?.writeId;
    const parts: MultipartPart[] = [
      { name: 'TypeScan', value: TYPE_SCAN[request.type] },
      { name: 'FileSource', value: 'Api' },
      ...text('DocRef', request.reference),
      ...text('SourceId', sourceId),
      ...text(
        'WithoutWorkflow',
        request.skipExtraction === undefined ? undefined : String(request.skipExtraction),
      ),
      { name: 'DocumentName', value: file.fileName },
      {
        name: 'Document',
        fileName: file.fileName,
        contentType: file.contentType,
        stream: this.uploadBody(request, journal, sourceId),
      },
    ];
    const doc = await this.client.postMultipart(
      { path: inqomPaths.upload(companyId), route: inqomRoutes.upload, ...this.opt() },
      parts,
      documentSchema,
    );
    return this.remember(companyId, doc);
  }

  async createExpenseBill(
    request: CreateExpenseBillRequest,
    journal?: MutationJournal,
  ): Promise<DocumentRecord> {
    const { companyId, file } = request;
    const committed = await this.findCommittedUpload(companyId, journal);
    if (committed) return this.remember(companyId, committed);
    const sent: SentUpload = {};
    const parts: MultipartPart[] = [
      { name: 'BeneficiaryFullName', value: request.beneficiaryFullName },
      { name: 'FileNameWithExtension', value: file.fileName },
      { name: 'DocumentReference', value: request.reference },
      {
        name: 'File',
        fileName: file.fileName,
        contentType: file.contentType,
        stream: this.uploadBody(request, journal, undefined, sent),
      },
    ];
    const call = { path: inqomPaths.expenseBills(companyId), route: inqomRoutes.expenseBills, ...this.opt() };
    const { DocumentId } = await this.client.postMultipart(call, parts, expenseBillCreatedSchema);
    // Stored: a read-back refused from here on must not let a retry file the bill a second time.
    if (sent.checkpoint)
      await journal?.committed({ inqomUpload: { ...sent.checkpoint, documentId: String(DocumentId) } });
    // The route answers only the id: the document itself is read back.
    const created = await this.getDocument(companyId, String(DocumentId));
    if (!created)
      throw new UpstreamError(
        'INQOM',
        ErrorCode.UPSTREAM_INVALID_RESPONSE,
        'created expense bill cannot be read back',
      );
    return created;
  }

  /** A retried upload's document, when its first attempt was stored but its answer lost (upload-recovery.ts). */
  private async findCommittedUpload(
    companyId: string,
    journal: MutationJournal | undefined,
  ): Promise<InqomDocument | null> {
    const upload = previousUpload(journal);
    if (!upload) return null;
    if (upload.documentId) {
      const stored = await this.loaders.document.load(`${companyId}/${upload.documentId}`);
      if (stored) return stored;
    }
    const filter = { createdFrom: searchFrom(upload) };
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await this.loaders.documentsPage.load({ folderId: companyId, filter, pageNumber });
      const found = page.Items.find((doc) => isCommittedUpload(doc, upload));
      if (found) return found;
      if (pageNumber >= page.TotalPages) break;
    }
    // Not there (yet): the earlier upload may still commit, so upload again only once its window passed.
    journal?.beforeRewrite();
    this.loaders.documentsPage.clearAll();
    return null;
  }

  private uploadBody(
    { file }: { file: UploadDocumentRequest['file'] },
    journal?: MutationJournal,
    sourceId?: string,
    sent?: SentUpload,
  ) {
    if (!journal) return file.stream();
    return checkpointedBody(file.stream(), { name: file.fileName, sourceId }, journal, sent);
  }

  private remember(companyId: string, doc: InqomDocument): DocumentRecord {
    this.loaders.document.clear(`${companyId}/${doc.Id}`).prime(`${companyId}/${doc.Id}`, doc);
    return mapDocument(companyId, doc, this.client.thumbnails);
  }

  private opt() {
    return this.signal ? { signal: this.signal } : {};
  }
}
