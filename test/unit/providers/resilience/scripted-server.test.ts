/** The scripted server's hold: what the concurrency tests' peaks rest on. */
import http from 'node:http';
import { answer, holdUntilInFlight, startScriptedServer, type ScriptedServer } from './scripted-server';

let server: ScriptedServer;
const agent = new http.Agent({ keepAlive: false });
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await server.close();
});
afterAll(() => agent.destroy());

function get(): { done: Promise<number>; abort: () => void } {
  const controller = new AbortController();
  const done = new Promise<number>((resolve, reject) => {
    const req = http.get(`${server.baseUrl}/held`, { agent, signal: controller.signal }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
  });
  return { done, abort: () => controller.abort() };
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
};

/** Whether the request is answered within a short grace (20 ms): a hold that leaks answers early. */
async function answeredSoon(request: { done: Promise<number> }): Promise<boolean> {
  let answered = false;
  void request.done.then(() => (answered = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  return answered;
}

it('answers nobody until the peak is there, then everybody, later requests at once', async () => {
  server.script = holdUntilInFlight(2, answer(204), 0);
  const first = get();
  await until(() => server.inFlight === 1);
  expect(await answeredSoon(first)).toBe(false);
  const second = get();
  expect(await Promise.all([first.done, second.done])).toEqual([204, 204]);
  expect(await get().done).toBe(204);
  expect(server.peakInFlight).toBe(2);
});

it('does not count a held request its client tore down toward the peak', async () => {
  server.script = holdUntilInFlight(2, answer(204), 0);
  const abandoned = get();
  abandoned.done.catch(() => undefined);
  await until(() => server.inFlight === 1);
  abandoned.abort();
  await until(() => server.inFlight === 0);
  const second = get();
  await until(() => server.inFlight === 1);
  // the torn-down request left: one is at the server, not the two the hold waits for
  expect(await answeredSoon(second)).toBe(false);
  const third = get();
  expect(await Promise.all([second.done, third.done])).toEqual([204, 204]);
});
