/**
 * The contract between the schema layer and a provider connector. A connector is built once per
 * provider configuration (`ProviderConnector`); for each GraphQL request it opens a `ProviderSession`
 * holding that request's DataLoaders, so batching and dedupe never cross requests or tenants.
 * Inputs arrive already validated by the schema layer (zod); ids are the provider's native ids.
 */
import type { Readable } from 'node:stream';
import type { Cents } from '../domain/money';
import type { UpstreamError } from '../errors';
import type {
  AccountRecord,
  Capability,
  CompanyRecord,
  DocumentRecord,
  DocumentType,
  DocumentStatus,
  EntryRecord,
  EntryType,
  ExerciseRecord,
  ExportFormat,
  ExportFailureReasonType,
  ExportJobEvent,
  ExportJobItemStatus,
  ExportJobItemsUpdateRecord,
  ExportJobRecord,
  IsoDate,
  JournalRecord,
  LetteringState,
  MovementRecord,
  ProviderName,
} from '../domain/model';

/** A page request: `after` is a resume token previously returned by the same connector. */
export interface PageRequest {
  first: number;
  after: string | null;
}

/** Each item carries the token that resumes the listing right after it (it becomes the edge cursor). */
export interface Page<T> {
  items: { node: T; resumeToken: string }[];
  hasNextPage: boolean;
  /** Total count of the whole listing when the provider can tell, otherwise null. */
  totalCount: number | null;
  /** Rows of this page the provider sent malformed (UPSTREAM_BAD_DATA): left out of `items`, reported. */
  rowErrors?: UpstreamError[];
  /** When the page's data was downloaded (ISO 8601), for pages served from a listing snapshot; absent: now. */
  fetchedAt?: string;
}

export interface StreamOptions {
  /**
   * The caller can wait for a provider's asynchronous full export (a bulk export run in the background):
   * an interactive read (a trial balance) never does. Default false.
   */
  bulk?: boolean;
}

export interface EntryFilter {
  type?: EntryType;
  journalCode?: string;
  from?: IsoDate;
  to?: IsoDate;
}

export type MovementDateFilter = 'DOCUMENT' | 'MYUNISOFT' | 'ACCOUNTING';

/** Either `exerciseId` or a `from`/`to` window of at most 12 months (the schema layer checks). */
export interface MovementFilter {
  exerciseId?: string;
  from?: IsoDate;
  to?: IsoDate;
  dateFilter?: MovementDateFilter;
  source?: string;
  accountClasses?: string[];
  lettering?: LetteringState;
  draft?: boolean;
  /**
   * A window's movements as an exercise holds them, by booking date: a provider that books drafts later
   * (MyUnisoft) adds them by their document's date. Set by the ledger; a provider whose only date is
   * the booking date ignores it.
   */
  booked?: boolean;
}

/** A provider's own balance of an account over a period (debit − credit, cents). */
export interface ProviderBalanceLine {
  accountNumber: string;
  balance: Cents;
}

export interface ProviderBalance {
  /** Which route the figures come from, e.g. `MYUNISOFT GET /api/v1/mad/balance`. */
  source: string;
  lines: ProviderBalanceLine[];
}

/** A trial balance's period as a provider's balance route is asked for it. */
export interface BalancePeriod {
  from: IsoDate;
  to: IsoDate;
  /** Native id of the exercise when the period is one. */
  exerciseId: string | null;
  accountClasses: string[];
}

export interface DocumentFilter {
  type?: DocumentType;
  status?: DocumentStatus;
  createdFrom?: IsoDate;
  createdTo?: IsoDate;
}

/** Input a provider would refuse: the request's field at fault and why, for the caller to name. */
export interface RequestProblem {
  field: string;
  message: string;
}

export interface CreateExportJobRequest {
  companyId: string;
  format?: ExportFormat;
  entryIds?: string[];
  from?: IsoDate;
  to?: IsoDate;
  includeAlreadyExported?: boolean;
  markAsExported?: boolean;
  notifyEmail?: string;
  /** Pleo: the provider's id of the user starting the export. */
  employeeId?: string;
  /** Pleo: started by a user (default true) or in the background. */
  isInteractive?: boolean;
  /** Pleo: export items carry vendor and bookkeeping data (default false). */
  vendorBasedBookkeeping?: boolean;
}

/** An export-job event an accounting integration reports (the job's company and provider id). */
export interface UpdateExportJobStatusRequest {
  companyId: string;
  jobId: string;
  event: ExportJobEvent;
  failureReason?: string;
  failureReasonType?: ExportFailureReasonType;
}

export interface ExportJobItemUpdate {
  /** The provider's id of the entry. */
  entryId: string;
  status: Exclude<ExportJobItemStatus, 'PENDING' | 'ABANDONED'>;
  failureReason?: string;
  externalId?: string;
  externalUrl?: string;
}

