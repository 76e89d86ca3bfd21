/**
 * Export jobs through the gateway: Jepilote FEC and ACD exports (POST /export_documents) whose
 * `file.downloadUrl` streams the bytes (GET /get_export) to the tenant's API key only, and a Pleo
 * export job of chosen entries (POST/GET/list /v3/export-jobs, GET …/items) moving from PENDING to
 * COMPLETED_WITH_ERRORS on the simulator's clock, with the failed items in `errors`.
 */
import { unzipSync } from 'fflate';
import { request } from 'undici';
import { decodeGlobalId } from '../../../src/domain/ids';
import { validateFec } from '../../../src/fec/validate';
import { CompanyExportJobsDocument, CreateExportJobDocument, GetExportJobDocument } from '@grand-livre/sdk';
import { entriesOfDocuments } from '../../../src/simulators/jepilote/export-file';
import { FINISH_AFTER_MS, START_AFTER_MS, planOutcome } from '../../../src/simulators/pleo/lifecycle';
import { dataOf, errorCodes, runOperation } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import { demoCompany, pleoEntriesThatPartlyFail } from './fixtures';

let stack: Stack;
// The simulators' clock: Pleo jobs move on it, so the test decides when they do.
let clock = Date.parse('2026-11-20T09:00:00Z');
beforeAll(async () => {
  stack = await startStack({ now: () => clock, configure: (config) => ({ ...config, logLevel: 'silent' }) });
});
afterAll(() => stack.close());

async function download(url: string, apiKey: string | null) {
  const response = await request(url, apiKey ? { headers: { authorization: `Bearer ${apiKey}` } } : {});
  return {
    status: response.statusCode,
    headers: response.headers,
    bytes: Buffer.from(await response.body.arrayBuffer()),
  };
}

const inWindow = (instant: string, w: { from: string; to: string }) =>
  instant.slice(0, 10) >= w.from && instant.slice(0, 10) <= w.to;

describe('Jepilote exports', () => {
  it('creates a FEC whose downloadUrl streams a valid FEC of the exported documents’ entries', async () => {
    const { gen, id } = demoCompany(stack.sims, 'jepilote');
    const window = { from: '2026-02-01', to: '2026-09-30' };
    const input = { companyId: id, format: 'FEC' as const, includeAlreadyExported: true, ...window };
    const job = dataOf(await runOperation(stack, CreateExportJobDocument, { input })).createExportJob;
    expect(job).toMatchObject({ provider: 'JEPILOTE', format: 'FEC', status: 'COMPLETED', errors: [] });
    const file = await download(job.file?.downloadUrl ?? 'missing', 'demo');
    expect(file.status).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain(job.file?.name);
    const report = validateFec(file.bytes.toString('utf8'));
    expect(report.errors).toEqual([]);
    // Jepilote selects documents by their creation date.
    const documents = gen.documents.filter((d) => inWindow(d.createdAt, window));
    const entries = entriesOfDocuments(stack.sims.dataset, gen, documents);
    expect(entries.length).toBeGreaterThan(0);
    expect(report.entryCount).toBe(entries.length);
    const debit = entries.flatMap((e) => e.lines).reduce((sum, l) => sum + l.debit, 0);
    expect({ debit: report.debitTotal, credit: report.creditTotal }).toEqual({ debit, credit: debit });
  });

  it('gives the download with a plain GET, never to another tenant’s key', async () => {
    const { id } = demoCompany(stack.sims, 'jepilote');
    const input = { companyId: id, format: 'FEC' as const, includeAlreadyExported: true };
    const job = dataOf(await runOperation(stack, CreateExportJobDocument, { input })).createExportJob;
    const url = job.file?.downloadUrl ?? 'missing';
    expect((await download(url, 'demo-other')).status).toBe(404);
    expect((await download(url, null)).status).toBe(200);
  });

  it('creates an ACD archive holding the .in file and the documents', async () => {
    const { gen, id } = demoCompany(stack.sims, 'jepilote');
    const window = { from: '2026-01-01', to: '2026-12-31' };
    const input = { companyId: id, format: 'ACD' as const, includeAlreadyExported: true, ...window };
    const job = dataOf(await runOperation(stack, CreateExportJobDocument, { input })).createExportJob;
    expect(job).toMatchObject({ format: 'ACD', status: 'COMPLETED' });
    const file = await download(job.file?.downloadUrl ?? 'missing', 'demo');
    expect(file.headers['content-type']).toBe('application/zip');
    const names = Object.keys(unzipSync(new Uint8Array(file.bytes)));
    expect(names).toContain(`${job.file?.name}.in`);
    expect(names.filter((n) => n.startsWith('documents/')).sort()).toEqual(
      gen.documents.map((d) => `documents/${d.name}`).sort(),
    );
  });

  it('finds the exports again by id and in the company’s export jobs', async () => {
    const { id } = demoCompany(stack.sims, 'jepilote');
    const input = { companyId: id, format: 'FEC' as const, includeAlreadyExported: true };
    const created = dataOf(await runOperation(stack, CreateExportJobDocument, { input })).createExportJob;
    const found = dataOf(await runOperation(stack, GetExportJobDocument, { id: created.id })).exportJob;
    expect(found).toMatchObject({ id: created.id, format: 'FEC', status: 'COMPLETED', file: created.file });
    const listed = dataOf(await runOperation(stack, CompanyExportJobsDocument, { companyId: id }));
    expect(listed.company?.exportJobs.edges.map((e) => e.node.id)).toContain(created.id);
  });

  it('refuses an export without a format, before calling Jepilote', async () => {
    const { id } = demoCompany(stack.sims, 'jepilote');
    stack.sims.resetRequests();
    const result = await runOperation(stack, CreateExportJobDocument, { input: { companyId: id } });
    expect(errorCodes(result)).toEqual([{ path: 'createExportJob', code: 'BAD_USER_INPUT' }]);
    expect(stack.sims.simulators.jepilote.requests.filter((r) => r.path === '/export_documents')).toEqual([]);
  });
});

