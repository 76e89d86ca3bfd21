/**
 * The background runner with a controllable fake provider: records move CREATED → RUNNING →
 * COMPLETED | FAILED in the store, at most maxConcurrent exports run, close() cancels and cleans.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BulkExportRunner } from '../../../src/bulk/bulk-export-runner';
import type { BulkExportRequest } from '../../../src/bulk/bulk-export.model';
import { UpstreamError } from '../../../src/errors';
import { createLogger } from '../../../src/logger';
import type { ProviderConnector, ProviderSession } from '../../../src/providers/types';
import { MemoryStore } from '../../../src/store/memory-store';
import { movementRecord } from './movement-record';

const row = (i: number) => movementRecord(i, 250, 0, { companyId: 'c1', currency: 'EUR' });

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
        signal?.addEventListener('abort', () => reject(new Error('aborted')));
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
  return { connector, release: () => gates.shift()?.() };
}

const request = (from = '2026-01-01'): BulkExportRequest => ({
  tenantId: 'acme',
  provider: 'MYUNISOFT',
  companyId: 'c1',
  kind: 'MOVEMENTS',
  format: 'JSONL',
  period: { from, to: '2026-12-31' },
});

const until = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('BulkExportRunner', () => {
  let root: string;
  let service: BulkExportRunner;
  let gated: ReturnType<typeof gatedConnector>;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'bulk-service-'));
    gated = gatedConnector();
    service = new BulkExportRunner({
      registry: new Map([['acme', new Map([['MYUNISOFT', gated.connector]])]]),
      store: new MemoryStore(),
      logger: createLogger('silent'),
      maxConcurrent: 1,
      tmpRoot: root,
    });
  });
  afterEach(async () => {
    await service.close();
    rmSync(root, { recursive: true, force: true });
  });

  const status = async (id: string) => (await service.find('acme', id))?.status;

  it('runs one export at a time and completes each with its totals', async () => {
    const first = await service.start(request());
    const second = await service.start(request());
    await until(async () => (await status(first.providerId)) === 'RUNNING');
    expect(await status(second.providerId)).toBe('CREATED');
    gated.release();
    await until(async () => (await status(first.providerId)) === 'COMPLETED');
    await until(async () => (await status(second.providerId)) === 'RUNNING');
    gated.release();
    await until(async () => (await status(second.providerId)) === 'COMPLETED');
    const done = (await service.find('acme', second.providerId))!;
    expect(done).toMatchObject({ rowCount: 3, debitTotal: 750, creditTotal: 0 });
    expect((await service.openFile(done))?.size).toBeGreaterThan(0);
    expect(await service.find('other-tenant', second.providerId)).toBeNull();
  });

  it('records a failure with its code, and no file', async () => {
    const failing = await service.start(request('2026-12-01'));
    await until(async () => (await status(failing.providerId)) === 'FAILED');
    const record = (await service.find('acme', failing.providerId))!;
    expect(record.errorCode).toBe('UPSTREAM_TIMEOUT');
    expect(await service.openFile(record)).toBeNull();
  });

  it('cancels running exports and deletes the files on close', async () => {
    const running = await service.start(request());
    await until(async () => (await status(running.providerId)) === 'RUNNING');
    const dirs = (await import('node:fs')).readdirSync(root);
    await service.close();
    expect(await status(running.providerId)).toBe('FAILED');
    expect(existsSync(join(root, dirs[0]!))).toBe(false);
  });
});
