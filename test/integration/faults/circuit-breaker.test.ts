/**
 * The per-provider circuit breaker through the gateway: after `failureThreshold` consecutive
 * failures the provider's calls fail at once with UPSTREAM_ERROR and reach the simulator no more,
 * while other providers keep answering; after `resetTimeoutMs` one probe goes through and, when it
 * succeeds, the breaker closes. The breaker (cockatiel) reads Date.now, which the test moves by hand.
 */
import { shiftDateNow } from '../../support/shifted-date-now';
import { startStack, type Stack } from '../../support/stack';
import { PROBES, errorsOf, hasData, probeRequests, runProbe } from './provider-probes';

/** Long enough that no stall of a loaded machine reaches it: only the test's jumps do. */
const RESET_MS = 600_000;
let stack: Stack;
let clock: ReturnType<typeof shiftDateNow>;
beforeAll(async () => {
  clock = shiftDateNow();
  stack = await startStack({
    configure: (config) => ({
      ...config,
      logLevel: 'silent',
      // Every query must reach the providers: the list cache has its own tests.
      cache: { listTtlMs: 0 },
      // No retries, so each query is one failure for the breaker.
      http: { maxRetries: 0, breaker: { failureThreshold: 3, resetTimeoutMs: RESET_MS } },
    }),
  });
});
afterAll(async () => {
  await stack.close();
  clock.restore();
});

const sent = () => probeRequests(stack.sims, PROBES.myunisoft);

describe('circuit breaker', () => {
  it('opens after consecutive failures, answers at once without calling, closes after a good probe', async () => {
    const { method, path } = PROBES.myunisoft;
    stack.sims.simulators.myunisoft.faults.add({ kind: 'status', status: 503, method, path });
    stack.sims.resetRequests();
    for (let i = 0; i < 3; i++) {
      const { body } = await runProbe(stack);
      expect(errorsOf(body, 'myunisoft')[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_ERROR',
        upstreamStatus: 503,
      });
    }
    expect(sent()).toBe(3);

    // Open: refused before any socket is used; the other providers are unaffected.
    const refused = await runProbe(stack);
    const error = errorsOf(refused.body, 'myunisoft')[0];
    expect(error?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', provider: 'MYUNISOFT' });
    expect(error?.message).toMatch(/circuit open/);
    expect(sent()).toBe(3);
    for (const other of ['jepilote', 'inqom', 'pleo'] as const)
      expect(hasData(refused.body, other)).toBe(true);

    // The provider recovers; after the reset timeout one probe is let through and closes the breaker.
    stack.sims.simulators.myunisoft.faults.clear();
    clock.advance(RESET_MS - 60_000);
    expect(errorsOf((await runProbe(stack)).body, 'myunisoft')[0]?.message).toMatch(/circuit open/);
    clock.advance(60_000);
    const probe = await runProbe(stack);
    expect(probe.body.errors).toBeUndefined();
    expect(sent()).toBe(4);
    const closed = await Promise.all([runProbe(stack), runProbe(stack)]);
    closed.forEach(({ body }) => expect(hasData(body, 'myunisoft')).toBe(true));
    expect(sent()).toBe(6);
  });

  it('reopens when the half-open probe fails', async () => {
    const { method, path } = PROBES.inqom;
    stack.sims.simulators.inqom.faults.add({ kind: 'reset', method, path });
    stack.sims.resetRequests();
    for (let i = 0; i < 3; i++) await runProbe(stack);
    expect(probeRequests(stack.sims, PROBES.inqom)).toBe(3);
    clock.advance(RESET_MS);
    const failedProbe = await runProbe(stack);
    expect(errorsOf(failedProbe.body, 'inqom')[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR' });
    expect(probeRequests(stack.sims, PROBES.inqom)).toBe(4);
    const refused = await runProbe(stack);
    expect(errorsOf(refused.body, 'inqom')[0]?.message).toMatch(/circuit open/);
    expect(probeRequests(stack.sims, PROBES.inqom)).toBe(4);
    stack.sims.simulators.inqom.faults.clear();
  });
});