describe('Pleo export jobs', () => {
  it('creates a job of entries, then reads it PENDING → IN_PROGRESS → COMPLETED_WITH_ERRORS with its errors', async () => {
    const { id } = demoCompany(stack.sims, 'pleo');
    const entryIds = await pleoEntriesThatPartlyFail(stack, id);
    const nativeIds = entryIds.map((e) => decodeGlobalId(e, 'id').nativeId);
    const failures = planOutcome(stack.sims.dataset.seed, nativeIds).itemFailures;
    const created = dataOf(
      await runOperation(stack, CreateExportJobDocument, { input: { companyId: id, entryIds } }),
    );
    const job = created.createExportJob;
    expect(job).toMatchObject({
      provider: 'PLEO',
      status: 'PENDING',
      numberOfItems: 8,
      errors: [],
      file: null,
    });

    const read = async () =>
      dataOf(await runOperation(stack, GetExportJobDocument, { id: job.id })).exportJob;
    expect(await read()).toMatchObject({ status: 'PENDING', startedAt: null });
    clock += START_AFTER_MS;
    expect(await read()).toMatchObject({
      status: 'IN_PROGRESS',
      startedAt: expect.any(String),
      completedAt: null,
    });
    clock += FINISH_AFTER_MS;
    const done = await read();
    expect(done).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', completedAt: expect.any(String) });
    expect([...(done?.errors ?? [])].sort()).toEqual(
      [...failures].map(([entry, reason]) => `${entry}: ${reason}`).sort(),
    );

    const listed = dataOf(await runOperation(stack, CompanyExportJobsDocument, { companyId: id }));
    expect(listed.company?.exportJobs.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ id: job.id, status: 'COMPLETED_WITH_ERRORS', numberOfItems: 8 }),
    );
  });

  it("passes employeeId, isInteractive and vendorBasedBookkeeping to Pleo and reads back the job's seed fields", async () => {
    const { id } = demoCompany(stack.sims, 'pleo');
    const entryIds = await pleoEntriesThatPartlyFail(stack, id);
    const employeeId = '7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09';
    const created = dataOf(
      await runOperation(stack, CreateExportJobDocument, {
        input: { companyId: id, entryIds, employeeId, isInteractive: false, vendorBasedBookkeeping: true },
      }),
    ).createExportJob;
    const job = dataOf(await runOperation(stack, GetExportJobDocument, { id: created.id })).exportJob;
    expect(job).toMatchObject({
      createdBy: employeeId,
      isInteractive: false,
      vendorBasedBookkeeping: true,
      expiresIn: expect.any(Number),
      expiredAt: null,
      lastUpdatedAt: expect.any(String),
      failureReasonType: null,
    });
    const jepilote = demoCompany(stack.sims, 'jepilote');
    const refused = await runOperation(stack, CreateExportJobDocument, {
      input: { companyId: jepilote.id, format: 'FEC', employeeId },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.employeeId',
    });
  });

  it('refuses a Pleo export without entries, or with entries of another company', async () => {
    const { id } = demoCompany(stack.sims, 'pleo');
    const none = await runOperation(stack, CreateExportJobDocument, { input: { companyId: id } });
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.entryIds' });
    const other = demoCompany(stack.sims, 'myunisoft');
    const foreign = await runOperation(stack, CreateExportJobDocument, {
      input: { companyId: id, entryIds: [other.id] },
    });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.entryIds.0',
    });
  });
});
