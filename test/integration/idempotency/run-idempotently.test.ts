/**
 * The idempotency core on both backends (memory, and a real redis-server with two clients standing
 * for two gateway instances): recorded outcomes, key bound to one input, one attempt at a time,
 * duplicates waiting then failing retryably, checkpoints surviving a failed attempt, lock takeover.
 */
import { randomUUID } from 'node:crypto';
import { idempotencyKeys } from '../../../src/idempotency/idempotency-record';
import { ErrorCode, UpstreamError } from '../../../src/errors';
import { runIdempotently, type IdempotentCall } from '../../../src/idempotency/run-idempotently';
import { MemoryStore } from '../../../src/store/memory-store';
import { RedisStore } from '../../../src/store/redis-store';
import type { SharedStore } from '../../../src/store/types';
import { startRedisServer, type RunningRedis } from '../../support/redis-server';

let redis: RunningRedis;
const opened: SharedStore[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await redis.stop();
});

/** Two handles on one backend: the state two gateway instances would share. */
const backends: [string, () => [SharedStore, SharedStore]][] = [
  [
    'memory',
    () => {
      const store = new MemoryStore();
      return [store, store];
    },
  ],
  [
    'redis',
    () => {
      const keyPrefix = `test:${randomUUID()}:`;
      const pair: [SharedStore, SharedStore] = [
        new RedisStore({ url: redis.url, keyPrefix }),
        new RedisStore({ url: redis.url, keyPrefix }),
      ];
      opened.push(...pair);
      return pair;
    },
  ],
];

/** A run that waits for `finish()`, and `started`, which resolves once the run holds the key. */
function gatedRun() {
  let finish: () => void = () => undefined;
  let markStarted: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (finish = resolve));
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  return { started, finish, wait: async () => (markStarted(), await gate) };
}

