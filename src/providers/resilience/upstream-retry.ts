/**
 * Retries of one idempotent call, with cockatiel's retry policy: on network errors, 429 and 5xx, after
 * the provider's `Retry-After` or a fully jittered exponential backoff, within `maxRetries` and a cap
 * on the total time. A refusal made before any call (open circuit, full queue) is never retried.
 */
import {
  DelegateBackoff,
  ExponentialBackoff,
  fullJitterGenerator,
  handleWhen,
  retry,
  type IBackoff,
} from 'cockatiel';
import { UpstreamError } from '../../errors';
import { isFailureStatus } from './upstream-guard';

export interface RetryTuning {
  maxRetries: number;
  /** First backoff in ms, doubled per attempt, full jitter. */
  retryBaseMs: number;
  /** Cap on the total time spent retrying, waits included, in ms. */
  retryBudgetMs: number;
  /** Epoch ms of the request's deadline (its upstream scope's), past which no wait may end. */
  deadline?: number;
}

/** What the retries need of the response and of the client's error mapping. */
export interface RetriedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { dump(): Promise<void> };
}

export interface RetryMapping {
  statusError(status: number, retryAfterSeconds: number | undefined): UpstreamError;
  networkError(error: unknown): UpstreamError;
  retryAfterSeconds(headers: RetriedResponse['headers']): number | undefined;
  /** Whether a status is retried (default isFailureStatus: 429 and 5xx). */
  retried?: (status: number) => boolean;
  /** Called before each wait (metrics, tests driving timers). */
  onRetry?(delayMs: number): void;
}

/** Runs `attempt` and retries it as the header says; the last failed response is returned, not thrown. */
export async function withRetries<R extends RetriedResponse>(
  tuning: RetryTuning,
  signal: AbortSignal | undefined,
  attempt: () => Promise<R>,
  mapping: RetryMapping,
): Promise<R> {
  const started = Date.now();
  const jitter = new ExponentialBackoff({
    initialDelay: tuning.retryBaseMs,
    maxDelay: tuning.retryBudgetMs,
    generator: fullJitterGenerator,
  });
  let backoff: IBackoff<unknown> | undefined;
  let plannedMs = 0;
  // Plans the wait before the next attempt in the filter: cockatiel 3.2's backoff cannot stop a retry.
  const fits = (retryAfterSeconds: number | undefined): boolean => {
    backoff = backoff ? backoff.next(undefined) : jitter.next();
    plannedMs = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : backoff.duration;
    const now = Date.now();
    return (
      now - started + plannedMs <= tuning.retryBudgetMs && now + plannedMs <= (tuning.deadline ?? Infinity)
    );
  };
  const policy = retry(
    handleWhen((error) => !(error instanceof UpstreamError) && fits(undefined)).orWhenResult((result) => {
      const response = result as R;
      const retried = mapping.retried ?? isFailureStatus;
      return retried(response.status) && fits(mapping.retryAfterSeconds(response.headers));
    }),
    { maxAttempts: tuning.maxRetries, backoff: new DelegateBackoff(() => plannedMs) },
  );
  let lastFailure: UpstreamError | undefined;
  policy.onRetry((event) => {
    if ('error' in event) lastFailure = mapping.networkError(event.error);
    else {
      const response = event.value as R;
      const retryAfter = mapping.retryAfterSeconds(response.headers);
      lastFailure = mapping.statusError(response.status, retryAfter);
      void response.body.dump().catch(() => undefined);
    }
    mapping.onRetry?.(event.delay);
  });
  try {
    return await policy.execute(attempt, signal);
  } catch (error) {
    // A refused retry reports the provider's real failure rather than the refusal.
    if (error instanceof UpstreamError) throw lastFailure ?? error;
    throw mapping.networkError(error);
  }
}