/** At most MAX_EXPORT_JOB_ITEM_UPDATES items, distinct entries (checked by the schema layer). */
export interface UpdateExportJobItemsRequest {
  companyId: string;
  jobId: string;
  items: ExportJobItemUpdate[];
}

/** An upload already checked by the gateway (size, content type); the stream is read once. */
export interface UploadPayload {
  fileName: string;
  contentType: string;
  /** Size in bytes when known. */
  size: number | null;
  /** SHA-256 (hex) of the bytes when the gateway spooled them (idempotency fingerprints cover it). */
  sha256?: string;
  stream: () => Readable;
}

export interface UploadDocumentRequest {
  companyId: string;
  file: UploadPayload;
  type: DocumentType;
  reference?: string;
  sourceId?: string;
  skipExtraction?: boolean;
}

export interface CreateExpenseBillRequest {
  companyId: string;
  file: UploadPayload;
  beneficiaryFullName: string;
  reference: string;
}

export interface DownloadStream {
  contentType: string;
  fileName: string;
  contentLength: number | null;
  body: Readable;
}

/**
 * One request's view of a provider. Every method is optional except companies: a connector
 * implements exactly its capabilities, and the schema layer answers UNSUPPORTED_BY_PROVIDER for
 * the rest. Methods throw NotFoundError / UpstreamError from `src/errors.ts`.
 */
export interface ProviderSession {
  readonly provider: ProviderName;
  readonly capabilities: readonly Capability[];
  /**
   * True when every company-scoped call is refused for a company the credentials cannot reach, so one
   * that answered proves the company exists (src/schema/node/read-ahead.ts). Default false.
   */
  readonly scopedCallsProveCompany?: boolean;

  /** Every company the configured credentials can see. */
  listCompanies(): Promise<CompanyRecord[]>;
  /** Batched through a DataLoader: concurrent calls in one request cost one upstream call. */
  getCompany(companyId: string): Promise<CompanyRecord | null>;

  listExercises?(companyId: string): Promise<ExerciseRecord[]>;
  getExercise?(companyId: string, exerciseId: string): Promise<ExerciseRecord | null>;

  listEntries?(companyId: string, filter: EntryFilter, page: PageRequest): Promise<Page<EntryRecord>>;
  getEntry?(companyId: string, entryId: string): Promise<EntryRecord | null>;
  /**
   * Entries a caller may ask next through getEntry, with their document dates (a ledger page's lines):
   * a provider that can read many entries of a date window in one call fetches them together.
   */
  expectEntries?(companyId: string, entries: readonly { entryId: string; date: IsoDate }[]): void;

  listMovements?(companyId: string, filter: MovementFilter, page: PageRequest): Promise<Page<MovementRecord>>;
  getMovement?(companyId: string, movementId: string): Promise<MovementRecord | null>;

  /**
   * Every movement (entry) of the filter, in order, in batches, in bounded memory: for bulk exports of
   * whole exercises. Without it, bulk exports read listMovements (listEntries) page by page.
   */
  streamMovements?(
    companyId: string,
    filter: MovementFilter,
    signal?: AbortSignal,
    options?: StreamOptions,
  ): AsyncIterable<MovementRecord[]>;
  streamEntries?(companyId: string, filter: EntryFilter, signal?: AbortSignal): AsyncIterable<EntryRecord[]>;

  /** The chart of accounts from the provider's own route (by number). */
  listAccounts?(companyId: string): Promise<AccountRecord[]>;
  /** The journals from the provider's own route. */
  listJournals?(companyId: string): Promise<JournalRecord[]>;
  /** The provider's own trial balance of the period, for reconciliation. */
  providerBalance?(companyId: string, period: BalancePeriod): Promise<ProviderBalance>;

  listDocuments?(companyId: string, filter: DocumentFilter, page: PageRequest): Promise<Page<DocumentRecord>>;
  getDocument?(companyId: string, documentId: string): Promise<DocumentRecord | null>;
  /** A temporary URL to the document's bytes, on the provider's host (never handed to callers). */
  getDocumentDownloadUrl?(companyId: string, documentId: string): Promise<string | null>;
  /** Streams a document's bytes (the gateway's `/documents/<token>` links). */
  downloadDocument?(companyId: string, documentId: string): Promise<DownloadStream>;
  /** Streams a document's thumbnail, re-read now (the gateway's `/thumbnails/<token>` links). */
  downloadDocumentThumbnail?(companyId: string, documentId: string): Promise<DownloadStream>;
  uploadDocument?(request: UploadDocumentRequest, journal?: MutationJournal): Promise<DocumentRecord>;
  createExpenseBill?(request: CreateExpenseBillRequest, journal?: MutationJournal): Promise<DocumentRecord>;

