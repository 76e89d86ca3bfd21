/**
 * Runs bulk exports in the background of one gateway instance: the record goes to the shared store
 * (CREATED → RUNNING → COMPLETED | FAILED, with running totals), the rows stream from the provider to
 * a local file. At most `maxConcurrent` exports run at once; the others wait their turn as CREATED.
 * Closing the service cancels what runs and deletes the files.
 */
import { runAsBulk } from '../providers/resilience/upstream-scope';
import { randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { ErrorCode, isGrandLivreError } from '../errors';
import type { Logger } from '../logger';
import type { ConnectorRegistry } from '../providers/registry';
import type { SharedStore } from '../store/types';
import { BULK_EXPORT_TTL_MS, BulkExportRecords } from './bulk-export-records';
import type { BulkExportRecord, BulkExportRequest } from './bulk-export.model';
import { writeBulkFile, type BulkTotals } from './bulk-file-writer';
import { BulkFiles } from './bulk-files';
import { rowFormat } from './bulk-row-format';
import { bulkRows } from './bulk-source';

export interface BulkExportServiceOptions {
  registry: ConnectorRegistry;
  store: SharedStore;
  logger: Logger;
  /** Exports running at once on this instance (default 2): each holds an upstream stream and a file. */
  maxConcurrent?: number;
  /** Parent of the files' directory (default `os.tmpdir()/grand-livre-bulk`). */
  tmpRoot?: string;
}

export interface BulkExportFile {
  /** Opens the file for reading (once the caller is ready to send it). */
  open(): ReadStream;
  size: number;
  fileName: string;
  contentType: string;
}

export class BulkExportService {
  /** Names this instance in records, so a download elsewhere can say where the file is. */
  readonly instanceId = randomBytes(8).toString('hex');
  private readonly records: BulkExportRecords;
  private readonly files: BulkFiles;
  private readonly running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private readonly queue: (() => void)[] = [];
  private readonly maxConcurrent: number;
  private closed = false;

  constructor(private readonly options: BulkExportServiceOptions) {
    this.records = new BulkExportRecords(options.store);
    this.files = new BulkFiles(options.tmpRoot);
    this.maxConcurrent = options.maxConcurrent ?? 2;
  }

  /** Records the export as CREATED and schedules it; resolves once the record is stored. */
  async start(request: BulkExportRequest): Promise<BulkExportRecord> {
    const record: BulkExportRecord = {
      tenantId: request.tenantId,
      provider: request.provider,
      companyId: request.companyId,
      providerId: randomBytes(16).toString('hex'),
      kind: request.kind,
      format: request.format,
      status: 'CREATED',
      rowCount: 0,
      debitTotal: 0,
      creditTotal: 0,
      createdAt: new Date().toISOString(),
      completedAt: null,
      errorCode: null,
      instanceId: this.instanceId,
    };
    await this.records.save(record);
    const run = () => this.track(record, request);
    if (this.running.size < this.maxConcurrent) run();
    else this.queue.push(run);
    return record;
  }

  find(tenantId: string, exportId: string): Promise<BulkExportRecord | null> {
    return this.records.find(tenantId, exportId);
  }

  /** The finished file, when this instance holds it. */
  async openFile(record: BulkExportRecord): Promise<BulkExportFile | null> {
    if (record.status !== 'COMPLETED' || record.instanceId !== this.instanceId) return null;
    const format = rowFormat(record.kind, record.format);
    const path = this.files.path(record.providerId, format.extension);
    const size = await this.files.size(path);
    if (size === null) return null;
    const fileName = `${record.kind.toLowerCase()}-${record.companyId}-${record.providerId}.${format.extension}`;
    return { open: () => createReadStream(path), size, fileName, contentType: format.contentType };
  }

  /** Cancels running exports, waits for them to stop, deletes every file. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    for (const job of this.running.values()) job.abort.abort();
    await Promise.allSettled([...this.running.values()].map((job) => job.done));
    this.files.close();
  }

  private track(record: BulkExportRecord, request: BulkExportRequest): void {
    const abort = new AbortController();
    // Exports read behind interactive requests, each call waiting for budget up to upstream.bulkWaitMs.
    const done = runAsBulk(() => this.run(record, request, abort.signal)).finally(() => {
      this.running.delete(record.providerId);
      if (!this.closed) this.queue.shift()?.();
    });
    this.running.set(record.providerId, { abort, done });
  }

  private async run(
    created: BulkExportRecord,
    request: BulkExportRequest,
    signal: AbortSignal,
  ): Promise<void> {
    const format = rowFormat(request.kind, request.format);
    const path = this.files.path(created.providerId, format.extension);
    const log = this.options.logger.child({ bulkExport: created.providerId, tenant: created.tenantId });
    let record: BulkExportRecord = { ...created, status: 'RUNNING' };
    const save = (update: Partial<BulkExportRecord>) => {
      record = { ...record, ...update };
      return this.records.save(record);
    };
    try {
      await save({});
      const connector = this.options.registry.get(request.tenantId)?.get(request.provider);
      if (!connector) throw new Error(`no ${request.provider} connector for tenant ${request.tenantId}`);
      const session = connector.openSession({ requestId: `bulk-export:${created.providerId}`, signal });
      const totals = await writeBulkFile({
        path,
        format,
        rows: bulkRows(session, request, signal),
        onProgress: (progress: BulkTotals) => void save(progress).catch(() => undefined),
      });
      this.files.expire(path, BULK_EXPORT_TTL_MS);
      await save({ ...totals, status: 'COMPLETED', completedAt: new Date().toISOString() });
      log.info({ rows: totals.rowCount }, 'bulk export completed');
    } catch (error) {
      await this.files.remove(path);
      const errorCode = isGrandLivreError(error) ? error.code : ErrorCode.INTERNAL_SERVER_ERROR;
      log.warn({ err: error, errorCode }, 'bulk export failed');
      await save({ status: 'FAILED', errorCode, completedAt: new Date().toISOString() }).catch(
        () => undefined,
      );
    }
  }
}
