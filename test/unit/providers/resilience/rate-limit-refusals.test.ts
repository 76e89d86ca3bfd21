/**
 * A 429 with a budget: waited out (for its Retry-After in seconds or as a date, or its spent window's reset, or half a second
 * when it names neither) and sent again, never handed to the caller while the deadline allows. Real
 * HTTP against a scripted server; the budget's waits run on a hand-moved clock. A call refused before
 * it left reached no provider and gives its budget back.
 */
import { z } from 'zod';
import type { UpstreamClientOptions } from '../../../../src/providers/http';
import { MemoryStore } from '../../../../src/store/memory-store';
import { FakeClock } from '../../../support/fake-clock';
import {
  answer,
  scriptedClients,
  sequence,
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

const get = { method: 'GET', path: '/entries', route: 'GET /entries' } as const;

/** Lets real I/O run until `check` holds (a bounded number of event-loop turns, never a time). */
async function until(check: () => boolean): Promise<void> {
  for (let turn = 0; turn < 2_000 && !check(); turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(check()).toBe(true);
}

function budgeted(clock: FakeClock, options: Partial<UpstreamClientOptions> = {}, requests = 20) {
  return clients.make({
    ...options,
    credential: 'token-1',
    budgetStore: new MemoryStore(clock.now),
    budgetClock: clock,
    upstream: { ...options.upstream, providers: { PLEO: { budget: { requests, perMs: 10_000 } } } },
  });
}

it.each([
  ['its Retry-After', { 'retry-after': '3' }, 3_000],
  // RFC 9110 allows an HTTP-date: the FakeClock's start plus three seconds.
  ['its Retry-After as an HTTP-date', { 'retry-after': new Date(1_700_000_003_000).toUTCString() }, 3_000],
  ['its spent window’s reset', { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '7' }, 7_000],
  ['half a second when it names no wait', { 'x-rate-limit-remaining': '12', 'x-rate-limit-reset': '7' }, 500],
] as const)('waits out a 429 for %s, then sends the call again', async (_label, headers, waitMs) => {
  const clock = new FakeClock();
  server.script = sequence(answer(429, {}, headers), answer(200, { ok: true }));
  let settled = false;
  const call = budgeted(clock)
    .json(get, z.object({ ok: z.boolean() }))
    .finally(() => (settled = true));
  await until(() => server.received.length === 1 && clock.sleeping === 1);
  await clock.advance(waitMs - 100);
  expect(server.received).toHaveLength(1);
  await clock.advance(200);
  await until(() => settled);
  expect((await call).data).toEqual({ ok: true });
  expect(server.received).toHaveLength(2);
});

it('sends a call refused again and again four times in all, retries included: the refusals are its retries', async () => {
  server.script = answer(429, {}, { 'retry-after': '0' });
  const upstream = budgeted(new FakeClock(), { maxRetries: 2 });
  await expect(upstream.json(get, z.unknown())).rejects.toMatchObject({
    extensions: { code: 'UPSTREAM_RATE_LIMITED' },
  });
  expect(server.received).toHaveLength(4);
});

describe('a call refused before it left gives its budget back', () => {
  const ok = z.object({ ok: z.boolean() });
  // No wait for budget and a clock that never moves: a spent budget fails at once.
  const noWait = { upstream: { waitMs: 0 } };

  it('when its beforeDispatch stopped it (a write whose lease lapsed)', async () => {
    server.script = answer(200, { ok: true });
    const upstream = budgeted(new FakeClock(), noWait, 1);
    const stopped = new Error('lease lapsed');
    await expect(upstream.send({ ...get, beforeDispatch: () => Promise.reject(stopped) })).rejects.toBe(
      stopped,
    );
    expect((await upstream.json(get, ok)).data).toEqual({ ok: true });
    expect(server.received).toHaveLength(1);
  });

  it('when the concurrency queue was full', async () => {
    let release: () => void = () => undefined;
    server.script = (req, res, index) => {
      if (index > 0) return answer(200, { ok: true })(req, res, index);
      release = () => answer(200, { ok: true })(req, res, index);
    };
    const upstream = budgeted(new FakeClock(), { ...noWait, maxConcurrent: 1, maxQueued: 0 }, 2);
    const held = upstream.json(get, ok);
    await until(() => server.received.length === 1);
    await expect(upstream.json(get, ok)).rejects.toThrow(/too many calls waiting/);
    release();
    await held;
    expect((await upstream.json(get, ok)).data).toEqual({ ok: true });
    expect(server.received).toHaveLength(2);
  });
});
