/**
 * MyUnisoft's error body (`{ error: { code, message, details } }`) reaches the client as
 * `extensions.upstreamCode` — a code of MyUnisoft's shape only, never its message text — from the
 * token's activation call (`key/info?mode=extended`) as from any other route.
 */
import { createDataset } from '../../../src/simulators/data/dataset';
import { createMyUnisoftSimulator, MYUNISOFT_COMPANY_TOKEN } from '../../../src/simulators/myunisoft/server';
import type { SimulatorServer } from '../../../src/simulators/http-kit';
import { demoCredentials } from '../../../src/simulators/credentials';
import { createMyUnisoftConnector } from '../../../src/providers/myunisoft/connector';
import { MemoryStore } from '../../../src/store/memory-store';
import { UpstreamError } from '../../../src/errors';
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

  it('passes ERR-FORBIDDEN-ROUTE and business codes, never the message, and drops a code of another shape', async () => {
    const connector = connect(scripted.baseUrl, 'token-under-test');
    const session = () => connector.openSession({ requestId: 'x' });
    const forbiddenRoute = answer(403, {
      error: { code: 'ERR-FORBIDDEN-ROUTE', message: 'token token-under-test may not call /society' },
    });
    try {
      // Refused at activation (key/info), then, once activated, on /society itself.
      scripted.script = forbiddenRoute;
      const refusedActivation = await failure(session().listCompanies());
      expect(refusedActivation.extensions).toMatchObject({
        upstreamStatus: 403,
        upstreamCode: 'ERR-FORBIDDEN-ROUTE',
      });
      scripted.script = (req, res, index) =>
        (req.url?.includes('/v1/key/info') ? answer(200, []) : forbiddenRoute)(req, res, index);
      const forbidden = await failure(session().listCompanies());
      expect(forbidden.extensions).toMatchObject({
        upstreamStatus: 403,
        upstreamCode: 'ERR-FORBIDDEN-ROUTE',
      });
      expect(scripted.received.at(-1)?.url).toMatch(/\/v1\/society/);
      expect(JSON.stringify([forbidden.message, forbidden.extensions])).not.toMatch(/token-under-test/);
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
