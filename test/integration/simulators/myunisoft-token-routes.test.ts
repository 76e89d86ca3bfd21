/**
 * MyUnisoft's per-token route lists: `key/info` lists the token's own routes, and a served route
 * missing from them answers 403 ERR-FORBIDDEN-ROUTE with the documented error body.
 */
import { createDataset } from '../../../src/simulators/data/dataset';
import { createMyUnisoftSimulator, MYUNISOFT_ROUTES } from '../../../src/simulators/myunisoft/server';
import type { SimulatorServer } from '../../../src/simulators/http-kit';
import { activate, call, errorCode } from './myunisoft-client';

const LIMITED_TOKEN = 'mu-limited-token-no-movements';
const LIMITED_ROUTES = MYUNISOFT_ROUTES.filter(
  (r) => r.path !== '/api/v1/mad/movements' && r.path !== '/api/v1/entries',
);

describe('MyUnisoft simulator: per-token route lists', () => {
  const dataset = createDataset();
  const movementsPath = `/api/v1/mad/movements?version=1.0.0&idExercice=${dataset.company('myunisoft', '2101')!.exercises[0]!.id}`;
  let sim: SimulatorServer;
  beforeAll(async () => {
    sim = await createMyUnisoftSimulator({
      dataset,
      tokens: [{ token: LIMITED_TOKEN, kind: 'firm', owner: 'demo', routes: LIMITED_ROUTES }],
    });
    await activate(sim.url, LIMITED_TOKEN);
  });
  afterAll(() => sim.close());

  it('lists only the token’s routes in key/info, both modes', async () => {
    for (const path of ['/api/v1/key/info', '/api/v1/key/info?mode=extended']) {
      const info = await call(sim.url, path, { token: LIMITED_TOKEN });
      expect(info.status).toBe(200);
      expect(info.body).toEqual(LIMITED_ROUTES);
    }
  });

  it('answers 403 ERR-FORBIDDEN-ROUTE with the error body to a route not in the list', async () => {
    const movements = await call(sim.url, movementsPath, {
      token: LIMITED_TOKEN,
      society: '2101',
    });
    expect(movements.status).toBe(403);
    expect(movements.body).toEqual({
      error: { code: 'ERR-FORBIDDEN-ROUTE', message: expect.any(String), details: expect.any(Object) },
    });
    const entries = await call(sim.url, '/api/v1/entries?type=e', {
      method: 'POST',
      token: LIMITED_TOKEN,
      society: '2101',
      body: { filters: [] },
    });
    expect(entries.status).toBe(403);
    expect(errorCode(entries)).toBe('ERR-FORBIDDEN-ROUTE');
    // Listed routes still answer; an unknown route is still 404 for every token.
    const journals = await call(sim.url, '/api/v1/mad/journals?version=1.0.0', {
      token: LIMITED_TOKEN,
      society: '2101',
    });
    expect(journals.status).toBe(200);
    expect(errorCode(await call(sim.url, '/api/v1/nowhere', { token: LIMITED_TOKEN }))).toBe(
      'ERR-ROUTE-NOT-FOUND',
    );
  });

  it('keeps every route for the demo tokens', async () => {
    await activate(sim.url);
    expect((await call(sim.url, '/api/v1/key/info')).body).toEqual(MYUNISOFT_ROUTES);
    const movements = await call(sim.url, movementsPath, {
      society: '2101',
    });
    expect(movements.status).toBe(200);
  });

  it('refuses a token configured with a route it does not serve', async () => {
    await expect(
      createMyUnisoftSimulator({
        dataset: createDataset(),
        tokens: [
          { token: 'x', kind: 'firm', owner: 'demo', routes: [{ path: '/api/v1/nope', method: 'GET' }] },
        ],
      }),
    ).rejects.toThrow(/not a route this simulator serves/);
  });
});
