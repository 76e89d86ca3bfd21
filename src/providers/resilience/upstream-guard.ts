/**
 * What stands between a connector and a provider before any socket is used: the provider's circuit
 * breaker (fail at once while it is down) and its concurrency cap (bounded queue with a wait timeout).
 * Refusals are typed UpstreamErrors that name the route, never the URL.
 */
import { ErrorCode, UpstreamError, type ProviderName } from '../../errors';
import { CircuitBreaker, type BreakerPermit, type BreakerState } from './circuit-breaker';
import { ConcurrencyLimiter, type LimiterRejection } from './concurrency-limiter';

export interface BreakerStateChange {
  provider: ProviderName;
  state: BreakerState;
  previous: BreakerState;
}

export interface UpstreamGuardOptions {
  provider: ProviderName;
  /** Breaker tuning, or `false` for none. */
  breaker: { failureThreshold?: number; resetTimeoutMs?: number } | false;
  maxConcurrent: number;
  maxQueued: number;
  queueTimeoutMs: number;
  onBreakerStateChange?: (event: BreakerStateChange) => void;
  /** Clock for the breaker, injectable for tests (default `Date.now`). */
  now?: () => number;
}

/** One admitted call: settle it once with what happened. */
export interface GuardTicket {
  /** The provider answered with `status` (5xx count as breaker failures; a 429 is neither outcome). */
  answered(status: number): void;
  /** No answer (network error, timeout); `callerAborted` calls do not count against the provider. */
  failed(callerAborted: boolean): void;
}

/** Statuses that mean the provider is failing, not the caller: retried when idempotent, counted by the breaker. */
export const isFailureStatus = (status: number): boolean => status === 429 || status >= 500;

export class UpstreamGuard {
  private readonly breaker: CircuitBreaker | null;
  private readonly limiter: ConcurrencyLimiter;

  constructor(private readonly options: UpstreamGuardOptions) {
    const { provider, onBreakerStateChange } = options;
    this.breaker =
      options.breaker === false
        ? null
        : new CircuitBreaker({
            ...options.breaker,
            ...(options.now ? { now: options.now } : {}),
            onStateChange: (state, previous) => onBreakerStateChange?.({ provider, state, previous }),
          });
    this.limiter = new ConcurrencyLimiter(options);
  }

  get breakerState(): BreakerState {
    return this.breaker?.state ?? 'closed';
  }

  get inFlight(): number {
    return this.limiter.inFlight;
  }

  /**
   * Admits a call or throws: UPSTREAM_ERROR "circuit open" at once while the breaker is open,
   * UPSTREAM_TIMEOUT when no slot frees up in time, UPSTREAM_ERROR when the queue is full.
   * The slot is freed when the ticket settles, i.e. when response headers arrive, so that a caller
   * that forgets to drain a body cannot leak it (sockets still streaming bodies stay capped by the pool).
   */
  async enter(route: string, signal?: AbortSignal): Promise<GuardTicket> {
    const permit = this.acquirePermit(route);
    let release: () => void;
    try {
      release = await this.limiter.acquire((reason) => this.queueError(reason, route), signal);
    } catch (error) {
      permit?.release();
      throw error;
    }
    return {
      answered: (status) => {
        release();
        // A 429 is the provider pacing one credential, not failing: it never opens the circuit for all.
        if (status === 429) permit?.release();
        else if (isFailureStatus(status)) permit?.failure();
        else permit?.success();
      },
      failed: (callerAborted) => {
        release();
        if (callerAborted) permit?.release();
        else permit?.failure();
      },
    };
  }

  private acquirePermit(route: string): BreakerPermit | null {
    if (!this.breaker) return null;
    const permit = this.breaker.tryAcquire();
    if (permit) return permit;
    throw new UpstreamError(
      this.options.provider,
      ErrorCode.UPSTREAM_ERROR,
      `circuit open, ${route} not sent (provider failing)`,
    );
  }

  private queueError(reason: LimiterRejection, route: string): UpstreamError {
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
