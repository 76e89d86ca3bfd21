/**
 * The one HTTP client every connector uses: an undici Pool per provider origin with keep-alive,
 * timeouts, bounded retries for idempotent calls, and failures mapped to typed UpstreamErrors.
 * It never puts a URL query, header or body in an error message: they may hold credentials.
 */
import { handleWhenResult, retry } from 'cockatiel';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import { ErrorCode, UpstreamError, type ProviderName } from '../errors';
import type { SharedStore } from '../store/types';
import {
  UpstreamGuard,
  isFailureStatus,
  type BreakerState,
  type BreakerStateChange,
} from './resilience/upstream-guard';
import { RateLimitPacer } from './resilience/rate-limit-pacer';
import { retryAfterSeconds } from './resilience/retry-after';
import type { BudgetClock } from './resilience/upstream-budget';
import { withRetries } from './resilience/upstream-retry';
import { currentUpstreamScope } from './resilience/upstream-scope';
import type { UpstreamSettings } from './resilience/upstream-settings';

export type { BreakerState, BreakerStateChange };
export { retryAfterSeconds };

export interface UpstreamClientOptions {
  provider: ProviderName;
  /** Origin plus optional base path, e.g. `http://127.0.0.1:4101/api`. */
  baseUrl: string;
  /** Connect timeout in ms (default 5,000). */
  connectTimeoutMs?: number;
  /** Time to receive response headers in ms (default 15,000). */
  headersTimeoutMs?: number;
  /** Max idle time between body chunks in ms (default 30,000). */
  bodyTimeoutMs?: number;
  /**
   * Time to a write's response headers in ms (default 60,000): longer than reads', since a write given
   * up on may still commit and must then be reconciled.
   */
  writeTimeoutMs?: number;
  /** Connections in the pool: also caps concurrent calls to the provider (default 16). */
  connections?: number;
  /** Retries for idempotent requests on network errors, 429 and 5xx (default 2). */
  maxRetries?: number;
  /** Base backoff in ms, doubled per attempt with full jitter (default 100). */
  retryBaseMs?: number;
  /** Cap on the total time spent retrying, in ms (default 5,000). */
  retryBudgetMs?: number;
  /** Called once per upstream attempt, for metrics and tests. */
  onAttempt?: (event: UpstreamAttempt) => void;
  /** Called before each retry's wait with its length in ms (metrics; tests driving fake timers). */
  onRetry?: (delayMs: number) => void;
  /**
   * Circuit breaker for this provider (default on: opens after 5 consecutive failures — network
   * errors, timeouts, 5xx, never a 429 — and lets one probe through after 10,000 ms); `false` turns it off.
   */
  breaker?: { failureThreshold?: number; resetTimeoutMs?: number } | false;
  /** Calls allowed to wait for response headers at once; the rest queue (default `connections`). */
  maxConcurrent?: number;
  /** Calls allowed to queue behind `maxConcurrent`; more fail at once with UPSTREAM_ERROR (default 1,000). */
  maxQueued?: number;
  /** Longest wait in that queue in ms before failing with UPSTREAM_TIMEOUT (default `headersTimeoutMs`). */
  queueTimeoutMs?: number;
  /** Called when the breaker changes state, for metrics and logs. */
  onBreakerStateChange?: (event: BreakerStateChange) => void;
  /**
   * The account whose quota the calls spend (a token, `clientId|user`): hashed into the budget's key,
   * never stored or logged as is. Without it, or without `budgetStore`, no budget applies.
   */
  credential?: string;
  /** Where budgets are counted: the gateway's shared store, so instances on one Redis share them. */
  budgetStore?: SharedStore;
  /** A store other instances share (Redis): per-route caps then count every instance's calls. */
  routeSlotStore?: SharedStore;
  /** Budgets, concurrency per route and timeouts per provider and route (config `upstream`); default the documented limits. */
  upstream?: UpstreamSettings;
  /** Clock of budget waits, injectable for tests (default the wall clock). */
  budgetClock?: BudgetClock;
}

