/** UpstreamClient circuit breaker and concurrency cap, over real HTTP against a scripted loopback server. */
import { z } from 'zod';
import { UpstreamError } from '../../../../src/errors';
import type { BreakerStateChange } from '../../../../src/providers/http';
import {
  answer,
  resetSocket,
  scriptedClients,
  stall,
  startScriptedServer,
  type ScriptedServer,
} from './scripted-server';

let server: ScriptedServer;
const clients = scriptedClients(() => server);
const client = clients.make;

beforeEach(async () => {
  server = await startScriptedServer();
});

afterEach(async () => {
  await clients.destroyAll();
  await server.close();
});

const anything = z.unknown();
const get = { method: 'GET', path: '/expenses', route: 'GET /expenses' } as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
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
    const started = Date.now();
    const refused = await outcome(upstream.json(get, anything));
    expect(refused).toBe('UPSTREAM_ERROR PLEO: circuit open, GET /expenses not sent (provider failing)');
    expect(Date.now() - started).toBeLessThan(50);
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
      breaker: { failureThreshold: 2, resetTimeoutMs: 200 },
      onBreakerStateChange: ({ previous, state }) => changes.push(`${previous}->${state}`),
    });
    await outcome(upstream.json(get, anything));
    await outcome(upstream.json(get, anything));
    await sleep(220);
    expect(upstream.breakerState).toBe('half-open');
    server.script = (_req, res) => setTimeout(() => answer(200, { ok: true })(_req, res, 0), 50);
    const probe = upstream.json(get, anything);
    // While the probe is out, others are refused without a call.
    expect(await outcome(upstream.json(get, anything))).toMatch(/circuit open/);
    await expect(probe).resolves.toMatchObject({ data: { ok: true } });
    expect(upstream.breakerState).toBe('closed');
    expect(await outcome(upstream.json(get, anything))).toBe('ok');
    expect(changes).toEqual(['closed->open', 'open->half-open', 'half-open->closed']);
    expect(server.received).toHaveLength(4);
  });

  it('reopens when the probe fails', async () => {
    server.script = answer(500);
    const upstream = client({ breaker: { failureThreshold: 1, resetTimeoutMs: 100 } });
    await outcome(upstream.json(get, anything));
    await sleep(120);
    await outcome(upstream.json(get, anything));
    expect(upstream.breakerState).toBe('open');
    expect(server.received).toHaveLength(2);
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
    await sleep(50);
    controller.abort();
    await call;
    expect(upstream.breakerState).toBe('closed');
  });
});

describe('UpstreamClient concurrency cap', () => {
  it('keeps at most maxConcurrent calls at the provider', async () => {
    server.script = (req, res) => setTimeout(() => answer(200, {})(req, res, 0), 30);
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
    await sleep(30);
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
    await sleep(30);
    expect(await outcome(upstream.json(get, anything))).toMatch(/UPSTREAM_ERROR .*too many calls waiting/);
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
