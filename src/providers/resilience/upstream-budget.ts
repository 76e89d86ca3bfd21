/**
 * The request budget of one (provider, credential): at most `requests` calls in any `perMs`, counted in
 * the shared store so that every gateway instance on one Redis spends one budget. Calls wait for budget
 * in order — interactive before bulk, then first come first served — up to their own deadline, then
 * fail with UPSTREAM_RATE_LIMITED and the seconds after which budget frees up (`retryAfterSeconds`).
 *
 * Counting: the window is cut into 10 buckets and a call counts the current bucket plus the 11 before,
 * so any `perMs` interval holds at most `requests` calls whatever the provider's own window alignment.
 * A call is counted when it leaves, then moved to the bucket of its answer (`settle`): the provider saw
 * it at some time in between, so a call granted after a full window counted from the answer can never
 * share the provider's window with it, however late a loaded machine's calls reach the provider.
 * A provider that says it has nothing left (429, `X-Rate-Limit-Remaining: 0`) pauses the budget until
 * its reset, for every instance.
 */
import { ErrorCode, UpstreamError, type ProviderName } from '../../errors';
import { MemoryStore } from '../../store/memory-store';
import type { SharedStore } from '../../store/types';

export interface BudgetLimit {
  /** Calls allowed in any `perMs` interval. */
  requests: number;
  perMs: number;
}

export type CallPriority = 'interactive' | 'bulk';

/** Time, injectable for tests (default the wall clock and setTimeout). */
export interface BudgetClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: BudgetClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
};

export interface BudgetTake {
  priority: CallPriority;
  /** Epoch ms after which the caller would rather fail than wait. */
  deadline: number;
  signal?: AbortSignal;
}

/** One call's share of the budget: settle it when the provider answers (or the call failed). */
export interface BudgetGrant {
  settle(): Promise<void>;
  /** The call never left (refused before dispatch): its count is given back instead. */
  release(): Promise<void>;
}

interface Waiter extends BudgetTake {
  seq: number;
  resolve(grant: BudgetGrant): void;
  reject(error: Error): void;
}

const BUCKETS = 10;
/** Buckets counted beyond the window: one for alignment, one for the network's jitter. */
const SPARE = 2;

export class UpstreamBudget {
  private readonly bucketMs: number;
  private readonly queue: Waiter[] = [];
  private pumping = false;
  private seq = 0;
  private lastRemaining: number;
  /** Counts while the shared store fails: a Redis outage must not become a provider outage. */
  private readonly local: MemoryStore;

  constructor(
    private readonly options: {
      provider: ProviderName;
      store: SharedStore;
      /** Store key prefix naming the (provider, credential), never the credential itself. */
      key: string;
      limit: BudgetLimit;
      clock?: BudgetClock;
    },
  ) {
    this.bucketMs = Math.max(1, Math.ceil(options.limit.perMs / BUCKETS));
    this.lastRemaining = options.limit.requests;
    this.local = new MemoryStore(() => this.clock.now());
  }

  /** Runs `op` on the shared store, or on this instance's memory when the shared store fails. */
  private async counted<T>(op: (store: SharedStore) => Promise<T>): Promise<T> {
    try {
      return await op(this.options.store);
    } catch {
      return op(this.local);
    }
  }

  private get clock(): BudgetClock {
    return this.options.clock ?? systemClock;
  }

  /** Calls left in the window as last counted (or as the provider last said, when lower). */
  get remaining(): number {
    return this.lastRemaining;
  }

  /** Resolves once a call may be sent; rejects with UPSTREAM_RATE_LIMITED past the deadline. */
  take(request: BudgetTake): Promise<BudgetGrant> {
    if (request.signal?.aborted) return Promise.reject(this.abortError());
    return new Promise<BudgetGrant>((resolve, reject) => {
      const onAbort = () => {
        if (this.leave(waiter)) reject(this.abortError());
      };
      const settled = () => request.signal?.removeEventListener('abort', onAbort);
      const waiter: Waiter = {
        ...request,
        seq: this.seq++,
        resolve: (grant) => (settled(), resolve(grant)),
        reject: (error) => (settled(), reject(error)),
      };
      this.queue.push(waiter);
      this.queue.sort((a, b) => rank(a) - rank(b) || a.seq - b.seq);
      request.signal?.addEventListener('abort', onAbort, { once: true });
      void this.pump();
    });
  }

  /** The provider said how much is left and in how many seconds its window resets. */
  async sync(remaining: number, resetSeconds: number): Promise<void> {
    this.lastRemaining = Math.min(this.lastRemaining, remaining);
    if (remaining <= 0) await this.pause(resetSeconds * 1000);
  }

