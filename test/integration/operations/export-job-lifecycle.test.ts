/**
 * The Pleo export job lifecycle through the gateway, over HTTP against the Pleo simulator: an
 * accounting integration moves a job (POST /v3/export-job-events) and reports its items (PUT
 * /v3/export-jobs/{jobId}/items), so the company's next export is not refused as already in progress.
 * The simulators' clock is the test's: auto-run jobs never move on their own here.
 */
import { randomUUID } from 'node:crypto';
import {
  CompanyEntriesDocument,
  CompanyExportJobsDocument,
  CreateExportJobDocument,
  UpdateExportJobItemsDocument,
  UpdateExportJobStatusDocument,
  type UpdateExportJobStatusMutationVariables,
} from '@grand-livre/sdk';
import { companyGlobalId, decodeGlobalId, encodeGlobalId } from '../../../src/domain/ids';
import { JOB_TTL_SECONDS } from '../../../src/simulators/pleo/jobs';
import { dataOf, runOperation } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import { demoCompany } from './fixtures';

let stack: Stack;
let clock = Date.parse('2026-11-20T09:00:00Z');
beforeAll(async () => {
  stack = await startStack({
    now: () => clock,
    configure: (config) => ({ ...config, logLevel: 'silent' }),
  });
});
afterAll(() => stack.close());
beforeEach(() => stack.sims.simulators.pleo.faults.clear());
// Every job of a test ends before the next: unfinished client-driven ones expire.
afterEach(() => void (clock += (JOB_TTL_SECONDS + 60) * 1000));

const pleo = () => stack.sims.simulators.pleo;
const pleoCompany = (index: number) =>
  companyGlobalId('PLEO', stack.sims.dataset.companiesOf('pleo', 'demo')[index]!.id);
const pleoCalls = (method: string, path: RegExp) =>
  pleo().requests.filter((r) => r.method === method && path.test(r.path)).length;
const EVENTS = /^\/v3\/export-job-events$/;
const ITEMS = /^\/v3\/export-jobs\/[^/]+\/items$/;

/** A well-formed id of a job of the company that Pleo does not have. */
const jobNobodyMade = (companyId: string) =>
  encodeGlobalId({
    type: 'ExportJob',
    provider: 'PLEO',
    companyId: decodeGlobalId(companyId, 'id').companyId,
    nativeId: randomUUID(),
  });

/** An access token of the demo key with these scopes. */
async function tokenWith(scopes: string[]): Promise<string> {
  const minted = await stack.gql<{ createAccessToken: { token: string } }>(
    `mutation($input: CreateAccessTokenInput!) { createAccessToken(input: $input) { token } }`,
    { input: { scopes } },
  );
  return minted.body.data!.createAccessToken.token;
}

/** Entries Pleo exports (bank fees have no contra account). */
async function exportable(companyId: string, count: number): Promise<string[]> {
  const data = dataOf(await runOperation(stack, CompanyEntriesDocument, { companyId, first: 50 }));
  const ids = (data.company?.entries.edges ?? [])
    .filter((edge) => edge.node.journal.type !== 'fee')
    .map((edge) => edge.node.id)
    .slice(0, count);
  expect(ids).toHaveLength(count);
  return ids;
}

async function createJob(companyId: string, entryIds: string[]) {
  const result = await runOperation(stack, CreateExportJobDocument, { input: { companyId, entryIds } });
  const job = dataOf(result).createExportJob;
  expect(job.status).toBe('PENDING');
  return job.id;
}

const moveJob = (input: UpdateExportJobStatusMutationVariables['input'], apiKey?: string) =>
  runOperation(stack, UpdateExportJobStatusDocument, { input }, apiKey);

