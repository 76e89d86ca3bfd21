import { createDataset } from '../../../src/simulators/data/dataset';
import { createMyUnisoftSimulator, MYUNISOFT_COMPANY_TOKEN } from '../../../src/simulators/myunisoft/server';
import type { SimulatorServer } from '../../../src/simulators/http-kit';
import { activate, call, errorCode, OTHER_TOKEN } from './myunisoft-client';

describe('MyUnisoft simulator: authentication, societies, rate limits', () => {
  let sim: SimulatorServer;
  let clock = Date.parse('2026-06-01T08:00:00Z');
  beforeAll(async () => {
    sim = await createMyUnisoftSimulator({
      dataset: createDataset(),
      enforceRateLimits: true,
      now: () => clock,
    });
    await activate(sim.url);
  });
  afterAll(() => sim.close());
  // Each test gets a fresh quota window, so only the rate-limit test ever sees a 429.
  beforeEach(() => void (clock += 20_000));

  it.each([
    ['no Authorization header', { token: null }, 'ERR-INVALID-AUTH-HEADER'],
    [
      'a Basic credential',
      { token: null, headers: { authorization: 'Basic dTpw' } },
      'ERR-INVALID-AUTH-HEADER',
    ],
    ['no X-Third-Party-Secret', { secret: null }, 'ERR-SECRET-HEADER-NOT-SET'],
    ['a wrong partner secret', { secret: 'someone-else-secret' }, 'ERR-INVALID-SECRET'],
    ['an unknown token', { token: 'mu-revoked-token' }, 'ERR-API-TOKEN-NOT-FOUND'],
  ])('answers 401 for %s with the error envelope', async (_label, options, code) => {
    const result = await call(sim.url, '/api/v1/society', options);
    expect(result.status).toBe(401);
    expect(errorCode(result)).toBe(code);
    expect(result.body).toEqual({
      error: { code, message: expect.any(String), details: expect.any(Object) },
    });
    expect(result.headers['x-rate-limit-total']).toBe('20');
  });

  it('lists the routes a token may call, in both key/info modes', async () => {
    const plain = await call<{ path: string; method: string }[]>(sim.url, '/api/v1/key/info');
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual(
      expect.arrayContaining([
        { path: '/api/v1/mad/movements', method: 'GET' },
        { path: '/api/v1/entries', method: 'POST' },
      ]),
    );
    const extended = await call(sim.url, '/api/v1/key/info?mode=extended');
    expect(extended.body).toEqual(plain.body);
  });

  it('requires a company token to be activated once, then binds it to its society', async () => {
    const before = await call(sim.url, '/api/v1/society', { token: MYUNISOFT_COMPANY_TOKEN });
    expect(before.status).toBe(401);
    expect(errorCode(before)).toBe('ERR-API-TOKEN-NOT-ACTIVATED');
    expect(
      (await call(sim.url, '/api/v1/key/info?mode=extended', { token: MYUNISOFT_COMPANY_TOKEN })).status,
    ).toBe(200);
    const society = await call<{ society_id: number; name: string }>(sim.url, '/api/v1/society', {
      token: MYUNISOFT_COMPANY_TOKEN,
    });
    expect(society.status).toBe(200);
    expect(society.body).toMatchObject({ society_id: 2101, name: 'SAS HORIZON CONSEIL' });
    const journals = await call<unknown[]>(sim.url, '/api/v1/mad/journals?version=1.0.0', {
      token: MYUNISOFT_COMPANY_TOKEN,
    });
    expect(journals.status).toBe(200);
    const elsewhere = await call(sim.url, '/api/v1/mad/journals?version=1.0.0', {
      token: MYUNISOFT_COMPANY_TOKEN,
      society: '2102',
    });
    expect(elsewhere.status).toBe(404);
    expect(errorCode(elsewhere)).toBe('ERR-FOLDER-NOT-FOUND');
  });

  it('lists only the firm’s societies, with q, siret and sort', async () => {
    const all = await call<{
      row_numbers: number;
      pages_number: number;
      society_array: { society_id: number; name: string; siret: string }[];
    }>(sim.url, '/api/v1/society');
    expect(all.status).toBe(200);
    expect(all.body.row_numbers).toBe(2);
    expect(all.body.society_array.map((s) => s.society_id)).toEqual([2101, 2102]);
    const byName = await call<typeof all.body>(sim.url, '/api/v1/society?q=garage');
    expect(byName.body.society_array.map((s) => s.name)).toEqual(['GARAGE MARTIN ET FILS']);
    const siren = all.body.society_array[0]!.siret.slice(0, 9);
    const bySiren = await call<typeof all.body>(sim.url, `/api/v1/society?siret=${siren}`);
    expect(bySiren.body.society_array.map((s) => s.society_id)).toEqual([2101]);
    const sorted = await call<typeof all.body>(sim.url, '/api/v1/society?sort=-name');
    expect(sorted.body.society_array.map((s) => s.name)).toEqual([
      'SAS HORIZON CONSEIL',
      'GARAGE MARTIN ET FILS',
    ]);
    expect((await call(sim.url, '/api/v1/society?sort=siret')).status).toBe(400);
    const other = await call<typeof all.body>(sim.url, '/api/v1/society', { token: OTHER_TOKEN });
    expect(other.body.society_array.map((s) => s.society_id)).toEqual([2103]);
  });

  it('enforces society-id for firm tokens on company-scoped routes', async () => {
    const missing = await call(sim.url, '/api/v1/mad/exercices?version=1.0.0');
    expect(missing.status).toBe(400);
    expect(errorCode(missing)).toBe('ERR-SOCIETY-ID-NOT-SET');
    for (const society of ['2103', '9999', 'abc']) {
      const foreign = await call(sim.url, '/api/v1/mad/exercices?version=1.0.0', { society });
      expect(foreign.status).toBe(404);
      expect(errorCode(foreign)).toBe('ERR-FOLDER-NOT-FOUND');
    }
    expect(
      (await call(sim.url, '/api/v1/mad/exercices?version=1.0.0', { society: '2103', token: OTHER_TOKEN }))
        .status,
    ).toBe(200);
  });

  it('answers 429 ERR-TOO-MANY-REQUEST past 20 requests in 10 s per token, with the quota headers', async () => {
    for (let i = 1; i <= 20; i++) {
      const ok = await call(sim.url, '/api/v1/key/info');
      expect(ok.status).toBe(200);
      expect(ok.headers['x-rate-limit-remaining']).toBe(String(20 - i));
    }
    const limited = await call(sim.url, '/api/v1/key/info');
    expect(limited.status).toBe(429);
    expect(errorCode(limited)).toBe('ERR-TOO-MANY-REQUEST');
    expect(limited.headers).toMatchObject({ 'x-rate-limit-remaining': '0', 'x-rate-limit-total': '20' });
    expect(Number(limited.headers['x-rate-limit-reset'])).toBeGreaterThan(0);
    // Another token has its own quota.
    expect((await call(sim.url, '/api/v1/key/info', { token: OTHER_TOKEN })).status).toBe(200);
    clock += 10_000;
    expect((await call(sim.url, '/api/v1/key/info')).status).toBe(200);
  });

  it('answers unknown routes with the error envelope', async () => {
    const result = await call(sim.url, '/api/v1/nowhere');
    expect(result.status).toBe(404);
    expect(errorCode(result)).toBe('ERR-ROUTE-NOT-FOUND');
  });
});