describe.each(backends)('runIdempotently on %s', (_name, open) => {
  let a: SharedStore;
  let b: SharedStore;
  let calls: number;
  beforeEach(() => {
    [a, b] = open();
    calls = 0;
  });
  const call = (store: SharedStore, over: Partial<IdempotentCall<unknown>> = {}) =>
    runIdempotently<unknown>({
      store,
      tenantId: 't1',
      key: 'key-1',
      operation: 'createExportJob',
      input: { company: 'c1', format: 'FEC' },
      pollMs: 10,
      run: async () => ({ job: ++calls }),
      ...over,
    });

  it('returns the recorded outcome for the same key and input, from either instance', async () => {
    expect(await call(a)).toEqual({ job: 1 });
    expect(await call(b)).toEqual({ job: 1 });
    expect(calls).toBe(1);
  });

  it('refuses the same key with another input, and keeps keys apart per tenant', async () => {
    await call(a);
    await expect(call(b, { input: { company: 'c2' } })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' },
    });
    expect(await call(b, { tenantId: 't2' })).toEqual({ job: 2 });
  });

  it('gives each tenant its own provider-side write reference for the same key', async () => {
    const writeIdOf = (store: SharedStore, tenantId: string) =>
      call(store, { tenantId, run: async (journal) => journal.writeId }) as Promise<string>;
    const [t1, t2] = [await writeIdOf(a, 't1'), await writeIdOf(a, 't2')];
    expect(t1).toMatch(/^gl-[0-9a-f]{32}$/);
    expect(t2).not.toBe(t1);
    expect(idempotencyKeys('t1', 'key-1').writeId).toBe(t1);
  });

  it('runs concurrent duplicates once: the second waits for the first outcome', async () => {
    const gated = gatedRun();
    const slow = async () => (await gated.wait(), { job: ++calls });
    const first = call(a, { run: slow });
    await gated.started;
    const second = call(b, { run: slow });
    gated.finish();
    expect(await first).toEqual({ job: 1 });
    expect(await second).toEqual({ job: 1 });
    expect(calls).toBe(1);
  });

  it('answers IDEMPOTENCY_IN_PROGRESS to a duplicate that waited past its bound', async () => {
    const gated = gatedRun();
    const first = call(a, { run: async () => (await gated.wait(), { job: ++calls }) });
    await gated.started;
    await expect(call(b, { waitMs: 50 })).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_IN_PROGRESS', retryable: true },
    });
    gated.finish();
    expect(await first).toEqual({ job: 1 });
    expect(await call(b)).toEqual({ job: 1 });
  });

  it('frees the key after a failure that saved no checkpoint', async () => {
    await expect(call(a, { run: async () => Promise.reject(new Error('down')) })).rejects.toThrow('down');
    expect(await call(b, { input: { other: true } })).toEqual({ job: 1 });
  });

  it('hands a saved checkpoint to the retry, which resumes from it', async () => {
    const failing = call(a, {
      run: async (journal) => {
        await journal.save({ phase1: 'file-hash' });
        throw new Error('lost answer');
      },
    });
    // The answer was lost after a checkpoint: the outcome is unknown, not a plain failure.
    await expect(failing).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_OUTCOME_UNCERTAIN', retryable: true, retryAfterSeconds: 90 },
    });
    // The checkpoint binds the key to its input until the retry finishes.
    await expect(call(b, { input: { company: 'c2' } })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    let seen: unknown;
    const outcome = await call(b, {
      run: async (journal) => {
        seen = journal.previous;
        return { resumed: true };
      },
    });
    expect(seen).toEqual({ phase1: 'file-hash' });
    expect(outcome).toEqual({ resumed: true });
  });

  it('never frees the key once the write committed, even for a refusal after it', async () => {
    const refusedAfterCommit = call(a, {
      run: async (journal) => {
        await journal.save({ sent: 'body-hash' });
        await journal.committed({ sent: 'body-hash', id: 'doc-7' });
        throw new UpstreamError('INQOM', ErrorCode.UPSTREAM_RATE_LIMITED, 'read-back refused', 429);
      },
    });
    // The caller learns what really failed; the key stays bound to the committed write.
    await expect(refusedAfterCommit).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_RATE_LIMITED' } });
    let seen: unknown;
    await call(b, {
      run: async (journal) => {
        seen = journal.previous;
        return { readBack: true };
      },
    });
    expect(seen).toEqual({ sent: 'body-hash', id: 'doc-7' });
  });

  it('lets a retry take over once the lock of a dead attempt expires', async () => {
    // A crashed instance leaves its lock behind, no longer renewed: it expires after its lease.
    await a.set(idempotencyKeys('t1', 'key-1').lock, 'dead-instance', 100);
    expect(await call(b, { waitMs: 2_000 })).toEqual({ job: 1 });
  });

  describe('an attempt whose outcome is unknown', () => {
    let clock: number;
    const now = () => clock;
    beforeEach(() => (clock = 1_000_000));
    const lostAfterCheckpoint = (store: SharedStore) =>
      call(store, {
        now,
        uncertainWindowMs: 30_000,
        run: async (journal) => {
          await journal.save({ sent: true });
          throw new UpstreamError('INQOM', ErrorCode.UPSTREAM_TIMEOUT, 'timed out on upload');
        },
      });
    /** A retry whose lookup finds nothing, then writes again (counted in `calls`). */
    const retryFindingNothing = (store: SharedStore) =>
      call(store, {
        now,
        uncertainWindowMs: 30_000,
        run: async (journal) => {
          journal.beforeRewrite();
          return { job: ++calls };
        },
      });

    it('is never written again while the provider may still commit it, then once the window passed', async () => {
      await expect(lostAfterCheckpoint(a)).rejects.toMatchObject({
        extensions: { code: 'IDEMPOTENCY_OUTCOME_UNCERTAIN', retryAfterSeconds: 30 },
      });
      clock += 20_000;
      await expect(retryFindingNothing(b)).rejects.toMatchObject({
        extensions: { code: 'IDEMPOTENCY_OUTCOME_UNCERTAIN', retryAfterSeconds: 10 },
      });
      expect(calls).toBe(0);
      // A retry that was refused does not restart the window.
      clock += 10_000;
      expect(await retryFindingNothing(b)).toEqual({ job: 1 });
      expect(await retryFindingNothing(a)).toEqual({ job: 1 });
    });

    it('frees the key when the provider refused the write (a 4xx proves nothing was stored)', async () => {
      const refused = call(a, {
        run: async (journal) => {
          await journal.save({ sent: true });
          throw new UpstreamError('JEPILOTE', ErrorCode.UPSTREAM_ERROR, 'export refused', 400);
        },
      });
      await expect(refused).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_ERROR' } });
      expect(await call(b, { input: { other: true } })).toEqual({ job: 1 });
    });
  });

  it('stops a holder whose lease lapsed before its next upstream step', async () => {
    let clock = 5_000;
    const sideEffects: string[] = [];
    const stale = call(a, {
      now: () => clock,
      leaseMs: 1_000,
      run: async (journal) => {
        await journal.save({ step: 1 });
        sideEffects.push('step 1');
        clock += 1_001; // paused past its lease (a stall): it no longer knows it holds the key
        await journal.save({ step: 2 });
        sideEffects.push('step 2');
        return { job: ++calls };
      },
    });
    await expect(stale).rejects.toMatchObject({ extensions: { code: 'IDEMPOTENCY_OUTCOME_UNCERTAIN' } });
    expect(sideEffects).toEqual(['step 1']);
  });

  it('answers a lease lapsed before the first step as retryable, never as an internal error', async () => {
    let clock = 5_000;
    const stalled = call(a, {
      now: () => clock,
      leaseMs: 1_000,
      run: async (journal) => {
        clock += 1_001; // stalled before its first checkpoint: it sent nothing, another may now run it
        await journal.save({ step: 1 });
        return { job: ++calls };
      },
    });
    await expect(stalled).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_OUTCOME_UNCERTAIN', retryable: true },
    });
    expect(calls).toBe(0);
  });

  it("keeps the successor's outcome when a holder whose lease lapsed finishes late", async () => {
    const keys = idempotencyKeys('t1', 'key-1');
    let release: () => void = () => undefined;
    let sent = false;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const late = call(a, {
      run: async (journal) => {
        await journal.save({ sent: true });
        sent = true;
        await gate;
        return { from: 'late holder' };
      },
    });
    while (!sent) await new Promise((resolve) => setImmediate(resolve));
    // The lease lapses (Redis stalled past it): the lock is gone and a retry takes over.
    await a.delete(keys.lock);
    const successor = await call(b, { run: async () => ({ from: 'successor' }) });
    expect(successor).toEqual({ from: 'successor' });
    release();
    // The late holder did write upstream: its caller gets that outcome, but the record stays the successor's.
    expect(await late).toEqual({ from: 'late holder' });
    expect(await call(a)).toEqual({ from: 'successor' });
  });
});
