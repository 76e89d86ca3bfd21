/**
 * The upstream client's side of a provider's limits: takes budget before each call (waiting, in the
 * caller's scope order, up to its deadline), caps the calls in flight per route (across instances on a
 * shared store), re-syncs the budget from `X-Rate-Limit-Remaining/-Reset` and waits out a 429's reset,
 * and tallies each call in the scope. Project code rather than cockatiel: no policy there counts a quota
 * or a cap shared by instances in Redis.
 */
import { createHash } from 'node:crypto';
import { ErrorCode, UpstreamError, type ProviderName } from '../../errors';
import { StoreUnavailableError } from '../../store/errors';
import type { SharedStore } from '../../store/types';
import type { BulkheadPolicy } from 'cockatiel';
import { acquireSlot, slotBulkhead, type SlotRefusal } from './bulkhead-slot';
import { UpstreamBudget, systemClock, type BudgetClock, type BudgetGrant } from './upstream-budget';
import { retryAfterSeconds } from './retry-after';
import { SharedRouteSlots } from './shared-route-slots';
import { currentUpstreamScope } from './upstream-scope';
import {
  DEFAULT_BULK_WAIT_MS,
  DEFAULT_WAIT_MS,
  providerSettings,
  type ProviderUpstreamSettings,
  type RouteTimeouts,
  type UpstreamSettings,
} from './upstream-settings';

type Headers = Record<string, string | string[] | undefined>;

const NO_GRANT: BudgetGrant = { settle: async () => undefined, release: async () => undefined };
/** Calls allowed to wait for a slot on one route; more are refused at once. */
const ROUTE_QUEUE = 1_000;
/**
 * Route caps by credential, for a gateway alone on its store: the provider counts calls in flight per
 * token, whichever tenant's client sends them (instances sharing a store count in it instead).
 */
const routesByCredential = new Map<string, Map<string, BulkheadPolicy>>();

export interface RateLimitPacerOptions {
  provider: ProviderName;
  /** The provider's origin: one credential on two hosts is two budgets. */
  origin: string;
  credential?: string;
  budgetStore?: SharedStore;
  /** A store other instances share: route caps then count their calls too. */
  routeSlotStore?: SharedStore;
  upstream?: UpstreamSettings;
  budgetClock?: BudgetClock;
}

const header = (headers: Headers, name: string): number | undefined => {
  const raw = headers[name];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return raw === undefined || !Number.isFinite(value) ? undefined : value;
};

export class RateLimitPacer {
  private readonly settings: ProviderUpstreamSettings;
  private readonly budget: UpstreamBudget | null;
  private readonly routes: Map<string, BulkheadPolicy>;
  private readonly sharedSlots: { slots: SharedRouteSlots; key: string } | null;
  private readonly waitMs: number;
  private readonly bulkWaitMs: number;

  constructor(private readonly options: RateLimitPacerOptions) {
    this.settings = providerSettings(options.provider, options.upstream);
    this.waitMs = options.upstream?.waitMs ?? DEFAULT_WAIT_MS;
    this.bulkWaitMs = options.upstream?.bulkWaitMs ?? DEFAULT_BULK_WAIT_MS;
    // One credential = one budget and one set of route caps, across tenants (and, for the budget, instances).
    const account = options.credential
      ? `${options.provider}:${createHash('sha256')
          .update(`${options.origin}\n${options.credential}`)
          .digest('hex')
          .slice(0, 32)}`
      : null;
    this.routes = account
      ? sharedRoutes(`${account}:${this.settings.concurrentPerRoute}`)
      : new Map<string, BulkheadPolicy>();
    const cap = this.settings.concurrentPerRoute;
    const clock = options.budgetClock;
    this.sharedSlots =
      cap && account && options.routeSlotStore
        ? {
            slots: new SharedRouteSlots({
              store: options.routeSlotStore,
              capacity: cap,
              ...(clock ? { now: () => clock.now(), sleep: (ms: number) => clock.sleep(ms) } : {}),
            }),
            // The key holds only a hash of the credential.
            key: `upstream-route-slots:${account}:`,
          }
        : null;
    const limit = this.settings.budget;
    this.budget =
      limit && account && options.budgetStore
        ? new UpstreamBudget({
            provider: options.provider,
            store: options.budgetStore,
            // The key holds only a hash of the credential.
            key: `upstream-budget:${account}`,
            limit,
            ...(options.budgetClock ? { clock: options.budgetClock } : {}),
          })
        : null;
  }

