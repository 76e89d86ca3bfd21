/**
 * The simulators' documented limits, on by default: MyUnisoft tokens that answer nothing before their
 * activation, at most 10 calls in flight per route and token (429 ERR-TOO-MANY-CONCURRENT-REQUEST with
 * the quota headers), `/society` in pages when a firm has many companies; Jepilote's companies as Hydra
 * pages of 30 linked by `hydra:next`.
 */
import { request, type Dispatcher } from 'undici';
import { createDataset } from '../../../src/simulators/data/dataset';
import { createMyUnisoftSimulator } from '../../../src/simulators/myunisoft/server';
import { createJepiloteSimulator, COMPANIES_PER_PAGE } from '../../../src/simulators/jepilote/server';
import { SOCIETIES_PER_PAGE } from '../../../src/simulators/myunisoft/society-routes';
import { demoCredentials } from '../../../src/simulators/credentials';
import type { SimulatorServer } from '../../../src/simulators/http-kit';
import { activate, call, errorCode, DEMO_TOKEN, SECRET } from './myunisoft-client';

const EXTRA = 35;
const dataset = createDataset({ extraFirmCompanies: EXTRA, bigExerciseMovements: 40_000 });

describe('MyUnisoft simulator, strict by default', () => {
  let sim: SimulatorServer;
  beforeAll(async () => {
    sim = await createMyUnisoftSimulator({ dataset });
  });
  afterAll(() => sim.close());

  it('answers a firm token 401 ERR-API-TOKEN-NOT-ACTIVATED until it is activated once', async () => {
    const before = await call(sim.url, '/api/v1/society');
    expect(before.status).toBe(401);
    expect(errorCode(before)).toBe('ERR-API-TOKEN-NOT-ACTIVATED');
    expect(before.headers['x-rate-limit-remaining']).toBe('19');
    await activate(sim.url, DEMO_TOKEN);
    expect((await call(sim.url, '/api/v1/society')).status).toBe(200);
  });

  it('pages /society when the firm has more societies than a page holds', async () => {
    const firm = dataset.companiesOf('myunisoft', 'demo');
    const pages = Math.ceil(firm.length / SOCIETIES_PER_PAGE);
    expect(pages).toBeGreaterThan(1);
    const seen: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const result = await call<{
        pages_number: number;
        row_numbers: number;
        society_array: { society_id: number }[];
      }>(sim.url, `/api/v1/society?page=${page}`);
      expect(result.body).toMatchObject({ pages_number: pages, row_numbers: firm.length });
      seen.push(...result.body.society_array.map((s) => s.society_id));
    }
    expect(seen.sort()).toEqual(firm.map((c) => Number(c.id)).sort());
  });

  it('refuses an 11th concurrent call on one route with ERR-TOO-MANY-CONCURRENT-REQUEST', async () => {
    const exercise = dataset.company('myunisoft', '2199')!.exercises[2]!;
    // Ten large answers left unread stay in flight: their bodies cannot be written out.
    const held: Dispatcher.ResponseData[] = [];
    for (let i = 0; i < 10; i++) {
      held.push(
        await request(`${sim.url}/api/v1/mad/movements?version=1.0.0&idExercice=${exercise.id}`, {
          headers: {
            authorization: `Bearer ${DEMO_TOKEN}`,
            'x-third-party-secret': SECRET,
            'society-id': '2199',
          },
        }),
      );
    }
    expect(held.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const refused = await call(sim.url, `/api/v1/mad/movements?version=1.0.0&idExercice=${exercise.id}`, {
      society: '2199',
    });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: { code: 'ERR-TOO-MANY-CONCURRENT-REQUEST', message: expect.any(String), details: {} },
    });
    expect(refused.headers['x-rate-limit-total']).toBe('20');
    // Another route is not held by those ten.
    expect((await call(sim.url, '/api/v1/mad/exercices?version=1.0.0', { society: '2199' })).status).toBe(
      200,
    );
    await Promise.all(held.map((r) => r.body.destroy()));
  });
});

describe('Jepilote simulator: companies in Hydra pages of 30', () => {
  let sim: SimulatorServer;
  beforeAll(async () => {
    sim = await createJepiloteSimulator({ dataset });
  });
  afterAll(() => sim.close());

  it('links each page to the next with hydra:view until the last', async () => {
    const login = await request(`${sim.url}/login_check`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _username: demoCredentials.jepilote.demo.username,
        _password: demoCredentials.jepilote.demo.password,
      }).toString(),
    });
    const { token } = (await login.body.json()) as { token: string };
    const firm = dataset.companiesOf('jepilote', 'demo');
    const ids: number[] = [];
    let next: string | undefined = '/companies';
    let pages = 0;
    while (next) {
      const response = await request(`${sim.url}${next}`, { headers: { authorization: `bearer ${token}` } });
      const body = (await response.body.json()) as {
        'hydra:member': { companyId: number }[];
        'hydra:totalItems': number;
        'hydra:view'?: { 'hydra:next'?: string; 'hydra:last': string };
      };
      expect(body['hydra:member'].length).toBeLessThanOrEqual(COMPANIES_PER_PAGE);
      expect(body['hydra:totalItems']).toBe(firm.length);
      ids.push(...body['hydra:member'].map((c) => c.companyId));
      next = body['hydra:view']?.['hydra:next'];
      pages++;
    }
    expect(pages).toBe(Math.ceil(firm.length / COMPANIES_PER_PAGE));
    expect(pages).toBeGreaterThan(1);
    expect(ids.sort()).toEqual(firm.map((c) => Number(c.id)).sort());
  });
});
