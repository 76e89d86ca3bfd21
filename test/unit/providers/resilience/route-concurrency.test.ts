/** The cap on calls in flight per route (MyUnisoft: 10), over real HTTP against a scripted server. */
import { z } from 'zod';
import {
  answer,
  holdUntilInFlight,
  scriptedClients,
  startScriptedServer,
  type ScriptedServer,
} from './scripted-server';

let server: ScriptedServer;
const clients = scriptedClients(() => server);
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await clients.destroyAll();
  await server.close();
});

const get = (path: string) => ({ method: 'GET', path, route: `GET ${path}` }) as const;

it('holds calls beyond the cap on one route until earlier ones are answered; other routes are not held', async () => {
  server.script = holdUntilInFlight(3, answer(200, []));
  const upstream = clients.make({ upstream: { providers: { PLEO: { concurrentPerRoute: 2 } } } });
  const answers = await Promise.all([
    ...Array.from({ length: 6 }, () => upstream.json(get('/entries'), z.unknown())),
    upstream.json(get('/jobs'), z.unknown()),
  ]);
  expect(answers).toHaveLength(7);
  expect(server.received).toHaveLength(7);
  // Two on /entries at most, plus the /jobs call beside them.
  expect(server.peakInFlight).toBe(3);
});

it('shares the cap between clients of one credential (two tenants on one token): the provider counts per token', async () => {
  server.script = holdUntilInFlight(2, answer(200, []));
  const options = { credential: 'token-1', upstream: { providers: { PLEO: { concurrentPerRoute: 2 } } } };
  const [first, second] = [clients.make(options), clients.make(options)];
  await Promise.all(
    Array.from({ length: 6 }, (_, i) => (i % 2 ? first : second).json(get('/entries'), z.unknown())),
  );
  expect(server.received).toHaveLength(6);
  expect(server.peakInFlight).toBe(2);
});

it('sends everything at once without a cap', async () => {
  server.script = holdUntilInFlight(6, answer(200, []));
  const upstream = clients.make();
  await Promise.all(Array.from({ length: 6 }, () => upstream.json(get('/entries'), z.unknown())));
  expect(server.peakInFlight).toBe(6);
});
