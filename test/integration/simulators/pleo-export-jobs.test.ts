/** Pleo simulator over HTTP: every export-job route under v1, v2 and v3, with its error statuses. */
import {
  OTHER_AUTH,
  call,
  entrySetWith,
  entryWithoutContra,
  exportableEntryIds,
  startPleo,
  type PleoFixture,
} from './pleo-http';

let fx: PleoFixture;
beforeAll(async () => {
  fx = await startPleo();
});
afterAll(() => fx.sim.close());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const EXPORT_JOB_FIELDS = [
  'companyId',
  'completedAt',
  'createdAt',
  'createdBy',
  'expiredAt',
  'expiresIn',
  'failureReason',
  'failureReasonType',
  'id',
  'isInteractive',
  'lastUpdatedAt',
  'numberOfItems',
  'startedAt',
  'status',
  'vendorBasedBookkeeping',
].sort();

describe.each(['v1', 'v2', 'v3'])('/%s export jobs', (version) => {
  const v = (path: string) => `/${version}${path}`;
  const company = () => fx.demoCompany.id;
  const create = (body: unknown, auth?: string) => call(fx.sim, 'POST', v('/export-jobs'), { body, auth });
  /** Lets the simulated integration finish whatever job the company is running. */
  const settle = () => fx.clock.advance(5_000);

  afterEach(settle);

  it('creates a job (201) with exactly the seed’s ExportJob fields', async () => {
    const ids = exportableEntryIds(fx, fx.demoCompany).slice(0, 3);
    const employeeId = '7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09';
    const res = await create({
      accountingEntryIds: ids,
      companyId: company(),
      employeeId,
      options: { vendorBasedBookkeeping: true },
    });
    expect(res.status).toBe(201);
    expect(res.contentType).toBe('application/json;charset=UTF-8');
    expect(Object.keys(res.body.data).sort()).toEqual(EXPORT_JOB_FIELDS);
    expect(res.body.data).toMatchObject({
      companyId: company(),
      createdBy: employeeId,
      isInteractive: true,
      numberOfItems: 3,
      status: 'pending',
      vendorBasedBookkeeping: true,
      startedAt: null,
      completedAt: null,
      expiresIn: 900,
      // Pleo's documented instant pattern: whole seconds, no milliseconds.
      createdAt: new Date(fx.clock.ms).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
  });

  it('answers 409 EXPORT_ALREADY_IN_PROGRESS while the company has a pending job, then accepts once it ends', async () => {
    const [a, b] = [
      exportableEntryIds(fx, fx.demoCompany).slice(4, 5),
      exportableEntryIds(fx, fx.demoCompany).slice(5, 6),
    ];
    expect((await create({ accountingEntryIds: a, companyId: company() })).status).toBe(201);
    const conflict = await create({ accountingEntryIds: b, companyId: company() });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({ type: 'EXPORT_ALREADY_IN_PROGRESS', message: expect.any(String) });
    fx.clock.advance(1_500); // in_progress still blocks
    expect((await create({ accountingEntryIds: b, companyId: company() })).status).toBe(409);
    settle();
    expect((await create({ accountingEntryIds: b, companyId: company() })).status).toBe(201);
  });

  it('answers 400 MISSING_CONTRA_ACCOUNTS when an entry has no contra account', async () => {
    const res = await create({
      accountingEntryIds: [entryWithoutContra(fx, fx.demoCompany)],
      companyId: company(),
    });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('MISSING_CONTRA_ACCOUNTS');
  });

  it.each([
    ['no companyId', { accountingEntryIds: [UNKNOWN] }],
    ['an empty accountingEntryIds', { accountingEntryIds: [], companyId: UNKNOWN }],
    ['a non-UUID entry id', { accountingEntryIds: ['42'], companyId: UNKNOWN }],
    [
      'a non-boolean isInteractive',
      { accountingEntryIds: [UNKNOWN], companyId: UNKNOWN, isInteractive: 'yes' },
    ],
  ])('answers 400 for %s', async (_label, body) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('VALIDATION_ERROR');
  });

  it('answers 400 for malformed JSON, and for entries of another company', async () => {
    const bad = await call(fx.sim, 'POST', v('/export-jobs'), { rawBody: '{"companyId":' });
    expect(bad.status).toBe(400);
    expect(bad.body.type).toBe('VALIDATION_ERROR');
    const foreign = exportableEntryIds(fx, fx.secondDemoCompany).slice(0, 1);
    const res = await create({ accountingEntryIds: foreign, companyId: company() });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('ACCOUNTING_ENTRY_DOES_NOT_EXIST');
  });

  it('answers 403 for a company of another account and 401 without credentials', async () => {
    const ids = exportableEntryIds(fx, fx.otherCompany).slice(0, 1);
    expect((await create({ accountingEntryIds: ids, companyId: fx.otherCompany.id })).status).toBe(403);
    expect((await call(fx.sim, 'POST', v('/export-jobs'), { body: {}, auth: null })).status).toBe(401);
  });

  it('gets a job by id, and answers 404 EXPORT_NOT_FOUND for an unknown or foreign job', async () => {
    const created = await create({
      accountingEntryIds: exportableEntryIds(fx, fx.demoCompany).slice(6, 8),
      companyId: company(),
    });
    const id = created.body.data.id;
    const res = await call(fx.sim, 'GET', v(`/export-jobs/${id}`));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(created.body.data);
    const unknown = await call(fx.sim, 'GET', v(`/export-jobs/${UNKNOWN}`));
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe('EXPORT_NOT_FOUND');
    expect((await call(fx.sim, 'GET', v(`/export-jobs/${id}`), { auth: OTHER_AUTH })).status).toBe(404);
  });

  it('lists a company’s jobs newest first, filtered by statuses[], with pagination', async () => {
    const second = fx.secondDemoCompany.id;
    const ids = exportableEntryIds(fx, fx.secondDemoCompany);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await create({ accountingEntryIds: ids.slice(i, i + 1), companyId: second });
      made.unshift(res.body.data.id);
      settle();
    }
    const running = await create({ accountingEntryIds: ids.slice(10, 11), companyId: second });
    made.unshift(running.body.data.id);
    const all = await call(fx.sim, 'GET', v(`/export-jobs?company_id=${second}&limit=100`));
    const listed: string[] = all.body.data.map((job: { id: string }) => job.id);
    expect(listed.slice(0, 4)).toEqual(made);
    const pending = await call(fx.sim, 'GET', v(`/export-jobs?company_id=${second}&statuses[]=pending`));
    expect(pending.body.data.map((job: { id: string }) => job.id)).toEqual([running.body.data.id]);
    const ended = await call(
      fx.sim,
      'GET',
      v(
        `/export-jobs?company_id=${second}&statuses[]=completed&statuses[]=completed_with_errors&statuses[]=failed`,
      ),
    );
    expect(ended.body.pagination.total).toBe(all.body.pagination.total - 1);
    const page1 = await call(fx.sim, 'GET', v(`/export-jobs?company_id=${second}&limit=2`));
    expect(page1.body.pagination).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = await call(
      fx.sim,
      'GET',
      v(`/export-jobs?company_id=${second}&limit=2&after=${page1.body.pagination.endCursor}`),
    );
    expect(page2.body.data.map((job: { id: string }) => job.id)).toEqual(listed.slice(2, 4));
    const back = await call(
      fx.sim,
      'GET',
      v(`/export-jobs?company_id=${second}&limit=2&before=${page2.body.pagination.startCursor}`),
    );
    expect(back.body.data.map((job: { id: string }) => job.id)).toEqual(listed.slice(0, 2));
    const byOffset = await call(fx.sim, 'GET', v(`/export-jobs?company_id=${second}&limit=1&offset=1`));
    expect(byOffset.body.data[0].id).toBe(listed[1]);
  });

  it('answers 400 for a list without company_id, an unknown status or a bad limit; 403 for a foreign company', async () => {
    expect((await call(fx.sim, 'GET', v('/export-jobs'))).status).toBe(400);
    expect(
      (await call(fx.sim, 'GET', v(`/export-jobs?company_id=${company()}&statuses[]=done`))).status,
    ).toBe(400);
    expect((await call(fx.sim, 'GET', v(`/export-jobs?company_id=${company()}&limit=500`))).status).toBe(400);
    expect((await call(fx.sim, 'GET', v(`/export-jobs?company_id=${fx.otherCompany.id}`))).status).toBe(403);
  });

  it('lists and updates a job’s items (GET|PUT /export-jobs/{id}/items)', async () => {
    const ids = exportableEntryIds(fx, fx.demoCompany).slice(10, 15);
    const job = (await create({ accountingEntryIds: ids, companyId: company() })).body.data;
    const items = await call(fx.sim, 'GET', v(`/export-jobs/${job.id}/items?limit=2`));
    expect(items.status).toBe(200);
    expect(items.body.data).toHaveLength(2);
    expect(items.body.data[0]).toMatchObject({
      accountingEntryId: ids[0],
      exportJobId: job.id,
      status: 'pending',
      failureReason: null,
    });
    expect(items.body.pagination).toMatchObject({ total: 5, hasNextPage: true });
    const rest = await call(
      fx.sim,
      'GET',
      v(`/export-jobs/${job.id}/items?after=${items.body.pagination.endCursor}`),
    );
    expect(rest.body.data.map((i: { accountingEntryId: string }) => i.accountingEntryId)).toEqual(
      ids.slice(2),
    );

    const put = await call(fx.sim, 'PUT', v(`/export-jobs/${job.id}/items`), {
      body: [
        {
          accountingEntryId: ids[0],
          status: 'successful',
          externalId: 'ERP-1',
          externalUrl: 'https://erp.test/1',
        },
        { accountingEntryId: ids[1], status: 'failed', failureReason: 'account_unknown' },
        { accountingEntryId: UNKNOWN, status: 'successful' },
      ],
    });
    expect(put.status).toBe(200);
    expect(put.body.data.map((i: { status: string }) => i.status)).toEqual(['successful', 'failed']);
    expect(put.body.data[0]).toMatchObject({ externalId: 'ERP-1', externalUrl: 'https://erp.test/1' });
    expect(put.body.errors).toEqual([
      { accountingEntryId: UNKNOWN, message: expect.any(String), type: 'ACCOUNTING_ENTRY_DOES_NOT_EXIST' },
    ]);
    const failed = await call(fx.sim, 'GET', v(`/export-jobs/${job.id}/items?status=failed`));
    expect(failed.body.data).toEqual([
      expect.objectContaining({ accountingEntryId: ids[1], failureReason: 'account_unknown' }),
    ]);
    expect((await call(fx.sim, 'GET', v(`/export-jobs/${job.id}/items?status=lost`))).status).toBe(400);
    expect((await call(fx.sim, 'GET', v(`/export-jobs/${UNKNOWN}/items`))).status).toBe(404);
    // The client now drives the job: end it so the company is free again.
    expect(
      (await call(fx.sim, 'POST', v('/export-job-events'), { body: { jobId: job.id, event: 'failed' } }))
        .status,
    ).toBe(202);
  });

  it('refuses item updates: 413 above 100, 400 when malformed, 422 once the job is finished, 404 unknown job', async () => {
    const ids = exportableEntryIds(fx, fx.demoCompany).slice(15, 16);
    const job = (await create({ accountingEntryIds: ids, companyId: company() })).body.data;
    const tooMany = Array.from({ length: 101 }, () => ({ accountingEntryId: ids[0], status: 'successful' }));
    const limit = await call(fx.sim, 'PUT', v(`/export-jobs/${job.id}/items`), { body: tooMany });
    expect(limit.status).toBe(413);
    expect(limit.body.type).toBe('EXPORT_JOB_ITEMS_UPDATE_LIMIT');
    expect(
      (await call(fx.sim, 'PUT', v(`/export-jobs/${job.id}/items`), { body: tooMany.slice(0, 100) })).status,
    ).toBe(200);
    expect(
      (await call(fx.sim, 'PUT', v(`/export-jobs/${job.id}/items`), { body: { items: [] } })).status,
    ).toBe(400);
    expect(
      (
        await call(fx.sim, 'PUT', v(`/export-jobs/${job.id}/items`), {
          body: [{ accountingEntryId: ids[0], status: 'done' }],
        })
      ).status,
    ).toBe(400);
    await call(fx.sim, 'POST', v('/export-job-events'), { body: { jobId: job.id, event: 'failed' } });
    const finished = await call(fx.sim, 'PUT', v(`/export-jobs/${job.id}/items`), {
      body: [{ accountingEntryId: ids[0], status: 'successful' }],
    });
    expect(finished.status).toBe(422);
    expect(finished.body.type).toBe('EXPORT_JOB_STATUS_UNPROCESSABLE');
    expect((await call(fx.sim, 'PUT', v(`/export-jobs/${UNKNOWN}/items`), { body: [] })).status).toBe(404);
  });

  it('accepts export-job events (202) and refuses changes from a terminal state (422)', async () => {
    const ids = exportableEntryIds(fx, fx.demoCompany).slice(16, 18);
    const job = (await create({ accountingEntryIds: ids, companyId: company() })).body.data;
    const event = (body: unknown) => call(fx.sim, 'POST', v('/export-job-events'), { body });
    const started = await event({ jobId: job.id, event: 'started' });
    expect(started.status).toBe(202);
    expect(started.body).toBeNull();
    expect((await call(fx.sim, 'GET', v(`/export-jobs/${job.id}`))).body.data.status).toBe('in_progress');
    expect((await event({ jobId: job.id, event: 'completed' })).status).toBe(202);
    const again = await event({
      jobId: job.id,
      event: 'failed',
      failureReason: 'late',
      failureReasonType: 'canceled_by_user',
    });
    expect(again.status).toBe(422);
    expect(again.body.type).toBe('INVALID_EXPORT_JOB_STATUS_CHANGE');
    expect((await event({ jobId: job.id, event: 'paused' })).status).toBe(400);
    expect((await event({ jobId: job.id, event: 'failed', failureReasonType: 'bored' })).status).toBe(400);
    expect((await event({ jobId: UNKNOWN, event: 'started' })).status).toBe(404);
  });

  it('serves the accounting data of a pending job (GET /export-items), then 422 once it ends', async () => {
    const ids = entrySetWith(fx, fx.demoCompany, 3, () => true);
    const job = (
      await create({
        accountingEntryIds: ids,
        companyId: company(),
        options: { vendorBasedBookkeeping: false },
      })
    ).body.data;
    const res = await call(fx.sim, 'GET', v(`/export-items?job_id=${job.id}&limit=2`));
    expect(res.status).toBe(200);
    expect(res.body.pagination).toMatchObject({ total: 3, hasNextPage: true });
    const [item] = res.body.data;
    expect(item).toMatchObject({
      accountingEntryId: ids[0],
      type: expect.any(String),
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      amount: {
        inSupplierCurrency: { currency: 'EUR', value: expect.any(Number) },
        inWalletCurrency: { currency: 'EUR', value: expect.any(Number) },
      },
      supplier: { name: expect.any(String) },
      vendor: null,
      user: { id: expect.any(String), name: expect.any(String) },
      files: expect.any(Array),
    });
    expect(item.accountingEntryLines[0]).toEqual(
      expect.objectContaining({
        lineAmount: expect.any(Object),
        netAmount: expect.any(Object),
        account: expect.any(Object),
      }),
    );
    expect((await call(fx.sim, 'GET', v('/export-items'))).status).toBe(400);
    expect((await call(fx.sim, 'GET', v(`/export-items?job_id=${UNKNOWN}`))).status).toBe(404);
    settle();
    const late = await call(fx.sim, 'GET', v(`/export-items?job_id=${job.id}`));
    expect(late.status).toBe(422);
    expect(late.body.type).toBe('EXPORT_JOB_STATUS_UNPROCESSABLE');
  });
});
