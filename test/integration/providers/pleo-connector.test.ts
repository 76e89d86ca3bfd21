/** The Pleo connector against the Pleo simulator over loopback HTTP (no mocked client). */
import { createPleoConnector } from '../../../src/providers/pleo/connector';
import type { PleoAccount } from '../../../src/providers/pleo/client';
import type { MutationJournal, ProviderConnector, ProviderSession } from '../../../src/providers/types';
import { BadUserInputError, NotFoundError, UpstreamError } from '../../../src/errors';
import { MemoryStore } from '../../../src/store/memory-store';
import { demoCredentials } from '../../../src/simulators/credentials';
import { FINISH_AFTER_MS, START_AFTER_MS } from '../../../src/simulators/pleo/lifecycle';
import { JOB_TTL_SECONDS } from '../../../src/simulators/pleo/jobs';
import {
  entrySetWith,
  entryWithoutContra,
  exportableEntryIds,
  startPleo,
  type PleoFixture,
} from '../simulators/pleo-http';

let fx: PleoFixture;
let connector: ProviderConnector;
let session: ProviderSession;
const store = new MemoryStore();

const accountFor = (owner: 'demo' | 'demo-other', auth: PleoAccount['auth']): PleoAccount => ({
  baseUrl: fx.sim.url,
  auth,
  companies: fx.dataset.companiesOf('pleo', owner).map((c) => ({ id: c.id, name: c.name, siren: c.siren })),
});
const open = (c: ProviderConnector = connector) => c.openSession({ requestId: 'test' });
/** Requests the simulator served since the last reset. */
const calls = () => fx.sim.requests.length;

beforeAll(async () => {
  fx = await startPleo();
  connector = createPleoConnector(
    accountFor('demo', { type: 'basic', apiKey: demoCredentials.pleo.demo.apiKey }),
    {
      tenantId: 'demo',
      store,
      http: { maxRetries: 0 },
    },
  );
});
afterAll(async () => {
  await connector.close();
  await fx.sim.close();
});
beforeEach(() => {
  session = open();
  fx.sim.resetRequests();
  fx.sim.faults.clear();
});

describe('companies', () => {
  it('come from the configuration, without any upstream call', async () => {
    const companies = await session.listCompanies();
    expect(companies.map((c) => c.providerId)).toEqual([fx.demoCompany.id, fx.secondDemoCompany.id]);
    expect(await session.getCompany(fx.demoCompany.id.toUpperCase())).toMatchObject({
      provider: 'PLEO',
      name: fx.demoCompany.name,
    });
    expect(await session.getCompany(fx.otherCompany.id)).toBeNull();
    expect(calls()).toBe(0);
    expect(session.capabilities).toEqual(['ENTRIES', 'EXPORT_JOBS', 'EXPORT_JOB_LIFECYCLE']);
  });
});

