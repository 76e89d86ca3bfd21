/**
 * A per-provider circuit breaker: after `failureThreshold` consecutive failures it opens and callers
 * fail at once (no socket, no timeout to wait out) until `resetTimeoutMs` has passed; then ONE probe
 * goes through, closing the breaker on success and reopening it on failure.
 *
 * Hand-written rather than a library: no breaker library (opossum, cockatiel) is a dependency, and
 * the UpstreamClient must judge a *response* (5xx, 429) as a failure and release a caller-aborted probe
 * without an outcome, which promise-wrapping breakers only allow through as much glue code as this.
 */

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the breaker (default 5). */
  failureThreshold?: number;
  /** Time the breaker stays open before letting one probe through, in ms (default 10,000). */
  resetTimeoutMs?: number;
  /** Clock, injectable for tests (default `Date.now`). */
  now?: () => number;
  /** Called on every state change, for metrics and logs. */
  onStateChange?: (state: BreakerState, previous: BreakerState) => void;
}

/** The right to make one call; settle it once with the call's outcome (later settlements are ignored). */
export interface BreakerPermit {
  success(): void;
  failure(): void;
  /** Neither outcome (the caller gave up): frees a half-open probe slot without changing state. */
  release(): void;
}

export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probeInFlight = false;
  // Bumped on each transition so that calls started under an older state cannot move the new one.
  private generation = 0;
  private readonly failureThreshold: number;
  private readonly resetTimeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions = {}) {
    this.failureThreshold = Math.max(1, options.failureThreshold ?? 5);
    this.resetTimeoutMs = options.resetTimeoutMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The state now (an open breaker whose reset time has passed reports `half-open`). */
  get state(): BreakerState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.resetTimeoutMs)
      this.transition('half-open');
    return this.current;
  }

  /** Returns a permit, or null when the call must be refused (open, or a half-open probe is out). */
  tryAcquire(): BreakerPermit | null {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.probeInFlight)) return null;
    const isProbe = state === 'half-open';
    if (isProbe) this.probeInFlight = true;
    const generation = this.generation;
    let settled = false;
    const settle = (outcome: 'success' | 'failure' | 'release') => {
      if (settled) return;
      settled = true;
      if (isProbe && generation === this.generation) this.probeInFlight = false;
      if (generation !== this.generation || outcome === 'release') return;
      if (outcome === 'success') this.onSuccess();
      else this.onFailure();
    };
    return {
      success: () => settle('success'),
      failure: () => settle('failure'),
      release: () => settle('release'),
    };
  }

  /** Runs `call` under a permit: a rejection counts as a failure; `refused` builds the open error. */
  async execute<T>(call: () => Promise<T>, refused: () => Error): Promise<T> {
    const permit = this.tryAcquire();
    if (!permit) throw refused();
    try {
      const result = await call();
      permit.success();
      return result;
    } catch (error) {
      permit.failure();
      throw error;
    }
  }

  private onSuccess(): void {
    this.failures = 0;
    if (this.current !== 'closed') this.transition('closed');
  }

  private onFailure(): void {
    this.failures += 1;
    if (this.current === 'half-open' || this.failures >= this.failureThreshold) {
      this.openedAt = this.now();
      this.transition('open');
    }
  }

  private transition(next: BreakerState): void {
    const previous = this.current;
    if (previous === next) return;
    this.current = next;
    this.generation += 1;
    this.probeInFlight = false;
    if (next === 'closed') this.failures = 0;
    this.options.onStateChange?.(next, previous);
  }
}