export interface UpstreamAttempt {
  provider: ProviderName;
  method: string;
  route: string;
  status: number | null;
  durationMs: number;
  error?: string;
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Path below the base URL, with path parameters already encoded (use `encodePath`). */
  path: string;
  /** A stable route label without ids, for metrics and logs (e.g. `GET /companies`). */
  route: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  body?: string | Buffer | Readable | null;
  /** Safe to retry (GETs, token calls). Defaults to true for GET. */
  idempotent?: boolean;
  signal?: AbortSignal;
  /**
   * Runs after every wait (budget, route slot, concurrency queue), right before the request leaves,
   * on each attempt: a write's checkpoint goes here, so it is stamped at dispatch. A throw stops the
   * request unsent and is rethrown as it is by `send`. Default none.
   */
  beforeDispatch?: () => Promise<void>;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Dispatcher.ResponseData['body'];
}

/** `encodePath\`/companies/${id}\`` percent-encodes every interpolated segment. */
export function encodePath(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce(
    (out, part, i) => out + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''),
    '',
  );
}

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A request its `beforeDispatch` stopped: our own refusal, so never judged by the breaker nor reported. */
class NotDispatched extends UpstreamError {
  constructor(
    provider: ProviderName,
    readonly reason: unknown,
  ) {
    super(provider, ErrorCode.UPSTREAM_ERROR, 'request stopped before it was sent');
  }
}

/** 429s one call may wait out with a budget before its 429 is returned to the caller. */
const MAX_RATE_LIMIT_REFUSALS = 3;

/** The options that always have a value once defaults are applied. */
type Tuning =
  | 'connectTimeoutMs'
  | 'headersTimeoutMs'
  | 'bodyTimeoutMs'
  | 'connections'
  | 'maxRetries'
  | 'retryBaseMs'
  | 'retryBudgetMs';

export class UpstreamClient {
  readonly provider: ProviderName;
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly options: Required<Pick<UpstreamClientOptions, Tuning>> & UpstreamClientOptions;
  private readonly guard: UpstreamGuard;
  private readonly pacer: RateLimitPacer;
  /** A 429 under a budget did not run the call: it waits out the provider's reset and goes again. */
  private readonly refusals = retry(
    handleWhenResult((response) => (response as UpstreamResponse).status === 429),
    { maxAttempts: MAX_RATE_LIMIT_REFUSALS },
  );

  constructor(options: UpstreamClientOptions) {
    const url = new URL(options.baseUrl);
    this.provider = options.provider;
    this.basePath = url.pathname.replace(/\/$/, '');
    this.pacer = new RateLimitPacer({ ...options, origin: url.origin });
    this.options = {
      connectTimeoutMs: 5_000,
      headersTimeoutMs: 15_000,
      bodyTimeoutMs: 30_000,
      connections: 16,
      maxRetries: 2,
      retryBaseMs: 100,
      retryBudgetMs: 5_000,
      ...options,
      ...this.pacer.timeouts,
    };
    this.pool = new Pool(url.origin, {
      connections: this.options.connections,
      connect: { timeout: this.options.connectTimeoutMs },
      headersTimeout: this.options.headersTimeoutMs,
      bodyTimeout: this.options.bodyTimeoutMs,
      keepAliveTimeout: 10_000,
    });
    this.guard = new UpstreamGuard({
      provider: this.provider,
      breaker: options.breaker ?? {},
      maxConcurrent: options.maxConcurrent ?? this.options.connections,
      maxQueued: options.maxQueued ?? 1_000,
      queueTimeoutMs: options.queueTimeoutMs ?? this.options.headersTimeoutMs,
      ...(options.onBreakerStateChange ? { onBreakerStateChange: options.onBreakerStateChange } : {}),
    });
  }

  /** The provider's circuit breaker state (`closed` when the breaker is turned off). */
  get breakerState(): BreakerState {
    return this.guard.breakerState;
  }

