/**
 * A simulator closing with a request still held by a latency fault ends that delay at once: its
 * timer must not keep the test process (or a demo being stopped) alive for the rest of the fault.
 * The held request then settles: answered, or cut by the closing server.
 */
import { createDataset } from '../../../src/simulators/data/dataset';
import { startSimulatorServer } from '../../../src/simulators/http-kit';

it('ends the delays of pending latency faults when it closes', async () => {
  const sim = await startSimulatorServer('pleo', { dataset: createDataset() }, (app) => {
    app.get('/slow', async () => ({ ok: true }));
  });
  sim.faults.add({ kind: 'latency', ms: 60_000, method: 'GET', path: '^/slow$', times: 1 });
  const answer = fetch(`${sim.url}/slow`).then(
    (response) => response.status,
    () => 'connection closed',
  );
  while (sim.faults.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(sim.delayedRequests).toBe(1);
  await sim.close();
  expect(sim.delayedRequests).toBe(0);
  expect([200, 'connection closed']).toContain(await answer);
});
