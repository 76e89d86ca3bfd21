/**
 * Runs bulk exports in the background, on whichever gateway instance gets to them: the record lives
 * in the shared store (CREATED → RUNNING → COMPLETED | FAILED, EXPIRED once its file is gone), the
 * rows stream from the provider into the shared BlobStore, so any instance serves the download.
 * A run holds a fenced lease on its export, renewed while it runs: an instance killed mid-export
 * lets its lease lapse, and another instance's sweep picks the export up and runs it again, up to
 * `maxAttempts` runs, then fails it with GATEWAY_RESTARTED. Closing (SIGTERM) hands running exports
 * back (record CREATED again, lease released) for another instance, rather than failing them.
 */
import { randomBytes } from 'node:crypto';
import { FecConformanceChecker } from '../fec/conformance';
import { ErrorCode, isGrandLivreError } from '../errors';
import type { Logger } from '../logger';
import type { ConnectorRegistry } from '../providers/registry';
import { runAsBulk } from '../providers/resilience/upstream-scope';
import { FencedLease } from '../store/fenced-lease';
import type { SharedStore } from '../store/types';
import type { BlobStore, StoredBlob } from './blob/blob-store';
import { BulkExportRecords } from './bulk-export-records';
import type { BulkExportRecord, BulkExportRequest } from './bulk-export.model';
import { writeBulkFile, type BulkTotals } from './bulk-file-writer';
import { rowFormat } from './bulk-row-format';
import { bulkRows } from './bulk-source';

export interface BulkExportRunnerOptions {
  registry: ConnectorRegistry;
  store: SharedStore;
  logger: Logger;
  /** Where files go: shared by every instance. */
  blobs: BlobStore;
  /** Exports running at once on this instance (default 2): each holds an upstream stream. */
  maxConcurrent?: number;
  /** Lease of a running export, renewed every third of it (default 30,000 ms). */
  leaseMs?: number;
  /** Runs of one export before it fails with GATEWAY_RESTARTED (default 3). */
  maxAttempts?: number;
  /** How often this instance looks for exports no instance runs (default 5,000 ms; 0: never). */
  sweepMs?: number;
}

export interface BulkExportFile extends StoredBlob {
  fileName: string;
  contentType: string;
}

/** Why a run stopped early: the instance is closing and hands the export back. */
const HANDED_BACK = 'handed back';
const GATEWAY_RESTARTED = 'GATEWAY_RESTARTED';
const isOpen = (record: BulkExportRecord) => record.status === 'CREATED' || record.status === 'RUNNING';

export class BulkExportRunner {
  private readonly records: BulkExportRecords;
  private readonly running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private readonly queue: [string, string][] = [];
  private readonly sweeper: NodeJS.Timeout | null;
  private closed = false;

  constructor(private readonly options: BulkExportRunnerOptions) {
    this.records = new BulkExportRecords(options.store);
    const sweepMs = options.sweepMs ?? 5_000;
    this.sweeper = sweepMs > 0 ? setInterval(() => void this.sweep().catch(() => undefined), sweepMs) : null;
    this.sweeper?.unref();
  }

  /** Records the export as CREATED and schedules it; resolves once the record is stored. */
  /**
   * Records and schedules the export. `exportId` (derived from an idempotency key) makes a start run
   * again — its key's outcome lost with the store — find the export it started instead of a second one.
   */
  async start(request: BulkExportRequest, exportId?: string): Promise<BulkExportRecord> {
    const started = exportId && (await this.records.find(request.tenantId, exportId));
    if (started) return started;
    const record: BulkExportRecord = {
      tenantId: request.tenantId,
      provider: request.provider,
      companyId: request.companyId,
      providerId: exportId ?? randomBytes(16).toString('hex'),
      kind: request.kind,
      format: request.format,
      status: 'CREATED',
      rowCount: 0,
      debitTotal: 0,
      creditTotal: 0,
      createdAt: new Date().toISOString(),
      completedAt: null,
      errorCode: null,
      attempts: 0,
      period: request.period,
      ...(request.fec ? { fec: request.fec } : {}),
    };
    await this.records.save(record);
    await this.records.index(record);
    this.schedule(record.tenantId, record.providerId);
    return record;
  }

  /** The export; a COMPLETED one whose file is gone is EXPIRED (and recorded so). */
  async find(tenantId: string, exportId: string): Promise<BulkExportRecord | null> {
    const record = await this.records.find(tenantId, exportId);
    if (record?.status !== 'COMPLETED' || (await this.options.blobs.exists(blobKey(record)))) return record;
    const expired: BulkExportRecord = { ...record, status: 'EXPIRED' };
    await this.records.save(expired);
    return expired;
  }

  /** The finished file, from the shared BlobStore; null when gone. */
  async openFile(record: BulkExportRecord): Promise<BulkExportFile | null> {
    if (record.status !== 'COMPLETED') return null;
    const blob = await this.options.blobs.open(blobKey(record));
    if (!blob) return null;
    const format = rowFormat(record.kind, record.format);
    const fileName =
      record.fileName ??
      `${record.kind.toLowerCase()}-${record.companyId}-${record.providerId}.${format.extension}`;
    return { ...blob, fileName, contentType: format.contentType };
  }

