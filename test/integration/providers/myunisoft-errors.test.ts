/**
 * MyUnisoft's error body (`{ error: { code, message, details } }`) reaches the client as
 * `extensions.upstreamCode` — a code of MyUnisoft's shape only, never its message text — from the
 * token's activation call (`key/info?mode=extended`) as from any other route. ERR-FORBIDDEN-ROUTE is
 * the typed route refusal the connector also answers, before any call, from the token's route list.
 */
import { createDataset } from '../../../src/simulators/data/dataset';
import { createMyUnisoftSimulator, MYUNISOFT_COMPANY_TOKEN } from '../../../src/simulators/myunisoft/server';
import type { SimulatorServer } from '../../../src/simulators/http-kit';
import { demoCredentials } from '../../../src/simulators/credentials';
import { createMyUnisoftConnector } from '../../../src/providers/myunisoft/connector';
import { MemoryStore } from '../../../src/store/memory-store';
import { RouteNotGrantedError, UpstreamError } from '../../../src/errors';
import { ROUTE_LIST_TTL_MS } from '../../../src/providers/myunisoft/token-routes';
import {
  answer,
  startScriptedServer,
  type ScriptedServer,
} from '../../unit/providers/resilience/scripted-server';

const connect = (baseUrl: string, apiToken: string, access: 'firm' | 'company' = 'firm') =>
  createMyUnisoftConnector(
    { baseUrl, apiToken, thirdPartySecret: demoCredentials.myunisoft.thirdPartySecret, access },
    { tenantId: 'demo', store: new MemoryStore(), http: { maxRetries: 0, breaker: false } },
  );

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as UpstreamError,
  );