  listExportJobs?(companyId: string, page: PageRequest): Promise<Page<ExportJobRecord>>;
  getExportJob?(companyId: string, jobId: string): Promise<ExportJobRecord | null>;
  createExportJob?(request: CreateExportJobRequest, journal?: MutationJournal): Promise<ExportJobRecord>;
  /** The errors of a job whose record has `errorsUnread`. */
  exportJobErrors?(companyId: string, jobId: string): Promise<string[]>;
  /**
   * Reports an accounting integration's progress on a job (EXPORT_JOB_LIFECYCLE) and returns the job
   * as read back after it. A state transition: a retry reconciles by reading the job, never re-posts.
   */
  updateExportJobStatus?(
    request: UpdateExportJobStatusRequest,
    journal?: MutationJournal,
  ): Promise<ExportJobRecord>;
  /** Sets the status of some of a job's items (EXPORT_JOB_LIFECYCLE); unknown entries come back as errors. */
  updateExportJobItems?(
    request: UpdateExportJobItemsRequest,
    journal?: MutationJournal,
  ): Promise<ExportJobItemsUpdateRecord>;
  /** Streams an export file's bytes from `ExportFileRecord.downloadRef`. */
  downloadExportFile?(companyId: string, downloadRef: string): Promise<DownloadStream>;
}

/**
 * Given to a mutation sent with an idempotency key (src/idempotency/): a connector whose write has
 * several provider-side steps, or whose answer may be lost after the provider committed, saves a
 * checkpoint before it could be lost; a retry with the same key and input gets it back in `previous`
 * and resumes instead of writing twice. Checkpoints come back from the shared store: parse them.
 */
export interface MutationJournal {
  /** The last checkpoint an earlier attempt saved, or null on a first attempt. */
  readonly previous: unknown;
  /** Stable for every attempt of one key (derived from it, never the key itself): a provider-side reference to find the write by. */
  readonly writeId: string;
  /**
   * Records a JSON-serialisable checkpoint before the step whose answer could be lost. Throws (and so
   * stops the connector before that step) when this attempt lost its lease or the store is unreachable.
   * A write's checkpoint is saved from its request's `beforeDispatch`: the uncertainty window then
   * starts when the request leaves its queues, not before them.
   */
  save(checkpoint: unknown): Promise<void>;
  /**
   * Records that the write committed, with what a retry needs to read it back: whatever fails after
   * (a read-back refused with 429), the key is never freed for a second write. Never throws: the write
   * is done, and a checkpoint the store could not take leaves the retry to reconcile as before.
   */
  committed(checkpoint: unknown): Promise<void>;
  /**
   * Called after a lookup for the earlier attempt's write found nothing, right before writing again:
   * throws IDEMPOTENCY_OUTCOME_UNCERTAIN while that attempt may still commit at the provider.
   */
  beforeRewrite(): void;
}

/** What a connector needs from the gateway to open a session. */
export interface SessionDeps {
  /** Request id, for log correlation. */
  requestId: string;
  signal?: AbortSignal;
}

/** Built once per configured provider account; shares its HTTP pool and token cache across requests. */
export interface ProviderConnector {
  readonly provider: ProviderName;
  readonly capabilities: readonly Capability[];
  openSession(deps: SessionDeps): ProviderSession;
  close(): Promise<void>;
}

/** Shared services a connector is built with (once per tenant and provider account). */
export interface ConnectorDeps {
  tenantId: string;
  /** Tenant-agnostic shared store; connectors namespace their keys with `tenantId`. */
  store: import('../store/types').SharedStore;
  /** Observes each upstream attempt (metrics, tests). */
  onAttempt?: import('./http').UpstreamClientOptions['onAttempt'];
  /** Observes the size of each DataLoader batch (metrics); default none. */
  onLoaderBatch?: import('./observed-batch').LoaderBatchListener;
  /** How long a listing snapshot serves later pages, in ms (config `cache.snapshotTtlMs`; default 60,000). */
  snapshotTtlMs?: number;
  /** The instance's decoded snapshot chunks, shared by every tenant (config `cache.windowBytes`); default none. */
  windowCache?: import('../cache/window-cache').WindowCache;
  /** false when `store` is this instance's own memory (snapshot chunks then stay in `windowCache` until evicted). */
  snapshotChunksInStore?: boolean;
  /** false when the list cache is off: a new listing read never reuses another read's snapshot. */
  reuseSnapshots?: boolean;
  /** Upstream client tuning (timeouts, retries) shared by every provider. */
  http?: Partial<Omit<import('./http').UpstreamClientOptions, 'provider' | 'baseUrl' | 'onAttempt'>>;
}