  /** Looks for exports no instance runs (never started here, or whose instance died) and runs them. */
  async sweep(): Promise<void> {
    for (const [tenantId, exportId] of await this.records.indexed()) {
      if (this.closed || this.running.has(exportId)) continue;
      if (this.queue.some(([, queued]) => queued === exportId)) continue;
      const record = await this.records.find(tenantId, exportId);
      if (record && isOpen(record)) this.schedule(tenantId, exportId);
    }
  }

  /** Stops sweeping, hands running exports back (CREATED again, lease released), waits for them. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.sweeper) clearInterval(this.sweeper);
    this.queue.length = 0;
    for (const job of this.running.values()) job.abort.abort(new Error(HANDED_BACK));
    await Promise.allSettled([...this.running.values()].map((job) => job.done));
    await this.options.blobs.close();
  }

  private schedule(tenantId: string, exportId: string): void {
    if (this.closed) return;
    if (this.running.size >= (this.options.maxConcurrent ?? 2)) {
      this.queue.push([tenantId, exportId]);
      return;
    }
    const abort = new AbortController();
    // Exports read behind interactive requests, each call waiting for budget up to upstream.bulkWaitMs.
    const done = runAsBulk(() => this.runUnderLease(tenantId, exportId, abort.signal))
      .catch((error: unknown) => this.options.logger.warn({ err: error }, 'bulk export run failed'))
      .finally(() => {
        this.running.delete(exportId);
        const next = this.queue.shift();
        if (next && !this.closed) this.schedule(...next);
      });
    this.running.set(exportId, { abort, done });
  }

  /** Runs the export if no other instance holds it; fails it once it has been tried `maxAttempts` times. */
  private async runUnderLease(tenantId: string, exportId: string, signal: AbortSignal): Promise<void> {
    const { store, leaseMs = 30_000, maxAttempts = 3 } = this.options;
    const key = `tenant:${encodeURIComponent(tenantId)}:bulk-export:${exportId}:lease`;
    const lease = await FencedLease.acquire({ store, key, ttlMs: leaseMs });
    if (!lease) return; // another instance runs it
    try {
      const record = await this.records.find(tenantId, exportId);
      if (!record || !isOpen(record)) return;
      if (record.attempts >= maxAttempts) {
        await this.records.save({
          ...record,
          status: 'FAILED',
          errorCode: GATEWAY_RESTARTED,
          completedAt: now(),
        });
        return;
      }
      lease.keepRenewing();
      await this.run({ ...record, status: 'RUNNING', attempts: record.attempts + 1 }, lease, signal);
    } finally {
      await lease.release();
    }
  }

  private async run(started: BulkExportRecord, lease: FencedLease, signal: AbortSignal): Promise<void> {
    const log = this.options.logger.child({ bulkExport: started.providerId, tenant: started.tenantId });
    let record = started;
    const save = (update: Partial<BulkExportRecord>) => {
      record = { ...record, ...update };
      return this.records.save(record);
    };
    const request: BulkExportRequest = { ...started };
    const key = blobKey(started);
    try {
      await save({});
      const connector = this.options.registry.get(request.tenantId)?.get(request.provider);
      if (!connector) throw new Error(`no ${request.provider} connector for tenant ${request.tenantId}`);
      const session = connector.openSession({ requestId: `bulk-export:${started.providerId}`, signal });
      const { sink, done: stored } = this.options.blobs.openWrite(key);
      stored.catch(() => undefined);
      // A FEC's conformance is checked on each record as it is written, not by reading the file back.
      const fecCheck = request.fec
        ? new FecConformanceChecker({ fileName: request.fec.fileName, exercise: request.fec.exercise })
        : undefined;
      let draftLinesLeftOut = 0;
      const totals = await writeBulkFile({
        sink,
        format: rowFormat(request.kind, request.format, fecCheck),
        rows: bulkRows(session, request, signal, (count) => (draftLinesLeftOut += count)),
        onProgress: (progress: BulkTotals) => void save(progress).catch(() => undefined),
      }).catch((error: unknown) => {
        sink.destroy(error as Error);
        throw error;
      });
      await stored;
      const conformance = fecCheck ? fecCheck.finish() : null;
      // A run whose lease lapsed (its successor may be running) does not record over it.
      lease.assertHeld();
      await save({
        ...totals,
        ...(request.fec ? { fileName: request.fec.fileName, conformance, draftLinesLeftOut } : {}),
        status: 'COMPLETED',
        completedAt: now(),
      });
      log.info({ rows: totals.rowCount }, 'bulk export completed');
    } catch (error) {
      if (signal.aborted && this.closed) {
        // Shutdown: hand the export back for another instance; this run does not count as an attempt.
        await save({ status: 'CREATED', attempts: started.attempts - 1 }).catch(() => undefined);
        log.info('bulk export handed back on shutdown');
        return;
      }
      await this.options.blobs.delete(key).catch(() => undefined);
      if (!lease.held()) return;
      const errorCode = isGrandLivreError(error) ? error.code : ErrorCode.INTERNAL_SERVER_ERROR;
      log.warn({ err: error, errorCode }, 'bulk export failed');
      await save({ status: 'FAILED', errorCode, completedAt: now() }).catch(() => undefined);
    }
  }
}

const now = () => new Date().toISOString();

/** Where an export's file lives in the BlobStore. */
const blobKey = (record: BulkExportRecord) =>
  `${record.tenantId}/${record.providerId}.${rowFormat(record.kind, record.format).extension}`;
