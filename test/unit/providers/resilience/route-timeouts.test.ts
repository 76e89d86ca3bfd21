/** Timeouts per provider and per route over the global ones, against a scripted loopback server. */
import { z } from 'zod';
import { UpstreamError } from '../../../../src/errors';
import { providerSettings } from '../../../../src/providers/resilience/upstream-settings';
import { answer, scriptedClients, startScriptedServer, type ScriptedServer } from './scripted-server';

let server: ScriptedServer;
const clients = scriptedClients(() => server);
const client = clients.make;
beforeEach(async () => {
  server = await startScriptedServer();
  // Headers come 1.5 s late on every route (undici checks its timeouts about every half second).
  server.script = (req, res, index) =>
    void setTimeout(() => answer(200, { ok: true })(req, res, index), 1_500);
});
afterEach(async () => {
  await clients.destroyAll();
  await server.close();
});

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof UpstreamError ? error.code : String(error)),
  );
const get = (route: string) => ({ method: 'GET', path: route.split(' ')[1]!, route }) as const;

it('gives a configured route its own headers timeout while the others keep the global one', async () => {
  const upstream = client({
    headersTimeoutMs: 100,
    upstream: { providers: { PLEO: { routes: { 'GET /exports': { headersTimeoutMs: 5_000 } } } } },
  });
  expect(await outcome(upstream.json(get('GET /exports'), z.unknown()))).toBe('ok');
  expect(await outcome(upstream.json(get('GET /other'), z.unknown()))).toBe('UPSTREAM_TIMEOUT');
});

it('lets a provider-wide timeout replace the global one', async () => {
  const upstream = client({
    headersTimeoutMs: 100,
    upstream: { providers: { PLEO: { headersTimeoutMs: 5_000 } } },
  });
  expect(await outcome(upstream.json(get('GET /other'), z.unknown()))).toBe('ok');
});

it('gives MyUnisoft MAD downloads long timeouts by default, and keeps configured routes beside them', () => {
  const settings = providerSettings('MYUNISOFT', {
    providers: { MYUNISOFT: { routes: { 'GET /api/v1/mad/balance': { headersTimeoutMs: 60_000 } } } },
  });
  expect(settings.routes?.['GET /api/v1/mad/movements']).toEqual({
    headersTimeoutMs: 120_000,
    bodyTimeoutMs: 120_000,
  });
  expect(settings.routes?.['GET /api/v1/mad/balance']).toEqual({ headersTimeoutMs: 60_000 });
  expect(settings.budget).toEqual({ requests: 20, perMs: 10_000 });
  expect(settings.concurrentPerRoute).toBe(10);
});
