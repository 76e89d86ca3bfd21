/** Pleo simulator over HTTP: authentication, accounting entries (search + get), receipt files. */
import { request } from 'undici';
import { DEMO_AUTH, OTHER_AUTH, call, startPleo, type PleoFixture } from './pleo-http';

let fx: PleoFixture;
beforeAll(async () => {
  fx = await startPleo();
});
afterAll(() => fx.sim.close());

const search = (companyId: string, query = '', body: unknown = {}, auth?: string | null) =>
  call(fx.sim, 'POST', `/v1/accounting-entries:search?company_id=${companyId}${query}`, { body, auth });

describe('authentication', () => {
  const path = () => `/v3/export-jobs?company_id=${fx.demoCompany.id}`;

  it('accepts Basic with the API key and an empty password', async () => {
    const res = await call(fx.sim, 'GET', path(), { auth: DEMO_AUTH });
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/json;charset=UTF-8');
  });

  it('accepts a Bearer token for the other account', async () => {
    const res = await call(fx.sim, 'GET', `/v2/export-jobs?company_id=${fx.otherCompany.id}`, {
      auth: OTHER_AUTH,
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['no header', null],
    ['a wrong bearer token', 'Bearer not-a-token'],
    ['a wrong API key', `Basic ${Buffer.from('wrong:').toString('base64')}`],
    ['a non-empty basic password', `Basic ${Buffer.from('pleo-demo-api-key-b7e1c09a:x').toString('base64')}`],
    ['the API key sent as a bearer token', 'Bearer pleo-demo-api-key-b7e1c09a'],
    ['an unknown scheme', 'Digest abc'],
  ])('answers 401 with %s', async (_label, auth) => {
    const res = await call(fx.sim, 'GET', path(), { auth });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ type: 'UNAUTHORIZED', message: expect.any(String) });
    expect(res.contentType).toBe('application/json;charset=UTF-8');
  });

  it('answers 403 for a company of another account, and for an unknown company', async () => {
    expect((await call(fx.sim, 'GET', `/v1/export-jobs?company_id=${fx.otherCompany.id}`)).status).toBe(403);
    const unknown = await search('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(403);
    expect(unknown.body.type).toBe('FORBIDDEN');
  });

  it('answers unknown routes with 404 in the same error shape', async () => {
    const res = await call(fx.sim, 'GET', '/v4/export-jobs');
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('NOT_FOUND');
  });
});

describe('POST /v1/accounting-entries:search', () => {
  it('pages forward with after cursors through every entry of the company', async () => {
    const seen: string[] = [];
    let after = '';
    for (;;) {
      const res = await search(fx.demoCompany.id, `&limit=50${after ? `&after=${after}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((e: { id: string }) => e.id));
      expect(res.body.pagination.total).toBe(120);
      if (!res.body.pagination.hasNextPage) break;
      after = res.body.pagination.endCursor;
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen).toEqual(fx.index.entriesOf(fx.demoCompany).map((ref) => ref.uuid));
  });

  it('defaults to 20 entries and reports the request it answered', async () => {
    const res = await search(fx.demoCompany.id);
    expect(res.body.data).toHaveLength(20);
    expect(res.body.pagination).toMatchObject({ hasNextPage: true, hasPreviousPage: false, total: 120 });
    expect(res.body.pagination.currentRequestPagination).toEqual({
      before: null,
      after: null,
      offset: null,
      limit: 20,
    });
  });

  it('pages backward with before, and by offset', async () => {
    const second = await search(fx.demoCompany.id, '&offset=10&limit=10');
    expect(second.body.pagination.hasPreviousPage).toBe(true);
    const back = await search(fx.demoCompany.id, `&limit=5&before=${second.body.pagination.startCursor}`);
    const firstTen = await search(fx.demoCompany.id, '&limit=10');
    expect(back.body.data.map((e: { id: string }) => e.id)).toEqual(
      firstTen.body.data.slice(5).map((e: { id: string }) => e.id),
    );
    expect(back.body.pagination).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it.each(['&limit=0', '&limit=101', '&limit=abc', '&offset=-1', '&after=bm9wZQ', '&after=a&before=b'])(
    'answers 400 for %s',
    async (query) => {
      const res = await search(fx.demoCompany.id, query);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('VALIDATION_ERROR');
    },
  );

  it('answers 400 without company_id, and for unknown body filters', async () => {
    expect((await call(fx.sim, 'POST', '/v1/accounting-entries:search', { body: {} })).status).toBe(400);
    expect((await search(fx.demoCompany.id, '', { filters: { color: 'red' } })).status).toBe(400);
  });

  it('filters by accounting date', async () => {
    const res = await search(fx.demoCompany.id, '&limit=100', {
      filters: { dateFrom: '2025-01-01', dateTo: '2025-12-31' },
    });
    expect(res.body.pagination.total).toBe(40);
    for (const entry of res.body.data) expect(entry.date.slice(0, 4)).toBe('2025');
  });

  it('answers 401 without credentials', async () => {
    expect((await search(fx.demoCompany.id, '', {}, null)).status).toBe(401);
  });
});

describe('GET /v1/accounting-entries/{id}', () => {
  it('serves a balanced entry in minor units', async () => {
    const [ref] = fx.index.entriesOf(fx.demoCompany);
    const res = await call(fx.sim, 'GET', `/v1/accounting-entries/${ref!.uuid}`);
    expect(res.status).toBe(200);
    const entry = res.body.data;
    expect(entry).toMatchObject({ id: ref!.uuid, companyId: fx.demoCompany.id, type: expect.any(String) });
    const values: number[] = entry.accountingEntryLines.map(
      (l: { lineAmount: { value: number } }) => l.lineAmount.value,
    );
    expect(values.reduce((a, b) => a + b, 0)).toBe(0);
    expect(entry.amount.inWalletCurrency).toEqual({
      currency: 'EUR',
      value: values.filter((v) => v > 0).reduce((a, b) => a + b, 0),
    });
    for (const line of entry.accountingEntryLines) {
      expect(Number.isInteger(line.lineAmount.value)).toBe(true);
      expect(line.account).toEqual({
        id: expect.any(String),
        name: expect.any(String),
        code: expect.stringMatching(/^\d{6}$/),
      });
      expect(line.lineAmount.value).toBe(line.netAmount.value + (line.tax?.amount.value ?? 0));
    }
  });

  it('answers 404 for an unknown entry and for another account’s entry', async () => {
    const [otherRef] = fx.index.entriesOf(fx.otherCompany);
    const unknown = await call(fx.sim, 'GET', '/v1/accounting-entries/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe('ACCOUNTING_ENTRY_NOT_FOUND');
    expect((await call(fx.sim, 'GET', `/v1/accounting-entries/${otherRef!.uuid}`)).status).toBe(404);
    expect(
      (await call(fx.sim, 'GET', `/v1/accounting-entries/${otherRef!.uuid}`, { auth: OTHER_AUTH })).status,
    ).toBe(200);
  });
});

describe('receipt files', () => {
  it('serves the PDF of an entry’s file URL without credentials, until it expires', async () => {
    const refs = fx.index.entriesOf(fx.demoCompany);
    let url: string | undefined;
    for (const ref of refs) {
      const res = await call(fx.sim, 'GET', `/v1/accounting-entries/${ref.uuid}`);
      url = res.body.data.files[0];
      if (url) break;
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    const ok = await request(url!);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect((await ok.body.text()).startsWith('%PDF-1.4')).toBe(true);
    fx.clock.advance(25 * 3_600_000);
    const expired = await request(url!);
    expect(expired.statusCode).toBe(403);
    await expired.body.dump();
    const missing = await request(`${fx.sim.url}/files/${fx.demoCompany.id}/nope.pdf?expires=1`);
    expect(missing.statusCode).toBe(404);
    await missing.body.dump();
  });
});
