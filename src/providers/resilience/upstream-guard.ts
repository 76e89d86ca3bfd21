/**
 * What stands between a connector and a provider before any socket is used: the provider's circuit
 * breaker (fail at once while it is down) and its concurrency cap (bounded queue with a wait timeout),
 * both cockatiel policies. Refusals are typed UpstreamErrors that name the route, never the URL.
 */
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  IsolatedCircuitError,
  circuitBreaker,
  handleWhen,
  type BulkheadPolicy,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { ErrorCode, UpstreamError, type ProviderName } from '../../errors';
import { acquireSlot, slotBulkhead, type SlotRefusal } from './bulkhead-slot';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerStateChange {
  provider: ProviderName;
  state: BreakerState;
  previous: BreakerState;
}

export interface UpstreamGuardOptions {
  provider: ProviderName;
  /** Breaker tuning (defaults 5 consecutive failures, one probe after 10,000 ms), or `false` for none. */
  breaker: { failureThreshold?: number; resetTimeoutMs?: number } | false;
  maxConcurrent: number;
  maxQueued: number;
  queueTimeoutMs: number;
  onBreakerStateChange?: (event: BreakerStateChange) => void;
}

/** Statuses that mean the provider is failing, not the caller: retried when idempotent, counted by the breaker. */
export const isFailureStatus = (status: number): boolean => status === 429 || status >= 500;

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'open',
};

/** An outcome the breaker must not judge (a 429, a call the caller aborted): carried out of it unjudged. */
class Unjudged extends Error {
  constructor(readonly outcome: { response: { statusCode: number } } | { error: unknown }) {
    super('unjudged upstream outcome');
  }
}

export class UpstreamGuard {
  private readonly breaker: CircuitBreakerPolicy | null;
  private readonly slots: BulkheadPolicy;

  constructor(private readonly options: UpstreamGuardOptions) {
    this.slots = slotBulkhead(options.maxConcurrent, options.maxQueued);
    this.breaker = options.breaker === false ? null : this.createBreaker(options.breaker);
  }

  get breakerState(): BreakerState {
    return this.breaker ? STATE_NAMES[this.breaker.state] : 'closed';
  }

  /**
   * Runs `call` (which resolves at the response headers) under the breaker and a concurrency slot, or
   * throws: UPSTREAM_ERROR "circuit open" at once while the breaker is open or its one probe is out,
   * UPSTREAM_TIMEOUT when no slot frees up in time, UPSTREAM_ERROR when the queue is full. The slot is
   * freed at the headers, so that a caller that forgets to drain a body cannot leak it (sockets still
   * streaming bodies stay capped by the pool). 5xx answers and network errors count as breaker failures.
   */
  async run<R extends { statusCode: number }>(
    route: string,
    signal: AbortSignal | undefined,
    call: () => Promise<R>,
  ): Promise<R> {
    if (!this.breaker) return this.inSlot(route, signal, call);
    // cockatiel queues callers behind a half-open probe; ours fail at once, as while open.
    if (this.breaker.state === CircuitState.HalfOpen) throw this.circuitOpen(route);
    try {
      return await this.breaker.execute(() => this.judged(route, signal, call));
    } catch (error) {
      if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError)
        throw this.circuitOpen(route);
      if (!(error instanceof Unjudged)) throw error;
      if ('error' in error.outcome) throw error.outcome.error;
      return error.outcome.response as R;
    }
  }

  private async judged<R extends { statusCode: number }>(
    route: string,
    signal: AbortSignal | undefined,
    call: () => Promise<R>,
  ): Promise<R> {
    let response: R;
    try {
      response = await this.inSlot(route, signal, call);
    } catch (error) {
      // Our own refusals (queue) and the caller's aborts say nothing about the provider.
      if (error instanceof UpstreamError || signal?.aborted) throw new Unjudged({ error });
      throw error;
    }
    // A 429 is the provider pacing one credential, not failing: it never opens the circuit for all.
    if (response.statusCode === 429) throw new Unjudged({ response });
    return response;
  }

  private async inSlot<R>(
    route: string,
    signal: AbortSignal | undefined,
    call: () => Promise<R>,
  ): Promise<R> {
    const { queueTimeoutMs } = this.options;
    const release = await acquireSlot(this.slots, {
      timeoutMs: queueTimeoutMs,
      ...(signal ? { signal } : {}),
      refuse: (reason) => this.queueError(reason, route),
    });
    try {
      return await call();
    } finally {
      release();
    }
  }

  private createBreaker(tuning: { failureThreshold?: number; resetTimeoutMs?: number }) {
    const breaker = circuitBreaker(
      handleWhen((error) => !(error instanceof Unjudged)).orWhenResult(
        (response) => (response as { statusCode: number }).statusCode >= 500,
      ),
      {
        halfOpenAfter: tuning.resetTimeoutMs ?? 10_000,
        breaker: new ConsecutiveBreaker(Math.max(1, tuning.failureThreshold ?? 5)),
      },
    );
    let previous: BreakerState = 'closed';
    breaker.onStateChange((next) => {
      const state = STATE_NAMES[next];
      const change = { provider: this.options.provider, state, previous };
      previous = state;
      this.options.onBreakerStateChange?.(change);
    });
    return breaker;
  }

  private circuitOpen(route: string): UpstreamError {
    return new UpstreamError(
      this.options.provider,
      ErrorCode.UPSTREAM_ERROR,
      `circuit open, ${route} not sent (provider failing)`,
    );
  }

  private queueError(reason: SlotRefusal, route: string): UpstreamError {
    const { provider } = this.options;
    if (reason === 'timeout') {
      return new UpstreamError(
        provider,
        ErrorCode.UPSTREAM_TIMEOUT,
        `no free connection for ${route} in time`,
      );
    }
    if (reason === 'aborted')
      return new UpstreamError(provider, ErrorCode.UPSTREAM_ERROR, `${route} aborted`);
    return new UpstreamError(provider, ErrorCode.UPSTREAM_ERROR, `too many calls waiting for ${route}`);
  }
}