describe('entries', () => {
  it('page through every accounting entry with resume tokens, one call per page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await session.listEntries!(fx.demoCompany.id, {}, { first: 50, after });
      pages++;
      expect(page.totalCount).toBe(120);
      seen.push(...page.items.map((item) => item.node.providerId));
      if (!page.hasNextPage) break;
      after = page.items[page.items.length - 1]!.resumeToken;
    }
    expect(pages).toBe(3);
    expect(calls()).toBe(3);
    expect(seen).toEqual(fx.index.entriesOf(fx.demoCompany).map((ref) => ref.uuid));
  });

  it('resume from an edge in the middle of a page, and cross pages above Pleo’s limit of 100', async () => {
    const first = await session.listEntries!(fx.demoCompany.id, {}, { first: 30, after: null });
    const resumed = await session.listEntries!(
      fx.demoCompany.id,
      {},
      { first: 5, after: first.items[9]!.resumeToken },
    );
    expect(resumed.items.map((i) => i.node.providerId)).toEqual(
      first.items.slice(10, 15).map((i) => i.node.providerId),
    );
    expect(resumed.hasNextPage).toBe(true);
    fx.sim.resetRequests();
    const big = await session.listEntries!(fx.demoCompany.id, {}, { first: 150, after: null });
    expect(big.items).toHaveLength(120);
    expect(big.hasNextPage).toBe(false);
    expect(calls()).toBe(2);
  });

  it('map minor units to balanced entries of journal PLEO', async () => {
    const page = await session.listEntries!(fx.demoCompany.id, {}, { first: 120, after: null });
    for (const { node } of page.items) {
      expect(node).toMatchObject({
        provider: 'PLEO',
        companyId: fx.demoCompany.id,
        type: 'ENTRY',
        journal: { code: 'PLEO', label: 'Pleo' },
      });
      expect(node.date).toMatch(/^\d{4}-\d\d-\d\d$/);
      const debit = node.lines.reduce((sum, line) => sum + line.debit, 0);
      const credit = node.lines.reduce((sum, line) => sum + line.credit, 0);
      expect(debit).toBe(credit);
      expect(debit).toBeGreaterThan(0);
      for (const line of node.lines) expect(line.account.number).toMatch(/^\d{6}$/);
    }
    expect(new Set(page.items.map((i) => i.node.journal.type))).toEqual(
      new Set(['card_purchase', 'invoice', 'bill_payment', 'fee']),
    );
  });

  it('filter by dates upstream; other types and journals match nothing without a call', async () => {
    const in2025 = await session.listEntries!(
      fx.demoCompany.id,
      { from: '2025-01-01', to: '2025-12-31' },
      { first: 10, after: null },
    );
    expect(in2025.totalCount).toBe(40);
    expect(in2025.items.every((i) => i.node.date.startsWith('2025'))).toBe(true);
    fx.sim.resetRequests();
    expect(
      await session.listEntries!(fx.demoCompany.id, { type: 'MANUAL' }, { first: 10, after: null }),
    ).toMatchObject({ items: [], totalCount: 0 });
    expect(
      (await session.listEntries!(fx.demoCompany.id, { journalCode: 'AC' }, { first: 10, after: null }))
        .items,
    ).toEqual([]);
    expect(calls()).toBe(0);
  });

  it('refuse a resume token it did not issue', async () => {
    await expect(
      session.listEntries!(fx.demoCompany.id, {}, { first: 10, after: 'garbage' }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('get entries batched and deduped: one call per distinct id, none for listed ones', async () => {
    const [a, b, c] = fx.index
      .entriesOf(fx.demoCompany)
      .slice(0, 3)
      .map((ref) => ref.uuid);
    const results = await Promise.all([
      session.getEntry!(fx.demoCompany.id, a!),
      session.getEntry!(fx.demoCompany.id, a!.toUpperCase()),
      session.getEntry!(fx.demoCompany.id, b!),
    ]);
    expect(results.map((r) => r?.providerId)).toEqual([a, a, b]);
    expect(calls()).toBe(2);
    await session.listEntries!(fx.demoCompany.id, {}, { first: 5, after: null });
    fx.sim.resetRequests();
    expect((await session.getEntry!(fx.demoCompany.id, c!))?.providerId).toBe(c);
    expect(calls()).toBe(0);
  });

  it('answer null for unknown, foreign and malformed entry ids', async () => {
    const foreign = fx.index.entriesOf(fx.secondDemoCompany)[0]!.uuid;
    const other = fx.index.entriesOf(fx.otherCompany)[0]!.uuid;
    expect(await session.getEntry!(fx.demoCompany.id, foreign)).toBeNull();
    expect(await session.getEntry!(fx.demoCompany.id, other)).toBeNull();
    expect(await session.getEntry!(fx.demoCompany.id, '00000000-0000-4000-8000-000000000000')).toBeNull();
    fx.sim.resetRequests();
    expect(await session.getEntry!(fx.demoCompany.id, '12345')).toBeNull();
    expect(calls()).toBe(0);
  });
});

describe('export jobs', () => {
  const settle = () => fx.clock.advance(FINISH_AFTER_MS + 1_000);
  afterEach(settle);

  it('create a job, then follow it PENDING → IN_PROGRESS → COMPLETED_WITH_ERRORS with item errors', async () => {
    const ids = entrySetWith(fx, fx.demoCompany, 4, (o) => !o.failure && o.itemFailures.size > 0);
    const created = await session.createExportJob!({ companyId: fx.demoCompany.id, entryIds: ids });
    expect(created).toMatchObject({
      provider: 'PLEO',
      status: 'PENDING',
      numberOfItems: 4,
      format: null,
      file: null,
      errors: [],
      startedAt: null,
    });
    expect(created.createdAt).toBe(new Date(fx.clock.ms).toISOString().replace(/\.\d{3}Z$/, '.000Z'));
    fx.clock.advance(START_AFTER_MS);
    const running = await open().getExportJob!(fx.demoCompany.id, created.providerId);
    expect(running).toMatchObject({
      status: 'IN_PROGRESS',
      startedAt: expect.any(String),
      completedAt: null,
    });
    fx.clock.advance(FINISH_AFTER_MS);
    fx.sim.resetRequests();
    const reading = open();
    const done = await reading.getExportJob!(fx.demoCompany.id, created.providerId);
    expect(done?.status).toBe('COMPLETED_WITH_ERRORS');
    expect(done?.completedAt).toEqual(expect.any(String));
    // The failed items are read when asked (ExportJob.errors selected), not with the job.
    expect(done).toMatchObject({ errors: [], errorsUnread: true });
    expect(fx.sim.requests).toHaveLength(1);
    const errors = await reading.exportJobErrors!(fx.demoCompany.id, created.providerId);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors)
      expect(error).toMatch(
        /^[0-9a-f-]{36}: (account_unknown|tax_code_unknown|receipt_upload_failure|accounting_system_validation_failure)$/,
      );
    // The job, then its failed items: fetched only because it completed with errors and they were asked.
    expect(fx.sim.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, '{id}')}`)).toEqual([
      'GET /v3/export-jobs/{id}',
      'GET /v3/export-jobs/{id}/items',
    ]);
  });

  it('report a failed job with its failureReasonType, and a completed one with one call', async () => {
    const failing = entrySetWith(fx, fx.demoCompany, 4, (o) => o.failure !== null);
    const failed = await session.createExportJob!({ companyId: fx.demoCompany.id, entryIds: failing });
    settle();
    expect(await open().getExportJob!(fx.demoCompany.id, failed.providerId)).toMatchObject({
      status: 'FAILED',
      // One of the seed's 15 values, as the schema's enum spells it.
      failureReasonType: expect.stringMatching(/^[A-Z_]+$/),
      expiredAt: null,
      isInteractive: true,
      failureReason: expect.any(String),
      completedAt: expect.any(String),
      errors: [],
    });
    const clean = entrySetWith(fx, fx.demoCompany, 2, (o) => !o.failure && o.itemFailures.size === 0);
    const ok = await session.createExportJob!({ companyId: fx.demoCompany.id, entryIds: clean });
    settle();
    fx.sim.resetRequests();
    expect((await open().getExportJob!(fx.demoCompany.id, ok.providerId))?.status).toBe('COMPLETED');
    expect(calls()).toBe(1);
  });

  it('send employeeId, isInteractive and options.vendorBasedBookkeeping, and read back every seed field', async () => {
    const employeeId = '7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09';
    const entryIds = entrySetWith(fx, fx.demoCompany, 2, (o) => !o.failure && o.itemFailures.size === 0);
    const job = await session.createExportJob!({
      companyId: fx.demoCompany.id,
      entryIds,
      employeeId,
      isInteractive: false,
      vendorBasedBookkeeping: true,
    });
    // The simulator answers what it was sent: createdBy is the employeeId, the flags are the options.
    expect(job).toMatchObject({
      createdBy: employeeId,
      isInteractive: false,
      vendorBasedBookkeeping: true,
      expiresIn: expect.any(Number),
      expiredAt: null,
      lastUpdatedAt: expect.any(String),
      failureReasonType: null,
    });
    settle();
    const done = await open().getExportJob!(fx.demoCompany.id, job.providerId);
    expect(done).toMatchObject({ status: 'COMPLETED', createdBy: employeeId, vendorBasedBookkeeping: true });
  });

  it('refuse bad input before any call', async () => {
    const companyId = fx.demoCompany.id;
    const entryIds = exportableEntryIds(fx, fx.demoCompany).slice(0, 1);
    const cases: [Parameters<NonNullable<ProviderSession['createExportJob']>>[0], string][] = [
      [{ companyId, entryIds, format: 'FEC' }, 'format'],
      [{ companyId }, 'entryIds'],
      [{ companyId, entryIds: [] }, 'entryIds'],
      [{ companyId, entryIds: ['42'] }, 'entryIds.0'],
      [{ companyId, entryIds, from: '2025-01-01' }, 'from'],
      [{ companyId, entryIds, markAsExported: true }, 'markAsExported'],
    ];
    for (const [request, field] of cases) {
      const error = await session.createExportJob!(request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).field).toBe(field);
    }
    await expect(
      session.createExportJob!({ companyId: fx.otherCompany.id, entryIds }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(calls()).toBe(0);
  });

  it('map MISSING_CONTRA_ACCOUNTS to a bad input and EXPORT_ALREADY_IN_PROGRESS to an upstream error', async () => {
    const noContra = session.createExportJob!({
      companyId: fx.demoCompany.id,
      entryIds: [entryWithoutContra(fx, fx.demoCompany)],
    });
    await expect(noContra).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.entryIds',
      message: expect.stringContaining('MISSING_CONTRA_ACCOUNTS'),
    });
    const ids = exportableEntryIds(fx, fx.demoCompany);
    await session.createExportJob!({ companyId: fx.demoCompany.id, entryIds: ids.slice(0, 1) });
    const conflict = await session.createExportJob!({
      companyId: fx.demoCompany.id,
      entryIds: ids.slice(1, 2),
    }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(UpstreamError);
    expect(conflict).toMatchObject({
      code: 'UPSTREAM_ERROR',
      status: 409,
      message: expect.stringContaining('EXPORT_ALREADY_IN_PROGRESS'),
    });
  });

  it('list a company’s jobs newest first with resume tokens, priming the job loader', async () => {
    const company = fx.secondDemoCompany.id;
    const ids = exportableEntryIds(fx, fx.secondDemoCompany);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      made.unshift(
        (await session.createExportJob!({ companyId: company, entryIds: ids.slice(i, i + 1) })).providerId,
      );
      settle();
    }
    const listing = open();
    const first = await listing.listExportJobs!(company, { first: 2, after: null });
    expect(first.items.map((i) => i.node.providerId)).toEqual(made.slice(0, 2));
    expect(first.hasNextPage).toBe(true);
    const next = await listing.listExportJobs!(company, { first: 2, after: first.items[1]!.resumeToken });
    expect(next.items[0]?.node.providerId).toBe(made[2]);
    fx.sim.resetRequests();
    expect((await listing.getExportJob!(company, made[0]!))?.providerId).toBe(made[0]);
    expect(fx.sim.requests.filter((r) => /^\/v3\/export-jobs\/[^/]+$/.test(r.path))).toHaveLength(0);
  });

  it('get jobs deduped, and null for unknown, foreign-company and malformed ids', async () => {
    const job = await session.createExportJob!({
      companyId: fx.demoCompany.id,
      entryIds: exportableEntryIds(fx, fx.demoCompany).slice(3, 4),
    });
    const reader = open();
    fx.sim.resetRequests();
    const results = await Promise.all(
      [1, 2, 3].map(() => reader.getExportJob!(fx.demoCompany.id, job.providerId)),
    );
    expect(results.every((r) => r?.providerId === job.providerId)).toBe(true);
    expect(calls()).toBe(1);
    expect(await open().getExportJob!(fx.secondDemoCompany.id, job.providerId)).toBeNull();
    expect(await open().getExportJob!(fx.demoCompany.id, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await open().getExportJob!(fx.demoCompany.id, 'nope')).toBeNull();
  });
});

/** A journal of our own for the connector (src/idempotency runs the real one): what it was asked. */
function journalWith(previous: unknown) {
  const asked: string[] = [];
  const journal: MutationJournal = {
    previous,
    writeId: 'w-test',
    save: async () => void asked.push('save'),
    committed: async () => void asked.push('committed'),
    beforeRewrite: () => void asked.push('beforeRewrite'),
  };
  return { journal, asked };
}

describe('export job lifecycle (events and item updates)', () => {
  // Client-driven jobs end only by an event or their expiry.
  afterEach(() => fx.clock.advance((JOB_TTL_SECONDS + 60) * 1000));
  const route = () => fx.sim.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, '{id}')}`);

  it("move a job by events, checkpointed as the POST leaves; another company's job is NOT_FOUND before any write", async () => {
    const ids = exportableEntryIds(fx, fx.demoCompany).slice(0, 2);
    const job = await session.createExportJob!({ companyId: fx.demoCompany.id, entryIds: ids });
    fx.sim.resetRequests();
    const foreign = open().updateExportJobStatus!({
      companyId: fx.secondDemoCompany.id,
      jobId: job.providerId,
      event: 'STARTED',
    });
    await expect(foreign).rejects.toBeInstanceOf(NotFoundError);
    expect(route()).toEqual(['GET /v3/export-jobs/{id}']);
    fx.sim.resetRequests();
    const { journal, asked } = journalWith(null);
    const started = await open().updateExportJobStatus!(
      { companyId: fx.demoCompany.id, jobId: job.providerId, event: 'STARTED' },
      journal,
    );
    expect(started).toMatchObject({ status: 'IN_PROGRESS', completedAt: null });
    expect(asked).toEqual(['save', 'committed']);
    expect(route()).toEqual([
      'GET /v3/export-jobs/{id}',
      'POST /v3/export-job-events',
      'GET /v3/export-jobs/{id}',
    ]);
    const failed = await open().updateExportJobStatus!({
      companyId: fx.demoCompany.id,
      jobId: job.providerId,
      event: 'FAILED',
      failureReason: 'The ERP is down.',
      failureReasonType: 'ACCOUNTING_SYSTEM_UNREACHABLE',
    });
    expect(failed).toMatchObject({
      status: 'FAILED',
      failureReason: 'The ERP is down.',
      failureReasonType: 'ACCOUNTING_SYSTEM_UNREACHABLE',
    });
  });

  it('a retried event not yet applied is sent again only through beforeRewrite', async () => {
    const ids = exportableEntryIds(fx, fx.demoCompany).slice(2, 3);
    const job = await session.createExportJob!({ companyId: fx.demoCompany.id, entryIds: ids });
    const { journal, asked } = journalWith({ pleoJobEvent: { jobId: job.providerId, event: 'STARTED' } });
    const started = await open().updateExportJobStatus!(
      { companyId: fx.demoCompany.id, jobId: job.providerId, event: 'STARTED' },
      journal,
    );
    expect(started.status).toBe('IN_PROGRESS');
    expect(asked).toEqual(['beforeRewrite', 'save', 'committed']);
  });

  it('a retried STARTED on a job that failed before it started is not taken as applied', async () => {
    const ids = exportableEntryIds(fx, fx.demoCompany).slice(3, 4);
    const job = await session.createExportJob!({ companyId: fx.demoCompany.id, entryIds: ids });
    const where = { companyId: fx.demoCompany.id, jobId: job.providerId };
    await open().updateExportJobStatus!({ ...where, event: 'FAILED', failureReasonType: 'CANCELED_BY_USER' });
    const { journal, asked } = journalWith({ pleoJobEvent: { jobId: job.providerId, event: 'STARTED' } });
    const retried = open().updateExportJobStatus!({ ...where, event: 'STARTED' }, journal);
    await expect(retried).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.event',
      message: expect.stringContaining('FAILED'),
    });
    expect(asked).toEqual(['beforeRewrite', 'save']);
  });

  it('a retried item update whose answer was lost reads the items back instead of a second PUT', async () => {
    const [a, b] = exportableEntryIds(fx, fx.secondDemoCompany).slice(0, 2);
    const job = await session.createExportJob!({ companyId: fx.secondDemoCompany.id, entryIds: [a!, b!] });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const request = {
      companyId: fx.secondDemoCompany.id,
      jobId: job.providerId,
      items: [
        { entryId: a!, status: 'SUCCESSFUL' as const, externalId: 'X-1' },
        { entryId: unknown, status: 'SUCCESSFUL' as const },
      ],
    };
    const first = await open().updateExportJobItems!(request);
    expect(first.items).toEqual([
      expect.objectContaining({ entryId: a, status: 'SUCCESSFUL', externalId: 'X-1' }),
    ]);
    expect(first.errors).toEqual([expect.objectContaining({ entryId: unknown, code: 'ENTRY_NOT_IN_JOB' })]);
    fx.sim.resetRequests();
    const { journal, asked } = journalWith({ pleoJobItems: { jobId: job.providerId } });
    const again = await open().updateExportJobItems!(request, journal);
    expect(again).toEqual(first);
    expect(asked).toEqual([]);
    expect(route()).toEqual(['GET /v3/export-jobs/{id}', 'GET /v3/export-jobs/{id}/items']);
  });
});

describe('upstream failures', () => {
  it('work with a bearer account too, and refuse wrong credentials without echoing them', async () => {
    const other = createPleoConnector(
      accountFor('demo-other', { type: 'bearer', token: demoCredentials.pleo.other.token }),
      { tenantId: 'o', store },
    );
    const page = await open(other).listEntries!(fx.otherCompany.id, {}, { first: 3, after: null });
    expect(page.items).toHaveLength(3);
    await other.close();
    const wrong = createPleoConnector(accountFor('demo', { type: 'bearer', token: 'stolen-token-value' }), {
      tenantId: 'w',
      store,
    });
    const error = await open(wrong).listExportJobs!(fx.demoCompany.id, { first: 3, after: null }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', status: 401 });
    expect(String((error as Error).message)).not.toContain('stolen-token-value');
    await wrong.close();
  });

  it('report a drifted response shape as UPSTREAM_INVALID_RESPONSE', async () => {
    fx.sim.faults.add({ kind: 'drift', path: '^/v3/export-jobs$', times: 1 });
    await expect(session.listExportJobs!(fx.demoCompany.id, { first: 3, after: null })).rejects.toMatchObject(
      { code: 'UPSTREAM_INVALID_RESPONSE' },
    );
  });
});