  /** Whether calls spend a budget (then a 429 is waited out rather than returned). */
  get budgeted(): boolean {
    return this.budget !== null;
  }

  /** The provider-wide timeouts configured for this provider, over the global ones. */
  get timeouts(): RouteTimeouts {
    const { headersTimeoutMs, bodyTimeoutMs } = this.settings;
    return {
      ...(headersTimeoutMs ? { headersTimeoutMs } : {}),
      ...(bodyTimeoutMs ? { bodyTimeoutMs } : {}),
    };
  }

  routeTimeouts(route: string): RouteTimeouts {
    return this.settings.routes?.[route] ?? {};
  }

  /** Waits for budget, in the current scope's order and up to its deadline; settle the grant on the answer. */
  async take(signal?: AbortSignal): Promise<BudgetGrant> {
    if (!this.budget) return NO_GRANT;
    const scope = currentUpstreamScope(signal);
    const priority = scope?.priority ?? 'interactive';
    const deadline = scope?.deadline ?? this.now() + (priority === 'bulk' ? this.bulkWaitMs : this.waitMs);
    try {
      return await this.budget.take({ priority, deadline, ...(signal ? { signal } : {}) });
    } finally {
      if (scope) scope.usage.budgetLeft[this.options.provider] = this.budget.remaining;
    }
  }

  /**
   * A slot on `route` (a no-op without a per-route cap), counted by every instance on a shared store,
   * else by this process; call the result once the body is read.
   */
  async routeSlot(route: string, signal?: AbortSignal): Promise<() => void> {
    const cap = this.settings.concurrentPerRoute;
    if (!cap) return () => undefined;
    const wait = {
      ...(signal ? { signal } : {}),
      refuse: (reason: SlotRefusal) => this.routeError(reason, route),
    };
    if (this.sharedSlots)
      try {
        return await this.sharedSlots.slots.acquire(this.sharedSlots.key + route, {
          ...wait,
          deadline: this.now() + this.waitMs,
        });
      } catch (error) {
        // A store that does not answer leaves the cap to this process, as for a gateway alone.
        if (!(error instanceof StoreUnavailableError)) throw error;
      }
    let slots = this.routes.get(route);
    if (!slots) {
      slots = slotBulkhead(cap, ROUTE_QUEUE);
      this.routes.set(route, slots);
    }
    return acquireSlot(slots, { ...wait, timeoutMs: this.waitMs });
  }

  /** After each call (null: no answer): counts it in the scope and re-syncs from the quota headers. */
  answered(headers: Headers | null, signal?: AbortSignal | null): void {
    const scope = currentUpstreamScope(signal);
    const provider = this.options.provider;
    if (scope) scope.usage.calls[provider] = (scope.usage.calls[provider] ?? 0) + 1;
    const remaining = headers ? header(headers, 'x-rate-limit-remaining') : undefined;
    const reset = headers ? header(headers, 'x-rate-limit-reset') : undefined;
    if (this.budget && remaining !== undefined && reset !== undefined)
      void this.budget.sync(remaining, reset).catch(() => undefined);
    if (scope && this.budget) scope.usage.budgetLeft[provider] = this.budget.remaining;
  }

  /** A 429: nothing more goes out until the provider's Retry-After (or its spent window's reset) has passed. */
  async refused(headers: Headers): Promise<void> {
    if (!this.budget) return;
    const retryAfter = retryAfterSeconds(headers, this.now());
    const spent = header(headers, 'x-rate-limit-remaining') === 0;
    const seconds = retryAfter ?? (spent ? header(headers, 'x-rate-limit-reset') : undefined);
    // A 429 that names no wait (too many concurrent calls) waits half a second, not a whole window.
    await this.budget.pause(seconds !== undefined ? seconds * 1000 : 500);
  }

  private now(): number {
    return (this.options.budgetClock ?? systemClock).now();
  }

  private routeError(reason: SlotRefusal, route: string): UpstreamError {
    const { provider } = this.options;
    if (reason === 'aborted')
      return new UpstreamError(provider, ErrorCode.UPSTREAM_ERROR, `${route} aborted`);
    return new UpstreamError(provider, ErrorCode.UPSTREAM_RATE_LIMITED, `too many calls waiting on ${route}`);
  }
}

function sharedRoutes(key: string): Map<string, BulkheadPolicy> {
  let routes = routesByCredential.get(key);
  if (!routes) {
    routes = new Map<string, BulkheadPolicy>();
    routesByCredential.set(key, routes);
  }
  return routes;
}
