/**
 * UpstreamClient retries (cockatiel's retry policy), timeouts and error mapping, over real HTTP against
 * a scripted loopback server. Tests of long waits fake the timers and Date, and advance them by each
 * wait the client announces, so they assert on the waits asked for, never on elapsed time.
 */
import { z } from 'zod';
import { UpstreamError } from '../../../../src/errors';
import { UpstreamClient, type UpstreamClientOptions } from '../../../../src/providers/http';
import { bindUpstreamScope, newUpstreamScope } from '../../../../src/providers/resilience/upstream-scope';
import {
  answer,
  resetSocket,
  sequence,
  stall,
  stallBody,
  startScriptedServer,
  type ScriptedServer,
} from './scripted-server';

let server: ScriptedServer;
const clients: UpstreamClient[] = [];

beforeEach(async () => {
  server = await startScriptedServer();
});

afterEach(async () => {
  jest.useRealTimers();
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await server.close();
});

/** Fakes timers and Date (not the I/O loop); each retry's wait passes at once. Returns the waits. */
function fakeRetryWaits(): { slept: number[]; onRetry: (delayMs: number) => void } {
  jest.useFakeTimers({
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'performance'],
  });
  const slept: number[] = [];
  return {
    slept,
    onRetry: (delayMs) => {
      slept.push(delayMs);
      jest.advanceTimersByTime(delayMs);
    },
  };
}

function client(options: Partial<UpstreamClientOptions> = {}) {
  const created = new UpstreamClient({
    provider: 'INQOM',
    baseUrl: server.baseUrl,
    retryBaseMs: 1,
    breaker: false,
    ...options,
  });
  clients.push(created);
  return created;
}

