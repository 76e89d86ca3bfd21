/**
 * Caps the calls in flight to one provider, queueing the rest in a bounded FIFO queue with a wait
 * timeout, so a slow provider makes callers fail fast with a typed error instead of piling up sockets
 * and memory. Hand-written: p-limit (only a transitive dependency here) has no queue bound, timeout or
 * abort, and this is small.
 */

export type LimiterRejection = 'queue-full' | 'timeout' | 'aborted';

/** Timer functions, injectable for tests (default the global ones). */
export interface LimiterTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ConcurrencyLimiterOptions {
  /** Calls allowed in flight at once. */
  maxConcurrent: number;
  /** Calls allowed to wait for a slot; more are refused at once (default 1,000). */
  maxQueued?: number;
  /** Longest wait for a slot in ms before the call is refused (default 10,000). */
  queueTimeoutMs?: number;
  timers?: LimiterTimers;
}

interface Waiter {
  grant(release: () => void): void;
  cancel(): void;
}

const globalTimers: LimiterTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiters: Waiter[] = [];
  private readonly maxConcurrent: number;
  private readonly maxQueued: number;
  private readonly queueTimeoutMs: number;
  private readonly timers: LimiterTimers;

  constructor(options: ConcurrencyLimiterOptions) {
    this.maxConcurrent = Math.max(1, options.maxConcurrent);
    this.maxQueued = options.maxQueued ?? 1_000;
    this.queueTimeoutMs = options.queueTimeoutMs ?? 10_000;
    this.timers = options.timers ?? globalTimers;
  }

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiters.length;
  }

  /**
   * Resolves with a `release` function once a slot is free (call it exactly once; extra calls are
   * ignored). Rejects with `reject(reason)` when the queue is full, the wait times out or `signal` aborts.
   */
  acquire(reject: (reason: LimiterRejection) => Error, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(reject('aborted'));
    if (this.active < this.maxConcurrent) return Promise.resolve(this.take());
    if (this.waiters.length >= this.maxQueued) return Promise.reject(reject('queue-full'));
    return new Promise((resolve, fail) => {
      const leave = (reason: LimiterRejection) => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        waiter.cancel();
        fail(reject(reason));
      };
      const timer = this.timers.setTimeout(() => leave('timeout'), this.queueTimeoutMs);
      const onAbort = () => leave('aborted');
      const waiter: Waiter = {
        grant: (release) => {
          waiter.cancel();
          resolve(release);
        },
        cancel: () => {
          this.timers.clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Runs `call` in a slot and frees the slot when it settles. */
  async run<T>(call: () => Promise<T>, reject: (reason: LimiterRejection) => Error): Promise<T> {
    const release = await this.acquire(reject);
    try {
      return await call();
    } finally {
      release();
    }
  }

  private take(): () => void {
    this.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      // Hand the freed slot straight to the oldest waiter, so a newcomer cannot jump the queue.
      const next = this.waiters.shift();
      if (next) next.grant(this.take());
    };
  }
}
