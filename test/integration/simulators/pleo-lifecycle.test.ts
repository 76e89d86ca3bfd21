/** Pleo simulator: export jobs move over time (controlled clock) and through an integration's events. */
import { FINISH_AFTER_MS, START_AFTER_MS } from '../../../src/simulators/pleo/lifecycle';
import { JOB_TTL_SECONDS } from '../../../src/simulators/pleo/jobs';
import { call, entrySetWith, exportableEntryIds, startPleo, type PleoFixture } from './pleo-http';

let fx: PleoFixture;
beforeAll(async () => {
  fx = await startPleo();
});
afterAll(() => fx.sim.close());
// Each test starts with the company free of running jobs.
afterEach(() => fx.clock.advance(JOB_TTL_SECONDS * 1000 + FINISH_AFTER_MS));

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const create = async (ids: string[], extra: Record<string, unknown> = {}) => {
  const res = await call(fx.sim, 'POST', '/v3/export-jobs', {
    body: { accountingEntryIds: ids, companyId: fx.demoCompany.id, ...extra },
  });
  expect(res.status).toBe(201);
  return res.body.data as { id: string; createdAt: string };
};
const job = async (id: string) => (await call(fx.sim, 'GET', `/v3/export-jobs/${id}`)).body.data;
const itemStatuses = async (id: string) =>
  (await call(fx.sim, 'GET', `/v3/export-jobs/${id}/items?limit=100`)).body.data.map(
    (i: { status: string }) => i.status,
  );
const event = (body: Record<string, unknown>) => call(fx.sim, 'POST', '/v3/export-job-events', { body });

describe('jobs run by the simulated integration', () => {
  it('go pending → in_progress → completed on the clock', async () => {
    const ids = entrySetWith(fx, fx.demoCompany, 3, (o) => !o.failure && o.itemFailures.size === 0);
    const t0 = fx.clock.ms;
    const created = await create(ids);
    fx.clock.advance(START_AFTER_MS - 1);
    expect((await job(created.id)).status).toBe('pending');
    fx.clock.advance(1);
    expect(await job(created.id)).toMatchObject({
      status: 'in_progress',
      startedAt: iso(t0 + START_AFTER_MS),
      completedAt: null,
    });
    expect(await itemStatuses(created.id)).toEqual(['in_progress', 'in_progress', 'in_progress']);
    fx.clock.advance(FINISH_AFTER_MS);
    expect(await job(created.id)).toMatchObject({
      status: 'completed',
      completedAt: iso(t0 + FINISH_AFTER_MS),
      failureReasonType: null,
    });
    expect(await itemStatuses(created.id)).toEqual(['successful', 'successful', 'successful']);
  });

  it('end completed_with_errors when some items fail, with the failure reasons on the items', async () => {
    const ids = entrySetWith(fx, fx.demoCompany, 4, (o) => !o.failure && o.itemFailures.size > 0);
    const created = await create(ids);
    fx.clock.advance(FINISH_AFTER_MS);
    expect((await job(created.id)).status).toBe('completed_with_errors');
    const failed = (await call(fx.sim, 'GET', `/v3/export-jobs/${created.id}/items?status=failed`)).body.data;
    expect(failed.length).toBeGreaterThan(0);
    for (const item of failed) {
      expect([
        'account_unknown',
        'tax_code_unknown',
        'receipt_upload_failure',
        'accounting_system_validation_failure',
      ]).toContain(item.failureReason);
    }
  });

  it('sometimes fail with a failureReasonType, abandoning the unfinished items', async () => {
    const ids = entrySetWith(fx, fx.demoCompany, 4, (o) => o.failure !== null);
    const created = await create(ids);
    fx.clock.advance(FINISH_AFTER_MS);
    const failed = await job(created.id);
    expect(failed.status).toBe('failed');
    expect(failed.failureReasonType).toMatch(/^accounting_system_|^missing_configuration$/);
    expect(failed.failureReason).toEqual(expect.any(String));
    expect(await itemStatuses(created.id)).toEqual(['successful', 'successful', 'abandoned', 'abandoned']);
  });

  it('include vendor data in export items only with vendor-based bookkeeping', async () => {
    const created = await create(exportableEntryIds(fx, fx.demoCompany).slice(0, 1), {
      options: { vendorBasedBookkeeping: true },
    });
    const items = await call(fx.sim, 'GET', `/v3/export-items?job_id=${created.id}`);
    expect(items.body.data[0].vendor).toEqual({ id: expect.any(String), name: expect.any(String) });
  });
});