  /**
   * Sends a request and returns the raw response; the caller must consume or dump the body.
   * Idempotent requests are retried on network errors, 429 and 5xx with jittered exponential backoff
   * (or the provider's `Retry-After`), within `maxRetries` and `retryBudgetMs`; others (a POST unless
   * marked idempotent) are sent exactly once, since a lost response may hide a committed write.
   */
  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const idempotent = request.idempotent ?? request.method === 'GET';
    if (!idempotent) {
      try {
        return await this.paced(request, false);
      } catch (error) {
        if (error instanceof NotDispatched) throw error.reason;
        throw this.mapNetworkError(error);
      }
    }
    const { onRetry } = this.options;
    // A retry's wait never outlasts the request: past its deadline the caller gets the failure now.
    const deadline = currentUpstreamScope(request.signal)?.deadline;
    const tuning = { ...this.options, ...(deadline !== undefined ? { deadline } : {}) };
    return withRetries(tuning, request.signal, () => this.paced(request, true), {
      statusError: (status, retryAfter) => this.statusError(status, request.route, retryAfter),
      networkError: (error) => this.mapNetworkError(error),
      retryAfterSeconds,
      // A budgeted 429 comes back only once `paced` waited out its refusals: retrying it multiplies them.
      retried: (status) => isFailureStatus(status) && !(status === 429 && this.pacer.budgeted),
      ...(onRetry ? { onRetry } : {}),
    }).catch((error: unknown) => {
      throw error instanceof NotDispatched ? error.reason : error;
    });
  }

  /**
   * One attempt, gone again after each budgeted 429 (up to MAX_RATE_LIMIT_REFUSALS), which never counts
   * as a retry. A streamed body is read by its first attempt: its 429 goes back to the caller as it is.
   */
  private paced(request: UpstreamRequest, idempotent: boolean): Promise<UpstreamResponse> {
    if (!this.pacer.budgeted || request.body instanceof Readable) return this.attempt(request, idempotent);
    let refused: UpstreamResponse | undefined;
    return this.refusals.execute(async () => {
      if (refused) {
        await refused.body.dump();
        await this.pacer.refused(refused.headers);
      }
      const response = await this.attempt(request, idempotent);
      refused = response;
      return response;
    });
  }

  /**
   * One call: budget first (it may wait), then a slot on the route, then the breaker and concurrency
   * cap; throws undici's own error on network failure. The route slot is held until the body is read.
   */
  private async attempt(request: UpstreamRequest, idempotent: boolean): Promise<UpstreamResponse> {
    const grant = await this.pacer.take(request.signal);
    const settle = () => void grant.settle().catch(() => undefined);
    // A call refused before it left (route queue, open circuit, full queue, beforeDispatch) spent no quota.
    const unsent = () => void grant.release().catch(() => undefined);
    let releaseRoute: () => void;
    try {
      releaseRoute = await this.pacer.routeSlot(request.route, request.signal);
    } catch (error) {
      unsent();
      throw error;
    }
    const attemptStart = Date.now();
    try {
      const timeouts = this.pacer.routeTimeouts(request.route);
      const response = await this.guard.run(request.route, request.signal, async () => {
        await this.dispatching(request);
        return this.pool.request({
          method: request.method,
          path: this.basePath + request.path + buildQuery(request.query),
          headers: request.headers,
          body: request.body ?? null,
          signal: request.signal,
          // Writes wait longer for their answer than reads (config http.writeTimeoutMs): a commit is slow.
          ...(idempotent
            ? timeouts.headersTimeoutMs
              ? { headersTimeout: timeouts.headersTimeoutMs }
              : {}
            : {
                headersTimeout: Math.max(
                  this.options.writeTimeoutMs ?? 60_000,
                  timeouts.headersTimeoutMs ?? 0,
                ),
              }),
          ...(timeouts.bodyTimeoutMs ? { bodyTimeout: timeouts.bodyTimeoutMs } : {}),
        });
      });
      this.report(request, response.statusCode, attemptStart);
      settle();
      this.pacer.answered(response.headers, request.signal);
      response.body.once('close', releaseRoute);
      return { status: response.statusCode, headers: response.headers, body: response.body };
    } catch (error) {
      releaseRoute();
      // Refusals made before any call (open circuit, full queue) reached no provider.
      if (error instanceof UpstreamError) unsent();
      else {
        settle();
        this.pacer.answered(null, request.signal);
        this.report(request, null, attemptStart, error);
      }
      throw error;
    }
  }

  /** Runs the request's `beforeDispatch`, its failure wrapped so that it passes the breaker unjudged. */
  private async dispatching(request: UpstreamRequest): Promise<void> {
    try {
      await request.beforeDispatch?.();
    } catch (error) {
      throw new NotDispatched(this.provider, error);
    }
  }

  /**
   * Sends a request, expects one of `okStatuses` (default 2xx), and parses the JSON body with `schema`.
   * Other statuses become typed errors unless listed in `passStatuses`, which return `{ status }` only.
   */
  async json<S extends z.ZodType>(
    request: UpstreamRequest,
    schema: S,
  ): Promise<{ status: number; data: z.infer<S>; headers: UpstreamResponse['headers'] }> {
    const response = await this.send({
      ...request,
      headers: { accept: 'application/json', ...request.headers },
    });
    await this.assertOk(response, request);
    const data = await this.readJson(response, request.route);
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new UpstreamError(
        this.provider,
        ErrorCode.UPSTREAM_INVALID_RESPONSE,
        `unexpected response shape from ${request.route}`,
        response.status,
      );
    }
    return { status: response.status, data: parsed.data, headers: response.headers };
  }

  /** Throws the typed error for a non-2xx response (after draining its body). */
  async assertOk(response: UpstreamResponse, request: Pick<UpstreamRequest, 'route'>): Promise<void> {
    if (response.status >= 200 && response.status < 300) return;
    await response.body.dump().catch(() => undefined);
    throw this.statusError(response.status, request.route, retryAfterSeconds(response.headers));
  }

  async readJson(response: UpstreamResponse, route: string): Promise<unknown> {
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      throw this.mapNetworkError(error);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new UpstreamError(
        this.provider,
        ErrorCode.UPSTREAM_INVALID_RESPONSE,
        `malformed JSON from ${route}`,
        response.status,
      );
    }
  }

  statusError(status: number, route: string, retryAfter?: number): UpstreamError {
    if (status === 429)
      return new UpstreamError(
        this.provider,
        ErrorCode.UPSTREAM_RATE_LIMITED,
        `rate limited on ${route}`,
        status,
        retryAfter,
      );
    if (status === 504 || status === 408)
      return new UpstreamError(this.provider, ErrorCode.UPSTREAM_TIMEOUT, `timed out on ${route}`, status);
    if (status === 401 || status === 403)
      return new UpstreamError(
        this.provider,
        ErrorCode.UPSTREAM_ERROR,
        `credentials refused on ${route}`,
        status,
      );
    return new UpstreamError(this.provider, ErrorCode.UPSTREAM_ERROR, `HTTP ${status} on ${route}`, status);
  }

  mapNetworkError(error: unknown): UpstreamError {
    if (error instanceof UpstreamError) return error;
    if (
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError ||
      error instanceof undiciErrors.ConnectTimeoutError
    ) {
      return new UpstreamError(this.provider, ErrorCode.UPSTREAM_TIMEOUT, 'provider did not answer in time');
    }
    const name = error instanceof Error ? error.name : 'Error';
    return new UpstreamError(this.provider, ErrorCode.UPSTREAM_ERROR, `provider unreachable (${name})`);
  }

  /** Closes the pool once in-flight calls finish. */
  async close(): Promise<void> {
    await this.pool.close();
  }

  /** Closes the pool at once, failing in-flight calls (shutdown past its drain bound, tests). */
  async destroy(): Promise<void> {
    await this.pool.destroy();
  }

  private report(request: UpstreamRequest, status: number | null, started: number, error?: unknown) {
    this.options.onAttempt?.({
      provider: this.provider,
      method: request.method,
      route: request.route,
      status,
      durationMs: Date.now() - started,
      ...(error ? { error: error instanceof Error ? error.name : 'Error' } : {}),
    });
  }
}