describe('updateExportJobStatus and updateExportJobItems (Pleo)', () => {
  it('run a job create → STARTED → items → COMPLETED, after which the company exports again', async () => {
    const companyId = pleoCompany(0);
    const entryIds = await exportable(companyId, 3);
    const exportJobId = await createJob(companyId, entryIds);
    // Pleo runs one job per company: while this one is pending, another create is refused.
    const meanwhile = await runOperation(stack, CreateExportJobDocument, {
      input: { companyId, entryIds: entryIds.slice(0, 1) },
    });
    expect(meanwhile.errors?.[0]?.extensions).toMatchObject({ upstreamStatus: 409 });

    const started = dataOf(await moveJob({ exportJobId, event: 'STARTED' })).updateExportJobStatus;
    expect(started).toMatchObject({ id: exportJobId, status: 'IN_PROGRESS', completedAt: null });
    expect(started.startedAt).toBe(new Date(clock).toISOString());

    const unknownEntry = encodeGlobalId({
      ...decodeGlobalId(entryIds[0]!, 'id'),
      nativeId: '00000000-0000-4000-8000-000000000000',
    });
    const items = dataOf(
      await runOperation(stack, UpdateExportJobItemsDocument, {
        input: {
          exportJobId,
          items: [
            {
              entryId: entryIds[0]!,
              status: 'SUCCESSFUL',
              externalId: 'GL-1',
              externalUrl: 'https://erp.example/1',
            },
            { entryId: unknownEntry, status: 'SUCCESSFUL' },
            { entryId: entryIds[1]!, status: 'FAILED', failureReason: 'account_unknown' },
          ],
        },
      }),
    ).updateExportJobItems;
    expect(items.items).toEqual([
      expect.objectContaining({ entryId: entryIds[0], status: 'SUCCESSFUL', externalId: 'GL-1' }),
      expect.objectContaining({ entryId: entryIds[1], status: 'FAILED', failureReason: 'account_unknown' }),
    ]);
    // Typed, and no text of Pleo's: the index of the update and a code.
    expect(items.errors).toEqual([{ index: 1, entryId: unknownEntry, code: 'ENTRY_NOT_IN_JOB' }]);

    const done = dataOf(await moveJob({ exportJobId, event: 'COMPLETED_WITH_ERRORS' })).updateExportJobStatus;
    expect(done).toMatchObject({
      status: 'COMPLETED_WITH_ERRORS',
      completedAt: new Date(clock).toISOString(),
    });
    expect(done.errors).toEqual([`${decodeGlobalId(entryIds[1]!, 'id').nativeId}: account_unknown`]);

    const next = await runOperation(stack, CreateExportJobDocument, {
      input: { companyId, entryIds: entryIds.slice(0, 1) },
    });
    expect(next.errors).toBeUndefined();
    expect(next.data?.createExportJob.status).toBe('PENDING');
  });

  it('refuse an event on a finished job with a typed error naming input.event, not Pleo’s text', async () => {
    const companyId = pleoCompany(1);
    const exportJobId = await createJob(companyId, await exportable(companyId, 2));
    dataOf(await moveJob({ exportJobId, event: 'STARTED' }));
    dataOf(await moveJob({ exportJobId, event: 'COMPLETED' }));
    const again = await moveJob({
      exportJobId,
      event: 'FAILED',
      failureReasonType: 'ACCOUNTING_SYSTEM_UNREACHABLE',
    });
    expect(again.data?.updateExportJobStatus ?? null).toBeNull();
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.event' });
    expect(again.errors?.[0]?.message).toMatch(/COMPLETED/);
    expect(again.errors?.[0]?.message).not.toMatch(/is not allowed on a/);
    // Items of a finished job: Pleo's 422, said of the job.
    const items = await runOperation(stack, UpdateExportJobItemsDocument, {
      input: { exportJobId, items: [{ entryId: (await exportable(companyId, 1))[0]!, status: 'FAILED' }] },
    });
    expect(items.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.exportJobId',
    });
  });

  it('refuse 101 items and a bad item status before any upstream call', async () => {
    const companyId = pleoCompany(0);
    const [entryId] = await exportable(companyId, 1);
    const exportJobId = jobNobodyMade(companyId);
    pleo().resetRequests();
    const tooMany = await runOperation(stack, UpdateExportJobItemsDocument, {
      input: {
        exportJobId,
        items: Array.from({ length: 101 }, () => ({ entryId: entryId!, status: 'SUCCESSFUL' as const })),
      },
    });
    // Refused before execution (the whole operation, HTTP 400), not by the resolver.
    expect({ status: tooMany.status, data: tooMany.data }).toEqual({ status: 400, data: undefined });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items' });
    const pending = await runOperation(stack, UpdateExportJobItemsDocument, {
      input: { exportJobId, items: [{ entryId: entryId!, status: 'PENDING' }] },
    });
    expect(pending.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.items.0.status',
    });
    const reason = await moveJob({ exportJobId, event: 'COMPLETED', failureReason: 'no' });
    expect(reason.errors?.[0]?.extensions).toMatchObject({ field: 'input.failureReason' });
    expect(pleo().requests).toEqual([]);
  });

  it('reconcile a retried event whose answer was lost by reading the job: one POST, no 422', async () => {
    const companyId = pleoCompany(1);
    const exportJobId = await createJob(companyId, await exportable(companyId, 2));
    const input = { exportJobId, event: 'STARTED' as const, idempotencyKey: randomUUID() };
    pleo().faults.add({
      kind: 'reset_after_commit',
      method: 'POST',
      path: '^/v3/export-job-events$',
      times: 1,
    });
    const lost = await moveJob(input);
    expect(lost.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_OUTCOME_UNCERTAIN');
    const posted = pleoCalls('POST', EVENTS);
    const retried = await moveJob(input);
    expect(retried.errors).toBeUndefined();
    expect(retried.data?.updateExportJobStatus).toMatchObject({ id: exportJobId, status: 'IN_PROGRESS' });
    expect(pleoCalls('POST', EVENTS)).toBe(posted);
  });

  it('need the EXPORT scope: a READ-only access token is FORBIDDEN before any call', async () => {
    const token = await tokenWith(['READ']);
    const companyId = pleoCompany(0);
    const exportJobId = jobNobodyMade(companyId);
    pleo().resetRequests();
    const status = await moveJob({ exportJobId, event: 'STARTED' }, token);
    expect(status.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [entryId] = await exportable(companyId, 1);
    pleo().resetRequests();
    const items = await runOperation(
      stack,
      UpdateExportJobItemsDocument,
      { input: { exportJobId, items: [{ entryId: entryId!, status: 'SUCCESSFUL' }] } },
      token,
    );
    expect(items.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(pleoCalls('GET', /export-jobs/) + pleoCalls('POST', EVENTS) + pleoCalls('PUT', ITEMS)).toBe(0);
    // An EXPORT token runs it (the job is unknown at Pleo: NOT_FOUND, after asking).
    const allowed = await moveJob({ exportJobId, event: 'STARTED' }, await tokenWith(['EXPORT']));
    expect(allowed.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.exportJobId' });
  });

  it('read a COMPLETED_WITH_ERRORS job’s failed items only when errors is selected', async () => {
    const companyId = pleoCompany(1);
    const entryIds = await exportable(companyId, 2);
    const exportJobId = await createJob(companyId, entryIds);
    dataOf(await moveJob({ exportJobId, event: 'STARTED' }));
    dataOf(
      await runOperation(stack, UpdateExportJobItemsDocument, {
        input: {
          exportJobId,
          items: [{ entryId: entryIds[0]!, status: 'FAILED', failureReason: 'account_unknown' }],
        },
      }),
    );
    const jobPath = `/v3/export-jobs/${decodeGlobalId(exportJobId, 'id').nativeId}`;
    const asked = () => pleo().requests.map((r) => `${r.method} ${r.path}`);

    // The read-back of the last event, status only: before, 4 calls (the failed items too).
    pleo().resetRequests();
    const done = await stack.gql<{ updateExportJobStatus: { status: string } }>(
      `mutation ($input: UpdateExportJobStatusInput!) { updateExportJobStatus(input: $input) { id status } }`,
      { input: { exportJobId, event: 'COMPLETED_WITH_ERRORS' } },
    );
    expect(done.body.data?.updateExportJobStatus.status).toBe('COMPLETED_WITH_ERRORS');
    expect(asked()).toEqual([`GET ${jobPath}`, 'POST /v3/export-job-events', `GET ${jobPath}`]);

    // The documented page of jobs selects no errors: one listing, not one more call per such job.
    pleo().resetRequests();
    const page = dataOf(await runOperation(stack, CompanyExportJobsDocument, { companyId, first: 50 }));
    expect(page.company?.exportJobs.edges.map((e) => e.node.id)).toContain(exportJobId);
    expect(asked()).toEqual(['GET /v3/export-jobs']);

    // Selected, the failed items are read once per such job, as before.
    pleo().resetRequests();
    const withErrors = await stack.gql<{
      company: { exportJobs: { edges: { node: { id: string; status: string; errors: string[] } }[] } };
    }>(
      `query ($id: ID!) { company(id: $id) { exportJobs(first: 50) { edges { node { id status errors } } } } }`,
      {
        id: companyId,
      },
    );
    const jobs = withErrors.body.data?.company.exportJobs.edges.map((e) => e.node) ?? [];
    expect(jobs.find((job) => job.id === exportJobId)?.errors).toEqual([
      `${decodeGlobalId(entryIds[0]!, 'id').nativeId}: account_unknown`,
    ]);
    const withItemErrors = jobs.filter((job) => job.status === 'COMPLETED_WITH_ERRORS').length;
    expect(asked()).toHaveLength(1 + withItemErrors);
    expect(pleoCalls('GET', /\/items$/)).toBe(withItemErrors);
  });

  it('answer UNSUPPORTED_BY_PROVIDER for a Jepilote export job', async () => {
    const jepilote = demoCompany(stack.sims, 'jepilote');
    const job = dataOf(
      await runOperation(stack, CreateExportJobDocument, {
        input: { companyId: jepilote.id, format: 'FEC' },
      }),
    ).createExportJob;
    const status = await moveJob({ exportJobId: job.id, event: 'COMPLETED' });
    expect(status.errors?.[0]?.extensions).toMatchObject({
      code: 'UNSUPPORTED_BY_PROVIDER',
      provider: 'JEPILOTE',
      capability: 'EXPORT_JOB_LIFECYCLE',
    });
    const entryId = encodeGlobalId({ ...decodeGlobalId(job.id, 'id'), type: 'Entry', nativeId: 'e1' });
    const items = await runOperation(stack, UpdateExportJobItemsDocument, {
      input: { exportJobId: job.id, items: [{ entryId, status: 'SUCCESSFUL' }] },
    });
    expect(items.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER' });
  });
});