describe('MyUnisoft error codes', () => {
  let sim: SimulatorServer;
  let scripted: ScriptedServer;
  beforeAll(async () => {
    sim = await createMyUnisoftSimulator({ dataset: createDataset() });
    scripted = await startScriptedServer();
  });
  afterAll(async () => {
    await sim.close();
    await scripted.close();
  });

  it('gives the simulator’s ERR-FOLDER-NOT-FOUND as upstreamCode, and a failed activation’s code', async () => {
    const firm = connect(sim.url, demoCredentials.myunisoft.demo.apiToken);
    const unknown = connect(sim.url, 'mu-token-nobody-issued');
    try {
      const folder = await failure(firm.openSession({ requestId: 'a' }).listExercises!('2103'));
      expect(folder).toBeInstanceOf(UpstreamError);
      expect(folder.extensions).toMatchObject({
        code: 'UPSTREAM_ERROR',
        upstreamCode: 'ERR-FOLDER-NOT-FOUND',
      });
      expect(folder.message).not.toMatch(/Accounting folder not found/);
      const movements = await failure(
        firm.openSession({ requestId: 'b' }).listMovements!(
          '2103',
          { from: '2025-01-01', to: '2025-01-31' },
          { first: 1, after: null },
        ),
      );
      expect(movements.extensions.upstreamCode).toBe('ERR-FOLDER-NOT-FOUND');
      // The activation call itself fails: its code reaches the caller like any route's.
      const revoked = await failure(unknown.openSession({ requestId: 'c' }).listCompanies());
      expect(revoked.extensions).toMatchObject({
        upstreamStatus: 401,
        upstreamCode: 'ERR-API-TOKEN-NOT-FOUND',
      });
    } finally {
      await firm.close();
      await unknown.close();
    }
  });

  it('answers ERR-API-TOKEN-NOT-ACTIVATED to a token never activated, which the connector activates first', async () => {
    // The connector always activates, so only a caller that skips key/info?mode=extended meets the code.
    const society = () =>
      fetch(`${sim.url}/api/v1/society`, {
        headers: {
          authorization: `Bearer ${MYUNISOFT_COMPANY_TOKEN}`,
          'x-third-party-secret': demoCredentials.myunisoft.thirdPartySecret,
        },
      });
    const before = await society();
    expect(before.status).toBe(401);
    expect(((await before.json()) as { error: { code: string } }).error.code).toBe(
      'ERR-API-TOKEN-NOT-ACTIVATED',
    );
    const company = connect(sim.url, MYUNISOFT_COMPANY_TOKEN, 'company');
    try {
      const companies = await company.openSession({ requestId: 'd' }).listCompanies();
      expect(companies.map((c) => c.providerId)).toEqual(['2101']);
    } finally {
      await company.close();
    }
    const after = await society();
    expect(after.status).toBe(200);
    await after.arrayBuffer();
  });

  it('answers ERR-FORBIDDEN-ROUTE as the typed route refusal, never its message, and re-reads the route list', async () => {
    const connector = connect(scripted.baseUrl, 'token-under-test');
    const session = () => connector.openSession({ requestId: 'x' });
    const forbiddenRoute = answer(403, {
      error: { code: 'ERR-FORBIDDEN-ROUTE', message: 'token token-under-test may not call /society' },
    });
    const refusal = (route: string) => ({ code: 'UNSUPPORTED_BY_PROVIDER', provider: 'MYUNISOFT', route });
    const keyInfo = { path: '/api/v1/key/info', method: 'GET' };
    let listed = [keyInfo, { path: '/api/v1/society', method: 'GET' }];
    try {
      // Refused at activation (key/info) itself.
      scripted.script = forbiddenRoute;
      const refusedActivation = await failure(session().listCompanies());
      expect(refusedActivation).toBeInstanceOf(RouteNotGrantedError);
      expect(refusedActivation.extensions).toEqual(refusal('GET /api/v1/key/info'));
      // key/info lists /society, then MyUnisoft refuses it: the list changed since.
      scripted.script = (req, res, index) =>
        (req.url?.includes('/v1/key/info') ? answer(200, listed) : forbiddenRoute)(req, res, index);
      const forbidden = await failure(session().listCompanies());
      expect(forbidden).toBeInstanceOf(RouteNotGrantedError);
      expect(forbidden.extensions).toEqual(refusal('GET /api/v1/society'));
      expect(scripted.received.at(-1)?.url).toMatch(/\/v1\/society/);
      expect(JSON.stringify([forbidden.message, forbidden.extensions])).not.toMatch(/token-under-test/);
      // The next call re-reads the list, which no longer has /society: refused before it is sent.
      listed = [keyInfo];
      const sent = scripted.received.length;
      for (let i = 0; i < 2; i++)
        expect((await failure(session().listCompanies())).extensions).toEqual(refusal('GET /api/v1/society'));
      expect(scripted.received.slice(sent).map((r) => r.url)).toEqual([
        expect.stringMatching(/\/v1\/key\/info\?mode=extended$/),
      ]);
    } finally {
      await connector.close();
    }
  });

  it('re-reads the route list after ROUTE_LIST_TTL_MS: a route granted later is called', async () => {
    const clock = { at: Date.now() };
    const connector = createMyUnisoftConnector(
      { baseUrl: scripted.baseUrl, apiToken: 't', thirdPartySecret: 's', access: 'company' },
      { tenantId: 'demo', store: new MemoryStore(), http: { maxRetries: 0, breaker: false } },
      { now: () => clock.at },
    );
    let listed = [{ path: '/api/v1/key/info', method: 'GET' }];
    scripted.script = (req, res, index) =>
      (req.url?.includes('/v1/key/info')
        ? answer(200, listed)
        : answer(200, { society_id: 7, name: 'SOCIETE SEPT', siret: '' }))(req, res, index);
    try {
      const sent = scripted.received.length;
      expect(await failure(connector.openSession({ requestId: 'a' }).listCompanies())).toBeInstanceOf(
        RouteNotGrantedError,
      );
      listed = [...listed, { path: '/api/v1/society', method: 'GET' }];
      clock.at += ROUTE_LIST_TTL_MS - 1;
      await failure(connector.openSession({ requestId: 'b' }).listCompanies());
      clock.at += 1;
      const companies = await connector.openSession({ requestId: 'c' }).listCompanies();
      expect(companies.map((c) => c.providerId)).toEqual(['7']);
      // The scripted server's base URL has a path (`/api`): the routes are matched below it.
      expect(scripted.received.slice(sent).map((r) => /\/v1\/[^?]*/.exec(r.url)?.[0])).toEqual([
        '/v1/key/info',
        '/v1/key/info',
        '/v1/society',
      ]);
    } finally {
      await connector.close();
    }
  });

  it('passes business codes, never the message, and drops a code of another shape', async () => {
    const connector = connect(scripted.baseUrl, 'token-under-test');
    const session = () => connector.openSession({ requestId: 'x' });
    try {
      scripted.script = answer(400, { error: { code: 'ECR12', message: 'écriture déséquilibrée' } });
      expect((await failure(session().listCompanies())).extensions.upstreamCode).toBe('ECR12');
      for (const code of ['secret=abc', 'ERR-' + 'X'.repeat(80), 'err-lowercase', 42]) {
        scripted.script = answer(400, { error: { code, message: 'm' } });
        const odd = await failure(session().listCompanies());
        expect(odd.extensions.code).toBe('UPSTREAM_ERROR');
        expect(odd.extensions).not.toHaveProperty('upstreamCode');
      }
      scripted.script = answer(500, 'not json at all');
      expect((await failure(session().listCompanies())).extensions).not.toHaveProperty('upstreamCode');
    } finally {
      await connector.close();
    }
  });
});
