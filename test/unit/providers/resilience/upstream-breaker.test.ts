/**
 * UpstreamClient circuit breaker and concurrency cap (cockatiel policies), over real HTTP against a
 * scripted loopback server. The breaker reads Date.now, which tests move ahead by hand.
 */
import { z } from 'zod';
import { UpstreamError } from '../../../../src/errors';
import {
  UpstreamClient,
  type BreakerStateChange,
  type UpstreamClientOptions,
} from '../../../../src/providers/http';
import { shiftDateNow } from '../../../support/shifted-date-now';
import {
  answer,
  holdUntilInFlight,
  resetSocket,
  stall,
  startScriptedServer,
  type ScriptedServer,
} from './scripted-server';

/** Long enough that no stall of a loaded machine reaches it: only the test's jumps do. */
const RESET_MS = 600_000;
let server: ScriptedServer;
let clock: ReturnType<typeof shiftDateNow>;
const clients: UpstreamClient[] = [];

beforeEach(async () => {
  server = await startScriptedServer();
  clock = shiftDateNow();
});

afterEach(async () => {
  clock.restore();
  await Promise.all(clients.splice(0).map((client) => client.destroy()));
  await server.close();
});

function client(options: Partial<UpstreamClientOptions> = {}) {
  const created = new UpstreamClient({
    provider: 'PLEO',
    baseUrl: server.baseUrl,
    maxRetries: 0,
    ...options,
  });
  clients.push(created);
  return created;
}

const anything = z.unknown();
const get = { method: 'GET', path: '/expenses', route: 'GET /expenses' } as const;
// Resolves once the server has received `count` requests: the call is out, whatever the machine's speed.
async function received(count: number): Promise<void> {
  while (server.received.length < count) await new Promise((resolve) => setImmediate(resolve));
}
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof UpstreamError ? `${error.code} ${error.message}` : String(error)),
  );

describe('UpstreamClient circuit breaker', () => {
  it('opens after 5 consecutive failures by default; then no request reaches the server', async () => {
    server.script = answer(500);
    const changes: BreakerStateChange[] = [];
    const upstream = client({ onBreakerStateChange: (change) => changes.push(change) });
    for (let i = 0; i < 5; i++) await outcome(upstream.json(get, anything));
    expect(upstream.breakerState).toBe('open');
    expect(changes).toEqual([{ provider: 'PLEO', state: 'open', previous: 'closed' }]);
    const refused = await outcome(upstream.json(get, anything));
    expect(refused).toBe('UPSTREAM_ERROR PLEO: circuit open, GET /expenses not sent (provider failing)');
    expect(server.received).toHaveLength(5);
  });

  it('counts each retry attempt and network errors, but never a 429 nor other 4xx', async () => {
    const upstream = client({ maxRetries: 2, retryBaseMs: 1, breaker: { failureThreshold: 4 } });
    server.script = answer(404);
    for (let i = 0; i < 6; i++) await outcome(upstream.json(get, anything));
    expect(upstream.breakerState).toBe('closed');
    server.script = answer(429);
    for (let i = 0; i < 3; i++) await outcome(upstream.json(get, anything)); // 3 attempts each
    expect(upstream.breakerState).toBe('closed');
    server.script = resetSocket;
    expect(await outcome(upstream.json(get, anything))).toMatch(/provider unreachable/); // 3 failures
    expect(upstream.breakerState).toBe('closed');
    await outcome(upstream.json(get, anything));
    expect(upstream.breakerState).toBe('open');
    expect(server.received).toHaveLength(6 + 9 + 3 + 1);
  });

  it('lets one probe through after resetTimeoutMs and closes on its success', async () => {
    server.script = answer(503);
    const changes: string[] = [];
    const upstream = client({
      breaker: { failureThreshold: 2, resetTimeoutMs: RESET_MS },
      onBreakerStateChange: ({ previous, state }) => changes.push(`${previous}->${state}`),
    });
    await outcome(upstream.json(get, anything));
    await outcome(upstream.json(get, anything));
    clock.advance(RESET_MS - 60_000);
    expect(await outcome(upstream.json(get, anything))).toMatch(/circuit open/);
    expect(upstream.breakerState).toBe('open');
    clock.advance(60_000);
    // The probe is held at the server until the test has checked the half-open state.
    let releaseProbe: (() => void) | undefined;
    server.script = (req, res, index) => {
      if (releaseProbe) return answer(200, { ok: true })(req, res, index);
      releaseProbe = () => answer(200, { ok: true })(req, res, index);
    };
    const probe = upstream.json(get, anything);
    await received(3);
    expect(upstream.breakerState).toBe('half-open');
    // While the probe is out, others are refused without a call.
    expect(await outcome(upstream.json(get, anything))).toMatch(/circuit open/);
    releaseProbe?.();
    await expect(probe).resolves.toMatchObject({ data: { ok: true } });
    expect(upstream.breakerState).toBe('closed');
    expect(await outcome(upstream.json(get, anything))).toBe('ok');
    expect(changes).toEqual(['closed->open', 'open->half-open', 'half-open->closed']);
    expect(server.received).toHaveLength(4);
  });

  it('reopens when the probe fails', async () => {
    server.script = answer(500);
    const changes: string[] = [];
    const upstream = client({
      breaker: { failureThreshold: 1, resetTimeoutMs: RESET_MS },
      onBreakerStateChange: ({ previous, state }) => changes.push(`${previous}->${state}`),
    });
    await outcome(upstream.json(get, anything));
    clock.advance(RESET_MS);
    await outcome(upstream.json(get, anything));
    expect(upstream.breakerState).toBe('open');
    expect(await outcome(upstream.json(get, anything))).toMatch(/circuit open/);
    expect(server.received).toHaveLength(2);
    expect(changes).toEqual(['closed->open', 'open->half-open', 'half-open->open']);
  });

  it('stops retrying once the breaker opens mid-request, reporting the real failure', async () => {
    server.script = answer(500);
    const upstream = client({ maxRetries: 5, retryBaseMs: 1, breaker: { failureThreshold: 2 } });
    expect(await outcome(upstream.json(get, anything))).toBe(
      'UPSTREAM_ERROR PLEO: HTTP 500 on GET /expenses',
    );
    expect(upstream.breakerState).toBe('open');
    expect(server.received).toHaveLength(2);
  });

  it('can be turned off', async () => {
    server.script = answer(500);
    const upstream = client({ breaker: false });
    for (let i = 0; i < 8; i++) await outcome(upstream.json(get, anything));
    expect(upstream.breakerState).toBe('closed');
    expect(server.received).toHaveLength(8);
  });

  it('does not count calls the caller aborted', async () => {
    server.script = stall;
    const upstream = client({ breaker: { failureThreshold: 1 } });
    const controller = new AbortController();
    const call = outcome(upstream.json({ ...get, signal: controller.signal }, anything));
    await received(1);
    controller.abort();
    await call;
    expect(upstream.breakerState).toBe('closed');
  });
});