  /** Nothing may be sent for `ms` (a 429's Retry-After, or a spent provider window). */
  async pause(ms: number): Promise<void> {
    const until = this.clock.now() + ms;
    await this.counted(async (store) => {
      const current = Number((await store.get(this.pausedKey)) ?? 0);
      if (until > current) await store.set(this.pausedKey, String(until), ms);
    });
    this.lastRemaining = 0;
  }

  private get pausedKey(): string {
    return `${this.options.key}:paused`;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const outcome = await this.tryOnce();
        const head = this.queue[0];
        if (!head) {
          if ('bucket' in outcome) await this.move(outcome.bucket, null);
          break;
        }
        if ('bucket' in outcome) {
          this.queue.shift();
          const granted = outcome.bucket;
          head.resolve({
            settle: () => this.move(granted, Math.floor(this.clock.now() / this.bucketMs)),
            release: () => this.move(granted, null),
          });
          continue;
        }
        const { readyAt } = outcome;
        const wait = Math.max(1, readyAt - this.clock.now());
        // Nobody queued can be served before readyAt: those whose deadline comes first fail now.
        for (const waiter of [...this.queue]) {
          if (waiter.deadline < readyAt && this.leave(waiter)) waiter.reject(this.limitedError(wait));
        }
        if (this.queue.length > 0) await this.clock.sleep(wait);
      }
    } catch (error) {
      // Unexpected (even the memory fallback failed): every waiter gets the error rather than waiting forever.
      for (const waiter of this.queue.splice(0)) waiter.reject(error as Error);
    } finally {
      this.pumping = false;
    }
  }

  /** Moves one counted call from bucket `from` to bucket `to` (null: gives it back). */
  private async move(from: number, to: number | null): Promise<void> {
    if (from === to) return;
    const { key } = this.options;
    const ttl = (BUCKETS + SPARE + 1) * this.bucketMs;
    await this.counted(async (store) => {
      if (to !== null) await store.increment(`${key}:${to}`, 1, ttl);
      await store.increment(`${key}:${from}`, -1, ttl);
    });
  }

  /** Takes one call from the shared count: its bucket when granted, else when one may free up. */
  private tryOnce(): Promise<{ bucket: number } | { readyAt: number }> {
    return this.counted((store) => this.tryOn(store));
  }

  private async tryOn(store: SharedStore): Promise<{ bucket: number } | { readyAt: number }> {
    const { key, limit } = this.options;
    const now = this.clock.now();
    const pausedUntil = Number((await store.get(this.pausedKey)) ?? 0);
    if (pausedUntil > now) {
      this.lastRemaining = 0;
      return { readyAt: pausedUntil };
    }
    const bucket = Math.floor(now / this.bucketMs);
    const ttl = (BUCKETS + SPARE + 1) * this.bucketMs;
    const mine = await store.increment(`${key}:${bucket}`, 1, ttl);
    const earlier = await Promise.all(
      Array.from({ length: BUCKETS + SPARE - 1 }, (_, i) => store.get(`${key}:${bucket - 1 - i}`)),
    );
    const counts = earlier.map((value) => Number(value ?? 0));
    const used = mine + counts.reduce((sum, n) => sum + n, 0);
    if (used <= limit.requests) {
      this.lastRemaining = limit.requests - used;
      return { bucket };
    }
    await store.increment(`${key}:${bucket}`, -1, ttl);
    this.lastRemaining = 0;
    // The oldest bucket holding calls leaves the window first.
    let oldest = -1;
    counts.forEach((n, i) => {
      if (n > 0) oldest = i;
    });
    const freedBucket = oldest >= 0 ? bucket - 1 - oldest : bucket;
    return { readyAt: Math.max(now + 1, (freedBucket + BUCKETS + SPARE) * this.bucketMs) };
  }

  private leave(waiter: Waiter): boolean {
    const index = this.queue.indexOf(waiter);
    if (index < 0) return false;
    this.queue.splice(index, 1);
    return true;
  }

  private limitedError(waitMs: number): UpstreamError {
    return new UpstreamError(
      this.options.provider,
      ErrorCode.UPSTREAM_RATE_LIMITED,
      'request budget spent: no call could be sent before the deadline',
      undefined,
      Math.max(1, Math.ceil(waitMs / 1000)),
    );
  }

  private abortError(): UpstreamError {
    return new UpstreamError(
      this.options.provider,
      ErrorCode.UPSTREAM_ERROR,
      'aborted while waiting for budget',
    );
  }
}

const rank = (waiter: BudgetTake) => (waiter.priority === 'interactive' ? 0 : 1);
