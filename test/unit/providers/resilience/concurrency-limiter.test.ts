import {
  ConcurrencyLimiter,
  type LimiterRejection,
  type LimiterTimers,
} from '../../../../src/providers/resilience/concurrency-limiter';

/** Manual timers: time moves only when the test says so. */
function manualTimers() {
  let now = 0;
  let nextId = 0;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: LimiterTimers = {
    setTimeout: (callback, ms) => {
      pending.set(++nextId, { at: now + ms, callback });
      return nextId;
    },
    clearTimeout: (handle) => pending.delete(handle as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...pending]) {
      if (timer.at <= now) {
        pending.delete(id);
        timer.callback();
      }
    }
  };
  return { timers, advance, pendingCount: () => pending.size };
}

const rejection = (reason: LimiterRejection) => new Error(`refused: ${reason}`);
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyLimiter', () => {
  it('admits up to maxConcurrent at once and queues the rest in arrival order', async () => {
    const { timers } = manualTimers();
    const limiter = new ConcurrencyLimiter({ maxConcurrent: 2, timers });
    const releaseA = await limiter.acquire(rejection);
    const releaseB = await limiter.acquire(rejection);
    const order: string[] = [];
    const c = limiter.acquire(rejection).then((release) => (order.push('c'), release));
    const d = limiter.acquire(rejection).then((release) => (order.push('d'), release));
    await flush();
    expect(limiter.inFlight).toBe(2);
    expect(limiter.queued).toBe(2);
    expect(order).toEqual([]);
    releaseA();
    releaseA(); // a second release must not free a second slot
    await flush();
    expect(order).toEqual(['c']);
    releaseB();
    await flush();
    expect(order).toEqual(['c', 'd']);
    (await c)();
    (await d)();
    expect(limiter.inFlight).toBe(0);
  });

  it('refuses at once when the queue is full', async () => {
    const limiter = new ConcurrencyLimiter({ maxConcurrent: 1, maxQueued: 1, timers: manualTimers().timers });
    await limiter.acquire(rejection);
    void limiter.acquire(rejection).catch(() => undefined);
    await expect(limiter.acquire(rejection)).rejects.toThrow('refused: queue-full');
  });

  it('rejects a waiter after queueTimeoutMs and gives its turn to the next one', async () => {
    const { timers, advance, pendingCount } = manualTimers();
    const limiter = new ConcurrencyLimiter({ maxConcurrent: 1, queueTimeoutMs: 1_000, timers });
    const release = await limiter.acquire(rejection);
    const late = limiter.acquire(rejection);
    advance(500);
    const next = limiter.acquire(rejection);
    advance(500);
    await expect(late).rejects.toThrow('refused: timeout');
    expect(limiter.queued).toBe(1);
    release();
    await expect(next).resolves.toEqual(expect.any(Function));
    expect(pendingCount()).toBe(0);
  });

  it('rejects a waiter whose signal aborts, and an already aborted signal at once', async () => {
    const limiter = new ConcurrencyLimiter({ maxConcurrent: 1, timers: manualTimers().timers });
    await limiter.acquire(rejection);
    const controller = new AbortController();
    const waiting = limiter.acquire(rejection, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow('refused: aborted');
    expect(limiter.queued).toBe(0);
    await expect(limiter.acquire(rejection, controller.signal)).rejects.toThrow('refused: aborted');
  });

  it('run() frees the slot whether the call resolves or rejects', async () => {
    const limiter = new ConcurrencyLimiter({ maxConcurrent: 1 });
    await expect(limiter.run(async () => 'ok', rejection)).resolves.toBe('ok');
    await expect(limiter.run(() => Promise.reject(new Error('boom')), rejection)).rejects.toThrow('boom');
    expect(limiter.inFlight).toBe(0);
  });

  it('never has more than maxConcurrent calls running under load', async () => {
    const limiter = new ConcurrencyLimiter({ maxConcurrent: 3 });
    let running = 0;
    let peak = 0;
    const task = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 40 }, () => limiter.run(task, rejection)));
    expect(peak).toBe(3);
  });
});