describe('UpstreamClient concurrency cap', () => {
  it('keeps at most maxConcurrent calls at the provider', async () => {
    server.script = holdUntilInFlight(2, answer(200, {}));
    const upstream = client({ maxConcurrent: 2, connections: 8 });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => outcome(upstream.json(get, anything))),
    );
    expect(results).toEqual(Array(10).fill('ok'));
    expect(server.peakInFlight).toBe(2);
  });

  it('fails a call that waits past queueTimeoutMs with UPSTREAM_TIMEOUT, without sending it', async () => {
    server.script = stall;
    const upstream = client({ maxConcurrent: 1, queueTimeoutMs: 100, headersTimeoutMs: 5_000 });
    void outcome(upstream.json(get, anything));
    await received(1);
    expect(await outcome(upstream.json(get, anything))).toBe(
      'UPSTREAM_TIMEOUT PLEO: no free connection for GET /expenses in time',
    );
    expect(server.received).toHaveLength(1);
  });

  it('refuses at once when the queue is full', async () => {
    server.script = stall;
    const upstream = client({ maxConcurrent: 1, maxQueued: 1, headersTimeoutMs: 5_000 });
    void outcome(upstream.json(get, anything));
    void outcome(upstream.json(get, anything));
    await received(1);
    expect(await outcome(upstream.json(get, anything))).toMatch(/UPSTREAM_ERROR .*too many calls waiting/);
  });

  it('a caller that gives up while queued is refused at once and holds up no one behind it', async () => {
    const held: (() => void)[] = [];
    server.script = (req, res) => held.push(() => answer(200, {})(req, res, 0));
    const upstream = client({ maxConcurrent: 1, headersTimeoutMs: 5_000 });
    const first = outcome(upstream.json(get, anything));
    await received(1);
    const controller = new AbortController();
    const quitter = outcome(upstream.json({ ...get, signal: controller.signal }, anything));
    const patient = outcome(upstream.json(get, anything));
    controller.abort();
    expect(await quitter).toBe('UPSTREAM_ERROR PLEO: GET /expenses aborted');
    held.shift()?.();
    expect(await first).toBe('ok');
    await received(2);
    held.shift()?.();
    expect(await patient).toBe('ok');
    expect(server.received).toHaveLength(2);
  });

  it('frees the slot at the response headers, so an undrained body cannot block later calls', async () => {
    server.script = answer(200, { big: 'x'.repeat(100) });
    const upstream = client({ maxConcurrent: 1, queueTimeoutMs: 200 });
    const forgotten = await upstream.send(get);
    expect(forgotten.status).toBe(200);
    expect(await outcome(upstream.json(get, anything))).toBe('ok');
    await forgotten.body.dump();
  });
});
