/**
 * MyUnisoft's documented quota: 20 requests per 10 seconds per API token, announced on every answer
 * with X-Rate-Limit-Remaining / -Reset / -Total. Reset is given in seconds until the window ends
 * (the docs do not say whether it is a delay or an instant: the simulator chooses a delay).
 */
export const RATE_LIMIT_TOTAL = 20;
export const RATE_LIMIT_WINDOW_MS = 10_000;

export interface RateLimitVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

export class TokenRateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly now: () => number,
    private readonly enforce: boolean,
  ) {}

  /** Counts one request for `key`; refuses it only when enforcement is on and the quota is spent. */
  take(key: string): RateLimitVerdict {
    const at = this.now();
    let window = this.windows.get(key);
    if (!window || at - window.startedAt >= RATE_LIMIT_WINDOW_MS) {
      window = { startedAt: at, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + RATE_LIMIT_WINDOW_MS - at) / 1000));
    const allowed = !this.enforce || window.count <= RATE_LIMIT_TOTAL;
    return {
      allowed,
      headers: {
        'x-rate-limit-remaining': String(Math.max(0, RATE_LIMIT_TOTAL - window.count)),
        'x-rate-limit-reset': String(resetSeconds),
        'x-rate-limit-total': String(RATE_LIMIT_TOTAL),
        ...(allowed ? {} : { 'retry-after': String(resetSeconds) }),
      },
    };
  }
}

/** MyUnisoft's documented bound on calls in flight at once on one route (per token). */
export const MAX_CONCURRENT_PER_ROUTE = 10;

export class RouteConcurrency {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly enforce: boolean) {}

  /** Counts a call on `key` (token and route); returns its release, or null when refused. */
  enter(key: string): (() => void) | null {
    const count = (this.inFlight.get(key) ?? 0) + 1;
    if (this.enforce && count > MAX_CONCURRENT_PER_ROUTE) return null;
    this.inFlight.set(key, count);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
    };
  }
}