const items = z.object({ items: z.array(z.number()) });
const get = { method: 'GET', path: '/items', route: 'GET /items' } as const;
const post = { method: 'POST', path: '/exports', route: 'POST /exports', body: '{}' } as const;

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe('UpstreamClient retries', () => {
  it('retries an idempotent GET on 5xx and resets, then returns the success', async () => {
    server.script = sequence(answer(500), resetSocket, answer(200, { items: [1] }));
    const attempts: (number | null)[] = [];
    const upstream = client({ onAttempt: (event) => attempts.push(event.status) });
    const { data } = await upstream.json(get, items);
    expect(data).toEqual({ items: [1] });
    expect(server.received).toHaveLength(3);
    expect(attempts).toEqual([500, null, 200]);
  });

  it('stops after maxRetries and maps the last status', async () => {
    server.script = answer(502);
    const error = await failure(client({ maxRetries: 2 }).json(get, items));
    expect(error.code).toBe('UPSTREAM_ERROR');
    expect(error.status).toBe(502);
    expect(server.received).toHaveLength(3);
  });

  it('never retries a POST: a lost response may hide a committed write', async () => {
    server.script = answer(503);
    await failure(client({ maxRetries: 5 }).json(post, items));
    server.script = resetSocket;
    const reset = await failure(client({ maxRetries: 5 }).json(post, items));
    expect(reset.code).toBe('UPSTREAM_ERROR');
    expect(server.received.map((r) => r.method)).toEqual(['POST', 'POST']);
  });

  it('retries a POST only when the caller marks it idempotent (a token call)', async () => {
    server.script = sequence(answer(500), answer(200, { items: [] }));
    await client().json({ ...post, idempotent: true }, items);
    expect(server.received).toHaveLength(2);
  });

  it('waits for Retry-After before retrying a 429', async () => {
    server.script = sequence(answer(429, {}, { 'retry-after': '1' }), answer(200, { items: [2] }));
    const clock = fakeRetryWaits();
    const { data } = await client({ onRetry: clock.onRetry }).json(get, items);
    expect(data.items).toEqual([2]);
    expect(clock.slept).toEqual([1_000]);
    expect(server.received).toHaveLength(2);
  });

  it('does not wait when Retry-After exceeds the budget: RATE_LIMITED with retryAfterSeconds', async () => {
    server.script = answer(429, {}, { 'retry-after': '30' });
    const clock = fakeRetryWaits();
    const error = await failure(client({ retryBudgetMs: 5_000, onRetry: clock.onRetry }).json(get, items));
    expect(clock.slept).toEqual([]);
    expect(error.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.extensions).toMatchObject({ retryAfterSeconds: 30, upstreamStatus: 429 });
    expect(server.received).toHaveLength(1);
  });

  it('does not wait past its request’s deadline either: RATE_LIMITED at once', async () => {
    server.script = sequence(answer(429, {}, { 'retry-after': '3' }), answer(200, { items: [2] }));
    const clock = fakeRetryWaits();
    const signal = new AbortController().signal;
    bindUpstreamScope(signal, newUpstreamScope('interactive', Date.now() + 1_000));
    const upstream = client({ retryBudgetMs: 5_000, onRetry: clock.onRetry });
    const error = await failure(upstream.json({ ...get, signal }, items));
    expect(clock.slept).toEqual([]);
    expect(error.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(error.retryAfterSeconds).toBe(3);
    expect(server.received).toHaveLength(1);
  });

  it('bounds the total retry time by retryBudgetMs even with many retries allowed', async () => {
    server.script = answer(503, {}, { 'retry-after': '1' });
    const clock = fakeRetryWaits();
    const upstream = client({ maxRetries: 10, retryBudgetMs: 2_500, onRetry: clock.onRetry });
    const error = await failure(upstream.json(get, items));
    // Attempts at 0 s, 1 s, 2 s; a third wait would end at 3 s, past the 2.5 s budget.
    expect(server.received).toHaveLength(3);
    expect(clock.slept).toEqual([1_000, 1_000]);
    expect(error.status).toBe(503);
  });
});

describe('UpstreamClient failure mapping', () => {
  it('maps a server that never answers to UPSTREAM_TIMEOUT', async () => {
    server.script = stall;
    const error = await failure(client({ headersTimeoutMs: 150, maxRetries: 0 }).json(get, items));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
  });

  it('maps a body that stalls midway to UPSTREAM_TIMEOUT', async () => {
    server.script = stallBody;
    const error = await failure(client({ bodyTimeoutMs: 150 }).json(get, items));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
  });

  it('maps 504 to UPSTREAM_TIMEOUT and 401 to UPSTREAM_ERROR without retrying the 401', async () => {
    server.script = answer(504);
    expect((await failure(client({ maxRetries: 0 }).json(get, items))).code).toBe('UPSTREAM_TIMEOUT');
    server.script = answer(401);
    const refused = await failure(client().json(get, items));
    expect(refused.message).toMatch(/credentials refused/);
    expect(server.received).toHaveLength(2);
  });

  it('maps malformed JSON and a drifted shape to UPSTREAM_INVALID_RESPONSE', async () => {
    server.script = answer(200, '{"items":[1,');
    const malformed = await failure(client().json(get, items));
    expect(malformed.code).toBe('UPSTREAM_INVALID_RESPONSE');
    expect(malformed.message).toMatch(/malformed JSON from GET \/items/);
    server.script = answer(200, { items: ['one'] });
    expect((await failure(client().json(get, items))).code).toBe('UPSTREAM_INVALID_RESPONSE');
  });

  it('maps a refused connection to UPSTREAM_ERROR', async () => {
    const address = server.baseUrl;
    await server.close();
    server = await startScriptedServer();
    const error = await failure(client({ baseUrl: address, maxRetries: 0 }).json(get, items));
    expect(error.code).toBe('UPSTREAM_ERROR');
    expect(error.message).toMatch(/provider unreachable/);
  });

  it('never puts the URL query or the Authorization value in an error', async () => {
    const secrets = { query: 'q-s3cret-token', auth: 'Bearer h3ader-s3cret' };
    const request = {
      ...get,
      query: { api_key: secrets.query },
      headers: { authorization: secrets.auth },
    };
    const faults = [
      answer(500),
      answer(401),
      answer(429),
      resetSocket,
      stall,
      answer(200, '{bad'),
      stallBody,
    ];
    const messages: string[] = [];
    for (const fault of faults) {
      server.script = fault;
      const upstream = client({ maxRetries: 0, headersTimeoutMs: 150, bodyTimeoutMs: 150, breaker: {} });
      const error = await failure(upstream.json(request, items));
      messages.push(error.message, JSON.stringify(error.extensions), String(error.stack));
    }
    expect(server.received[0]).toMatchObject({
      url: `/api/items?api_key=${secrets.query}`,
      authorization: secrets.auth,
    });
    for (const text of messages) {
      expect(text).not.toContain(secrets.query);
      expect(text).not.toContain('h3ader-s3cret');
      expect(text).not.toContain('api_key');
    }
  });
});
