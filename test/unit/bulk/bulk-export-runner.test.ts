/**
 * The background runner with a controllable fake provider: records move CREATED → RUNNING →
 * COMPLETED | FAILED in the store, at most maxConcurrent exports run, close() hands running exports
 * back, a second instance on the same store and directory picks up an export whose lease lapsed,
 * and fails it with GATEWAY_RESTARTED after maxAttempts; a completed export whose file is gone is EXPIRED.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { DirectoryBlobStore } from '../../../src/bulk/blob/directory-blob-store';
import { BulkExportRunner, type BulkExportRunnerOptions } from '../../../src/bulk/bulk-export-runner';
import type { BulkExportRequest } from '../../../src/bulk/bulk-export.model';
import { UpstreamError } from '../../../src/errors';
import { createLogger } from '../../../src/logger';
import type { ProviderConnector, ProviderSession } from '../../../src/providers/types';
import { MemoryStore } from '../../../src/store/memory-store';
import { movementRecord } from './movement-record';

const row = (i: number) => movementRecord(i, 250, 0, { companyId: 'c1', currency: 'EUR' });

const until = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 5));
};

/** A provider whose stream waits for `release()` (or fails when the filter says so). */
function gatedConnector() {
  const gates: (() => void)[] = [];
  const session = {
    provider: 'MYUNISOFT',
    capabilities: ['MOVEMENTS'],
    listCompanies: async () => [],
    getCompany: async () => null,
    async *streamMovements(_companyId: string, filter: { from?: string }, signal?: AbortSignal) {
      if (filter.from === '2026-12-01') throw new UpstreamError('MYUNISOFT', 'UPSTREAM_TIMEOUT', 'too slow');
      yield [row(1), row(2)];
      await new Promise<void>((resolve, reject) => {
        gates.push(resolve);
        signal?.addEventListener('abort', () => {
          gates.splice(gates.indexOf(resolve), 1);
          reject(new Error('aborted'));
        });
      });
      yield [row(3)];
    },
  } as unknown as ProviderSession;
  const connector: ProviderConnector = {
    provider: 'MYUNISOFT',
    capabilities: ['MOVEMENTS'],
    openSession: () => session,
    close: async () => undefined,
  };
  /** Lets the one stream waiting at its gate (once there is one) go on. */
  const release = async () => {
    await until(async () => gates.length > 0);
    gates.shift()!();
  };
  return { connector, release };
}

const request = (from = '2026-01-01'): BulkExportRequest => ({
  tenantId: 'acme',
  provider: 'MYUNISOFT',
  companyId: 'c1',
  kind: 'MOVEMENTS',
  format: 'JSONL',
  period: { from, to: '2026-12-31' },
});