describe('jobs driven by an integration’s events', () => {
  it('stop moving on the clock once the client acts, and follow its events', async () => {
    const ids = exportableEntryIds(fx, fx.demoCompany).slice(20, 23);
    const created = await create(ids);
    expect((await event({ jobId: created.id, event: 'started' })).status).toBe(202);
    const startedAt = fx.clock.ms;
    fx.clock.advance(60_000);
    expect(await job(created.id)).toMatchObject({ status: 'in_progress', startedAt: iso(startedAt) });
    await call(fx.sim, 'PUT', `/v3/export-jobs/${created.id}/items`, {
      body: [{ accountingEntryId: ids[0], status: 'failed', failureReason: 'tax_code_unknown' }],
    });
    expect((await event({ jobId: created.id, event: 'completed_with_errors' })).status).toBe(202);
    expect(await job(created.id)).toMatchObject({
      status: 'completed_with_errors',
      completedAt: iso(fx.clock.ms),
    });
    expect(await itemStatuses(created.id)).toEqual(['failed', 'successful', 'successful']);
  });

  it('fail from pending with the client’s reason, abandoning every item', async () => {
    const created = await create(exportableEntryIds(fx, fx.demoCompany).slice(23, 25));
    const res = await event({
      jobId: created.id,
      event: 'failed',
      failureReason: 'Cancelled in the ERP',
      failureReasonType: 'canceled_by_user',
    });
    expect(res.status).toBe(202);
    expect(await job(created.id)).toMatchObject({
      status: 'failed',
      failureReason: 'Cancelled in the ERP',
      failureReasonType: 'canceled_by_user',
    });
    expect(await itemStatuses(created.id)).toEqual(['abandoned', 'abandoned']);
  });

  it('refuse completing a job that never started, and starting twice', async () => {
    const created = await create(exportableEntryIds(fx, fx.demoCompany).slice(25, 26));
    expect((await event({ jobId: created.id, event: 'completed' })).status).toBe(422);
    expect((await event({ jobId: created.id, event: 'started' })).status).toBe(202);
    expect((await event({ jobId: created.id, event: 'started' })).status).toBe(422);
  });

  it('expire with job_expired when expiresIn passes without action; an item update restarts the countdown', async () => {
    const ids = exportableEntryIds(fx, fx.demoCompany).slice(26, 28);
    const created = await create(ids);
    await event({ jobId: created.id, event: 'started' });
    fx.clock.advance(JOB_TTL_SECONDS * 1000 - 1_000);
    const put = await call(fx.sim, 'PUT', `/v3/export-jobs/${created.id}/items`, {
      body: [{ accountingEntryId: ids[0], status: 'successful' }],
    });
    expect(put.status).toBe(200);
    const lastAction = fx.clock.ms;
    fx.clock.advance(JOB_TTL_SECONDS * 1000 - 1);
    expect((await job(created.id)).status).toBe('in_progress');
    fx.clock.advance(1);
    const expired = await job(created.id);
    expect(expired).toMatchObject({
      status: 'failed',
      failureReasonType: 'job_expired',
      expiredAt: iso(lastAction + JOB_TTL_SECONDS * 1000),
      expiresIn: JOB_TTL_SECONDS,
    });
    expect(await itemStatuses(created.id)).toEqual(['successful', 'abandoned']);
    expect((await event({ jobId: created.id, event: 'completed' })).status).toBe(422);
  });
});