describe('BulkExportRunner', () => {
  let root: string;
  let store: MemoryStore;
  let service: BulkExportRunner;
  let gated: ReturnType<typeof gatedConnector>;
  const opened: BulkExportRunner[] = [];
  /** One gateway instance's service, on the shared store and directory. */
  const instance = (over: Partial<BulkExportRunnerOptions> = {}) => {
    const created = new BulkExportRunner({
      registry: new Map([['acme', new Map([['MYUNISOFT', gated.connector]])]]),
      store,
      logger: createLogger('silent'),
      blobs: new DirectoryBlobStore({ path: root }),
      maxConcurrent: 1,
      sweepMs: 0,
      ...over,
    });
    opened.push(created);
    return created;
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'bulk-service-'));
    store = new MemoryStore();
    gated = gatedConnector();
    service = instance();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((one) => one.close()));
    rmSync(root, { recursive: true, force: true });
  });

  const status = async (id: string) => (await service.find('acme', id))?.status;

  it('runs one export at a time and completes each with its totals', async () => {
    const first = await service.start(request());
    const second = await service.start(request());
    await until(async () => (await status(first.providerId)) === 'RUNNING');
    expect(await status(second.providerId)).toBe('CREATED');
    await gated.release();
    await until(async () => (await status(first.providerId)) === 'COMPLETED');
    await until(async () => (await status(second.providerId)) === 'RUNNING');
    await gated.release();
    await until(async () => (await status(second.providerId)) === 'COMPLETED');
    const done = (await service.find('acme', second.providerId))!;
    expect(done).toMatchObject({ rowCount: 3, debitTotal: 750, creditTotal: 0 });
    const file = (await service.openFile(done))!;
    expect(file.size).toBeGreaterThan(0);
    expect((await text(file.body)).split('\n').filter(Boolean)).toHaveLength(3);
    expect(await service.find('other-tenant', second.providerId)).toBeNull();
  });

  it('starts an export of a given id once: started again, it is the same export, run once', async () => {
    const id = 'a1'.repeat(16);
    const first = await service.start(request(), id);
    const again = await service.start(request(), id);
    expect(first.providerId).toBe(id);
    expect(again).toMatchObject({ providerId: id, createdAt: first.createdAt });
    await gated.release();
    await until(async () => (await status(id)) === 'COMPLETED');
    expect(await service.find('acme', id)).toMatchObject({ rowCount: 3, attempts: 1 });
    expect(await store.get(`tenant:acme:bulk-export:${id}`)).not.toBeNull();
  });

  it('records a failure with its code, and no file', async () => {
    const failing = await service.start(request('2026-12-01'));
    await until(async () => (await status(failing.providerId)) === 'FAILED');
    const record = (await service.find('acme', failing.providerId))!;
    expect(record.errorCode).toBe('UPSTREAM_TIMEOUT');
    expect(await service.openFile(record)).toBeNull();
  });

  it('hands running exports back on close: another instance finishes them', async () => {
    const running = await service.start(request());
    await until(async () => (await status(running.providerId)) === 'RUNNING');
    await service.close();
    expect(await service.find('acme', running.providerId)).toMatchObject({ status: 'CREATED', attempts: 0 });
    const other = instance();
    await other.sweep();
    await until(async () => (await status(running.providerId)) === 'RUNNING');
    await gated.release();
    await until(async () => (await status(running.providerId)) === 'COMPLETED');
    // Any instance serves the file: it is in the shared directory.
    const done = (await other.find('acme', running.providerId))!;
    const file = (await instance().openFile(done))!;
    expect((await text(file.body)).split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('re-runs an export whose instance died once its lease lapsed, then fails it after maxAttempts', async () => {
    // A dead instance: it recorded RUNNING and took the lease, which now lapses unrenewed.
    const dead = instance({ leaseMs: 50, maxAttempts: 2 });
    const started = await dead.start(request());
    await until(async () => (await status(started.providerId)) === 'RUNNING');
    const survivor = instance({ leaseMs: 50, maxAttempts: 2 });
    await survivor.sweep(); // the lease is still held: nothing to do
    expect((await survivor.find('acme', started.providerId))?.attempts).toBe(1);
    await store.delete(`tenant:acme:bulk-export:${started.providerId}:lease`); // the lease lapsed
    await survivor.sweep();
    await until(async () => (await survivor.find('acme', started.providerId))?.attempts === 2);
    await store.delete(`tenant:acme:bulk-export:${started.providerId}:lease`);
    const third = instance({ leaseMs: 50, maxAttempts: 2 });
    await third.sweep();
    await until(async () => (await status(started.providerId)) === 'FAILED');
    expect((await third.find('acme', started.providerId))?.errorCode).toBe('GATEWAY_RESTARTED');
  });

  it('calls a completed export whose file is gone EXPIRED', async () => {
    const done = await service.start(request());
    await gated.release();
    await until(async () => (await status(done.providerId)) === 'COMPLETED');
    rmSync(join(root, 'acme'), { recursive: true, force: true });
    expect(await status(done.providerId)).toBe('EXPIRED');
  });
});
